// The public page of the 766 index ("Đánh giá chất lượng phục vụ"): a published month of the
// ministry with the units ranked, the trend and the plan's targets, and a unit's drill-down; and
// the officers' live figures with their explanation, and the reconciliation with the national
// portal's published figures (in the workspace).
import type { RouteDefinition } from '../../routes.tsx';
import { QualityPage } from './pages/QualityPage.tsx';
import { QualityUnitPage } from './pages/QualityUnitPage.tsx';
import { OfficerQualityPage } from './pages/OfficerQualityPage.tsx';
import { ReconciliationPage } from './pages/ReconciliationPage.tsx';
import { QUALITY_PATHS } from './paths.ts';


export const routes: RouteDefinition[] = [
  { path: QUALITY_PATHS.month, titleKey: 'quality.title', navKey: 'quality.nav', navOrder: 80, Component: QualityPage },
  { path: QUALITY_PATHS.unit, titleKey: 'quality.unit.title', Component: QualityUnitPage },
  { path: QUALITY_PATHS.live, titleKey: 'quality.live.title', Component: OfficerQualityPage },
  { path: QUALITY_PATHS.reconciliation, titleKey: 'quality.reconcile.title', Component: ReconciliationPage },
];
