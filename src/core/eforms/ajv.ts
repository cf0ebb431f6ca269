// The one ajv configuration of e-forms, shared by the server (the truth) and the browser form
// renderer, so both accept and refuse exactly the same data. Pure code: no Node APIs.
//
// Draft 2020-12 (ajv/dist/2020), all errors (a form shows every wrong field at once), strict
// schemas (an unknown keyword is a mistake in the form definition, not something to ignore) with
// our annotations registered, and the formats of ajv-formats plus the identifiers Vietnamese
// forms ask for.
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { RegExpEngine } from 'ajv/dist/types/index.js';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import safeRegexModule from 'safe-regex2';
import { checkPersonalId } from '../identifiers/personal-id.ts';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? (addFormatsModule as unknown as FormatsPlugin);

/** Binds a field to a prefill attribute (core/prefill/attributes.ts) or a catalog value. */
export const PREFILL_KEYWORD = 'x-prefill';
/** The applicant may change a prefilled value (the difference is recorded). Default false. */
export const PREFILL_EDITABLE_KEYWORD = 'x-prefill-editable';

/**
 * Formats beyond JSON Schema's own:
 * - `personal-id`: 12-digit personal identification number (Law on Identification 2023 Art. 12),
 *   with a known birth-registration place code;
 * - `tax-code`: mã số thuế, 10 digits, or 13 as `0123456789-001` for a branch (Circular
 *   105/2020/TT-BTC Art. 5);
 * - `phone-vn`: a Vietnamese phone number, `0` or `+84` then 9–10 digits;
 * - `procedure-code`: national TTHC code `N.XXXXXX`.
 */
export const EFORM_FORMATS: Record<string, (value: string) => boolean> = {
  'personal-id': (v) => {
    const r = checkPersonalId(v);
    return r.valid && r.kind === 'personal_id';
  },
  'tax-code': (v) => /^[0-9]{10}(-[0-9]{3})?$/.test(v),
  'phone-vn': (v) => /^(0|\+84)[0-9]{9,10}$/.test(v.replace(/[\s.]/g, '')),
  'procedure-code': (v) => /^[123]\.[0-9]{6}$/.test(v),
};

export type EformAjv = Ajv2020;

// safe-regex2 is CommonJS too.
const safeRegex = ((safeRegexModule as unknown as { default?: typeof safeRegexModule }).default ?? safeRegexModule) as (re: string) => boolean;

/** Longest `pattern` a form may declare. */
export const PATTERN_MAX_LENGTH = 500;
/**
 * Longest string a `pattern` is tested on; a longer one does not match (form fields are short:
 * the builder's longest default maxLength is 5000). Bounds the work of any pattern.
 */
export const PATTERN_INPUT_MAX = 5000;

/** False for a pattern whose backtracking can grow exponentially with the input (nested quantifiers). */
export function isSafePattern(pattern: string): boolean {
  try {
    return safeRegex(pattern);
  } catch {
    return false;
  }
}

/**
 * ajv's regular expressions for `pattern`, bounded: an unsafe pattern (one that a published
 * version might still carry from before the save check) matches nothing, so a field with it is
 * refused rather than the process blocked; a string longer than PATTERN_INPUT_MAX does not match.
 */
const boundedRegExp: RegExpEngine = Object.assign(
  (pattern: string, flags: string) => {
    // ajv keys its compiled patterns by toString(): each must name its own pattern.
    const key = () => `/${pattern}/${flags}`;
    if (pattern.length > PATTERN_MAX_LENGTH || !isSafePattern(pattern)) return { test: () => false, toString: () => `unsafe:${key()}` };
    const re = new RegExp(pattern, flags);
    return { test: (s: string) => s.length <= PATTERN_INPUT_MAX && re.test(s), toString: key };
  },
  { code: 'new RegExp' },
);

export function createEformAjv(): EformAjv {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    // `then: { required: [...] }` names properties declared by the parent: checked by
    // checkEformDefinition instead.
    strictRequired: false,
    allowUnionTypes: true,
    // No coercion, no defaults written into the data: what is stored is what was sent.
    coerceTypes: false,
    useDefaults: false,
    code: { regExp: boundedRegExp },
  });
  addFormats(ajv);
  for (const [name, validate] of Object.entries(EFORM_FORMATS)) ajv.addFormat(name, { type: 'string', validate });
  ajv.addKeyword({ keyword: PREFILL_KEYWORD, schemaType: 'string' });
  ajv.addKeyword({ keyword: PREFILL_EDITABLE_KEYWORD, schemaType: 'boolean' });
  return ajv;
}
