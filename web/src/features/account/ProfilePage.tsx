// Hồ sơ cá nhân: the logged-in citizen's data in the National Population Database
// (GET /api/v1/population/me), grouped, with the sensitive values masked by the server and the
// source and time of the reading. When the population database is down the page says so and
// that the data will be entered and verified manually; it never breaks. A citizen may only see
// their own data: /ho-so-ca-nhan/<another ID> is refused (403).
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Forbidden, Loading, LoginRequired } from '../../components/AccessNotices.tsx';
import { failureText } from '../../components/forms.tsx';
import { Notice } from '../../components/Notice.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { requestJson, type ApiResult } from '../../lib/api.ts';
import { formatCivilDate, formatMoment, vnMoment } from '../../lib/datetime.ts';
import { IDENTITY_PATHS, vneidLoginUrl } from '../../lib/identity-paths.ts';
import { useSession, type Me } from '../../lib/session.tsx';
import type { PopulationProfile as ServerPopulationProfile } from '@server/modules/population/schema.ts';
import { Link, useParams } from '../../router.tsx';
import { OrganizationAccount, OrganizationProfileFrame } from './components/OrganizationAccount.tsx';
import '../../components/components.css';
import './account.css';

/** POST /api/v1/population/me, as the server's schema declares it (a type-only import). */
export type PopulationProfile = ServerPopulationProfile;

/** `/auth/login?acr=LoA2&returnTo=…`: the e-ID login again, at the level the data needs. */
const loginAtLevelUrl = (acr: string, returnTo: string) => `/auth/login?${new URLSearchParams({ acr, returnTo }).toString()}`;

const isProfile = (body: unknown): body is PopulationProfile => {
  const b = body as Partial<PopulationProfile> | null;
  return (
    typeof b === 'object' && b !== null && typeof b.source === 'string' && typeof b.personal === 'object' &&
    typeof b.addresses === 'object' && typeof b.relatives === 'object' && typeof b.household === 'object' &&
    Array.isArray(b.masked)
  );
};

/**
 * At e-ID level 1 the server gives the basic part and names what it withholds (the relatives, the
 * household) with the level that shows it: the page says so and offers a level-2 login.
 */
const isProfileAnswer = (body: unknown): body is PopulationProfile => isProfile(body);

export function ProfilePage() {
  const { t } = useTranslation();
  const { status, me } = useSession();
  const { personalId: askedId } = useParams();

  let body: ReactNode;
  if (status === 'loading') body = <Loading />;
  else if (!me)
    body = (
      <LoginRequired text={t('account.profile.loginText')} vneid />
    );
  else if (me.kind === 'organization')
    return (
      <OrganizationProfileFrame>
        <OrganizationAccount me={me} />
      </OrganizationProfileFrame>
    );
  else if (me.kind !== 'citizen') body = <Forbidden text={t('account.profile.citizensOnly')} />;
  else if (askedId !== undefined && askedId !== me.personalId)
    body = (
      <Forbidden text={t('account.profile.otherPerson')}>
        <p>
          <Link to={IDENTITY_PATHS.profile}>{t('account.profile.ownProfileLink')}</Link>
        </p>
      </Forbidden>
    );
  else body = <CitizenProfile me={me} />;

  return (
    <div className="page page--profile">
      <h1 tabIndex={-1}>{t('account.profile.title')}</h1>
      <p className="lead">{t('account.profile.intro')}</p>
      {body}
    </div>
  );
}

type Load = { state: 'loading' } | { state: 'done'; outcome: ApiResult<PopulationProfile> };

