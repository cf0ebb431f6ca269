// Pages of the national science and technology database: the public search, and the officers' list
// and detail pages showing each person's link with the national population database.
import type { RouteDefinition } from '../../routes.tsx';
import { ST_PATHS } from './api.ts';
import { ScienceTechOfficerPage } from './pages/ScienceTechOfficerPage.tsx';
import { ScienceTechSearchPage } from './pages/ScienceTechSearchPage.tsx';
import { StResearcherPage } from './pages/StResearcherPage.tsx';
import { StTaskPage } from './pages/StTaskPage.tsx';

export const routes: RouteDefinition[] = [
  { path: ST_PATHS.search, titleKey: 'scienceTech.search.title', Component: ScienceTechSearchPage },
  { path: ST_PATHS.officer, titleKey: 'scienceTech.officer.title', Component: ScienceTechOfficerPage },
  { path: `${ST_PATHS.officer}/nhiem-vu/:id`, titleKey: 'scienceTech.task.title', Component: StTaskPage },
  { path: `${ST_PATHS.officer}/nha-khoa-hoc/:id`, titleKey: 'scienceTech.researcher.title', Component: StResearcherPage },
];
