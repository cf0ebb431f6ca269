// Small form pieces in the style of the deadline calculator: a labelled field with its hint and
// error (aria-invalid, aria-describedby), an error summary in a live region whose entries lead
// to the fields, and the mapping of a problem's per-field errors (JSON pointers) onto fields.
// Texts come in through props, so these pieces carry no translation keys of their own.
import type { InputHTMLAttributes, MouseEvent, ReactNode, Ref, SelectHTMLAttributes } from 'react';
import type { TFunction } from 'i18next';
import type { ApiResult, Problem } from '../lib/api.ts';

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
 * A problem's per-field errors on the form's fields: `/body/unitId` → `unitId` (the last segment
 * of the pointer, or the first one under `/body` for nested values). The rest are general.
 */
export function errorsOfProblem<F extends string>(problem: Problem, fields: readonly F[]): FormErrors<F> {
  const errors = noErrors<F>();
  for (const e of problem.errors ?? []) {
    const segments = e.pointer.split('/').filter(Boolean);
    const field = fields.find((f) => segments[segments.length - 1] === f || segments[1] === f);
    if (field) (errors.fields[field] ??= []).push(e.message);
    else errors.general.push(e.message);
  }
  if (errors.general.length === 0 && Object.keys(errors.fields).length === 0) errors.general.push(problemText(problem));
  return errors;
}

export function errorsOfFailure<F extends string>(
  t: TFunction,
  outcome: Exclude<ApiResult<unknown>, { kind: 'ok' }>,
  fields: readonly F[],
): FormErrors<F> {
  if (outcome.kind === 'problem') return errorsOfProblem(outcome.problem, fields);
  return { fields: {}, general: [failureText(t, outcome)] };
}

function focusElement(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const element = document.getElementById(id);
  if (!element) return;
  event.preventDefault();
  element.focus();
  element.scrollIntoView({ block: 'center' });
}

/**
 * The error summary: a live region (role=alert) that is always in the page, so that filling it
 * is announced. Re-keyed by `attempt` so that the same errors are announced again.
 */
export function ErrorSummary<F extends string>({
  errors,
  attempt,
  title,
  fieldIds,
  fieldLabels,
}: {
  errors: FormErrors<F> | undefined;
  attempt: number;
  title: string;
  fieldIds: Record<F, string>;
  fieldLabels: Record<F, string>;
}) {
  const fields = Object.keys(fieldIds) as F[];
  return (
    <div className="error-summary-region" role="alert">
      {hasFormErrors(errors) && (
        <div className="error-summary" key={attempt}>
          <h2 className="error-summary__title">{title}</h2>
          <ul className="error-summary__list">
            {fields.flatMap((field) =>
              (errors.fields[field] ?? []).map((message, i) => (
                <li key={`${field}-${i}`}>
                  <a href={`#${fieldIds[field]}`} onClick={(e) => focusElement(e, fieldIds[field])}>
                    {fieldLabels[field]} — {message}
                  </a>
                </li>
              )),
            )}
            {errors.general.map((message, i) => (
              <li key={`general-${i}`}>{message}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[] | undefined;
  /** Visually hidden prefix of an error ("Lỗi:"), for screen readers. */
  errorPrefix: string;
  optionalText?: string;
  className?: string;
}

export const describedByOf = (id: string, hint: boolean, errors: string[] | undefined): string | undefined =>
  [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

function FieldFrame({ id, label, hint, errors, errorPrefix, optionalText, className, children }: FieldFrameProps & { children: ReactNode }) {
  const invalid = !!errors?.length;
  return (
    <div className={`field${invalid ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {optionalText && <span className="field__optional"> ({optionalText})</span>}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {invalid && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{errorPrefix} </span>
          {errors.join(' ')}
        </p>
      )}
      {children}
    </div>
  );
}

/** A labelled text input with its hint and errors. */
export function TextField({
  id,
  label,
  hint,
  errors,
  errorPrefix,
  optionalText,
  className,
  inputClassName,
  ref,
  ...input
}: FieldFrameProps & { inputClassName?: string; ref?: Ref<HTMLInputElement> } & Omit<
    InputHTMLAttributes<HTMLInputElement>,
    'id' | 'className'
  >) {
  const invalid = !!errors?.length;
  return (
    <FieldFrame {...{ id, label, hint, errors, errorPrefix, optionalText, className }}>
      <input
        ref={ref}
        id={id}
        className={`input${inputClassName ? ` ${inputClassName}` : ''}`}
        aria-invalid={invalid || undefined}
        aria-describedby={describedByOf(id, !!hint, errors)}
        {...(input.required ? { 'aria-required': true } : {})}
        {...input}
      />
    </FieldFrame>
  );
}

/** A labelled select with its hint and errors. */
export function SelectField({
  id,
  label,
  hint,
  errors,
  errorPrefix,
  optionalText,
  className,
  children,
  ...select
}: FieldFrameProps & { children: ReactNode } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'>) {
  const invalid = !!errors?.length;
  return (
    <FieldFrame {...{ id, label, hint, errors, errorPrefix, optionalText, className }}>
      <select
        id={id}
        className="input select"
        aria-invalid={invalid || undefined}
        aria-describedby={describedByOf(id, !!hint, errors)}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}
