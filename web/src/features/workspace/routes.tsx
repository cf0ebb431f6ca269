// The officers' workspace: its home (in the main navigation, for officers only) and the
// verification of an applicant against the National Population Database.
import type { RouteDefinition } from '../../routes.tsx';
import { IDENTITY_PATHS } from '../../lib/identity-paths.ts';
import { VerifyPage } from './VerifyPage.tsx';
import { VERIFY_PATH } from './WorkspaceShell.tsx';
import { WorkspaceHome } from './WorkspaceHome.tsx';

export const routes: RouteDefinition[] = [
  {
    path: IDENTITY_PATHS.workspace,
    titleKey: 'workspace.title',
    navKey: 'workspace.navEntry',
    navOrder: 80,
    navAudience: 'officer',
    Component: WorkspaceHome,
  },
  { path: VERIFY_PATH, titleKey: 'workspace.verify.title', Component: VerifyPage },
];
