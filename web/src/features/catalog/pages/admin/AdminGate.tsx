// The administration pages need a logged-in officer with the admin or auditor role in a unit:
// anyone else gets a clear message (and a login link when not logged in). The server refuses
// them anyway; this only avoids showing pages that cannot work.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IDENTITY_PATHS } from '../../../../lib/identity-paths.ts';
import { useSession, type Me } from '../../../../lib/session.tsx';
import { useRights, type Rights } from '../../components/rights.ts';
import { Notice } from '../../../../components/Notice.tsx';

export function AdminGate({ title, children }: { title: string; children: (ctx: { me: Me; rights: Rights }) => ReactNode }) {
  const { t } = useTranslation();
  const { status, me } = useSession();
  const rights = useRights(me, status !== 'loading');
  const here = window.location.pathname + window.location.search;
  if (status === 'loading' || (me && rights.state === 'loading')) {
    return (
      <div className="page catalog" aria-busy="true">
        <h1 tabIndex={-1}>{title}</h1>
        <p role="status">{t('catalog.procedure.loading')}</p>
      </div>
    );
  }
  if (!me) {
    return (
      <div className="page catalog">
        <h1 tabIndex={-1}>{title}</h1>
        <Notice tone="info">
          <p>{t('catalog.admin.loginText')}</p>
          <a className="button button--primary" href={`${IDENTITY_PATHS.login}?returnTo=${encodeURIComponent(here)}`}>
            {t('catalog.admin.loginLink')}
          </a>
        </Notice>
      </div>
    );
  }
  if (rights.state !== 'ok') {
    return (
      <div className="page catalog">
        <h1 tabIndex={-1}>{title}</h1>
        <Notice tone="error" id="admin-forbidden">
          {t('catalog.admin.forbidden')}
        </Notice>
      </div>
    );
  }
  return <>{children({ me, rights: rights.rights })}</>;
}
