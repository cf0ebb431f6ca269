// Tính hạn giải quyết: the due moment of a processing time limit, from GET /api/v1/calendar/deadline.
import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { currentLanguage, type Language } from '../i18n/index.ts';
import {
  fetchDeadline,
  TIME_UNITS,
  type Deadline,
  type DeadlineQuery,
  type Problem,
  type TimeUnit,
} from '../lib/api.ts';
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

/** A message either from the server (already in the request's language) or an i18n key. */
type Message = { text: string } | { key: string };

interface Errors {
  fields: Partial<Record<Field, Message[]>>;
  general: Message[];
}

const say = (t: TFunction, message: Message) => ('key' in message ? t(message.key) : message.text);

/** `/query/amount` → `amount`. */
function fieldOfPointer(pointer: string): Field | undefined {
  const name = pointer.split('/').filter(Boolean).pop();
  return FIELDS.find((f) => f === name);
}

function errorsOfProblem(problem: Problem): Errors {
  const errors: Errors = { fields: {}, general: [] };
  for (const e of problem.errors ?? []) {
    const field = fieldOfPointer(e.pointer);
    if (field) (errors.fields[field] ??= []).push({ text: e.message });
    else errors.general.push({ text: e.message });
  }
  if (Object.keys(errors.fields).length === 0 && errors.general.length === 0) {
    errors.general.push({ text: problem.detail ? `${problem.title}. ${problem.detail}` : problem.title });
  }
  return errors;
}

const hasErrors = (errors: Errors | undefined): errors is Errors =>
  !!errors && (errors.general.length > 0 || Object.keys(errors.fields).length > 0);

