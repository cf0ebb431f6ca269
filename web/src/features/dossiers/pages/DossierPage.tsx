// Trang hồ sơ (the applicant's): the status in plain words, what is expected now (a supplement
// to send, a fee to pay), the history, the files, the lookup code and key, and withdrawal.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, LoginRequired } from '../../../components/AccessNotices.tsx';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { failureText, TextArea } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { DOSSIER_PATHS, slipUrl } from '../../../lib/dossier-paths.ts';
import { useSession } from '../../../lib/session.tsx';
import { Link, useParams } from '../../../router.tsx';
import { dossiersApi, type DossierView } from '../api.ts';
import { ActionFeedback } from '../components/ActionFeedback.tsx';
import { ComponentUploads, componentsBody, type ComponentFiles } from '../components/ComponentUploads.tsx';
import { SupplementAsked } from '../components/CounterSupplement.tsx';
import { formatVnd } from '../components/format.ts';
import { DossierFacts, DossierFiles, DossierTimeline } from '../components/DossierParts.tsx';
import { useDossier } from '../components/useDossier.ts';
import '../dossiers.css';

export function DossierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { status, me } = useSession();
  if (status === 'loading') return <Frame title={t('dossiers.page.title')}><Loading /></Frame>;
  if (!me) return <Frame title={t('dossiers.page.title')}><LoginRequired text={t('dossiers.page.loginText')} vneid /></Frame>;
  return <Dossier id={id} />;
}

function Frame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="page dossiers">
      <Link to={DOSSIER_PATHS.mine} className="back-link">
        <span aria-hidden="true">← </span>
        {t('dossiers.mine.title')}
      </Link>
      <h1 tabIndex={-1}>{title}</h1>
      {children}
    </div>
  );
}

/** Plain words for what the status means to the applicant. */
function statusExplanation(d: DossierView): string {
  if (d.state.paused === 'supplement') return 'supplement';
  if (d.state.paused === 'payment') return 'payment';
  return `s${d.status}`;
}

function Dossier({ id }: { id: string }) {
  const { t } = useTranslation();
  const s = useDossier(id);
  const d = s.dossier;
  if (s.loadError) return <Frame title={t('dossiers.page.title')}><Notice tone="error">{s.loadError.notFound ? t('dossiers.page.notFound') : s.loadError.text}</Notice></Frame>;
  if (!d) return <Frame title={t('dossiers.page.title')}><Loading text={t('dossiers.loading')} /></Frame>;
  const can = (a: string) => d.allowedActions.includes(a as DossierView['allowedActions'][number]);
  return (
    <Frame title={t('dossiers.page.titleOf', { code: d.code ?? '' })}>
      <section className="panel" aria-labelledby="dossier-state-title">
        <h2 id="dossier-state-title">{t('dossiers.page.state')}</h2>
        <p className="dossier-explain" id="dossier-explain">
          {t(`dossiers.explain.${statusExplanation(d)}`)}
        </p>
        <DossierFacts d={d} />
        <p className="dossier-lookup">
          {t('dossiers.lookupCode')} <strong>{d.code}</strong> · {t('dossiers.lookupKey')} <strong id="dossier-lookup-key">{d.lookupSecret}</strong>
        </p>
        {d.receivedAt && (
          <p>
            <a href={slipUrl(d.id, '01')}>{t('dossiers.slips.s01')}</a>
          </p>
        )}
      </section>
      {d.status === 10 && d.code && (
        <p className="panel" id="dossier-rate">
          <Link to={`/danh-gia/${encodeURIComponent(d.code)}`}>{t('feedback.rating.link')}</Link>
        </p>
      )}
      <ActionFeedback failure={s.failure} done={s.done} onReload={() => void s.reload()} />
      {can('submit_supplement') && <Supplement d={d} busy={s.busy} onSend={(body) => s.act(body)} />}
      {d.state.paused === 'payment' && <Payment d={d} />}
      <DossierTimeline d={d} />
      <DossierFiles d={d} />
      {can('withdraw') && <Withdraw busy={s.busy} onWithdraw={(reason) => s.act({ type: 'withdraw', ...(reason ? { reason } : {}) })} />}
    </Frame>
  );
}

