// The one ajv configuration of e-forms, shared by the server (the truth) and the browser form
// renderer, so both accept and refuse exactly the same data. Pure code: no Node APIs.
//
// Draft 2020-12 (ajv/dist/2020), all errors (a form shows every wrong field at once), strict
// schemas (an unknown keyword is a mistake in the form definition, not something to ignore) with
// our annotations registered, and the formats of ajv-formats plus the identifiers Vietnamese
// forms ask for.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
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
  });
  addFormats(ajv);
  for (const [name, validate] of Object.entries(EFORM_FORMATS)) ajv.addFormat(name, { type: 'string', validate });
  ajv.addKeyword({ keyword: PREFILL_KEYWORD, schemaType: 'string' });
  ajv.addKeyword({ keyword: PREFILL_EDITABLE_KEYWORD, schemaType: 'boolean' });
  return ajv;
}
