// Tiếp nhận hồ sơ tại quầy: a receiver picks the procedure, identifies the applicant, chooses the
// channel (at the counter or by post), fills the e-form, attaches the scans per component and
// receives the dossier in one step (POST /api/v1/dossiers, status 2); then prints the receipt.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { findBindings } from '@server/core/eforms/prefill.ts';
import type { EformDefinition } from '@server/core/eforms/validate.ts';
import { DateField, ErrorSummary, failureText, SelectField, TextField, type SummaryItem } from '../../../components/forms.tsx';
import { Notice, type NoticeTone } from '../../../components/Notice.tsx';
import { currentLanguage, type Language } from '../../../i18n/index.ts';
import { DOSSIER_PATHS, slipUrl } from '../../../lib/dossier-paths.ts';
import { Link } from '../../../router.tsx';
import { catalogApi, type ProcedureListItem, type ProcedureVersionView } from '../../catalog/api.ts';
import { EformRenderer } from '../../catalog/eform/EformRenderer.tsx';
import { applyValues } from '../../catalog/eform/prefill.ts';
import { useEformState } from '../../catalog/eform/useEformState.ts';
import { VERIFY_PATH, WorkspaceShell } from '../../workspace/WorkspaceShell.tsx';
import { dossiersApi, newIdempotencyKey, type CreateDossierInput, type DossierView } from '../api.ts';
import { ComponentUploads, componentFieldId, componentsBody, type ComponentFiles } from '../components/ComponentUploads.tsx';
import { momentText } from '../components/format.ts';
import { DigitizationFields, isExempt, isRecorded, withDigitization, type DigitizationState } from '../../warehouse/components/DigitizationFields.tsx';
import '../dossiers.css';

const APPLICANT = ['kind', 'idNumber', 'name', 'phone', 'email', 'address'] as const;
type ApplicantField = (typeof APPLICANT)[number];
const aid = (f: ApplicantField) => `intake-applicant-${f}`;

export function CounterIntakePage() {
  const { t } = useTranslation();
  return (
    <WorkspaceShell title={t('dossiers.intake.title')} intro={t('dossiers.intake.intro')} permission="dossier.receive">
      <Intake />
    </WorkspaceShell>
  );
}

