// Administration: units, officers and the population query log (inside the officers' workspace).
import type { RouteDefinition } from '../../routes.tsx';
import { IDENTITY_PATHS } from '../../lib/identity-paths.ts';
import { OfficerCreatePage } from './OfficerCreatePage.tsx';
import { OfficerPage } from './OfficerPage.tsx';
import { OfficersPage } from './OfficersPage.tsx';
import { QueryLogPage } from './QueryLogPage.tsx';
import { UnitFormPage } from './UnitFormPage.tsx';
import { UnitsPage } from './UnitsPage.tsx';

export const routes: RouteDefinition[] = [
  { path: IDENTITY_PATHS.units, titleKey: 'admin.units.title', Component: UnitsPage },
  { path: IDENTITY_PATHS.unitNew, titleKey: 'admin.unit.newTitle', Component: UnitFormPage },
  { path: IDENTITY_PATHS.unit, titleKey: 'admin.unit.title', Component: UnitFormPage },
  { path: IDENTITY_PATHS.officers, titleKey: 'admin.officers.title', Component: OfficersPage },
  { path: IDENTITY_PATHS.officerNew, titleKey: 'admin.officerNew.title', Component: OfficerCreatePage },
  { path: IDENTITY_PATHS.officer, titleKey: 'admin.officer.title', Component: OfficerPage },
  { path: IDENTITY_PATHS.queryLog, titleKey: 'admin.queryLog.title', Component: QueryLogPage },
];
