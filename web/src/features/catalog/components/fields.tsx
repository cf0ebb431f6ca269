// Small labelled form controls for the administration pages, in the app's style (label, hint,
// error tied with aria-describedby, aria-invalid).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Base {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
}

function describedBy(p: Base): string | undefined {
  return [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Extras(p: Base) {
  const { t } = useTranslation();
  return (
    <>
      {p.hint && (
        <p className="field__hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      )}
      {p.error && (
        <p className="field__error" id={`${p.id}-error`}>
          <span className="visually-hidden">{t('errors.prefix')} </span>
          {p.error}
        </p>
      )}
    </>
  );
}

function Label(p: Base) {
  const { t } = useTranslation();
  return (
    <label htmlFor={p.id} className="field__label">
      {p.label}
      {p.required && <span className="cat-field__required"> ({t('catalog.eform.required')})</span>}
    </label>
  );
}

export function TextField(p: Base & { value: string; onChange(v: string): void; type?: string; inputMode?: 'decimal' | 'numeric'; className?: string; readOnly?: boolean }) {
  return (
    <div className={`field${p.error ? ' field--invalid' : ''}`}>
      <Label {...p} />
      <Extras {...p} />
      <input
        id={p.id}
        type={p.type ?? 'text'}
        inputMode={p.inputMode}
        className={`input ${p.className ?? ''}`}
        value={p.value}
        readOnly={p.readOnly}
        required={p.required}
        aria-required={p.required || undefined}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p)}
        onChange={(e) => p.onChange(e.target.value)}
      />
    </div>
  );
}

export function TextArea(p: Base & { value: string; onChange(v: string): void; rows?: number; className?: string }) {
  return (
    <div className={`field${p.error ? ' field--invalid' : ''}`}>
      <Label {...p} />
      <Extras {...p} />
      <textarea
        id={p.id}
        className={`input cat-textarea ${p.className ?? ''}`}
        rows={p.rows ?? 4}
        value={p.value}
        required={p.required}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p)}
        onChange={(e) => p.onChange(e.target.value)}
      />
    </div>
  );
}

export function SelectField(p: Base & { value: string; onChange(v: string): void; options: Array<{ value: string; label: string }>; className?: string }) {
  return (
    <div className={`field${p.error ? ' field--invalid' : ''}`}>
      <Label {...p} />
      <Extras {...p} />
      <select
        id={p.id}
        className={`input select ${p.className ?? ''}`}
        value={p.value}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p)}
        onChange={(e) => p.onChange(e.target.value)}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Checkbox(p: Omit<Base, 'required'> & { checked: boolean; onChange(v: boolean): void }) {
  return (
    <div className={`field field--checkbox${p.error ? ' field--invalid' : ''}`}>
      <input
        id={p.id}
        type="checkbox"
        className="checkbox"
        checked={p.checked}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p)}
        onChange={(e) => p.onChange(e.target.checked)}
      />
      <label htmlFor={p.id}>{p.label}</label>
      {(p.hint || p.error) && (
        <div className="cat-field--checkbox__extras">
          <Extras {...p} />
        </div>
      )}
    </div>
  );
}

/** A group of checkboxes for a list of values. */
export function CheckboxGroup<V extends string>(
  p: Base & { values: readonly V[]; options: Array<{ value: V; label: string }>; onChange(v: V[]): void; children?: ReactNode },
) {
  return (
    <fieldset className={`field cat-fieldset${p.error ? ' field--invalid' : ''}`} aria-describedby={describedBy(p)}>
      <legend className="field__label">{p.label}</legend>
      <Extras {...p} />
      <div className="cat-choices">
        {p.options.map((o, i) => (
          <div className="field--checkbox cat-choice" key={o.value}>
            <input
              id={i === 0 ? p.id : `${p.id}-${o.value}`}
              type="checkbox"
              className="checkbox"
              checked={p.values.includes(o.value)}
              onChange={(e) =>
                p.onChange(p.options.map((x) => x.value).filter((v) => (v === o.value ? e.target.checked : p.values.includes(v))))
              }
            />
            <label htmlFor={i === 0 ? p.id : `${p.id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
