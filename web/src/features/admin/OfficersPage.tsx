// Quản trị cán bộ: search the officers of the units the caller covers (name, username or e-mail;
// unit with its sub-units; role; disabled ones too), 20 a page; each leads to the officer's page.
// The search is kept in the address (?q=…&donVi=…), so a result can be reloaded and shared.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Forbidden } from '../../components/AccessNotices.tsx';
import { failureText, SelectField, TextField } from '../../components/forms.tsx';
import { Notice } from '../../components/Notice.tsx';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { requestJson, type ApiResult } from '../../lib/api.ts';
import { IDENTITY_PATHS, pathWith } from '../../lib/identity-paths.ts';
import { hasPermission, useSession } from '../../lib/session.tsx';
import { Link, useRouter } from '../../router.tsx';
import { useUnits } from '../workspace/units.ts';
import { WorkspaceShell } from '../workspace/WorkspaceShell.tsx';
import { OfficerState, shortMoment, ROLES, UnitOptions, type Officer } from './shared.tsx';
import { roleLabel } from '../../lib/roles.ts';

const PAGE_SIZE = 20;

interface Search {
  q: string;
  unitId: string;
  role: string;
  includeDisabled: boolean;
  page: number;
}

const isList = (body: unknown): body is { items: Officer[]; total: number } =>
  typeof body === 'object' && body !== null && Array.isArray((body as { items?: unknown }).items);

function searchOfLocation(): Search {
  const p = new URLSearchParams(window.location.search);
  const page = Number(p.get('trang') ?? '1');
  return {
    q: p.get('q') ?? '',
    unitId: p.get('donVi') ?? '',
    role: p.get('vaiTro') ?? '',
    includeDisabled: p.get('caVoHieu') === '1',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function locationOf(s: Search): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.unitId) p.set('donVi', s.unitId);
  if (s.role) p.set('vaiTro', s.role);
  if (s.includeDisabled) p.set('caVoHieu', '1');
  if (s.page > 1) p.set('trang', String(s.page));
  const query = p.toString();
  return `${IDENTITY_PATHS.officers}${query ? `?${query}` : ''}`;
}

export function OfficersPage() {
  const { t } = useTranslation();
  return (
    <WorkspaceShell title={t('admin.officers.title')} intro={t('admin.officers.intro')} permission="officer.read">
      <OfficerSearch />
    </WorkspaceShell>
  );
}

