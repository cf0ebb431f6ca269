// Pages of the data warehouse: the citizen's or organization's own warehouse, and the officers'
// digitization figures.
import type { RouteDefinition } from '../../routes.tsx';
import { DigitizationStatsPage } from './pages/DigitizationStatsPage.tsx';
import { WarehousePage } from './pages/WarehousePage.tsx';

export const WAREHOUSE_PATHS = { mine: '/kho-du-lieu', stats: '/can-bo/so-hoa' } as const;

export const routes: RouteDefinition[] = [
  { path: WAREHOUSE_PATHS.mine, titleKey: 'warehouse.title', navKey: 'warehouse.nav', navOrder: 25, Component: WarehousePage },
  { path: WAREHOUSE_PATHS.stats, titleKey: 'warehouse.stats.title', Component: DigitizationStatsPage },
];
