// An organization's account as GET /api/v1/me gives it (name, tax code, login method and level),
// and the frame of the organization's profile page: shown by the organization page and by the
// citizen profile address an organization may land on after login.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../lib/session.tsx';

/** The page's heading and intro, then `children`. */
export function OrganizationProfileFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="page page--profile">
      <h1 tabIndex={-1}>{t('account.organization.title')}</h1>
      <p className="lead">{t('account.organization.intro')}</p>
      {children}
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
