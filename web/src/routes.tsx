// The pages of the app. To add a page: add its path to paths.ts, its component here, and (if it
// belongs in the main navigation) a `navKey`; its texts go in i18n/vi.json and i18n/en.json.
import type { ComponentType } from 'react';
import { DeadlinePage } from './pages/DeadlinePage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { PATHS } from './paths.ts';

export interface RouteDefinition {
  path: string;
  /** i18n key of the page name, used in the document title. */
  titleKey: string;
  /** i18n key of the entry in the main navigation; no entry when absent. */
  navKey?: string;
  Component: ComponentType;
}

export const ROUTES: readonly RouteDefinition[] = [
  { path: PATHS.home, titleKey: 'nav.home', navKey: 'nav.home', Component: HomePage },
  { path: PATHS.deadline, titleKey: 'deadline.title', navKey: 'nav.deadline', Component: DeadlinePage },
];

export const findRoute = (path: string): RouteDefinition | undefined => ROUTES.find((r) => r.path === path);
