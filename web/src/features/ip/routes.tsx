// Pages of the intellectual property database: the public search of published applications and
// granted titles, and the officers' list and detail with each person's link to the population
// database.
import type { RouteDefinition } from '../../routes.tsx';
import { IpApplicationPage } from './pages/IpApplicationPage.tsx';
import { IpOfficerPage } from './pages/IpOfficerPage.tsx';
import { IpSearchPage } from './pages/IpSearchPage.tsx';
import { IP_PATHS } from './paths.ts';

export const routes: RouteDefinition[] = [
  { path: IP_PATHS.search, titleKey: 'ip.search.title', Component: IpSearchPage },
  { path: IP_PATHS.officer, titleKey: 'ip.officer.title', Component: IpOfficerPage },
  { path: IP_PATHS.application, titleKey: 'ip.detail.title', Component: IpApplicationPage },
];
