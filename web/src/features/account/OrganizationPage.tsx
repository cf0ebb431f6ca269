// Hồ sơ tổ chức: an organization (logged in through the national e-ID with its tax code) sees
// its account as GET /api/v1/me gives it: name, tax code, how and at what level it logged in.
// Organizations have no population data; this is their page after login (the citizen's profile
// page shows it to them too, instead of refusing them).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Forbidden, Loading, LoginRequired } from '../../components/AccessNotices.tsx';
import { useSession } from '../../lib/session.tsx';
import { OrganizationAccount, OrganizationProfileFrame } from './components/OrganizationAccount.tsx';
import '../../components/components.css';
import './account.css';

export function OrganizationPage() {
  const { t } = useTranslation();
  const { status, me } = useSession();
  let body: ReactNode;
  if (status === 'loading') body = <Loading />;
  else if (!me)
    body = (
      <LoginRequired text={t('account.organization.loginText')} vneid />
    );
  else if (me.kind !== 'organization') body = <Forbidden text={t('account.organization.organizationsOnly')} />;
  else body = <OrganizationAccount me={me} />;
  return <OrganizationProfileFrame>{body}</OrganizationProfileFrame>;
}
