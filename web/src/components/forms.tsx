// The form kit of the whole app: a labelled field with its hint and error (aria-invalid,
// aria-describedby) for text, text area, select, file, checkbox and checkbox group; the error
// summary in a live region whose entries lead to the fields; the mapping of a problem's
// per-field errors (JSON pointers) onto fields, with the fields' labels instead of pointers; and
// one line for a failed call. Pages take every form piece from here.
import { useState } from 'react';
import type {
  InputHTMLAttributes,
  MouseEvent,
  ReactNode,
  Ref,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApiResult, Problem } from '../lib/api.ts';
import './components.css';

export type FieldErrors<F extends string> = Partial<Record<F, string[]>>;

export interface FormErrors<F extends string> {
  fields: FieldErrors<F>;
  general: string[];
}

export const noErrors = <F extends string>(): FormErrors<F> => ({ fields: {}, general: [] });

export const hasFormErrors = <F extends string>(errors: FormErrors<F> | undefined): errors is FormErrors<F> =>
  !!errors && (errors.general.length > 0 || Object.values<string[] | undefined>(errors.fields).some((m) => !!m?.length));

/** The whole problem as one sentence: its title, and its detail when there is one. */
export const problemText = (problem: Problem): string =>
  problem.detail && problem.detail !== problem.title ? `${problem.title}. ${problem.detail}` : problem.title;

/** What went wrong with a call that did not answer `ok`, as one sentence for the user. */
export function failureText(t: TFunction, outcome: Exclude<ApiResult<unknown>, { kind: 'ok' }>): string {
  switch (outcome.kind) {
    case 'problem':
      return problemText(outcome.problem);
    case 'network':
      return t('errors.network');
    case 'unreadable':
      return t('errors.unexpected');
  }
}

/**
 * A JSON pointer (`/body/result/name`) as words for the user: the label of the field it names
 * when `labels` knows the pointer (or one of its parents), else its last meaningful segment.
 * Pointers never reach the screen as such.
 */
export function pointerLabel(pointer: string, labels: Record<string, string> = {}): string {
  const segments = pointer.split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const body = segments[0] === 'body' || segments[0] === 'query' || segments[0] === 'params' ? segments.slice(1) : segments;
  for (let n = body.length; n > 0; n--) {
    const label = labels[`/${body.slice(0, n).join('/')}`] ?? labels[body[n - 1]!];
    if (label && !/^\d+$/.test(body[n - 1]!)) return label;
  }
  const words = body.filter((s) => !/^\d+$/.test(s));
  return words[words.length - 1] ?? '';
}

/** "Field label: message" for a problem's per-field error; the message alone when no field is named. */
export function fieldMessage(error: { pointer: string; message: string }, labels: Record<string, string> = {}): string {
  const label = pointerLabel(error.pointer, labels);
  return label && !error.message.startsWith(label) ? `${label}: ${error.message}` : error.message;
}

/**
 * A problem's per-field errors on the form's fields: `/body/unitId` → `unitId` (the last segment
 * of the pointer, or the first one under `/body` for nested values). The rest are general.
 */
export function errorsOfProblem<F extends string>(problem: Problem, fields: readonly F[], labels: Record<string, string> = {}): FormErrors<F> {
  const errors = noErrors<F>();
  for (const e of problem.errors ?? []) {
    const segments = e.pointer.split('/').filter(Boolean);
    const field = fields.find((f) => segments[segments.length - 1] === f || segments[1] === f);
    if (field) (errors.fields[field] ??= []).push(e.message);
    else errors.general.push(fieldMessage(e, labels));
  }
  if (errors.general.length === 0 && Object.keys(errors.fields).length === 0) errors.general.push(problemText(problem));
  return errors;
}

export function errorsOfFailure<F extends string>(
  t: TFunction,
  outcome: Exclude<ApiResult<unknown>, { kind: 'ok' }>,
  fields: readonly F[],
  labels: Record<string, string> = {},
): FormErrors<F> {
  if (outcome.kind === 'problem') return errorsOfProblem(outcome.problem, fields, labels);
  return { fields: {}, general: [failureText(t, outcome)] };
}