function OfficerSearch() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { me } = useSession();
  const { navigate } = useRouter();
  const units = useUnits();
  const [search, setSearch] = useState<Search>(searchOfLocation);
  const [draft, setDraft] = useState<Search>(search);
  const [outcome, setOutcome] = useState<ApiResult<{ items: Officer[]; total: number }> | undefined>();

  // Back and forward move between searches.
  useEffect(() => {
    const onPop = () => {
      const s = searchOfLocation();
      setSearch(s);
      setDraft(s);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    const p = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String((search.page - 1) * PAGE_SIZE) });
    if (search.q.trim()) p.set('q', search.q.trim());
    if (search.unitId) p.set('unitId', search.unitId);
    if (search.role) p.set('role', search.role);
    if (search.includeDisabled) p.set('includeDisabled', 'true');
    setOutcome(undefined);
    requestJson(`/api/v1/admin/officers?${p.toString()}`, language, { accept: isList, signal: controller.signal }).then(
      (o) => setOutcome(o),
      () => undefined, // aborted
    );
    return () => controller.abort();
  }, [search, language]);

  const go = (next: Search) => {
    setSearch(next);
    navigate(locationOf(next));
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    go({ ...draft, page: 1 });
  }

  const errorPrefix = t('account.common.errorPrefix');
  const total = outcome?.kind === 'ok' ? outcome.data.total : 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <div className="page-actions">
        <span />
        {hasPermission(me, 'officer.manage') && (
          <Link to={IDENTITY_PATHS.officerNew} className="button button--primary">
            {t('admin.officers.add')}
          </Link>
        )}
      </div>
      <form className="panel search-form" role="search" aria-label={t('admin.officers.searchLabel')} onSubmit={onSubmit}>
        <TextField
          id="officer-q"
          type="search"
          label={t('admin.officers.q')}
          errorPrefix={errorPrefix}
          value={draft.q}
          onChange={(e) => setDraft((d) => ({ ...d, q: e.target.value }))}
        />
        <SelectField
          id="officer-unit"
          label={t('admin.officers.unit')}
          errorPrefix={errorPrefix}
          value={draft.unitId}
          onChange={(e) => setDraft((d) => ({ ...d, unitId: e.target.value }))}
        >
          <option value="">{t('admin.officers.allUnits')}</option>
          <UnitOptions units={units.flat} includeInactive />
        </SelectField>
        <SelectField
          id="officer-role"
          label={t('admin.officers.role')}
          errorPrefix={errorPrefix}
          value={draft.role}
          onChange={(e) => setDraft((d) => ({ ...d, role: e.target.value }))}
        >
          <option value="">{t('admin.officers.allRoles')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </SelectField>
        <div className="search-form__actions">
          <div className="field field--checkbox">
            <input
              id="officer-disabled"
              type="checkbox"
              className="checkbox"
              checked={draft.includeDisabled}
              onChange={(e) => setDraft((d) => ({ ...d, includeDisabled: e.target.checked }))}
            />
            <label htmlFor="officer-disabled">{t('admin.officers.includeDisabled')}</label>
          </div>
          <button type="submit" className="button button--primary">
            {t('admin.officers.search')}
          </button>
        </div>
      </form>

      <section aria-labelledby="officer-results-title" aria-busy={!outcome}>
        <h2 id="officer-results-title" className="visually-hidden">
          {t('admin.officers.resultsHeading')}
        </h2>
        <p className="result-count" role="status">
          {!outcome ? t('account.common.loading') : outcome.kind === 'ok' ? t('admin.officers.count', { count: total }) : ''}
        </p>
        {outcome && outcome.kind !== 'ok' ? (
          outcome.kind === 'problem' && outcome.problem.status === 403 ? (
            <Forbidden text={failureText(t, outcome)} />
          ) : (
            <Notice tone="error" title={t('account.common.loadFailedTitle')} live="alert">
              <p>{failureText(t, outcome)}</p>
            </Notice>
          )
        ) : outcome && outcome.data.items.length > 0 ? (
          <>
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="officer-table-caption">
              <table className="data-table" id="officer-table">
                <caption id="officer-table-caption">{t('admin.officers.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.officers.nameColumn')}</th>
                    <th scope="col">{t('admin.officer.unit')}</th>
                    <th scope="col">{t('admin.officer.roles')}</th>
                    <th scope="col">{t('admin.officer.stateLabel')}</th>
                    <th scope="col">{t('admin.officer.lastLogin')}</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.data.items.map((o) => (
                    <tr key={o.id}>
                      <th scope="row" className="officer-cell">
                        <Link to={pathWith(IDENTITY_PATHS.officer, { id: o.id })}>{o.fullName}</Link>
                        <span className="officer-cell__username">{o.username}</span>
                      </th>
                      <td>{units.label(o.unitId)}</td>
                      <td>
                        <ul className="badge-list">
                          {o.roles.map((g) => (
                            <li key={`${g.unitId}-${g.role}`} title={units.label(g.unitId)}>
                              <RoleBadge role={g.role} />
                              <span className="visually-hidden"> — {units.label(g.unitId)}</span>
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td>
                        <OfficerState officer={o} />
                      </td>
                      <td className="nowrap">{o.lastLoginAt ? shortMoment(t, o.lastLoginAt) : <span className="muted">{t('admin.officer.never')}</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {pages > 1 && (
              <nav className="pager" aria-label={t('admin.common.pagination')}>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={search.page <= 1}
                  onClick={() => go({ ...search, page: search.page - 1 })}
                >
                  {t('admin.common.previous')}
                </button>
                <span>{t('admin.common.pageOf', { page: search.page, pages })}</span>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={search.page >= pages}
                  onClick={() => go({ ...search, page: search.page + 1 })}
                >
                  {t('admin.common.next')}
                </button>
              </nav>
            )}
          </>
        ) : outcome ? (
          <p className="muted">{t('admin.officers.none')}</p>
        ) : null}
      </section>
    </>
  );
}
