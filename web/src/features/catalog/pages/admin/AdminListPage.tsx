// Quản trị thủ tục: the procedures of the units the officer administers or audits, with their
// latest version, what is published and what is in draft.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../../i18n/index.ts';
import { Link } from '../../../../router.tsx';
import { catalogApi, type AdminList } from '../../api.ts';
import { failureText, Status } from '../../../../components/forms.tsx';
import { formatMoment, vnMoment } from '../../../../lib/datetime.ts';
import type { Rights } from '../../components/rights.ts';
import { DataTable } from '../../../../components/DataTable.tsx';
import { Notice } from '../../../../components/Notice.tsx';
import { CATALOG_PATHS } from '../../paths.ts';
import { AdminGate } from './AdminGate.tsx';
import '../../catalog.css';

export function AdminListPage() {
  const { t } = useTranslation();
  return <AdminGate title={t('catalog.admin.title')}>{({ rights }) => <AdminList rights={rights} />}</AdminGate>;
}

function AdminList({ rights }: { rights: Rights }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [list, setList] = useState<AdminList | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    setLoading(true);
    void catalogApi.adminList({ q, status, pageSize: 200 }, language).then((r) => {
      if (!live) return;
      setLoading(false);
      if (r.kind === 'ok') {
        setList(r.data);
        setError(undefined);
      } else setError(failureText(t, r));
    });
    return () => {
      live = false;
    };
  }, [q, status, language]);

  const canCreate = rights.adminUnits.size > 0;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setQ(text.trim());
  };

  return (
    <div className="page catalog">
      <h1 tabIndex={-1}>{t('catalog.admin.title')}</h1>
      <p className="lead">{t('catalog.admin.intro')}</p>
      <div className="cat-actions">
        {canCreate && (
          <Link to={CATALOG_PATHS.adminCreate} className="button button--primary">
            {t('catalog.admin.create')}
          </Link>
        )}
        <Link to={CATALOG_PATHS.adminTransfer} className="button button--secondary">
          {t('catalog.admin.transfer')}
        </Link>
      </div>

      <form className="panel cat-admin-search" role="search" aria-label={t('catalog.admin.searchLabel')} onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="admin-q" className="field__label">
            {t('catalog.search.queryLabel')}
          </label>
          <div className="cat-catalog-search__row">
            <input id="admin-q" type="search" className="input" value={text} onChange={(e) => setText(e.target.value)} />
            <button type="submit" className="button button--primary">
              {t('catalog.search.submit')}
            </button>
          </div>
        </div>
        <div className="field">
          <label htmlFor="admin-status" className="field__label">
            {t('catalog.admin.statusFilter')}
          </label>
          <select id="admin-status" className="input select input--medium" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('catalog.search.all')}</option>
            <option value="draft">{t('catalog.admin.hasDraft')}</option>
            <option value="published">{t('catalog.admin.isPublished')}</option>
            <option value="withdrawn">{t('catalog.admin.notPublished')}</option>
          </select>
        </div>
      </form>

      {error && <Notice tone="error">{error}</Notice>}
      {list && (
        <section aria-labelledby="admin-list-title">
          <h2 id="admin-list-title">{t('catalog.admin.count', { count: list.total })}</h2>
          <DataTable
            id="admin-list"
            caption={t('catalog.admin.tableCaption')}
            captionHidden
            rows={list.items}
            rowKey={(p) => p.id}
            columns={[
              { id: 'code', header: t('catalog.procedure.code'), cell: (p) => <Link to={CATALOG_PATHS.adminProcedure(p.code)}>{p.code}</Link> },
              { id: 'name', header: t('catalog.admin.name'), rowHeader: true, className: 'cat-name-cell', cell: (p) => <Link to={CATALOG_PATHS.adminProcedure(p.code)}>{p.name}</Link> },
              { id: 'owner', header: t('catalog.admin.owner'), cell: (p) => rights.unitNames.get(p.ownerUnitId)?.[language] ?? p.ownerUnitId },
              {
                id: 'latest',
                header: t('catalog.admin.latest'),
                cell: (p) => {
                  const updated = vnMoment(p.latest.updatedAt);
                  return (
                    <>
                      {t('catalog.admin.versionStatus', { n: p.latest.number, status: t(`catalog.status.${p.latest.status}`) })}
                      {updated && <span className="cat-subnote">{formatMoment(t, updated)}</span>}
                    </>
                  );
                },
              },
              { id: 'published', header: t('catalog.admin.published'), cell: (p) => p.publishedVersion ?? '—' },
              {
                id: 'draft',
                header: t('catalog.admin.draft'),
                cell: (p) =>
                  p.draftVersion !== null ? <Link to={CATALOG_PATHS.adminVersion(p.code, p.draftVersion)}>{t('catalog.admin.openDraft', { n: p.draftVersion })}</Link> : '—',
              },
              { id: 'parts', header: t('catalog.admin.publicParts'), cell: (p) => (p.publicPartsComplete ? t('catalog.admin.complete') : t('catalog.admin.incomplete')) },
            ]}
          />
        </section>
      )}
      <Status>{loading ? t('catalog.search.loading') : list ? t('catalog.admin.count', { count: list.total }) : ''}</Status>
    </div>
  );
}
