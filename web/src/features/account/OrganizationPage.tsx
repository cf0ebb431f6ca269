// Hồ sơ tổ chức: an organization (logged in through the national e-ID with its tax code) sees
// its account as GET /api/v1/me gives it: name, tax code, how and at what level it logged in.
// Organizations have no population data; this is their page after login (the citizen's profile
// page shows it to them too, instead of refusing them).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Forbidden, Loading, LoginRequired } from '../../components/AccessNotices.tsx';
import { vneidLoginUrl } from '../../lib/identity-paths.ts';
import { useSession, type Me } from '../../lib/session.tsx';
import { useRouter } from '../../router.tsx';
import '../../components/components.css';
import './account.css';

export function OrganizationPage() {
  const { t } = useTranslation();
  const { status, me } = useSession();
  const { path } = useRouter();
  let body: ReactNode;
  if (status === 'loading') body = <Loading />;
  else if (!me)
    body = (
      <LoginRequired
        text={t('account.organization.loginText')}
        action={
          <p>
            <a className="button button--primary" href={vneidLoginUrl(path)}>
              {t('account.login.vneid')}
            </a>
          </p>
        }
      />
    );
  else if (me.kind !== 'organization') body = <Forbidden text={t('account.organization.organizationsOnly')} />;
  else body = <OrganizationAccount me={me} />;
  return (
    <div className="page page--profile">
      <h1 tabIndex={-1}>{t('account.organization.title')}</h1>
      <p className="lead">{t('account.organization.intro')}</p>
      {body}
    </div>
  );
}

export function OrganizationAccount({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="organization-account-title" id="organization-account">
      <h2 id="organization-account-title">{t('account.organization.accountHeading')}</h2>
      <dl className="kv">
        <div className="kv__row">
          <dt>{t('account.organization.name')}</dt>
          <dd>{me.fullName}</dd>
        </div>
        <div className="kv__row">
          <dt>{t('account.organization.taxCode')}</dt>
          <dd>{me.taxCode ?? t('account.profile.noValue')}</dd>
        </div>
        <div className="kv__row">
          <dt>{t('account.profile.method')}</dt>
          <dd>{t(`account.method.${me.method}`, { defaultValue: me.method })}</dd>
        </div>
        {me.acr && (
          <div className="kv__row">
            <dt>{t('account.profile.level')}</dt>
            <dd>{t(`account.level.${me.acr}`, { defaultValue: me.acr })}</dd>
          </div>
        )}
      </dl>
      <p className="muted">{t('account.organization.noPopulationData')}</p>
    </section>
  );
}
