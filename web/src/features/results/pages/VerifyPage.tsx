// Xác thực kết quả: anyone uploads a result PDF and learns whether its signature holds, whether
// it is the document issued under its code, and whether it was revoked. The QR code printed on a
// result opens /xac-thuc-ket-qua/{code}: the status of that code, and the same upload to compare
// the file one holds.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ErrorSummary, failureText, FileField, hasFormErrors, noErrors, type FormErrors } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatMoment, vnMoment } from '../../../lib/datetime.ts';
import { useParams } from '../../../router.tsx';
import { resultsApi, type ResultStatus, type Verification } from '../api.ts';
import '../results.css';

type Field = 'file';
const IDS: Record<Field, string> = { file: 'verify-file' };

const moment = (t: TFunction, iso: string | null | undefined) => {
  const m = iso ? vnMoment(iso) : undefined;
  return m ? formatMoment(t, m) : '—';
};

function Fact({ label, children, id }: { label: string; children: React.ReactNode; id?: string }) {
  return (
    <div className="facts__item" {...(id ? { id } : {})}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Verdict({ v }: { v: Verification }) {
  const { t } = useTranslation();
  const headline = !v.found && !v.matchesIssued ? (
    <Notice tone="error">{t('results.verify.unknown')}</Notice>
  ) : v.valid && v.matchesIssued ? (
    <Notice tone={v.revoked ? 'warning' : 'success'}>{t('results.verify.valid')}</Notice>
  ) : v.valid ? (
    <Notice tone="error">{t('results.verify.validNotIssued')}</Notice>
  ) : (
    <Notice tone="error">{t('results.verify.notIssued')}</Notice>
  );
  return (
    <div id="verify-verdict" data-valid={String(v.valid)} data-matches={String(v.matchesIssued)} data-revoked={String(v.revoked)}>
      {headline}
      {v.revoked && (
        <Notice tone="error">
          {t('results.verify.revoked')} {v.revokedReason ? `${t('results.verify.fields.revokedReason')}: ${v.revokedReason}` : ''}
        </Notice>
      )}
      {v.found && !v.legallyValid && <Notice tone="warning">{t('results.verify.testOnly')}</Notice>}
      <dl className="facts">
        <Fact label={t('results.verify.fields.signature')}>{v.valid ? t('results.verify.signatureValid') : t('results.verify.signatureInvalid')}</Fact>
        <Fact label={t('results.verify.fields.matches')}>{v.matchesIssued ? t('results.verify.yes') : t('results.verify.no')}</Fact>
        {v.code && <Fact label={t('results.verify.fields.code')}>{v.code}</Fact>}
        {v.documentName && <Fact label={t('results.verify.fields.document')}>{v.documentName}</Fact>}
        {v.issuerUnit && <Fact label={t('results.verify.fields.issuer')}>{v.issuerUnit.name}</Fact>}
        {v.issuedAt && <Fact label={t('results.verify.fields.issuedAt')}>{moment(t, v.issuedAt)}</Fact>}
        {v.signedBy && <Fact label={t('results.verify.fields.signedBy')}>{v.signedBy}</Fact>}
        {v.signedAt && <Fact label={t('results.verify.fields.signedAt')}>{moment(t, v.signedAt)}</Fact>}
        {v.revokedAt && <Fact label={t('results.verify.fields.revokedAt')}>{moment(t, v.revokedAt)}</Fact>}
      </dl>
    </div>
  );
}

function StatusFacts({ s }: { s: ResultStatus }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="status-title" className="panel" id="result-status" data-status={s.status}>
      <h2 id="status-title">{s.documentName}</h2>
      {s.status === 'revoked' && <Notice tone="error">{t('results.verify.revoked')}</Notice>}
      {!s.legallyValid && <Notice tone="warning">{t('results.verify.testOnly')}</Notice>}
      <dl className="facts">
        <Fact label={t('results.verify.fields.code')}>{s.code}</Fact>
        <Fact label={t('results.verify.fields.status')}>
          <strong>{t(`results.verify.status.${s.status}`)}</strong>
        </Fact>
        <Fact label={t('results.verify.fields.issuer')}>{s.issuerUnit.name}</Fact>
        <Fact label={t('results.verify.fields.issuedAt')}>{moment(t, s.issuedAt)}</Fact>
        <Fact label={t('results.verify.fields.signedBy')}>{s.signedBy}</Fact>
        {s.revokedAt && <Fact label={t('results.verify.fields.revokedAt')}>{moment(t, s.revokedAt)}</Fact>}
        {s.revokedReason && <Fact label={t('results.verify.fields.revokedReason')}>{s.revokedReason}</Fact>}
      </dl>
    </section>
  );
}

function UploadForm() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [file, setFile] = useState<File | undefined>();
  const [errors, setErrors] = useState<FormErrors<Field> | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: Verification } | { error: string } | undefined>();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const local = noErrors<Field>();
    if (!file) local.fields.file = [t('results.verify.fileRequired')];
    if (hasFormErrors(local) || !file) {
      setErrors(local);
      return;
    }
    setErrors(undefined);
    setBusy(true);
    try {
      const r = await resultsApi.verifyFile(file, language);
      setResult(r.kind === 'ok' ? { ok: r.data } : { error: failureText(t, r) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} fieldIds={IDS} fieldLabels={{ file: t('results.verify.file') }} />
      <form className="panel verify-form" noValidate onSubmit={(e) => void onSubmit(e)} aria-busy={busy || undefined}>
        <FileField id={IDS.file} name="file" label={t('results.verify.file')} hint={t('results.verify.fileHint')} required accept="application/pdf,.pdf" errors={errors?.fields.file} onFile={setFile} />
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {busy ? t('results.verify.checking') : t('results.verify.submit')}
        </button>
      </form>
      <section aria-labelledby="verify-result-title" aria-live="polite" aria-busy={busy || undefined} className="verify-result">
        <h2 id="verify-result-title">{t('results.verify.result')}</h2>
        {!result && <p className="muted">{t('results.verify.placeholder')}</p>}
        {result && 'error' in result && <Notice tone="error">{result.error}</Notice>}
        {result && 'ok' in result && <Verdict v={result.ok} />}
      </section>
    </>
  );
}

export function VerifyPage() {
  const { t } = useTranslation();
  return (
    <div className="page results">
      <h1 tabIndex={-1}>{t('results.verify.title')}</h1>
      <p className="lead">{t('results.verify.intro')}</p>
      <UploadForm />
    </div>
  );
}

export function VerifyCodePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { code = '' } = useParams();
  const [status, setStatus] = useState<{ ok: ResultStatus } | { notFound: true } | { error: string } | undefined>();
  useEffect(() => {
    let live = true;
    void resultsApi.status(code, language).then((r) => {
      if (!live) return;
      if (r.kind === 'ok') setStatus({ ok: r.data });
      else if (r.kind === 'problem' && (r.problem.status === 404 || r.problem.status === 422)) setStatus({ notFound: true });
      else setStatus({ error: failureText(t, r) });
    });
    return () => {
      live = false;
    };
  }, [code, language]);
  return (
    <div className="page results">
      <h1 tabIndex={-1}>{t('results.verify.title')}</h1>
      <p className="lead">{t('results.verify.introCode')}</p>
      <div aria-live="polite" aria-busy={!status || undefined}>
        {status && 'ok' in status && <StatusFacts s={status.ok} />}
        {status && 'notFound' in status && <Notice tone="warning">{t('results.verify.codeNotFound')}</Notice>}
        {status && 'error' in status && <Notice tone="error">{status.error}</Notice>}
      </div>
      <UploadForm />
    </div>
  );
}
