// An eval-free reading of the e-form JSON Schemas, for the browser.
//
// The server validates form data with ajv (src/core/eforms/ajv.ts). ajv compiles each schema to
// JavaScript with `new Function`, which the app's Content Security Policy (script-src 'self', no
// 'unsafe-eval') forbids in the browser. So the browser runs the same shared code around ajv —
// normalization, the order of errors, the Vietnamese/English messages (compileEform,
// localizeAjvError) and the very same format functions (ajv-formats' full formats and
// EFORM_FORMATS) — with this interpreter in place of ajv's generated code. It produces ajv's
// error objects (keyword, instancePath, params) for the keywords the form builder writes, and
// refuses ("unsupported") any schema using something else: such a form is then validated by the
// server only. test/e2e/catalog-eform-parity.test.ts checks, on the seed catalog's forms and
// random data, that it gives exactly the errors ajv gives.
import type { ErrorObject } from 'ajv/dist/2020.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { EFORM_FORMATS, type EformAjv } from '@server/core/eforms/ajv.ts';
import { jsonEqual, toPointer } from '@server/core/eforms/ui-schema.ts';

type Node = Record<string, unknown>;

export class UnsupportedSchemaError extends Error {
  constructor(readonly keyword: string) {
    super(`Schema keyword not supported in the browser: ${keyword}`);
  }
}

/** Keywords with no effect on validation. */
const ANNOTATIONS = new Set([
  '$schema',
  '$comment',
  'title',
  'description',
  'default',
  'examples',
  'readOnly',
  'writeOnly',
  'deprecated',
  'x-prefill',
  'x-prefill-editable',
]);

const SUPPORTED = new Set([
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'allOf',
  'if',
  'then',
  'else',
]);

type FormatCheck = { type: 'string' | 'number'; test: (value: never) => boolean };

function formatCheck(name: string): FormatCheck {
  const custom = EFORM_FORMATS[name];
  if (custom) return { type: 'string', test: custom as (v: never) => boolean };
  const def = (fullFormats as Record<string, unknown>)[name];
  if (def instanceof RegExp) return { type: 'string', test: ((v: string) => def.test(v)) as (v: never) => boolean };
  if (typeof def === 'function') return { type: 'string', test: def as (v: never) => boolean };
  if (def && typeof def === 'object' && 'validate' in def) {
    const d = def as { type?: 'string' | 'number'; validate: RegExp | ((v: never) => boolean) };
    const test = d.validate instanceof RegExp ? ((v: string) => (d.validate as RegExp).test(v)) : d.validate;
    return { type: d.type ?? 'string', test: test as (v: never) => boolean };
  }
  throw new UnsupportedSchemaError(`format:${name}`);
}

const jsonType = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v;

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return jsonType(value) === type;
  }
}

/** Unicode code points, as ajv counts string lengths (ucs2length). */
const codePoints = (s: string) => [...s].length;

type Check = (value: unknown, path: string[], errors: ErrorObject[]) => boolean;

const err = (keyword: string, path: string[], params: Record<string, unknown>, schemaPath: string): ErrorObject => ({
  keyword,
  instancePath: toPointer(path),
  schemaPath,
  params,
  message: keyword,
});

