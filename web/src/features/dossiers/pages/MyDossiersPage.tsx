// Hồ sơ của tôi: the applicant's own dossiers (GET /api/v1/me/dossiers), newest first, each
// leading to its page.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, LoginRequired } from '../../../components/AccessNotices.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { failureText } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { DOSSIER_PATHS } from '../../../lib/dossier-paths.ts';
import { useSession } from '../../../lib/session.tsx';
import { Link } from '../../../router.tsx';
import { dossiersApi, type DossierSummary } from '../api.ts';
import { isOverdue, momentText } from '../components/format.ts';
import '../dossiers.css';

export function MyDossiersPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { status, me } = useSession();
  const [items, setItems] = useState<DossierSummary[] | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (!me || me.kind === 'officer') return;
    let live = true;
    void dossiersApi.mine(language).then((r) => {
      if (!live) return;
      if (r.kind === 'ok') setItems(r.data.items);
      else setError(failureText(t, r));
    });
    return () => {
      live = false;
    };
  }, [me, language]);

  let body;
  if (status === 'loading') body = <Loading />;
  else if (!me) body = <LoginRequired text={t('dossiers.mine.loginText')} vneid />;
  else if (me.kind === 'officer') body = <Notice tone="info">{t('dossiers.mine.officerText')}</Notice>;
  else if (error) body = <Notice tone="error">{error}</Notice>;
  else if (!items) body = <Loading text={t('dossiers.loading')} />;
  else if (items.length === 0)
    body = (
      <Notice tone="info">
        <p>{t('dossiers.mine.empty')}</p>
        <p>
          <Link to="/thu-tuc">{t('dossiers.mine.findProcedure')}</Link>
        </p>
      </Notice>
    );
  else
    body = (
      <DataTable
        id="my-dossiers"
        caption={t('dossiers.mine.caption', { count: items.length })}
        rows={items}
        rowKey={(d) => d.id}
        columns={[
          {
            id: 'code',
            header: t('dossiers.fields.code'),
            rowHeader: true,
            cell: (d) => <Link to={DOSSIER_PATHS.dossier(d.id)}>{d.code ?? t('dossiers.noCode')}</Link>,
          },
          { id: 'procedure', header: t('dossiers.fields.procedure'), cell: (d) => d.procedureName },
          { id: 'status', header: t('dossiers.fields.status'), cell: (d) => d.statusName[language] },
          { id: 'submitted', header: t('dossiers.fields.submitted'), cell: (d) => momentText(t, d.submittedAt ?? d.receivedAt) },
          {
            id: 'due',
            header: t('dossiers.fields.due'),
            cell: (d) => <span className={isOverdue(d) ? 'dossier-late' : undefined}>{momentText(t, d.dueAt)}</span>,
          },
        ]}
      />
    );

  return (
    <div className="page dossiers">
      <h1 tabIndex={-1}>{t('dossiers.mine.title')}</h1>
      {body}
    </div>
  );
}
