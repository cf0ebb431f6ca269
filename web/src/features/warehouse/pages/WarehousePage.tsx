// Kho dữ liệu điện tử (Decree 45/2020 Art. 16): the signed-in citizen's or organization's
// documents — type, issuer, number, dates, where each came from, its files to download and the
// dossiers that used it; a form to add a document; removing what they uploaded themselves; and
// taking their documents from the national portal's warehouse.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_TYPE_NAMES } from '@server/contracts/digitization.ts';
import { Loading, LoginRequired } from '../../../components/AccessNotices.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { DateField, ErrorSummary, failureText, FileField, SelectField, Status, TextField, type SummaryItem } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatCivilDate } from '../../../lib/datetime.ts';
import { DOSSIER_PATHS } from '../../../lib/dossier-paths.ts';
import { useSession } from '../../../lib/session.tsx';
import { Link } from '../../../router.tsx';
import { fileUrl, warehouseApi, type WarehouseDocument } from '../api.ts';
import '../warehouse.css';

const EMPTY = { documentType: '', title: '', issuer: '', number: '', issuedOn: '', validUntil: '' };

export function WarehousePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { status, me } = useSession();
  const [items, setItems] = useState<WarehouseDocument[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [announce, setAnnounce] = useState('');
  const [fields, setFields] = useState(EMPTY);
  const [file, setFile] = useState<File | undefined>();
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const load = () =>
    warehouseApi.list(language).then((r) => {
      if (r.kind === 'ok') setItems(r.data.items);
      else setError(failureText(t, r));
    });

  useEffect(() => {
    if (!me || me.kind === 'officer') return;
    void load();
  }, [me, language]);

  async function add(e: FormEvent) {
    e.preventDefault();
    setAttempt((n) => n + 1);
    const missing: SummaryItem[] = [];
    if (!fields.documentType) missing.push({ target: 'wh-type', text: t('warehouse.upload.missingType') });
    if (!fields.title.trim()) missing.push({ target: 'wh-name', text: t('warehouse.upload.missingName') });
    if (!file) missing.push({ target: 'wh-file', text: t('warehouse.upload.missingFile') });
    setSummary(missing);
    if (missing.length > 0 || !file) return;
    setBusy(true);
    try {
      const r = await warehouseApi.upload({ ...fields, title: fields.title.trim() }, file, language);
      if (r.kind === 'ok') {
        setAnnounce(t('warehouse.upload.done', { title: r.data.title }));
        setFields(EMPTY);
        setFile(undefined);
        if (fileInput.current) fileInput.current.value = '';
        await load();
      } else setSummary([{ text: failureText(t, r) }]);
    } finally {
      setBusy(false);
    }
  }

  async function remove(doc: WarehouseDocument) {
    if (!window.confirm(t('warehouse.confirmRemove', { title: doc.title }))) return;
    const r = await warehouseApi.remove(doc.id, language);
    if (r.kind === 'ok') {
      setAnnounce(t('warehouse.removed', { title: doc.title }));
      await load();
    } else setError(failureText(t, r));
  }

  async function takeNational() {
    setBusy(true);
    try {
      const r = await warehouseApi.importNational(language);
      if (r.kind === 'ok') {
        setItems(r.data.items);
        setAnnounce(t('warehouse.nationalDone', { count: r.data.imported }));
      } else setError(failureText(t, r));
    } finally {
      setBusy(false);
    }
  }

  let body;
  if (status === 'loading') body = <Loading />;
  else if (!me) body = <LoginRequired text={t('warehouse.loginText')} vneid />;
  else if (me.kind === 'officer') body = <Notice tone="info">{t('warehouse.officerText')}</Notice>;
  else if (!items && !error) body = <Loading />;
  else
    body = (
      <>
        {error && <Notice tone="error">{error}</Notice>}
        <p>
          <button type="button" className="button button--secondary" onClick={() => void takeNational()} disabled={busy}>
            {t('warehouse.national')}
          </button>
        </p>
        {items && items.length === 0 ? (
          <Notice tone="info">{t('warehouse.empty')}</Notice>
        ) : (
          items && (
            <DataTable
              id="warehouse-documents"
              caption={t('warehouse.caption', { count: items.length })}
              rows={items}
              rowKey={(d) => d.id}
              columns={[
                {
                  id: 'document',
                  header: t('warehouse.col.document'),
                  rowHeader: true,
                  cell: (d) => (
                    <>
                      <strong>{d.title}</strong>
                      <br />
                      <span className="muted">{d.documentTypeName}</span>
                    </>
                  ),
                },
                { id: 'issuer', header: t('warehouse.col.issuer'), cell: (d) => [d.issuer, d.number].filter(Boolean).join(' — ') },
                {
                  id: 'dates',
                  header: t('warehouse.col.dates'),
                  cell: (d) => (
                    <>
                      {d.issuedOn ? formatCivilDate(t, d.issuedOn) : ''} {d.validUntil ? t('warehouse.validUntil', { date: formatCivilDate(t, d.validUntil) }) : t('warehouse.noExpiry')}
                      {!d.valid && <strong className="warehouse-expired"> {t('warehouse.expired')}</strong>}
                    </>
                  ),
                },
                { id: 'source', header: t('warehouse.col.source'), cell: (d) => t(`warehouse.provenance.${d.provenance}`) },
                {
                  id: 'files',
                  header: t('warehouse.col.files'),
                  cell: (d) => (
                    <ul className="plain-list">
                      {d.files.map((f) => (
                        <li key={f.id}>
                          <a href={fileUrl(d, f)} download>
                            {t('warehouse.download', { name: f.name })}
                          </a>{' '}
                          <span className="muted">({t(`warehouse.scan.${f.scanStatus}`)})</span>
                        </li>
                      ))}
                    </ul>
                  ),
                },
                {
                  id: 'usedBy',
                  header: t('warehouse.col.usedBy'),
                  cell: (d) =>
                    d.usedBy.length === 0 ? (
                      t('warehouse.notUsed')
                    ) : (
                      <ul className="plain-list">
                        {d.usedBy.map((u) => (
                          <li key={`${u.dossierId}-${u.componentCode}`}>
                            <Link to={DOSSIER_PATHS.dossier(u.dossierId)}>{u.dossierCode ?? u.dossierId.slice(0, 8)}</Link> ({u.componentCode})
                          </li>
                        ))}
                      </ul>
                    ),
                },
                {
                  id: 'actions',
                  header: t('warehouse.col.actions'),
                  cell: (d) =>
                    d.removable ? (
                      <button type="button" className="button button--secondary button--small" onClick={() => void remove(d)}>
                        {t('warehouse.remove')}
                        <span className="visually-hidden"> {d.title}</span>
                      </button>
                    ) : null,
                },
              ]}
            />
          )
        )}
        <section className="panel" aria-labelledby="wh-upload-title">
          <h2 id="wh-upload-title">{t('warehouse.upload.title')}</h2>
          <ErrorSummary items={summary} attempt={attempt} />
          <form onSubmit={(e) => void add(e)} noValidate aria-busy={busy || undefined}>
            <SelectField
              id="wh-type"
              label={t('warehouse.upload.type')}
              required
              value={fields.documentType}
              onValue={(v) => setFields({ ...fields, documentType: v, title: fields.title || (DOCUMENT_TYPE_NAMES[v] ?? '') })}
              options={[{ value: '', label: t('warehouse.upload.typeChoose') }, ...Object.entries(DOCUMENT_TYPE_NAMES).map(([value, label]) => ({ value, label }))]}
            />
            <TextField id="wh-name" label={t('warehouse.upload.name')} required value={fields.title} onValue={(v) => setFields({ ...fields, title: v })} />
            <TextField id="wh-issuer" label={t('warehouse.upload.issuer')} optionalText={t('dossiers.files.optional')} value={fields.issuer} onValue={(v) => setFields({ ...fields, issuer: v })} />
            <TextField id="wh-number" label={t('warehouse.upload.number')} optionalText={t('dossiers.files.optional')} value={fields.number} onValue={(v) => setFields({ ...fields, number: v })} />
            <DateField id="wh-issued" label={t('warehouse.upload.issuedOn')} optionalText={t('dossiers.files.optional')} value={fields.issuedOn} onValue={(v) => setFields({ ...fields, issuedOn: v })} />
            <DateField id="wh-valid" label={t('warehouse.upload.validUntil')} optionalText={t('dossiers.files.optional')} value={fields.validUntil} onValue={(v) => setFields({ ...fields, validUntil: v })} />
            <FileField id="wh-file" ref={fileInput} label={t('warehouse.upload.file')} required accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" onFile={setFile} />
            <button type="submit" className="button" disabled={busy}>
              {t('warehouse.upload.submit')}
            </button>
          </form>
        </section>
      </>
    );

  return (
    <div className="page warehouse">
      <h1 tabIndex={-1}>{t('warehouse.title')}</h1>
      <p>{t('warehouse.intro')}</p>
      {body}
      <Status>{announce}</Status>
    </div>
  );
}