/** Compiles a schema node to a checking function; throws UnsupportedSchemaError. */
function compileNode(schema: unknown, schemaPath: string): Check {
  if (schema === true) return () => true;
  if (schema === false) {
    return (_v, path, errors) => {
      errors.push(err('false schema', path, {}, schemaPath));
      return false;
    };
  }
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) throw new UnsupportedSchemaError('schema');
  const node = schema as Node;
  for (const key of Object.keys(node)) {
    if (!SUPPORTED.has(key) && !ANNOTATIONS.has(key)) throw new UnsupportedSchemaError(key);
  }
  const checks: Check[] = [];
  const at = (k: string) => `${schemaPath}/${k}`;

  // ajv's order (compile/validate/index.ts): a type error is reported first unless the schema
  // has keywords of its type's group (number, string, array, object), in which case it is
  // reported in that group's turn; then keywords for any type (const, enum, allOf, if), then the
  // groups in the order number, string, array, object.
  const types = node.type === undefined ? [] : Array.isArray(node.type) ? (node.type as string[]) : [node.type as string];
  const typeCheck: Check = (v, path, errors) => {
    if (types.some((t) => hasType(v, t))) return true;
    errors.push(err('type', path, { type: types.join(',') }, at('type')));
    return false;
  };
  const groupChecks: Record<'number' | 'string' | 'array' | 'object', Check[]> = { number: [], string: [], array: [], object: [] };
  if (node.const !== undefined) {
    const allowed = node.const;
    checks.push((v, path, errors) => {
      if (jsonEqual(v, allowed)) return true;
      errors.push(err('const', path, { allowedValue: allowed }, at('const')));
      return false;
    });
  }
  if (node.enum !== undefined) {
    if (!Array.isArray(node.enum)) throw new UnsupportedSchemaError('enum');
    const allowed = node.enum as unknown[];
    checks.push((v, path, errors) => {
      if (allowed.some((a) => jsonEqual(a, v))) return true;
      errors.push(err('enum', path, { allowedValues: allowed }, at('enum')));
      return false;
    });
  }

  // Strings.
  const stringChecks = groupChecks.string;
  if (typeof node.maxLength === 'number') {
    const limit = node.maxLength;
    stringChecks.push((v, path, errors) => {
      if (codePoints(v as string) <= limit) return true;
      errors.push(err('maxLength', path, { limit }, at('maxLength')));
      return false;
    });
  }
  if (typeof node.minLength === 'number') {
    const limit = node.minLength;
    stringChecks.push((v, path, errors) => {
      if (codePoints(v as string) >= limit) return true;
      errors.push(err('minLength', path, { limit }, at('minLength')));
      return false;
    });
  }
  if (typeof node.pattern === 'string') {
    const pattern = node.pattern;
    const re = new RegExp(pattern, 'u');
    stringChecks.push((v, path, errors) => {
      if (re.test(v as string)) return true;
      errors.push(err('pattern', path, { pattern }, at('pattern')));
      return false;
    });
  }
  let numberFormat: { name: string; check: FormatCheck } | undefined;
  if (typeof node.format === 'string') {
    const name = node.format;
    const check = formatCheck(name);
    if (check.type === 'string') {
      stringChecks.push((v, path, errors) => {
        if (check.test(v as never)) return true;
        errors.push(err('format', path, { format: name }, at('format')));
        return false;
      });
    } else {
      numberFormat = { name, check };
    }
  }

  // Numbers.
  const numberChecks = groupChecks.number;
  const limitCheck = (keyword: string, comparison: string, passes: (v: number, limit: number) => boolean) => {
    const limit = node[keyword];
    if (typeof limit !== 'number') return;
    numberChecks.push((v, path, errors) => {
      if (passes(v as number, limit)) return true;
      errors.push(err(keyword, path, { comparison, limit }, at(keyword)));
      return false;
    });
  };
  limitCheck('maximum', '<=', (v, l) => v <= l);
  limitCheck('minimum', '>=', (v, l) => v >= l);
  limitCheck('exclusiveMaximum', '<', (v, l) => v < l);
  limitCheck('exclusiveMinimum', '>', (v, l) => v > l);
  if (typeof node.multipleOf === 'number') {
    const multipleOf = node.multipleOf;
    numberChecks.push((v, path, errors) => {
      const q = (v as number) / multipleOf;
      if (Number.isInteger(q)) return true;
      errors.push(err('multipleOf', path, { multipleOf }, at('multipleOf')));
      return false;
    });
  }
  if (numberFormat) {
    const { name, check } = numberFormat;
    numberChecks.push((v, path, errors) => {
      if (check.test(v as never)) return true;
      errors.push(err('format', path, { format: name }, at('format')));
      return false;
    });
  }

  // Arrays.
  const arrayChecks = groupChecks.array;
  if (typeof node.maxItems === 'number') {
    const limit = node.maxItems;
    arrayChecks.push((v, path, errors) => {
      if ((v as unknown[]).length <= limit) return true;
      errors.push(err('maxItems', path, { limit }, at('maxItems')));
      return false;
    });
  }
  if (typeof node.minItems === 'number') {
    const limit = node.minItems;
    arrayChecks.push((v, path, errors) => {
      if ((v as unknown[]).length >= limit) return true;
      errors.push(err('minItems', path, { limit }, at('minItems')));
      return false;
    });
  }
  if (node.uniqueItems === true) {
    arrayChecks.push((v, path, errors) => {
      const list = v as unknown[];
      // ajv reports the first duplicate found scanning from the end: items i (later) and j (earlier).
      for (let i = list.length - 1; i > 0; i--) {
        for (let j = i - 1; j >= 0; j--) {
          if (jsonEqual(list[i], list[j])) {
            errors.push(err('uniqueItems', path, { i, j }, at('uniqueItems')));
            return false;
          }
        }
      }
      return true;
    });
  }

  if (node.items !== undefined) {
    if (Array.isArray(node.items)) throw new UnsupportedSchemaError('items[]');
    const item = compileNode(node.items, at('items'));
    arrayChecks.push((v, path, errors) => {
      let ok = true;
      (v as unknown[]).forEach((x, i) => {
        ok = item(x, [...path, String(i)], errors) && ok;
      });
      return ok;
    });
  }

  // Objects.
  const objectChecks = groupChecks.object;
  if (node.required !== undefined) {
    if (!Array.isArray(node.required)) throw new UnsupportedSchemaError('required');
    const required = node.required as string[];
    objectChecks.push((v, path, errors) => {
      let ok = true;
      for (const name of required) {
        if ((v as Node)[name] === undefined) {
          errors.push(err('required', path, { missingProperty: name }, at('required')));
          ok = false;
        }
      }
      return ok;
    });
  }
  const props = new Map<string, Check>();
  if (node.properties !== undefined) {
    if (node.properties === null || typeof node.properties !== 'object') throw new UnsupportedSchemaError('properties');
    for (const [k, child] of Object.entries(node.properties as Node)) props.set(k, compileNode(child, `${at('properties')}/${k}`));
  }
  if (node.additionalProperties !== undefined) {
    const extra = node.additionalProperties === false ? undefined : compileNode(node.additionalProperties, at('additionalProperties'));
    objectChecks.push((v, path, errors) => {
      let ok = true;
      for (const [k, value] of Object.entries(v as Node)) {
        if (props.has(k)) continue;
        if (!extra) {
          errors.push(err('additionalProperties', path, { additionalProperty: k }, at('additionalProperties')));
          ok = false;
        } else {
          ok = extra(value, [...path, k], errors) && ok;
        }
      }
      return ok;
    });
  }

  if (node.properties !== undefined) {
    objectChecks.push((v, path, errors) => {
      let ok = true;
      for (const [k, check] of props) {
        const value = (v as Node)[k];
        if (value !== undefined) ok = check(value, [...path, k], errors) && ok;
      }
      return ok;
    });
  }

  // Combinations.
  if (node.allOf !== undefined) {
    if (!Array.isArray(node.allOf)) throw new UnsupportedSchemaError('allOf');
    const parts = (node.allOf as unknown[]).map((s, i) => compileNode(s, `${at('allOf')}/${i}`));
    checks.push((v, path, errors) => {
      let ok = true;
      for (const p of parts) ok = p(v, path, errors) && ok;
      return ok;
    });
  }
  if (node.if !== undefined && (node.then !== undefined || node.else !== undefined)) {
    const condition = compileNode(node.if, at('if'));
    const then = node.then !== undefined ? compileNode(node.then, at('then')) : undefined;
    const otherwise = node.else !== undefined ? compileNode(node.else, at('else')) : undefined;
    checks.push((v, path, errors) => {
      const holds = condition(v, path, []);
      const branch = holds ? then : otherwise;
      if (!branch) return true;
      if (branch(v, path, errors)) return true;
      errors.push(err('if', path, { failingKeyword: holds ? 'then' : 'else' }, at('if')));
      return false;
    });
  }

  const only = types.length === 1 ? types[0]! : undefined;
  const groupOf = only === 'number' || only === 'string' || only === 'array' || only === 'object' ? only : undefined;
  const typeFirst = types.length > 0 && !(groupOf && groupChecks[groupOf].length > 0);
  const ordered: Check[] = typeFirst ? [typeCheck, ...checks] : [...checks];
  for (const group of ['number', 'string', 'array', 'object'] as const) {
    const list = groupChecks[group];
    if (list.length === 0) continue;
    const reportType = !typeFirst && groupOf === group;
    const isGroup = (v: unknown) => (group === 'number' ? typeof v === 'number' && Number.isFinite(v) : jsonType(v) === group);
    ordered.push((v, path, errors) => {
      if (!isGroup(v)) return reportType ? typeCheck(v, path, errors) : true;
      let ok = true;
      for (const c of list) ok = c(v, path, errors) && ok;
      return ok;
    });
  }
  return (v, path, errors) => {
    let ok = true;
    for (const c of ordered) ok = c(v, path, errors) && ok;
    return ok;
  };
}

/** A validate function shaped like ajv's: returns a boolean and leaves the errors on `.errors`. */
export interface InterpretedValidate {
  (data: unknown): boolean;
  errors: ErrorObject[] | null;
}

/** Throws UnsupportedSchemaError when the schema uses a keyword this interpreter does not know. */
export function interpretSchema(schema: unknown): InterpretedValidate {
  const check = compileNode(schema, '#');
  const validate = ((data: unknown) => {
    const errors: ErrorObject[] = [];
    const ok = check(data, [], errors);
    validate.errors = ok ? null : errors;
    return ok;
  }) as InterpretedValidate;
  validate.errors = null;
  return validate;
}

/**
 * An object that stands in for the shared ajv instance where compileEform needs one: `compile`
 * returns the interpreter's validate function.
 */
export function createInterpretingAjv(): EformAjv {
  return {
    compile: (schema: unknown) => interpretSchema(schema),
    removeSchema: () => undefined,
  } as unknown as EformAjv;
}