function Intake() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<ProcedureListItem[] | undefined>();
  const [searchError, setSearchError] = useState<string | undefined>();
  const [view, setView] = useState<ProcedureVersionView | undefined>();
  const [round, setRound] = useState(0);

  async function search(e: FormEvent) {
    e.preventDefault();
    const text = q.trim();
    if (!text) return;
    setSearchError(undefined);
    if (/^\d+\.\d+$/.test(text)) {
      const r = await catalogApi.published(text, language);
      if (r.kind === 'ok') {
        setView(r.data);
        setFound(undefined);
        return;
      }
    }
    const r = await catalogApi.search({ q: text, pageSize: 10 }, language);
    if (r.kind === 'ok') setFound(r.data.items);
    else setSearchError(failureText(t, r));
  }

  async function choose(code: string) {
    const r = await catalogApi.published(code, language);
    if (r.kind === 'ok') {
      setView(r.data);
      setFound(undefined);
    } else setSearchError(failureText(t, r));
  }

  return (
    <>
      <section className="panel" aria-labelledby="intake-procedure-title">
        <h2 id="intake-procedure-title">{t('dossiers.intake.procedure')}</h2>
        {view ? (
          <p>
            <strong id="intake-procedure">
              {view.code} — {view.content.name}
            </strong>{' '}
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setView(undefined);
                setRound((n) => n + 1);
              }}
            >
              {t('dossiers.intake.changeProcedure')}
            </button>
          </p>
        ) : (
          <form noValidate role="search" aria-label={t('dossiers.intake.procedure')} onSubmit={(e) => void search(e)}>
            <TextField id="intake-procedure-q" label={t('dossiers.intake.procedureQuery')} hint={t('dossiers.intake.procedureHint')} value={q} onValue={setQ} autoComplete="off" error={searchError} />
            <button type="submit" className="button button--primary">
              {t('dossiers.intake.find')}
            </button>
          </form>
        )}
        <div aria-live="polite">
          {found && found.length === 0 && <p>{t('dossiers.intake.noneFound')}</p>}
          {found && found.length > 0 && (
            <ul className="intake-results">
              {found.map((p) => (
                <li key={p.code}>
                  <button type="button" className="button button--secondary" onClick={() => void choose(p.code)}>
                    {t('dossiers.intake.choose', { code: p.code, name: p.name })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
      {view && <IntakeForm key={`${view.code}-${round}`} view={view} language={language} onAgain={() => setView(undefined)} />}
    </>
  );
}

function IntakeForm({ view, language, onAgain }: { view: ProcedureVersionView; language: Language; onAgain(): void }) {
  const { t } = useTranslation();
  const definition = view.content.eform as EformDefinition;
  const form = useEformState(definition, language, 'eform', {});
  const channels = view.content.methods.channels.filter((c): c is 'direct' | 'postal' => c === 'direct' || c === 'postal');
  const [channel, setChannel] = useState<'direct' | 'postal'>(channels[0] ?? 'direct');
  const [applicant, setApplicant] = useState<Record<ApplicantField, string>>({ kind: 'citizen', idNumber: '', name: '', phone: '', email: '', address: '' });
  const [errors, setErrors] = useState<Partial<Record<ApplicantField, string>>>({});
  const [files, setFiles] = useState<ComponentFiles>({});
  // Digitization at receipt, per paper component (Circular 01/2023 Art. 8(2); exemptions of Circular 03/2025 Art. 5(2)).
  const [digitization, setDigitization] = useState<DigitizationState>({});
  const [fileErrors, setFileErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const [done, setDone] = useState<DossierView | undefined>();
  const doneRef = useRef<HTMLDivElement>(null);
  // The applicant's date of birth (a citizen): the national population query needs it.
  const [birthDate, setBirthDate] = useState('');
  const [lookup, setLookup] = useState<{ busy: boolean; tone?: NoticeTone; text?: string }>({ busy: false });

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const labels: Record<ApplicantField, string> = {
    kind: t('dossiers.intake.kind'),
    idNumber: t('dossiers.intake.idNumber'),
    name: t('dossiers.intake.name'),
    phone: t('dossiers.intake.phone'),
    email: t('dossiers.intake.email'),
    address: t('dossiers.intake.address'),
  };
  const set = (f: ApplicantField) => (v: string) => setApplicant((a) => ({ ...a, [f]: v }));

  /** Copies the applicant's details into the e-form fields bound to them. */
  function fillForm() {
    const { bindings } = findBindings(definition.schema);
    const values = { fullName: applicant.name.trim(), personalId: applicant.idNumber.trim(), permanentAddress: applicant.address.trim(), 'organization.taxCode': applicant.idNumber.trim(), 'organization.name': applicant.name.trim() };
    const { data } = applyValues(
      bindings.map((b) => ({ ...b, editable: true })),
      form.data,
      values,
    );
    // The phone is typed by the applicant in the form, not bound to a source.
    form.setData(data);
  }

  /**
   * Fills the form's population fields from the national population database (the applicant at
   * the counter, by the number, name and birth date on their card); the server sends only the
   * fields this procedure's form binds, and only on a match.
   */
  async function prefillFromPopulation() {
    if (lookup.busy) return;
    const personalId = applicant.idNumber.trim();
    const fullName = applicant.name.trim();
    if (applicant.kind !== 'citizen') {
      setLookup({ busy: false, tone: 'info', text: t('dossiers.intake.prefillOrganization') });
      return;
    }
    if (!/^\d{12}$/.test(personalId) || fullName.length < 2 || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) {
      setLookup({ busy: false, tone: 'warning', text: t('dossiers.intake.prefillNeeds') });
      return;
    }
    setLookup({ busy: true });
    const r = await dossiersApi.counterPrefill({ procedureCode: view.code, personalId, fullName, birthDate }, language);
    if (r.kind !== 'ok') {
      setLookup({ busy: false, tone: 'error', text: failureText(t, r) });
      return;
    }
    const answer = r.data;
    if (answer.status === 'match') {
      const { bindings } = findBindings(definition.schema);
      // The national database's values stand over what was typed.
      const { data, marks } = applyValues(
        bindings.filter((b) => b.source === 'population').map((b) => ({ ...b, editable: false })),
        form.data,
        answer.values,
      );
      form.setData(data);
      const address = answer.values.permanentAddress;
      setApplicant((a) => ({ ...a, name: answer.values.fullName ?? a.name, address: a.address.trim() || !address ? a.address : address }));
      setLookup({
        busy: false,
        tone: marks.size > 0 ? 'success' : 'info',
        text: marks.size > 0 ? t('dossiers.intake.prefillDone', { count: marks.size, time: momentText(t, answer.fetchedAt) }) : t('dossiers.intake.prefillNone'),
      });
    } else if (answer.status === 'mismatch') setLookup({ busy: false, tone: 'warning', text: t('dossiers.intake.prefillMismatch') });
    else if (answer.status === 'not_found') setLookup({ busy: false, tone: 'warning', text: t('dossiers.intake.prefillNotFound') });
    else setLookup({ busy: false, tone: 'warning', text: answer.detail?.[language] ?? t('dossiers.intake.prefillNeeds') });
  }

  function checkApplicant(): SummaryItem[] {
    const e: Partial<Record<ApplicantField, string>> = {};
    const a = applicant;
    if (!/^[0-9A-Z-]{9,20}$/.test(a.idNumber.trim())) e.idNumber = t('dossiers.intake.idFormat');
    if (!a.name.trim()) e.name = t('dossiers.actions.required');
    if (a.phone.trim() && !/^[0-9+ .-]{8,20}$/.test(a.phone.trim())) e.phone = t('dossiers.intake.phoneFormat');
    if (a.email.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(a.email.trim())) e.email = t('dossiers.intake.emailFormat');
    setErrors(e);
    return APPLICANT.filter((f) => e[f]).map((f) => ({ target: aid(f), text: `${labels[f]} — ${e[f]!}` }));
  }

  async function submit() {
    if (busy) return;
    setAttempt((n) => n + 1);
    const items = checkApplicant();
    const formOk = form.validate();
    const missing = view.content.components.filter((c) => c.requirement === 'required' && !(files[c.code]?.length) && !isExempt(digitization[c.code]) && !c.replacedByPopulationData);
    setFileErrors(Object.fromEntries(missing.map((c) => [c.code, t('dossiers.files.missing')])));
    items.push(...missing.map((c) => ({ target: componentFieldId('intake', c.code), text: t('dossiers.files.missingOf', { name: c.name }) })));
    const unrecorded = view.content.components.filter((c) => (files[c.code]?.length || isExempt(digitization[c.code])) && !isRecorded(digitization[c.code], files[c.code]?.length ?? 0));
    items.push(...unrecorded.map((c) => ({ target: `digitize-${c.code.replace(/[^A-Za-z0-9_-]/g, '_')}-mode`, text: t('warehouse.digitize.missing', { name: c.name }) })));
    if (!formOk) items.push({ text: t('dossiers.intake.formInvalid') });
    setSummary(items);
    if (items.length > 0) return;
    const a = applicant;
    const body: CreateDossierInput = {
      procedureCode: view.code,
      channel,
      applicant: {
        kind: a.kind === 'organization' ? 'organization' : 'citizen',
        idNumber: a.idNumber.trim(),
        name: a.name.trim(),
        ...(a.phone.trim() ? { phone: a.phone.trim() } : {}),
        ...(a.email.trim() ? { email: a.email.trim() } : {}),
        ...(a.address.trim() ? { address: a.address.trim() } : {}),
      },
      data: form.data,
      components: withDigitization(componentsBody(files), digitization),
    };
    setBusy(true);
    try {
      const r = await dossiersApi.create(body, key, language);
      if (r.kind === 'ok') setDone(r.data);
      else if (r.kind === 'problem' && (r.problem.errors ?? []).some((e) => e.pointer.startsWith('/body/data'))) {
        form.showProblem(r.problem, failureText(t, r));
        setSummary([{ text: t('dossiers.intake.formInvalid') }]);
      } else if (r.kind === 'problem' && r.problem.errors?.length) setSummary(r.problem.errors.map((e) => ({ text: e.message })));
      else setSummary([{ text: failureText(t, r) }]);
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <div className="notice notice--success" tabIndex={-1} ref={doneRef} id="intake-done" role="status">
        <h2 className="notice__title">{t('dossiers.intake.doneTitle')}</h2>
        <p>
          {t('dossiers.submit.doneCode')} <strong id="intake-code">{done.code}</strong>
        </p>
        <p>
          {t('dossiers.lookupKey')} <strong>{done.lookupSecret}</strong>
        </p>
        <div className="button-row">
          <a className="button button--primary" href={slipUrl(done.id, '01')} id="intake-receipt">
            {t('dossiers.intake.printReceipt')}
          </a>
          <Link className="button button--secondary" to={DOSSIER_PATHS.workspaceDossier(done.id)}>
            {t('dossiers.intake.openDossier')}
          </Link>
          <button type="button" className="button button--secondary" onClick={onAgain}>
            {t('dossiers.intake.another')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <>
      <ErrorSummary items={[...summary, ...(form.general.length ? form.summary.filter((s) => !s.target) : [])]} attempt={attempt} />
      <section className="panel" aria-labelledby="intake-applicant-title">
        <h2 id="intake-applicant-title">{t('dossiers.intake.applicant')}</h2>
        <SelectField
          id={aid('kind')}
          label={labels.kind}
          value={applicant.kind}
          onValue={set('kind')}
          options={[
            { value: 'citizen', label: t('dossiers.intake.kindCitizen') },
            { value: 'organization', label: t('dossiers.intake.kindOrganization') },
          ]}
        />
        <TextField id={aid('idNumber')} label={labels.idNumber} hint={t('dossiers.intake.idHint')} required inputMode={applicant.kind === 'citizen' ? 'numeric' : 'text'} autoComplete="off" maxLength={20} value={applicant.idNumber} onValue={set('idNumber')} error={errors.idNumber} />
        <TextField id={aid('name')} label={labels.name} required autoComplete="off" value={applicant.name} onValue={set('name')} error={errors.name} />
        {applicant.kind === 'citizen' && (
          <>
            <DateField id="intake-applicant-birthDate" label={t('dossiers.intake.birthDate')} hint={t('dossiers.intake.birthDateHint')} optionalText={t('dossiers.files.optional')} value={birthDate} onValue={setBirthDate} />
            <p>
              <button type="button" className="button button--secondary" onClick={() => void prefillFromPopulation()} aria-disabled={lookup.busy || undefined}>
                {lookup.busy ? t('dossiers.intake.prefillBusy') : t('dossiers.intake.prefill')}
              </button>
            </p>
          </>
        )}
        <div aria-live="polite" id="intake-prefill-outcome">
          {lookup.text && lookup.tone && (
            <Notice tone={lookup.tone} headingLevel={3}>
              {lookup.text}
            </Notice>
          )}
        </div>
        <TextField id={aid('phone')} label={labels.phone} optionalText={t('dossiers.files.optional')} type="tel" autoComplete="off" value={applicant.phone} onValue={set('phone')} error={errors.phone} />
        <TextField id={aid('email')} label={labels.email} optionalText={t('dossiers.files.optional')} type="email" autoComplete="off" value={applicant.email} onValue={set('email')} error={errors.email} />
        <TextField id={aid('address')} label={labels.address} optionalText={t('dossiers.files.optional')} autoComplete="off" value={applicant.address} onValue={set('address')} />
        <p className="form-note">
          {t('dossiers.intake.verifyNote')} <Link to={VERIFY_PATH}>{t('dossiers.intake.verifyLink')}</Link>
        </p>
        <SelectField
          id="intake-channel"
          label={t('dossiers.intake.channel')}
          value={channel}
          onValue={(v) => setChannel(v === 'postal' ? 'postal' : 'direct')}
          options={(channels.length ? channels : (['direct'] as const)).map((c) => ({ value: c, label: t(`dossiers.intake.channel_${c}`) }))}
        />
      </section>
      <section className="panel" aria-labelledby="intake-files-title">
        <h2 id="intake-files-title">{t('dossiers.intake.files')}</h2>
        <ComponentUploads components={view.content.components} files={files} onChange={setFiles} errors={fileErrors} idPrefix="intake" />
        {view.content.components.map((c) => (
          <DigitizationFields key={c.code} code={c.code} documentTypes={c.warehouseDocumentTypes} value={digitization[c.code]} onChange={(d) => setDigitization({ ...digitization, [c.code]: d })} />
        ))}
      </section>
      <section className="panel eform-panel" aria-labelledby="intake-form-title" aria-busy={busy || undefined}>
        <h2 id="intake-form-title">{t('dossiers.intake.form')}</h2>
        <p>
          <button type="button" className="button button--secondary" onClick={fillForm}>
            {t('dossiers.intake.fillForm')}
          </button>
        </p>
        <EformRenderer definition={definition} data={form.data} onChange={form.setData} onSubmit={() => void submit()} errors={form.errors} idPrefix="eform" language={language}>
          <div className="button-row">
            <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
              {busy ? t('dossiers.submit.sending') : t('dossiers.intake.receive')}
            </button>
          </div>
        </EformRenderer>
      </section>
    </>
  );
}
