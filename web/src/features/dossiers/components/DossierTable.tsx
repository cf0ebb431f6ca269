// A page of dossiers for officers: code (to the workspace page), procedure, applicant, status and
// due date (overdue marked in words, not only in colour), sorted by due date by the server.
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { DOSSIER_PATHS } from '../../../lib/dossier-paths.ts';
import { Link } from '../../../router.tsx';
import type { DossierSummary } from '../api.ts';
import { isOverdue, momentText } from './format.ts';

export function DossierTable({ id, caption, rows }: { id: string; caption: string; rows: readonly DossierSummary[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <DataTable
      id={id}
      caption={caption}
      rows={rows}
      rowKey={(d) => d.id}
      columns={[
        { id: 'code', header: t('dossiers.fields.code'), rowHeader: true, cell: (d) => <Link to={DOSSIER_PATHS.workspaceDossier(d.id)}>{d.code ?? t('dossiers.noCode')}</Link> },
        { id: 'procedure', header: t('dossiers.fields.procedure'), cell: (d) => d.procedureName },
        { id: 'applicant', header: t('dossiers.fields.applicant'), cell: (d) => `${d.applicantName} (${d.applicantIdNumber})` },
        { id: 'status', header: t('dossiers.fields.status'), cell: (d) => d.statusName[language] },
        {
          id: 'due',
          header: t('dossiers.fields.due'),
          cell: (d) =>
            isOverdue(d) ? (
              <strong className="dossier-late">
                {momentText(t, d.dueAt)} ({t('dossiers.overdue')})
              </strong>
            ) : (
              momentText(t, d.dueAt)
            ),
        },
      ]}
    />
  );
}
