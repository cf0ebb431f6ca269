// Tính hạn giải quyết: the due moment of a processing time limit, from GET /api/v1/calendar/deadline.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  Checkbox,
  DateTimeField,
  ErrorSummary,
  errorsOfProblem,
  SelectField,
  Status,
  TextField,
  type FormErrors,
} from '../components/forms.tsx';
import { currentLanguage, type Language } from '../i18n/index.ts';
import { fetchDeadline, TIME_UNITS, type Deadline, type DeadlineQuery, type TimeUnit } from '../lib/api.ts';
import { civilDate, formatDay, formatMoment, inputValueToIso, vnMoment, vnNowInputValue } from '../lib/datetime.ts';

const FIELDS = ['from', 'amount', 'unit', 'skipDaysOff'] as const;
type Field = (typeof FIELDS)[number];

const FIELD_ID: Record<Field, string> = {
  from: 'deadline-from',
  amount: 'deadline-amount',
  unit: 'deadline-unit',
  skipDaysOff: 'deadline-skip-days-off',
};

const FIELD_LABEL_KEY: Record<Field, string> = {
  from: 'deadline.fromLabel',
  amount: 'deadline.amountLabel',
  unit: 'deadline.unitLabel',
  skipDaysOff: 'deadline.skipDaysOffLabel',
};

/**
 * The errors shown: the server's come in the language the page asked for (and are asked again
 * after a switch); the page's own are i18n keys, translated when shown, so they follow a switch.
 */
type PageErrors = { server: FormErrors<Field> } | { keys: FormErrors<Field> };

const ownErrors = (fields: FormErrors<Field>['fields'], general: string[] = []): PageErrors => ({ keys: { fields, general } });

function shownErrors(t: TFunction, errors: PageErrors | undefined): FormErrors<Field> | undefined {
  if (!errors) return undefined;
  if ('server' in errors) return errors.server;
  const fields: FormErrors<Field>['fields'] = {};
  for (const field of FIELDS) {
    const keys = errors.keys.fields[field];
    if (keys) fields[field] = keys.map((key) => t(key));
  }
  return { fields, general: errors.keys.general.map((key) => t(key)) };
}

