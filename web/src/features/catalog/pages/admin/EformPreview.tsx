// The live preview of an e-form being edited: the form as applicants will see it, with sample
// prefill values (only for what the server really prefills) and a test submission that the
// server validates (the draft is saved first).
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findBindings } from '@server/core/eforms/prefill.ts';
import type { EformDefinition } from '@server/core/eforms/validate.ts';
import type { Language } from '../../../../i18n/index.ts';
import { catalogApi, type ProcedureVersionView } from '../../api.ts';
import { ErrorSummary, failureText, TextField } from '../../../../components/forms.tsx';
import { Notice } from '../../../../components/Notice.tsx';
import { EformRenderer } from '../../eform/EformRenderer.tsx';
import { applyValues, catalogValues, isFilledByServer } from '../../eform/prefill.ts';
import { useEformState } from '../../eform/useEformState.ts';

/** Sample values of the test citizen (the same person as the server's catalog tests). */
const SAMPLE_PREFILL: Record<string, string> = {
  personalId: '001099012345',
  fullName: 'Nguyễn Thị Thu Hà',
  birthDate: '1999-05-12',
  gender: 'female',
  nationality: 'Việt Nam',
  permanentAddress: 'Số 12 phố Trần Duy Hưng, phường Yên Hòa, thành phố Hà Nội',
  'organization.taxCode': '0101234567',
  'organization.name': 'Công ty TNHH Khoa học Ánh Dương',
};

/** The live preview: the citizens' renderer over the definition being edited. */
export function EformPreview({ view, definition, language, saveFirst }: { view: ProcedureVersionView; definition: EformDefinition; language: Language; saveFirst(): Promise<boolean> }) {
  const { t } = useTranslation();
  const bindings = useMemo(() => {
    try {
      return findBindings(definition.schema).bindings;
    } catch {
      return [];
    }
  }, [definition]);
  // Only what the server really fills is shown as filled; the rest the applicant types.
  const testable = bindings.filter((b) => b.source !== 'catalog' && isFilledByServer(b));
  const notFilled = bindings.filter((b) => !isFilledByServer(b));
  const [testValues, setTestValues] = useState<Record<string, string>>(() => ({ ...SAMPLE_PREFILL }));
  const form = useEformState(definition, language, 'preview');
  const [busy, setBusy] = useState(false);
  const [accepted, setAccepted] = useState<Record<string, unknown> | undefined>();

  const values = useMemo(() => ({ ...catalogValues(view), ...testValues }), [view, testValues]);
  const applied = useMemo(() => applyValues(bindings, form.data, values), [bindings, form.data, values]);

  async function testSubmit() {
    if (busy) return;
    setAccepted(undefined);
    if (!form.validate(applied.data)) return;
    setBusy(true);
    try {
      if (!(await saveFirst())) {
        form.showGeneral(t('catalog.eformEditor.saveBeforeTest'));
        return;
      }
      const testPrefill = Object.fromEntries(testable.map((b) => [b.attribute, values[b.attribute] ?? '']).filter(([, v]) => v !== ''));
      const r = await catalogApi.validate(view.code, view.version.number, { data: applied.data, testPrefill }, language);
      if (r.kind === 'ok') {
        form.clear();
        setAccepted(r.data.data);
      } else if (r.kind === 'problem') form.showProblem(r.problem, failureText(t, r));
      else form.showGeneral(failureText(t, r));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="eform-preview panel" aria-labelledby="eform-preview-title" aria-busy={busy || undefined}>
      <h2 id="eform-preview-title">{t('catalog.eformEditor.preview')}</h2>
      <p className="field__hint">{t('catalog.eformEditor.previewHint')}</p>
      {testable.length > 0 && (
        <details className="eform-preview__prefill">
          <summary>{t('catalog.eformEditor.testPrefill')}</summary>
          {[...new Set(testable.map((b) => b.attribute))].map((name, i) => (
            <TextField
              key={name}
              id={`test-prefill-${i}`}
              label={name}
              value={testValues[name] ?? ''}
              onValue={(v) => setTestValues((old) => ({ ...old, [name]: v }))}
            />
          ))}
        </details>
      )}
      {notFilled.length > 0 && (
        <Notice tone="info" id="preview-not-prefilled">
          {t('catalog.eformEditor.notPrefilled', { names: [...new Set(notFilled.map((b) => b.attribute))].join(', ') })}
        </Notice>
      )}
      <ErrorSummary items={form.summary} attempt={form.attempt} />
      {accepted && (
        <Notice tone="success" live="status" id="test-accepted">
          <p>{t('catalog.eformEditor.accepted')}</p>
          <pre className="cat-code">{JSON.stringify(accepted, null, 2)}</pre>
        </Notice>
      )}
      <EformRenderer
        definition={definition}
        data={applied.data}
        onChange={(d) => {
          setAccepted(undefined);
          form.setData(d);
        }}
        onSubmit={() => void testSubmit()}
        errors={form.errors}
        prefill={applied.marks}
        idPrefix="preview"
        language={language}
      >
        <div className="eform__actions">
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {busy ? t('catalog.form.submitting') : t('catalog.eformEditor.testSubmit')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              form.setData({});
              form.clear();
              setAccepted(undefined);
            }}
          >
            {t('catalog.eformEditor.clearTest')}
          </button>
        </div>
      </EformRenderer>
    </section>
  );
}
