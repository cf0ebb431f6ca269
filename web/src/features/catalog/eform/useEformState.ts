// State of a filled-in e-form: the data, the field errors shown (the browser's or the server's:
// the same messages), and the error summary items that link to the fields.
import { useMemo, useState } from 'react';
import type { EformDefinition } from '@server/core/eforms/validate.ts';
import type { Language } from '../../../i18n/index.ts';
import type { Problem } from '../../../lib/api.ts';
import { stripPointer } from '../api.ts';
import { type SummaryItem } from '../../../components/forms.tsx';
import { fieldId, fieldOrder, isVisible } from './convert.ts';
import { compileInBrowser, messageIn, type ShownFieldError } from './validation.ts';

export interface EformState {
  data: Record<string, unknown>;
  setData(data: Record<string, unknown>): void;
  errors: ShownFieldError[];
  /** Messages that belong to no field (the server's problem title, a network failure). */
  general: string[];
  attempt: number;
  /** Whether the browser can validate this form (else the server alone does). */
  browserValidation: boolean;
  /** Validates in the browser; true when valid (or when only the server can tell). */
  validate(data?: Record<string, unknown>): boolean;
  /** Shows a server problem: its field errors under the fields, the rest in the summary. */
  showProblem(problem: Problem, text: string): void;
  showGeneral(text: string): void;
  clear(): void;
  summary: SummaryItem[];
}

export function useEformState(definition: EformDefinition, language: Language, idPrefix: string, initial: Record<string, unknown> = {}): EformState {
  const [data, setData] = useState<Record<string, unknown>>(initial);
  const [errors, setErrors] = useState<ShownFieldError[]>([]);
  const [general, setGeneral] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const compiled = useMemo(() => compileInBrowser(definition), [definition]);
  const fields = useMemo(() => new Set(fieldOrder(definition)), [definition]);

  const summary = useMemo<SummaryItem[]>(
    () => [
      ...errors.map((e) => ({
        ...(fields.has(e.pointer) && isVisible(definition, e.pointer, data) ? { target: fieldId(idPrefix, e.pointer) } : {}),
        text: messageIn(e.message, language),
      })),
      ...general.map((text) => ({ text })),
    ],
    [errors, general, fields, definition, data, idPrefix, language],
  );

  return {
    data,
    setData,
    errors,
    general,
    attempt,
    browserValidation: compiled !== undefined,
    summary,
    validate(shown = data) {
      setAttempt((n) => n + 1);
      setGeneral([]);
      if (!compiled) {
        setErrors([]);
        return true;
      }
      const result = compiled.validate(shown);
      setErrors(result.errors);
      return result.valid;
    },
    showProblem(problem, text) {
      const fieldErrors: ShownFieldError[] = [];
      const rest: string[] = [];
      for (const e of problem.errors ?? []) {
        const pointer = stripPointer(e.pointer, '/body/data');
        if (pointer !== undefined && pointer !== '') fieldErrors.push({ pointer, code: e.code, message: e.message });
        else rest.push(e.message);
      }
      setErrors(fieldErrors);
      setGeneral(fieldErrors.length === 0 && rest.length === 0 ? [text] : rest);
      setAttempt((n) => n + 1);
    },
    showGeneral(text) {
      setErrors([]);
      setGeneral([text]);
      setAttempt((n) => n + 1);
    },
    clear() {
      setErrors([]);
      setGeneral([]);
    },
  };
}
