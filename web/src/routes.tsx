// The pages of the app. Core pages are listed here; each feature under src/features/<name>/
// contributes its own pages in `routes.tsx` (exporting `routes: RouteDefinition[]`) and its texts
// in `i18n/vi.json` and `i18n/en.json` — nothing to edit here to add a feature.
// A path may have parameters: `/thu-tuc/:code` matches `/thu-tuc/1.001234` (see useParams()).
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
  /** Position in the main navigation (lower first). */
  navOrder?: number;
  /** Who sees the navigation entry: everyone (default), or only officers. */
  navAudience?: 'everyone' | 'officer';
  Component: ComponentType;
}

const CORE_ROUTES: RouteDefinition[] = [
  { path: PATHS.home, titleKey: 'nav.home', navKey: 'nav.home', navOrder: 0, Component: HomePage },
  { path: PATHS.deadline, titleKey: 'deadline.title', navKey: 'nav.deadline', navOrder: 90, Component: DeadlinePage },
];

const featureModules = import.meta.glob<{ routes: RouteDefinition[] }>('./features/*/routes.tsx', { eager: true });

export const ROUTES: readonly RouteDefinition[] = [
  ...CORE_ROUTES,
  ...Object.values(featureModules).flatMap((m) => m.routes),
];

export const NAV_ROUTES: readonly RouteDefinition[] = ROUTES.filter((r) => r.navKey).sort(
  (a, b) => (a.navOrder ?? 50) - (b.navOrder ?? 50),
);

export interface RouteMatch {
  route: RouteDefinition;
  params: Record<string, string>;
}

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) {
      if (g === '') return undefined;
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return undefined;
      }
    } else if (w !== g) {
      return undefined;
    }
  }
  return params;
}

/** The page for a path: exact paths win over parameterized ones. */
export function findRoute(path: string): RouteMatch | undefined {
  const exact = ROUTES.find((r) => r.path === path);
  if (exact) return { route: exact, params: {} };
  for (const route of ROUTES) {
    if (!route.path.includes(':')) continue;
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return undefined;
}