export function DeadlinePage() {
  const { t } = useTranslation();
  const language = currentLanguage();

  const [from, setFrom] = useState(() => vnNowInputValue());
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState<TimeUnit>('working_days');
  const [skipDaysOff, setSkipDaysOff] = useState(false);

  // The browser shows datetime-local in its own locale (02/12/2026 in en-US): spell the day out.
  const fromIso = inputValueToIso(from);
  const fromMoment = fromIso ? vnMoment(fromIso) : undefined;
  const fromEcho = fromMoment ? formatMoment(t, fromMoment) : undefined;

  const [loading, setLoading] = useState(false);
  const [result, setResult] = useState<Deadline | undefined>();
  const [errors, setErrors] = useState<Errors | undefined>();
  /** Bumped on every submit: the error summary is re-created, so the live region announces it again. */
  const [attempt, setAttempt] = useState(0);

  const controller = useRef<AbortController | undefined>(undefined);
  /** The last query the server refused: asked again when the language changes, for its messages. */
  const refusedQuery = useRef<DeadlineQuery | undefined>(undefined);
  const revealResult = useRef(false);
  const resultSection = useRef<HTMLElement>(null);

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
          setErrors(errorsOfProblem(outcome.problem));
          break;
        case 'network':
          setResult(undefined);
          setErrors({ fields: {}, general: [{ key: 'errors.network' }] });
          break;
        case 'unreadable':
          setResult(undefined);
          setErrors({ fields: {}, general: [{ key: 'errors.unexpected' }] });
          break;
      }
    } catch {
      if (mine.signal.aborted) return;
      setResult(undefined);
      setErrors({ fields: {}, general: [{ key: 'errors.unexpected' }] });
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
    const local: Errors = { fields: {}, general: [] };
    if (!fromIso) local.fields.from = [{ key: 'errors.fromRequired' }];
    if (amount.trim() === '') local.fields.amount = [{ key: 'errors.amountRequired' }];
    setAttempt((n) => n + 1);
    if (!fromIso || hasErrors(local)) {
      controller.current?.abort();
      refusedQuery.current = undefined;
      setResult(undefined);
      setErrors(local);
      return;
    }
    void run({ from: fromIso, amount: amount.trim(), unit, skipDaysOff }, language);
  }

  function focusField(event: MouseEvent<HTMLAnchorElement>, field: Field) {
    const element = document.getElementById(FIELD_ID[field]);
    if (!element) return;
    event.preventDefault();
    element.focus();
    element.scrollIntoView({ block: 'center' });
  }

  const fieldErrors = (field: Field) => errors?.fields[field] ?? [];
  const errorId = (field: Field) => `${FIELD_ID[field]}-error`;
  const hintId = (field: Field) => `${FIELD_ID[field]}-hint`;
  const describedBy = (field: Field, hint: boolean) =>
    [hint ? hintId(field) : '', fieldErrors(field).length ? errorId(field) : ''].filter(Boolean).join(' ') || undefined;
  const invalid = (field: Field) => (fieldErrors(field).length ? true : undefined);

  const fieldError = (field: Field) =>
    fieldErrors(field).length > 0 && (
      <p className="field__error" id={errorId(field)}>
        <span className="visually-hidden">{t('errors.prefix')} </span>
        {fieldErrors(field)
          .map((m) => say(t, m))
          .join(' ')}
      </p>
    );

  const due = result ? vnMoment(result.due) : undefined;
  const start = result ? vnMoment(result.start) : undefined;
  const dueText = due ? formatMoment(t, due) : result?.due;
  const status = loading ? t('deadline.submitting') : dueText ? t('deadline.announceDue', { due: dueText }) : '';

  return (
    <div className="page page--deadline">
      <h1 tabIndex={-1}>{t('deadline.title')}</h1>
      <p className="lead">{t('deadline.intro')}</p>

      <div className="error-summary-region" role="alert">
        {hasErrors(errors) && (
          <div className="error-summary" key={attempt}>
            <h2 className="error-summary__title">{t('errors.summaryTitle')}</h2>
            <ul className="error-summary__list">
              {FIELDS.flatMap((field) =>
                fieldErrors(field).map((m, i) => (
                  <li key={`${field}-${i}`}>
                    <a href={`#${FIELD_ID[field]}`} onClick={(e) => focusField(e, field)}>
                      {t('errors.summaryItem', { field: t(FIELD_LABEL_KEY[field]), message: say(t, m) })}
                    </a>
                  </li>
                )),
              )}
              {errors.general.map((m, i) => (
                <li key={`general-${i}`}>{say(t, m)}</li>
              ))}
            </ul>
          </div>
        )}
      </div>

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
          <p className="form-note">{t('deadline.requiredNote')}</p>

          <div className={`field${invalid('from') ? ' field--invalid' : ''}`}>
            <label htmlFor={FIELD_ID.from} className="field__label">
              {t('deadline.fromLabel')}
            </label>
            <p className="field__hint" id={hintId('from')}>
              {t('deadline.fromHint')}
            </p>
            {fieldError('from')}
            <input
              id={FIELD_ID.from}
              name="from"
              type="datetime-local"
              className="input"
              required
              aria-required="true"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              aria-invalid={invalid('from')}
              aria-describedby={describedBy('from', true)}
            />
            {fromEcho && (
              <p className="field__echo">{t('deadline.fromEcho', { moment: fromEcho })}</p>
            )}
          </div>

          <div className={`field${invalid('amount') ? ' field--invalid' : ''}`}>
            <label htmlFor={FIELD_ID.amount} className="field__label">
              {t('deadline.amountLabel')}
            </label>
            <p className="field__hint" id={hintId('amount')}>
              {t('deadline.amountHint')}
            </p>
            {fieldError('amount')}
            <input
              id={FIELD_ID.amount}
              name="amount"
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              className="input input--short"
              required
              aria-required="true"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              aria-invalid={invalid('amount')}
              aria-describedby={describedBy('amount', true)}
            />
          </div>

          <div className={`field${invalid('unit') ? ' field--invalid' : ''}`}>
            <label htmlFor={FIELD_ID.unit} className="field__label">
              {t('deadline.unitLabel')}
            </label>
            {fieldError('unit')}
            <select
              id={FIELD_ID.unit}
              name="unit"
              className="input select"
              value={unit}
              onChange={(e) => setUnit(e.target.value as TimeUnit)}
              aria-invalid={invalid('unit')}
              aria-describedby={describedBy('unit', false)}
            >
              {TIME_UNITS.map((u) => (
                <option key={u} value={u}>
                  {t(`deadline.unit.${u}`)}
                </option>
              ))}
            </select>
          </div>

          {unit === 'calendar_days' && (
            <div className={`field field--checkbox${invalid('skipDaysOff') ? ' field--invalid' : ''}`}>
              {fieldError('skipDaysOff')}
              <input
                id={FIELD_ID.skipDaysOff}
                name="skipDaysOff"
                type="checkbox"
                className="checkbox"
                checked={skipDaysOff}
                onChange={(e) => setSkipDaysOff(e.target.checked)}
                aria-invalid={invalid('skipDaysOff')}
                aria-describedby={describedBy('skipDaysOff', false)}
              />
              <label htmlFor={FIELD_ID.skipDaysOff}>{t('deadline.skipDaysOffLabel')}</label>
            </div>
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

      <p className="visually-hidden" role="status">
        {status}
      </p>
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