export function DeadlinePage() {
  const { t } = useTranslation();
  const language = currentLanguage();

  const [from, setFrom] = useState(() => vnNowInputValue());
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState<TimeUnit>('working_days');
  const [skipDaysOff, setSkipDaysOff] = useState(false);

  const [loading, setLoading] = useState(false);
  const [result, setResult] = useState<Deadline | undefined>();
  const [errors, setErrors] = useState<PageErrors | undefined>();
  /** Bumped on every submit: the error summary is re-created, so the live region announces it again. */
  const [attempt, setAttempt] = useState(0);

  const controller = useRef<AbortController | undefined>(undefined);
  /** The last query the server refused: asked again when the language changes, for its messages. */
  const refusedQuery = useRef<DeadlineQuery | undefined>(undefined);
  const revealResult = useRef(false);
  const resultSection = useRef<HTMLElement>(null);

  const labels = Object.fromEntries(FIELDS.map((f) => [f, t(FIELD_LABEL_KEY[f])])) as Record<Field, string>;

  async function run(query: DeadlineQuery, lang: Language): Promise<void> {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    setLoading(true);
    try {
      const outcome = await fetchDeadline(query, lang, mine.signal);
      if (mine.signal.aborted) return;
      refusedQuery.current = outcome.kind === 'problem' ? query : undefined;
      switch (outcome.kind) {
        case 'ok':
          setResult(outcome.data);
          setErrors(undefined);
          revealResult.current = true;
          break;
        case 'problem':
          setResult(undefined);
          setErrors({ server: errorsOfProblem(outcome.problem, FIELDS, labels) });
          break;
        case 'network':
          setResult(undefined);
          setErrors(ownErrors({}, ['errors.network']));
          break;
        case 'unreadable':
          setResult(undefined);
          setErrors(ownErrors({}, ['errors.unexpected']));
          break;
      }
    } catch {
      if (mine.signal.aborted) return;
      setResult(undefined);
      setErrors(ownErrors({}, ['errors.unexpected']));
    } finally {
      if (controller.current === mine) {
        controller.current = undefined;
        setLoading(false);
      }
    }
  }

  useEffect(() => () => controller.current?.abort(), []);

  // On a small screen the result lands below the form: bring it into view (not the focus).
  useEffect(() => {
    if (!revealResult.current || !result) return;
    revealResult.current = false;
    const section = resultSection.current;
    if (section && section.getBoundingClientRect().top > window.innerHeight * 0.75) {
      const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      section.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
    }
  }, [result]);

  // Server messages come in the language asked for: ask again after a language switch.
  useEffect(() => {
    if (refusedQuery.current) void run(refusedQuery.current, language);
  }, [language]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const fromIso = inputValueToIso(from);
    const local: FormErrors<Field>['fields'] = {};
    // Nothing typed, or a date or time not whole yet (the field's value is then the texts).
    if (!fromIso) local.from = [from.trim() === '' ? 'errors.fromRequired' : 'errors.fromInvalid'];
    if (amount.trim() === '') local.amount = ['errors.amountRequired'];
    setAttempt((n) => n + 1);
    if (!fromIso || Object.keys(local).length > 0) {
      controller.current?.abort();
      refusedQuery.current = undefined;
      setResult(undefined);
      setErrors(ownErrors(local));
      return;
    }
    void run({ from: fromIso, amount: amount.trim(), unit, skipDaysOff }, language);
  }

  const shown = shownErrors(t, errors);
  const fieldErrors = (field: Field) => shown?.fields[field];

  const due = result ? vnMoment(result.due) : undefined;
  const start = result ? vnMoment(result.start) : undefined;
  const dueText = due ? formatMoment(t, due) : result?.due;
  const status = loading ? t('deadline.submitting') : dueText ? t('deadline.announceDue', { due: dueText }) : '';

  return (
    <div className="page page--deadline">
      <h1 tabIndex={-1}>{t('deadline.title')}</h1>
      <p className="lead">{t('deadline.intro')}</p>

      <ErrorSummary attempt={attempt} title={t('errors.summaryTitle')} errors={shown} fieldIds={FIELD_ID} fieldLabels={labels} />

      <div className="calculator">
        <form
          className="panel calculator__form"
          noValidate
          onSubmit={onSubmit}
          aria-busy={loading}
          aria-labelledby="deadline-form-title"
        >
          <h2 id="deadline-form-title" className="visually-hidden">
            {t('deadline.title')}
          </h2>
          {/* Said once for the whole form, so the fields carry aria-required without a mark each. */}
          <p className="form-note">{t('deadline.requiredNote')}</p>

          <DateTimeField
            id={FIELD_ID.from}
            label={labels.from}
            hint={t('deadline.fromHint')}
            errors={fieldErrors('from')}
            aria-required
            value={from}
            onValue={setFrom}
          />

          <TextField
            id={FIELD_ID.amount}
            name="amount"
            label={labels.amount}
            hint={t('deadline.amountHint')}
            errors={fieldErrors('amount')}
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            inputClassName="input--short"
            aria-required
            value={amount}
            onValue={setAmount}
          />

          <SelectField
            id={FIELD_ID.unit}
            name="unit"
            label={labels.unit}
            errors={fieldErrors('unit')}
            value={unit}
            onValue={(v) => setUnit(v as TimeUnit)}
            options={TIME_UNITS.map((u) => ({ value: u, label: t(`deadline.unit.${u}`) }))}
          />

          {unit === 'calendar_days' && (
            <Checkbox
              id={FIELD_ID.skipDaysOff}
              name="skipDaysOff"
              label={labels.skipDaysOff}
              errors={fieldErrors('skipDaysOff')}
              checked={skipDaysOff}
              onValue={setSkipDaysOff}
            />
          )}

          <button type="submit" className="button button--primary" aria-disabled={loading || undefined}>
            {loading ? t('deadline.submitting') : t('deadline.submit')}
          </button>
        </form>

        <section
          className="panel calculator__result"
          aria-labelledby="deadline-result-title"
          aria-busy={loading}
          id="deadline-result"
          ref={resultSection}
        >
          <h2 id="deadline-result-title">{t('deadline.resultHeading')}</h2>
          {result ? (
            <DeadlineResult
              result={result}
              dueText={dueText ?? result.due}
              startText={start ? formatMoment(t, start) : result.start}
              lang={language}
            />
          ) : (
            <p className="result-placeholder">{t('deadline.placeholder')}</p>
          )}
        </section>
      </div>

      <Status>{status}</Status>
    </div>
  );
}

function DeadlineResult({
  result,
  dueText,
  startText,
  lang,
}: {
  result: Deadline;
  dueText: string;
  startText: string;
  lang: Language;
}) {
  const { t } = useTranslation();
  const anyEstimated = result.skippedDaysOff.some((d) => d.estimated);
  return (
    <>
      <dl className="facts">
        <div className="facts__item facts__item--due">
          <dt>{t('deadline.due')}</dt>
          <dd>
            <time dateTime={result.due} id="deadline-due">
              {dueText}
            </time>
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('deadline.start')}</dt>
          <dd>
            <time dateTime={result.start} id="deadline-start">
              {startText}
            </time>
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('deadline.amount')}</dt>
          <dd>{t(`deadline.count.${result.unit}`, { count: result.amount })}</dd>
        </div>
      </dl>

      <h3 className="days-off__title">{t('deadline.skippedHeading')}</h3>
      {result.skippedDaysOff.length === 0 ? (
        <p>{t('deadline.noneSkipped')}</p>
      ) : (
        <ul className="days-off" id="deadline-days-off">
          {result.skippedDaysOff.map((day) => {
            const date = civilDate(day.date);
            return (
              <li key={`${day.date}-${day.kind}`} className="days-off__item">
                <time dateTime={day.date} className="days-off__date">
                  {date ? formatDay(t, date) : day.date}
                </time>
                <span className="days-off__name">
                  {day.name[lang]}
                  {day.estimated && <span className="badge">{t('deadline.estimated')}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {anyEstimated && <p className="note">{t('deadline.estimatedNote')}</p>}
    </>
  );
}