function focusElement(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const element = document.getElementById(id);
  if (!element) return;
  event.preventDefault();
  element.focus();
  element.scrollIntoView({ block: 'center' });
}

/** One entry of an error summary: a text, leading to a field when `target` names its id. */
export interface SummaryItem {
  target?: string;
  text: string;
}

type SummaryProps<F extends string> = { attempt: number; title?: string } & (
  | { items: readonly SummaryItem[]; errors?: undefined }
  | { errors: FormErrors<F> | undefined; fieldIds: Record<F, string>; fieldLabels: Record<F, string>; items?: undefined }
);

/**
 * The error summary: a live region (role=alert) that is always in the page, so that filling it
 * is announced. Re-keyed by `attempt` so that the same errors are announced again. Either a list
 * of items, or a form's errors with the fields' ids and labels.
 */
export function ErrorSummary<F extends string>(props: SummaryProps<F>) {
  const { t } = useTranslation();
  let items: readonly SummaryItem[];
  if (props.items) items = props.items;
  else {
    const { errors, fieldIds, fieldLabels } = props;
    const fields = Object.keys(fieldIds) as F[];
    items = hasFormErrors(errors)
      ? [
          ...fields.flatMap((field) =>
            (errors.fields[field] ?? []).map((message) => ({ target: fieldIds[field], text: `${fieldLabels[field]} — ${message}` })),
          ),
          ...errors.general.map((text) => ({ text })),
        ]
      : [];
  }
  return (
    <div className="error-summary-region" role="alert">
      {items.length > 0 && (
        <div className="error-summary" key={props.attempt}>
          <h2 className="error-summary__title">{props.title ?? t('form.errorSummary')}</h2>
          <ul className="error-summary__list">
            {items.map((item, i) => (
              <li key={`${i}-${item.text}`}>
                {item.target ? (
                  <a href={`#${item.target}`} onClick={(e) => focusElement(e, item.target!)}>
                    {item.text}
                  </a>
                ) : (
                  item.text
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** A polite status line for screen readers (loading, results found, saved). */
export function Status({ children }: { children: ReactNode }) {
  return (
    <p className="visually-hidden" role="status">
      {children}
    </p>
  );
}

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[] | undefined;
  /** One error (the same as `errors: [error]`). */
  error?: string | undefined;
  /** Visually hidden prefix of an error ("Lỗi:"), for screen readers; default: the app's. */
  errorPrefix?: string;
  /** "(không bắt buộc)" after the label. */
  optionalText?: string;
  /** "(bắt buộc)" after the label (and the control is required). */
  required?: boolean;
  className?: string;
}

export const describedByOf = (id: string, hint: boolean, errors: string[] | undefined): string | undefined =>
  [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

const errorList = (p: { errors?: string[] | undefined; error?: string | undefined }): string[] | undefined =>
  p.errors?.length ? p.errors : p.error ? [p.error] : undefined;

function FieldMessages({ id, hint, errors, errorPrefix }: { id: string; hint?: ReactNode; errors: string[] | undefined; errorPrefix?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{errorPrefix ?? t('errors.prefix')} </span>
          {errors.join(' ')}
        </p>
      ) : null}
    </>
  );
}

function LabelMarks({ optionalText, required }: { optionalText?: string | undefined; required?: boolean | undefined }) {
  const { t } = useTranslation();
  if (optionalText) return <span className="field__optional"> ({optionalText})</span>;
  if (required) return <span className="field__optional"> ({t('form.required')})</span>;
  return null;
}

function FieldFrame({ id, label, hint, errorPrefix, optionalText, required, className, children, ...rest }: FieldFrameProps & { children: ReactNode }) {
  const errors = errorList(rest);
  return (
    <div className={`field${errors ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        <LabelMarks optionalText={optionalText} required={required} />
      </label>
      <FieldMessages id={id} hint={hint} errors={errors} errorPrefix={errorPrefix} />
      {children}
    </div>
  );
}

const controlProps = (id: string, hint: boolean, errors: string[] | undefined, required: boolean | undefined) => ({
  id,
  'aria-invalid': errors ? true : undefined,
  'aria-describedby': describedByOf(id, hint, errors),
  ...(required ? { required: true, 'aria-required': true } : {}),
});

/** `onValue` gets the new value; `onChange` (the DOM event) is still there for pages that want it. */
interface ValueProps {
  onValue?(value: string): void;
}

/** A labelled text input with its hint and errors. */
export function TextField({
  id,
  label,
  hint,
  errors,
  error,
  errorPrefix,
  optionalText,
  required,
  className,
  inputClassName,
  ref,
  onValue,
  onChange,
  ...input
}: FieldFrameProps & ValueProps & { inputClassName?: string; ref?: Ref<HTMLInputElement> } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'>) {
  const list = errorList({ errors, error });
  return (
    <FieldFrame {...{ id, label, hint, errors: list, errorPrefix, optionalText, required, className }}>
      <input
        ref={ref}
        type="text"
        className={`input${inputClassName ? ` ${inputClassName}` : ''}`}
        {...controlProps(id, !!hint, list, required)}
        onChange={(e) => {
          onChange?.(e);
          onValue?.(e.target.value);
        }}
        {...input}
      />
    </FieldFrame>
  );
}

/** A labelled multi-line text. */
export function TextArea({
  id,
  label,
  hint,
  errors,
  error,
  errorPrefix,
  optionalText,
  required,
  className,
  inputClassName,
  ref,
  onValue,
  onChange,
  ...area
}: FieldFrameProps & ValueProps & { inputClassName?: string; ref?: Ref<HTMLTextAreaElement> } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>) {
  const list = errorList({ errors, error });
  return (
    <FieldFrame {...{ id, label, hint, errors: list, errorPrefix, optionalText, required, className }}>
      <textarea
        ref={ref}
        rows={4}
        className={`input textarea${inputClassName ? ` ${inputClassName}` : ''}`}
        {...controlProps(id, !!hint, list, required)}
        onChange={(e) => {
          onChange?.(e);
          onValue?.(e.target.value);
        }}
        {...area}
      />
    </FieldFrame>
  );
}

/** A labelled select with its hint and errors; options as children or as a list. */
export function SelectField({
  id,
  label,
  hint,
  errors,
  error,
  errorPrefix,
  optionalText,
  required,
  className,
  inputClassName,
  children,
  options,
  onValue,
  onChange,
  ...select
}: FieldFrameProps &
  ValueProps & { inputClassName?: string; children?: ReactNode; options?: ReadonlyArray<{ value: string; label: string }> } & Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    'id' | 'className'
  >) {
  const list = errorList({ errors, error });
  return (
    <FieldFrame {...{ id, label, hint, errors: list, errorPrefix, optionalText, required, className }}>
      <select
        className={`input select${inputClassName ? ` ${inputClassName}` : ''}`}
        {...controlProps(id, !!hint, list, required)}
        onChange={(e) => {
          onChange?.(e);
          onValue?.(e.target.value);
        }}
        {...select}
      >
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
    </FieldFrame>
  );
}

/**
 * A labelled file input: the chosen file comes to `onFile` (undefined when the choice is
 * cleared). `accept` lists the types; the hint should say them and the size limit in words.
 */
export function FileField({
  id,
  label,
  hint,
  errors,
  error,
  errorPrefix,
  optionalText,
  required,
  className,
  onFile,
  ref,
  ...input
}: FieldFrameProps & { onFile(file: File | undefined): void; ref?: Ref<HTMLInputElement> } & Omit<
    InputHTMLAttributes<HTMLInputElement>,
    'id' | 'className' | 'type' | 'value' | 'onChange'
  >) {
  const list = errorList({ errors, error });
  return (
    <FieldFrame {...{ id, label, hint, errors: list, errorPrefix, optionalText, required, className }}>
      <input
        ref={ref}
        type="file"
        className="input input--file"
        {...controlProps(id, !!hint, list, required)}
        onChange={(e) => onFile(e.target.files?.[0])}
        {...input}
      />
    </FieldFrame>
  );
}

/** A checkbox with its label on the right, its hint and error below. */
export function Checkbox({
  id,
  label,
  hint,
  errors,
  error,
  errorPrefix,
  className,
  checked,
  onValue,
  ...input
}: Omit<FieldFrameProps, 'optionalText' | 'required'> & {
  checked: boolean;
  onValue(value: boolean): void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'type' | 'checked' | 'onChange'>) {
  const list = errorList({ errors, error });
  return (
    <div className={`field field--checkbox${list ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <input
        type="checkbox"
        className="checkbox"
        checked={checked}
        {...controlProps(id, !!hint, list, false)}
        onChange={(e) => onValue(e.target.checked)}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
      {(hint || list) && (
        <div className="field--checkbox__extras">
          <FieldMessages id={id} hint={hint} errors={list} errorPrefix={errorPrefix} />
        </div>
      )}
    </div>
  );
}

/** A group of checkboxes for a list of values, in a fieldset with the label as its legend. */
export function CheckboxGroup<V extends string>({
  id,
  label,
  hint,
  errors,
  error,
  errorPrefix,
  optionalText,
  required,
  className,
  values,
  options,
  onValue,
}: FieldFrameProps & { values: readonly V[]; options: ReadonlyArray<{ value: V; label: string }>; onValue(values: V[]): void }) {
  const list = errorList({ errors, error });
  return (
    <fieldset
      className={`field fieldset fieldset--boxed${list ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={describedByOf(id, !!hint, list)}
    >
      <legend className="field__label">
        {label}
        <LabelMarks optionalText={optionalText} required={required} />
      </legend>
      <FieldMessages id={id} hint={hint} errors={list} errorPrefix={errorPrefix} />
      <div className="choices">
        {options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${o.value}`;
          return (
            <div className="field--checkbox choice" key={o.value}>
              <input
                id={optionId}
                type="checkbox"
                className="checkbox"
                checked={values.includes(o.value)}
                onChange={(e) =>
                  onValue(options.map((x) => x.value).filter((v) => (v === o.value ? e.target.checked : values.includes(v))))
                }
              />
              <label htmlFor={optionId}>{o.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-11-05` → `05/11/2026`; anything else as it is. */
export function isoToDayMonthYear(value: string): string {
  const m = ISO_DATE.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** `5/11/2026`, `05-11-2026`, `05.11.2026` → `2026-11-05` (a real date); undefined otherwise. */
export function dayMonthYearToIso(text: string): string | undefined {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date typed as dd/mm/yyyy, whatever the browser's own locale (a native date input shows the
 * browser's format, e.g. mm/dd/yyyy on an American machine, not the page's). The value is ISO
 * (`yyyy-mm-dd`); while the text is not a whole date the value is that text, so the page's check
 * ("enter a date") sees it.
 */
export function DateField({
  value,
  onValue,
  hint,
  ...props
}: Omit<Parameters<typeof TextField>[0], 'value' | 'onValue' | 'onChange' | 'type'> & { value: string; onValue(value: string): void }) {
  const { t } = useTranslation();
  const shown = ISO_DATE.test(value) ? isoToDayMonthYear(value) : value;
  return (
    <TextField
      {...props}
      hint={
        <>
          {hint}
          {hint ? ' ' : ''}
          {t('form.dateFormat')}
        </>
      }
      inputMode="numeric"
      autoComplete={props.autoComplete ?? 'off'}
      placeholder={t('form.datePlaceholder')}
      maxLength={10}
      value={shown}
      onValue={(text) => onValue(dayMonthYearToIso(text) ?? text)}
    />
  );
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `17:30`, `9:05`, `17h30`, `17.30`, `1730` → `17:30` (a time of day, 24 h); undefined otherwise. */
export function hourMinuteOf(text: string): string | undefined {
  const m = /^\s*(\d{1,2})\s*[:.hH]?\s*(\d{2})\s*$/.exec(text);
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h < 24 && min < 60 ? `${pad2(h)}:${pad2(min)}` : undefined;
}

const LOCAL_MOMENT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

interface MomentTexts {
  date: string;
  time: string;
}

/** What the two inputs show for a value: a whole moment as dd/mm/yyyy and HH:mm; anything else in the date. */
const momentTexts = (value: string): MomentTexts => {
  const m = LOCAL_MOMENT.exec(value);
  return m ? { date: isoToDayMonthYear(m[1]!), time: m[2]! } : { date: value, time: '' };
};

/** `yyyy-mm-ddTHH:mm` when both texts are whole, else the two texts as typed (which no page reads as a moment). */
const momentValue = ({ date, time }: MomentTexts): string => {
  const day = dayMonthYearToIso(date);
  const hour = hourMinuteOf(time);
  return day && hour ? `${day}T${hour}` : `${date} ${time}`;
};

/**
 * A moment typed as a date (dd/mm/yyyy, as DateField) and a time (HH:mm, 24 h), whatever the
 * browser's locale (a native datetime-local input shows the browser's format, not the page's):
 * one group, its label as the legend, each input with a label of its own. The value is the local
 * `yyyy-mm-ddTHH:mm`; while either text is not whole, the value is the two texts, so the page's
 * check ("enter a date and a time") sees it. The first input has `id`, for the error summary.
 */
export function DateTimeField({
  id,
  label,
  hint,
  errors,
  error,
  errorPrefix,
  optionalText,
  required,
  className,
  value,
  onValue,
  'aria-required': ariaRequired,
}: FieldFrameProps & {
  value: string;
  onValue(value: string): void;
  /** For a form that says once that every field is required, instead of `required`'s mark on the label. */
  'aria-required'?: boolean;
}) {
  const { t } = useTranslation();
  const list = errorList({ errors, error });
  // An incomplete value cannot be split back into the two texts: keep them as typed, as long as
  // the page holds the value they gave (a value the page sets itself replaces them).
  const [typed, setTyped] = useState<MomentTexts & { value: string }>();
  const texts = typed?.value === value ? typed : momentTexts(value);
  const change = (next: MomentTexts) => {
    const nextValue = momentValue(next);
    setTyped({ ...next, value: nextValue });
    onValue(nextValue);
  };
  const control = {
    type: 'text',
    inputMode: 'numeric',
    autoComplete: 'off',
    'aria-invalid': list ? true : undefined,
    'aria-describedby': describedByOf(id, true, list),
    ...(required ? { required: true, 'aria-required': true } : ariaRequired ? { 'aria-required': true } : {}),
  } as const;
  return (
    <div className={`field${list ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <fieldset className="datetime-field">
        <legend className="field__label">
          {label}
          <LabelMarks optionalText={optionalText} required={required} />
        </legend>
        <FieldMessages
          id={id}
          hint={
            <>
              {hint}
              {hint ? ' ' : ''}
              {t('form.dateTimeFormat')}
            </>
          }
          errors={list}
          errorPrefix={errorPrefix}
        />
        <div className="datetime-field__parts">
          <div className="datetime-field__part datetime-field__part--date">
            <label htmlFor={id} className="datetime-field__label">
              {t('form.dateLabel')}
            </label>
            <input
              {...control}
              id={id}
              className="input"
              placeholder={t('form.datePlaceholder')}
              maxLength={10}
              value={texts.date}
              onChange={(e) => change({ date: e.target.value, time: texts.time })}
            />
          </div>
          <div className="datetime-field__part datetime-field__part--time">
            <label htmlFor={`${id}-time`} className="datetime-field__label">
              {t('form.timeLabel')}
            </label>
            <input
              {...control}
              id={`${id}-time`}
              className="input"
              placeholder={t('form.timePlaceholder')}
              maxLength={5}
              value={texts.time}
              onChange={(e) => change({ date: texts.date, time: e.target.value })}
            />
          </div>
        </div>
      </fieldset>
    </div>
  );
}
