// For the officer's dossier page: what was recorded per component — digitized at receipt (pages,
// checks), exempted (the reason), reused from the applicant's warehouse (the document's type,
// issuer, number, dates), replaced by population data — and the scan state of each file; a
// component a supplement brought has its own row, marked as such.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { warehouseApi, type ComponentRecord } from '../api.ts';

export function DossierComponentsPanel({ dossierId, files }: { dossierId: string; files: ReadonlyArray<{ code: string; files: ReadonlyArray<{ id: string; name: string; role: string; scanStatus: string }> }> }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<ComponentRecord[] | undefined>();
  useEffect(() => {
    let live = true;
    void warehouseApi.components(dossierId, currentLanguage()).then((r) => {
      if (live && r.kind === 'ok') setItems(r.data.items);
    });
    return () => {
      live = false;
    };
    // Read again when the dossier's files change (a supplement recorded).
  }, [dossierId, files]);
  if (!items || items.length === 0) return null;
  const detail = (r: ComponentRecord) => {
    if (r.source === 'digitized') return t('warehouse.components.digitizedDetail', { pages: r.pageCount ?? 0 });
    if (r.source === 'exempt' && r.exemption) return t(`warehouse.digitize.reason.${r.exemption}`);
    if (r.document) return [r.document.title, r.document.issuer, r.document.number, r.document.issuedOn].filter(Boolean).join(' — ');
    return '';
  };
  return (
    <section className="panel" aria-labelledby="dossier-components-title">
      <h2 id="dossier-components-title">{t('warehouse.components.title')}</h2>
      <DataTable
        id="dossier-components"
        caption={t('warehouse.components.caption', { count: items.length })}
        rows={items}
        rowKey={(r) => `${r.componentCode}#${r.addedSeq}`}
        columns={[
          { id: 'code', header: t('warehouse.components.code'), rowHeader: true, cell: (r) => (r.addedSeq > 1 ? t('warehouse.components.supplemented', { code: r.componentCode }) : r.componentCode) },
          { id: 'source', header: t('warehouse.components.source'), cell: (r) => t(`warehouse.components.sources.${r.source}`) },
          { id: 'detail', header: t('warehouse.components.detail'), cell: detail },
          { id: 'by', header: t('warehouse.components.by'), cell: (r) => r.recordedBy },
          {
            id: 'scan',
            header: t('warehouse.components.scan'),
            cell: (r) =>
              (files.find((c) => c.code === r.componentCode)?.files ?? [])
                .filter((f) => (r.addedSeq > 1 ? f.role === 'supplement' : f.role !== 'supplement'))
                .map((f) => `${f.name}: ${t(`warehouse.scan.${f.scanStatus}`)}`)
                .join('; '),
          },
        ]}
      />
    </section>
  );
}
