// Pages of the procedure catalog: the public catalog (search, procedure, online form, version
// changes) and the administration of procedures (list, create, edit a version with its e-form,
// check, publish, withdraw, import and export). The pages with the e-form renderer (rjsf) and the
// administration are loaded on demand, so that the catalog search stays light on a phone.
import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteDefinition } from '../../routes.tsx';
import '../../components/components.css';
import { CatalogSearchPage } from './pages/CatalogSearchPage.tsx';
import { ProcedurePage } from './pages/ProcedurePage.tsx';

function Loading() {
  const { t } = useTranslation();
  return (
    <div className="page" aria-busy="true">
      <p role="status">{t('catalog.procedure.loading')}</p>
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

const OnlineFormPage = onDemand(() => import('./pages/OnlineFormPage.tsx'), 'OnlineFormPage');
const DiffPage = onDemand(() => import('./pages/DiffPage.tsx'), 'DiffPage');
const AdminListPage = onDemand(() => import('./pages/admin/AdminListPage.tsx'), 'AdminListPage');
const CreateProcedurePage = onDemand(() => import('./pages/admin/CreateProcedurePage.tsx'), 'CreateProcedurePage');
const TransferPage = onDemand(() => import('./pages/admin/TransferPage.tsx'), 'TransferPage');
const ProcedureAdminPage = onDemand(() => import('./pages/admin/ProcedureAdminPage.tsx'), 'ProcedureAdminPage');
const VersionEditorPage = onDemand(() => import('./pages/admin/VersionEditorPage.tsx'), 'VersionEditorPage');

export const routes: RouteDefinition[] = [
  { path: '/thu-tuc', titleKey: 'catalog.search.title', navKey: 'catalog.nav.catalog', navOrder: 10, Component: CatalogSearchPage },
  { path: '/thu-tuc/:code', titleKey: 'catalog.procedure.title', Component: ProcedurePage },
  { path: '/thu-tuc/:code/nop-truc-tuyen', titleKey: 'catalog.form.title', Component: OnlineFormPage },
  { path: '/thu-tuc/:code/phien-ban/:n/so-sanh', titleKey: 'catalog.diff.title', Component: DiffPage },
  {
    path: '/quan-tri/thu-tuc',
    titleKey: 'catalog.admin.title',
    navKey: 'catalog.nav.admin',
    navOrder: 60,
    navAudience: 'officer',
    Component: AdminListPage,
  },
  { path: '/quan-tri/thu-tuc/tao-moi', titleKey: 'catalog.create.title', Component: CreateProcedurePage },
  { path: '/quan-tri/thu-tuc/nhap-xuat', titleKey: 'catalog.transfer.title', Component: TransferPage },
  { path: '/quan-tri/thu-tuc/:code', titleKey: 'catalog.adminProcedure.title', Component: ProcedureAdminPage },
  { path: '/quan-tri/thu-tuc/:code/phien-ban/:n', titleKey: 'catalog.editor.title', Component: VersionEditorPage },
];
