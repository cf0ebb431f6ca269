// One procedure in the administration: its versions (drafts included), what is public, and the
// way to a new draft or the current one.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../../i18n/index.ts';
import { Link, useParams, useRouter } from '../../../../router.tsx';
import { catalogApi, type ProcedureVersionView, type VersionList } from '../../api.ts';
import { failureText } from '../../../../components/forms.tsx';
import { formatMoment, vnMoment } from '../../../../lib/datetime.ts';
import type { Rights } from '../../components/rights.ts';
import { DataTable } from '../../../../components/DataTable.tsx';
import { Notice } from '../../../../components/Notice.tsx';
import { CATALOG_PATHS } from '../../paths.ts';
import { AdminGate } from './AdminGate.tsx';
import '../../catalog.css';

export function ProcedureAdminPage() {
  const { t } = useTranslation();
  return <AdminGate title={t('catalog.adminProcedure.title')}>{({ rights }) => <ProcedureAdmin rights={rights} />}</AdminGate>;
}

function ProcedureAdmin({ rights }: { rights: Rights }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { navigate } = useRouter();
  const { code = '' } = useParams();
  const [versions, setVersions] = useState<VersionList | undefined>();
  const [latest, setLatest] = useState<ProcedureVersionView | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void catalogApi.versions(code, language).then(async (r) => {
      if (!live) return;
      if (r.kind !== 'ok') return setError(failureText(t, r));
      setVersions(r.data);
      const last = r.data.items.at(-1);
      if (last) {
        const v = await catalogApi.version(code, last.number, language);
        if (live && v.kind === 'ok') setLatest(v.data);
      }
    });
    return () => {
      live = false;
    };
  }, [code, language]);

  const owner = latest?.ownerUnit.id;
  const canEdit = owner !== undefined && rights.adminUnits.has(owner);
  const draft = versions?.items.find((v) => v.status === 'draft');

  async function newDraft() {
    if (busy) return;
    setBusy(true);
    const r = await catalogApi.newDraft(code, language);
    setBusy(false);
    if (r.kind === 'ok') navigate(CATALOG_PATHS.adminVersion(code, r.data.version.number));
    else setError(failureText(t, r));
  }

  return (
    <div className="page catalog">
      <nav className="cat-breadcrumb" aria-label={t('catalog.breadcrumb')}>
        <ol>
          <li>
            <Link to={CATALOG_PATHS.admin}>{t('catalog.admin.title')}</Link>
          </li>
          <li aria-current="page">{code}</li>
        </ol>
      </nav>
      <h1 tabIndex={-1}>{latest ? latest.content.name : t('catalog.adminProcedure.title')}</h1>
      {latest && (
        <p className="cat-procedure-page__meta">
          {t('catalog.procedure.codeLine', { code })} · {t('catalog.admin.owner')}: {latest.ownerUnit.name[language]}
        </p>
      )}
      {error && <Notice tone="error">{error}</Notice>}
      <div className="cat-actions">
        {canEdit && !draft && versions && (
          <button type="button" className="button button--primary" onClick={() => void newDraft()} aria-disabled={busy || undefined}>
            {t('catalog.adminProcedure.newDraft')}
          </button>
        )}
        {draft && (
          <Link to={CATALOG_PATHS.adminVersion(code, draft.number)} className="button button--primary">
            {canEdit ? t('catalog.adminProcedure.editDraft', { n: draft.number }) : t('catalog.adminProcedure.viewDraft', { n: draft.number })}
          </Link>
        )}
        {versions?.items.some((v) => v.status === 'published') && (
          <Link to={CATALOG_PATHS.procedure(code)} className="button button--secondary">
            {t('catalog.adminProcedure.publicPage')}
          </Link>
        )}
      </div>
      {!canEdit && latest && <Notice tone="info">{t('catalog.adminProcedure.readOnly')}</Notice>}

      {versions && (
        <section aria-labelledby="versions-title">
          <h2 id="versions-title">{t('catalog.adminProcedure.versions')}</h2>
          <DataTable
            id="versions"
            caption={t('catalog.adminProcedure.tableCaption')}
            captionHidden
            rows={[...versions.items].reverse()}
            rowKey={(v) => String(v.number)}
            columns={[
              { id: 'number', header: t('catalog.adminProcedure.version'), rowHeader: true, cell: (v) => v.number },
              {
                id: 'status',
                header: t('catalog.adminProcedure.status'),
                cell: (v) => (
                  <>
                    <span className={`cat-tag cat-tag--${v.status}`}>{t(`catalog.status.${v.status}`)}</span>
                    {v.withdrawnReason && <span className="cat-subnote">{v.withdrawnReason}</span>}
                  </>
                ),
              },
              {
                id: 'updated',
                header: t('catalog.adminProcedure.updated'),
                cell: (v) => {
                  const updated = vnMoment(v.updatedAt);
                  return updated ? formatMoment(t, updated) : v.updatedAt;
                },
              },
              {
                id: 'published',
                header: t('catalog.adminProcedure.publishedAt'),
                cell: (v) => {
                  const published = v.publishedAt ? vnMoment(v.publishedAt) : undefined;
                  return published ? formatMoment(t, published) : '—';
                },
              },
              {
                id: 'actions',
                header: t('catalog.adminProcedure.actions'),
                cell: (v) => (
                  <ul className="cat-inline-list">
                    <li>
                      <Link to={CATALOG_PATHS.adminVersion(code, v.number)}>
                        {v.status === 'draft' && canEdit ? t('catalog.adminProcedure.edit', { n: v.number }) : t('catalog.adminProcedure.view', { n: v.number })}
                      </Link>
                    </li>
                    {v.number > 1 && (
                      <li>
                        <Link to={CATALOG_PATHS.diff(code, v.number)}>{t('catalog.adminProcedure.diff', { n: v.number })}</Link>
                      </li>
                    )}
                  </ul>
                ),
              },
            ]}
          />
        </section>
      )}
    </div>
  );
}
