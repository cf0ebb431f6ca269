// Pages of dossiers: the applicant's wizard (from a procedure page), their list and dossier page,
// the public lookup, and the officers' worklists, dossier workspace and counter intake. The pages
// with the e-form renderer are loaded on demand.
import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteDefinition } from '../../routes.tsx';
import { DOSSIER_PATHS } from '../../lib/dossier-paths.ts';
import '../../components/components.css';
import { LookupPage } from './pages/LookupPage.tsx';
import { MyDossiersPage } from './pages/MyDossiersPage.tsx';

function Loading() {
  const { t } = useTranslation();
  return (
    <div className="page" aria-busy="true">
      <p role="status">{t('dossiers.loading')}</p>
    </div>
  );
}

function onDemand<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ComponentType {
  const Page = lazy<ComponentType>(async () => ({ default: (await load())[name] as ComponentType }));
  return function OnDemandPage() {
    return (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    );
  };
}

const SubmitWizardPage = onDemand(() => import('./pages/SubmitWizardPage.tsx'), 'SubmitWizardPage');
const DossierPage = onDemand(() => import('./pages/DossierPage.tsx'), 'DossierPage');
const WorklistPage = onDemand(() => import('./pages/WorklistPage.tsx'), 'WorklistPage');
const OfficerDossierPage = onDemand(() => import('./pages/OfficerDossierPage.tsx'), 'OfficerDossierPage');
const CounterIntakePage = onDemand(() => import('./pages/CounterIntakePage.tsx'), 'CounterIntakePage');

export const routes: RouteDefinition[] = [
  { path: '/thu-tuc/:code/nop-ho-so', titleKey: 'dossiers.submit.title', Component: SubmitWizardPage },
  { path: DOSSIER_PATHS.mine, titleKey: 'dossiers.mine.title', navKey: 'dossiers.nav.mine', navOrder: 20, Component: MyDossiersPage },
  { path: '/ho-so/:id', titleKey: 'dossiers.page.title', Component: DossierPage },
  { path: DOSSIER_PATHS.lookup, titleKey: 'dossiers.lookup.title', navKey: 'dossiers.nav.lookup', navOrder: 30, Component: LookupPage },
  { path: DOSSIER_PATHS.worklists, titleKey: 'dossiers.worklists.title', Component: WorklistPage },
  { path: '/can-bo/ho-so/:id', titleKey: 'dossiers.page.title', Component: OfficerDossierPage },
  { path: DOSSIER_PATHS.intake, titleKey: 'dossiers.intake.title', Component: CounterIntakePage },
];
