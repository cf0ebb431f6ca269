// Pages of the technology supply and demand database: the public search of offers and demands
// with the technology map, and the officers' list and detail with each person's link status.
import type { RouteDefinition } from '../../routes.tsx';
import { OfficerDetailPage } from './pages/OfficerDetailPage.tsx';
import { OfficerListPage } from './pages/OfficerListPage.tsx';
import { PublicSearchPage } from './pages/PublicSearchPage.tsx';
import { TECHMARKET_PATHS } from './paths.ts';

export { TECHMARKET_PATHS };

export const routes: RouteDefinition[] = [
  { path: TECHMARKET_PATHS.public, titleKey: 'techMarket.title', Component: PublicSearchPage },
  { path: TECHMARKET_PATHS.officer, titleKey: 'techMarket.officer.title', Component: OfficerListPage },
  { path: TECHMARKET_PATHS.detail, titleKey: 'techMarket.detail.title', Component: OfficerDetailPage },
];
