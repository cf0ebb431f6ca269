// Pages of the sector databases as a whole: the hub that leads to each registry's public page (the
// one main-navigation entry for the four), and the officers' reconciliation with the population
// database, where a person is corrected from the report.
import type { RouteDefinition } from '../../routes.tsx';
import { ReconcilePage } from './pages/ReconcilePage.tsx';
import { RegistriesHubPage } from './pages/RegistriesHubPage.tsx';

export const REGISTRIES_PATHS = { hub: '/co-so-du-lieu', reconcile: '/can-bo/co-so-du-lieu/doi-soat' } as const;

export const routes: RouteDefinition[] = [
  { path: REGISTRIES_PATHS.hub, titleKey: 'registries.hub.title', navKey: 'registries.nav', navOrder: 60, Component: RegistriesHubPage },
  { path: REGISTRIES_PATHS.reconcile, titleKey: 'registries.reconcile.title', Component: ReconcilePage },
];