function lastPayload(d: DossierView, type: string) {
  return [...d.timeline].reverse().find((e) => e.type === type)?.payload;
}

function Supplement({ d, busy, onSend }: { d: DossierView; busy: boolean; onSend(body: { type: 'submit_supplement'; components: Array<{ code: string; fileIds: string[] }>; note?: string }): Promise<boolean> }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<ComponentFiles>({});
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <section className="panel dossier-expected" aria-labelledby="supplement-title">
      <h2 id="supplement-title">{t('dossiers.supplement.title')}</h2>
      <SupplementAsked d={d} />
      <form
        noValidate
        aria-busy={busy || undefined}
        onSubmit={(e) => {
          e.preventDefault();
          const components = componentsBody(files);
          if (components.length === 0) {
            setError(t('dossiers.supplement.noFile'));
            return;
          }
          setError(undefined);
          void onSend({ type: 'submit_supplement', components, ...(note.trim() ? { note: note.trim() } : {}) });
        }}
      >
        <ComponentUploads components={d.components} files={files} onChange={setFiles} idPrefix="supplement" requireAll={false} />
        <TextArea id="supplement-note" label={t('dossiers.supplement.note')} optionalText={t('dossiers.files.optional')} value={note} onValue={setNote} maxLength={2000} />
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {t('dossiers.supplement.send')}
        </button>
      </form>
    </section>
  );
}

function Payment({ d }: { d: DossierView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  const asked = lastPayload(d, 'request_payment');
  const amount = typeof asked?.amountVnd === 'number' ? asked.amountVnd : undefined;
  async function pay() {
    if (busy) return;
    setBusy(true);
    setMessage(undefined);
    try {
      const r = await dossiersApi.pay(d.id, language);
      if (r.kind === 'ok' && typeof r.data.paymentUrl === 'string') {
        window.location.assign(r.data.paymentUrl);
        return;
      }
      setMessage(r.kind === 'problem' && r.problem.status === 404 ? t('dossiers.payment.unavailable') : r.kind === 'ok' ? t('errors.unexpected') : failureText(t, r));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="panel dossier-expected" aria-labelledby="payment-title">
      <h2 id="payment-title">{t('dossiers.payment.title')}</h2>
      <p>
        {t('dossiers.payment.amount')} <strong id="payment-amount">{amount !== undefined ? formatVnd(amount, language) : '—'}</strong>
      </p>
      <button type="button" className="button button--primary" aria-disabled={busy || undefined} onClick={() => void pay()}>
        {t('dossiers.payment.pay')}
      </button>
      <div role="alert">{message && <p className="notice notice--warning">{message}</p>}</div>
    </section>
  );
}

function Withdraw({ busy, onWithdraw }: { busy: boolean; onWithdraw(reason: string): Promise<boolean> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const tooShort = reason.trim().length > 0 && reason.trim().length < 3;
  return (
    <section className="panel" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t('dossiers.withdraw.title')}</h2>
      <p>{t('dossiers.withdraw.text')}</p>
      <TextArea
        id="withdraw-reason"
        label={t('dossiers.withdraw.reason')}
        optionalText={t('dossiers.files.optional')}
        value={reason}
        onValue={setReason}
        maxLength={2000}
        error={tooShort ? t('dossiers.reasonShort') : undefined}
      />
      <ConfirmButton
        id="withdraw"
        label={t('dossiers.withdraw.button')}
        question={t('dossiers.withdraw.question')}
        confirmLabel={t('dossiers.withdraw.confirm')}
        cancelLabel={t('dossiers.cancel')}
        danger
        busy={busy || tooShort}
        onConfirm={() => void onWithdraw(reason.trim())}
      />
    </section>
  );
}
