// E-form validation in the browser: the server's shared code (src/core/eforms: normalization,
// ajv error → Vietnamese/English message, error order, custom messages) over the eval-free
// schema interpreter (the CSP forbids ajv's generated code here). The server remains the truth:
// every submission is validated again there, and its answer is shown the same way.
import type { ErrorSchema, RJSFSchema, RJSFValidationError, ValidationData, ValidatorType } from '@rjsf/utils';
import { fromPointer, type LocalizedText } from '@server/core/eforms/ui-schema.ts';
import { compileEform, type CompiledEform, type EformDefinition, type FormFieldError } from '@server/core/eforms/validate.ts';
import type { Language } from '../../../i18n/index.ts';
import { createInterpretingAjv, interpretSchema } from './interpreter.ts';

export type { FormFieldError };

/** A field error to show: its pointer into the form data and its message in both languages or one. */
export interface ShownFieldError {
  pointer: string;
  code: string;
  message: LocalizedText | string;
}

export const messageIn = (m: LocalizedText | string, language: Language) => (typeof m === 'string' ? m : m[language]);

const ajv = createInterpretingAjv();

/** The compiled form, or undefined when its schema needs the server (a keyword the interpreter does not know). */
export function compileInBrowser(definition: EformDefinition): CompiledEform | undefined {
  try {
    return compileEform(ajv, structuredClone(definition));
  } catch {
    return undefined;
  }
}

/** Errors as the nested ErrorSchema rjsf shows under each field. */
export function toErrorSchema(errors: readonly ShownFieldError[], language: Language): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const e of errors) {
    let node = root;
    for (const key of fromPointer(e.pointer)) node = (node[key] ??= {}) as Record<string, unknown>;
    ((node.__errors ??= []) as string[]).push(messageIn(e.message, language));
  }
  return root as ErrorSchema;
}

/**
 * The rjsf validator of one form definition, built on the shared e-form validation. rjsf calls
 * `isValid` for conditional schemas; the pages call `validateFormData` through their own submit
 * handling so that browser and server errors are shown in one place.
 */
export function createEformValidator(definition: EformDefinition, language: Language): ValidatorType {
  const compiled = compileInBrowser(definition);
  const toList = (errors: FormFieldError[]): RJSFValidationError[] =>
    errors.map((e) => ({
      name: e.code,
      property: e.pointer.replace(/\//g, '.'),
      message: e.message[language],
      stack: e.message[language],
    }));
  return {
    validateFormData(formData): ValidationData<unknown> {
      if (!compiled) return { errors: [], errorSchema: {} };
      const result = compiled.validate(formData ?? {});
      return { errors: toList(result.errors), errorSchema: toErrorSchema(result.errors, language) };
    },
    isValid(schema: RJSFSchema, formData: unknown): boolean {
      try {
        return interpretSchema(schema)(formData);
      } catch {
        return false;
      }
    },
    rawValidation<Result = unknown>(schema: RJSFSchema, formData?: unknown) {
      try {
        const validate = interpretSchema(schema);
        validate(formData);
        return { errors: (validate.errors ?? []) as Result[] };
      } catch (error) {
        return { validationError: error as Error };
      }
    },
  };
}
