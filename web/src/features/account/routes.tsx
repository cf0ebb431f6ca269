// Login entry, the citizen's profile (their population data), the organization's account and the officers' TOTP enrolment.
import type { RouteDefinition } from '../../routes.tsx';
import { IDENTITY_PATHS } from '../../lib/identity-paths.ts';
import { InvitationPage } from './InvitationPage.tsx';
import { LoginPage } from './LoginPage.tsx';
import { OrganizationPage } from './OrganizationPage.tsx';
import { ProfilePage } from './ProfilePage.tsx';
import { TotpPage } from './TotpPage.tsx';

export const routes: RouteDefinition[] = [
  { path: IDENTITY_PATHS.login, titleKey: 'account.login.title', Component: LoginPage },
  { path: IDENTITY_PATHS.profile, titleKey: 'account.profile.title', Component: ProfilePage },
  { path: IDENTITY_PATHS.profileOf, titleKey: 'account.profile.title', Component: ProfilePage },
  { path: IDENTITY_PATHS.organization, titleKey: 'account.organization.title', Component: OrganizationPage },
  { path: IDENTITY_PATHS.totp, titleKey: 'account.totp.title', Component: TotpPage },
  { path: IDENTITY_PATHS.invitation, titleKey: 'account.invitation.title', Component: InvitationPage },
];