function CitizenProfile({ me }: { me: Me }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const fetchProfile = useCallback(
    async (signal?: AbortSignal) => {
      setLoad({ state: 'loading' });
      try {
        // POST: reading one's population record is an action the server logs (and CSRF-checks).
        const outcome = await requestJson('/api/v1/population/me', language, {
          method: 'POST',
          body: {},
          accept: isProfileAnswer,
          ...(signal ? { signal } : {}),
        });
        if (!signal?.aborted) setLoad({ state: 'done', outcome });
      } catch {
        if (!signal?.aborted) setLoad({ state: 'done', outcome: { kind: 'network' } });
      }
    },
    [language],
  );

  useEffect(() => {
    const controller = new AbortController();
    void fetchProfile(controller.signal);
    return () => controller.abort();
  }, [fetchProfile]);

  const retry = (
    <p>
      <button type="button" className="button button--secondary" onClick={() => void fetchProfile()}>
        {t('account.common.retry')}
      </button>
    </p>
  );

  let data: ReactNode;
  if (load.state === 'loading') {
    data = <Loading text={t('account.profile.loading')} />;
  } else if (load.outcome.kind === 'ok') {
    const profile = load.outcome.data;
    const level = profile.requiredAcr ?? 'LoA2';
    data = (
      <>
        {profile.withheld.length > 0 && (
          <Notice tone="info" title={t('account.profile.withheldTitle')} live="status" id="population-withheld">
            <p>{t('account.profile.withheldText', { level: t(`account.level.${level}`, { defaultValue: level }) })}</p>
            <p>
              <a className="button button--primary" href={loginAtLevelUrl(level, IDENTITY_PATHS.profile)} id="population-login-again">
                {t('account.profile.withheldLogin', { level: t(`account.level.${level}`, { defaultValue: level }) })}
              </a>
            </p>
          </Notice>
        )}
        <PopulationData profile={profile} />
      </>
    );
  } else {
    const outcome = load.outcome;
    const code = outcome.kind === 'problem' ? outcome.problem.code : undefined;
    if (code === 'population_unavailable' || (outcome.kind === 'problem' && outcome.problem.status === 503)) {
      data = (
        <Notice tone="warning" title={t('account.profile.unavailableTitle')} live="alert" id="population-unavailable">
          <p>{t('account.profile.unavailableText')}</p>
          <p>{t('account.profile.unavailableManual')}</p>
          {retry}
        </Notice>
      );
    } else if (code === 'population_not_found') {
      data = (
        <Notice tone="info" title={t('account.profile.notFoundTitle')} live="status">
          <p>{t('account.profile.notFoundText')}</p>
        </Notice>
      );
    } else if (code === 'insufficient_assurance') {
      data = (
        <Notice tone="info" title={t('account.profile.levelTitle')} live="status">
          <p>{t('account.profile.levelText')}</p>
          <p>
            <a className="button button--primary" href={vneidLoginUrl(IDENTITY_PATHS.profile)}>
              {t('account.profile.levelLogin')}
            </a>
          </p>
        </Notice>
      );
    } else {
      data = (
        <Notice tone="error" title={t('account.common.loadFailedTitle')} live="alert">
          <p>{failureText(t, outcome)}</p>
          {retry}
        </Notice>
      );
    }
  }

  return (
    <div className="stack">
      <section className="panel" aria-labelledby="profile-account-title">
        <h2 id="profile-account-title">{t('account.profile.accountHeading')}</h2>
        <dl className="kv">
          <Row label={t('account.profile.fullName')}>{me.fullName}</Row>
          {me.personalId && <Row label={t('account.profile.personalId')}>{me.personalId}</Row>}
          {me.acr && <Row label={t('account.profile.level')}>{t(`account.level.${me.acr}`, { defaultValue: me.acr })}</Row>}
          <Row label={t('account.profile.method')}>{t(`account.method.${me.method}`, { defaultValue: me.method })}</Row>
        </dl>
      </section>
      <section aria-labelledby="profile-data-title" aria-busy={load.state === 'loading'} id="population-data">
        <h2 id="profile-data-title">{t('account.profile.dataHeading')}</h2>
        {data}
      </section>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="kv__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A value as the server sent it; a masked one is shown masked, and said so. */
function Value({ name, value, masked }: { name: string; value: string | null | undefined; masked: readonly string[] }) {
  const { t } = useTranslation();
  if (value === null || value === undefined || value === '') {
    return <span className="empty-value">{t('account.profile.noValue')}</span>;
  }
  if (!masked.includes(name)) return <>{value}</>;
  const last = /^\*+(\d{1,4})$/.exec(value)?.[1];
  return (
    <span className="masked-value" data-field={name}>
      <span className="masked" aria-hidden="true">
        {value}
      </span>
      <span className="visually-hidden">{last ? t('account.profile.maskedLast', { last }) : t('account.profile.maskedAll')}</span>
      <span className="masked-badge" aria-hidden="true">
        {t('account.profile.masked')}
      </span>
    </span>
  );
}

function PopulationData({ profile }: { profile: PopulationProfile }) {
  const { t } = useTranslation();
  const { personal, addresses, relatives, household, masked } = profile;
  const moment = vnMoment(profile.fetchedAt);
  const field = (name: string) => t(`account.profile.field.${name}`);

  const relative = (name: 'father' | 'mother' | 'spouse' | 'representative') => {
    const r = relatives[name];
    if (!r) return null;
    return (
      <Row key={name} label={field(name)}>
        <span className="relative">
          <span>{r.fullName ?? t('account.profile.noValue')}</span>
          {r.personalId && (
            <span className="relative__id">
              {t('account.profile.relativeIdLabel')}{' '}
              <Value name={`${name}.personalId`} value={r.personalId} masked={masked} />
            </span>
          )}
          {r.nationality && <span className="relative__id">{r.nationality}</span>}
        </span>
      </Row>
    );
  };

  return (
    <div className="stack" id="population-profile">
      <div className="source-note">
        <p>
          <strong>{t('account.profile.source', { source: profile.source })}</strong>{' '}
          {moment && (
            <time dateTime={profile.fetchedAt}>{t('account.profile.fetchedAt', { moment: formatMoment(t, moment) })}</time>
          )}
        </p>
        <p>{t('account.profile.maskNote')}</p>
      </div>
      <p className="visually-hidden" role="status">
        {t('account.profile.loaded')}
      </p>

      <section className="panel" aria-labelledby="profile-personal-title">
        <h3 id="profile-personal-title">{t('account.profile.personalHeading')}</h3>
        <dl className="kv">
          <Row label={field('fullName')}>{personal.fullName}</Row>
          <Row label={field('personalId')}>
            <Value name="personalId" value={personal.personalId} masked={masked} />
          </Row>
          {personal.oldIdNumber && (
            <Row label={field('oldIdNumber')}>
              <Value name="oldIdNumber" value={personal.oldIdNumber} masked={masked} />
            </Row>
          )}
          <Row label={field('birthDate')}>
            <Value name="birthDate" value={personal.birthDate ? formatCivilDate(t, personal.birthDate) : null} masked={masked} />
          </Row>
          <Row label={field('gender')}>
            <Value name="gender" value={personal.gender ? t(`account.profile.gender.${personal.gender}`) : null} masked={masked} />
          </Row>
          {(['ethnicity', 'religion', 'nationality', 'maritalStatus', 'bloodType'] as const).map((name) => (
            <Row key={name} label={field(name)}>
              <Value name={name} value={personal[name]} masked={masked} />
            </Row>
          ))}
        </dl>
      </section>

      <section className="panel" aria-labelledby="profile-addresses-title">
        <h3 id="profile-addresses-title">{t('account.profile.addressesHeading')}</h3>
        <dl className="kv">
          {(['birthRegistrationPlace', 'hometown', 'permanentAddress', 'currentAddress'] as const).map((name) => (
            <Row key={name} label={field(name)}>
              <Value name={name} value={addresses[name]?.text} masked={masked} />
            </Row>
          ))}
        </dl>
      </section>

      {(relatives.father || relatives.mother || relatives.spouse || relatives.representative) && (
        <section className="panel" aria-labelledby="profile-relatives-title">
          <h3 id="profile-relatives-title">{t('account.profile.relativesHeading')}</h3>
          <dl className="kv">
            {relative('father')}
            {relative('mother')}
            {relative('spouse')}
            {relative('representative')}
          </dl>
        </section>
      )}

      {(household.head || household.bookNumber) && (
        <section className="panel" aria-labelledby="profile-household-title">
          <h3 id="profile-household-title">{t('account.profile.householdHeading')}</h3>
          <dl className="kv">
            {household.head && (
              <Row label={field('householdHead')}>
                <span className="relative">
                  <span>{household.head.fullName ?? t('account.profile.noValue')}</span>
                  {household.head.personalId && (
                    <span className="relative__id">
                      {t('account.profile.relativeIdLabel')}{' '}
                      <Value name="householdHead.personalId" value={household.head.personalId} masked={masked} />
                    </span>
                  )}
                </span>
              </Row>
            )}
            {household.head?.relationship && <Row label={field('relationship')}>{household.head.relationship}</Row>}
            {household.bookNumber && (
              <Row label={field('bookNumber')}>
                <Value name="householdBookNumber" value={household.bookNumber} masked={masked} />
              </Row>
            )}
          </dl>
        </section>
      )}
    </div>
  );
}
