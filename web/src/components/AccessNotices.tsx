// What a page shows instead of its content when the visitor may not see it: a login invitation
// (not logged in), an access-denied message (403), or a loading line while the session is read.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../router.tsx';
import { Link } from '../router.tsx';
import { vneidLoginUrl } from '../lib/identity-paths.ts';
import { loginPathFor } from './AccountMenu.tsx';
import { Notice } from './Notice.tsx';

export function Loading({ text }: { text?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {text ?? t('account.common.loading')}
    </p>
  );
}

/**
 * Not logged in: why, and the way to log in (coming back here afterwards). `vneid`: the page is
 * an applicant's, so the way is the VNeID login itself.
 */
export function LoginRequired({ text, action, vneid }: { text: string; action?: ReactNode; vneid?: boolean }) {
  const { t } = useTranslation();
  const { path } = useRouter();
  return (
    <Notice tone="info" title={t('account.common.loginRequiredTitle')}>
      <p>{text}</p>
      {action ??
        (vneid ? (
          <p>
            <a className="button button--primary" href={vneidLoginUrl(path)}>
              {t('account.login.vneid')}
            </a>
          </p>
        ) : (
        <p>
          <Link to={loginPathFor(path)} className="button button--primary">
            {t('account.header.login')}
          </Link>
        </p>
        ))}
    </Notice>
  );
}

/** 403: the user is logged in but may not see this page. */
export function Forbidden({ text, children }: { text: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Notice tone="error" title={t('account.common.forbiddenTitle')} className="forbidden">
      <p>{text}</p>
      <p className="muted">{t('account.common.forbiddenCode')}</p>
      {children}
    </Notice>
  );
}
