// The browser validates e-forms with an eval-free interpreter of JSON Schema (the app's CSP
// forbids ajv's generated code in the browser: web/src/features/catalog/eform/interpreter.ts),
// wrapped in the same shared code as the server (normalization, messages, order). This checks
// that both give exactly the same answer — valid or not, the same errors, the same messages — on
// every form of the seed catalog, for random data. (No browser needed; lives with the web tests.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEformAjv } from '../../src/core/eforms/ajv.ts';
import { buildEform } from '../../src/core/eforms/builder.ts';
import { leafFields } from '../../src/core/eforms/definition.ts';
import { compileEform, schemaAt, type EformDefinition } from '../../src/core/eforms/validate.ts';
import { fromPointer } from '../../src/core/eforms/ui-schema.ts';
import { SEED_PROCEDURES } from '../../src/modules/catalog/seed/procedures.ts';
import { createInterpretingAjv, interpretSchema, UnsupportedSchemaError } from '../../web/src/features/catalog/eform/interpreter.ts';

const serverAjv = createEformAjv();
const browserAjv = createInterpretingAjv();

/** A value for a field: often plausible for its schema, sometimes not. */
function valueArb(field: Record<string, unknown> | undefined): fc.Arbitrary<unknown> {
  const wild = fc.oneof(
    fc.constant(''),
    fc.constant('   '),
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -5, max: 20 }),
    fc.double({ min: -10, max: 10, noNaN: true }),
    fc.boolean(),
    fc.constant(null),
    fc.constant([]),
    fc.constant({}),
  );
  if (!field) return wild;
  const enumValues = Array.isArray(field.enum) ? (field.enum as unknown[]) : undefined;
  const items = field.items as Record<string, unknown> | undefined;
  const plausible: Array<fc.Arbitrary<unknown>> = [];
  if (enumValues && enumValues.length > 0) plausible.push(fc.constantFrom(...enumValues));
  switch (field.format) {
    case 'personal-id':
      plausible.push(fc.constantFrom('001099012345', '079203001234', '12345', '999999999999'));
      break;
    case 'tax-code':
      plausible.push(fc.constantFrom('0101234567', '0101234567-001', '0101-1', '01012345678'));
      break;
    case 'phone-vn':
      plausible.push(fc.constantFrom('0912345678', '+84912345678', '091 234 5678', '12345'));
      break;
    case 'email':
      plausible.push(fc.constantFrom('an@example.vn', 'an@', 'a b@c.d'));
      break;
    case 'date':
      plausible.push(fc.constantFrom('2026-02-28', '2026-02-30', '2026-13-01', '01/02/2026'));
      break;
  }
  if (field.type === 'boolean') plausible.push(fc.boolean());
  if (field.type === 'integer' || field.type === 'number') plausible.push(fc.integer({ min: -3, max: 1000 }), fc.double({ min: 0, max: 5, noNaN: true }));
  if (field.type === 'string') plausible.push(fc.string({ maxLength: 20 }), fc.string({ minLength: 490, maxLength: 520 }), fc.constant('Nguyễn Văn An'));
  if (field.type === 'array' && items && Array.isArray(items.enum)) {
    plausible.push(fc.array(fc.constantFrom(...(items.enum as unknown[])), { maxLength: 4 }), fc.constant([]));
  }
  return plausible.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.oneof(...plausible) }, { weight: 1, arbitrary: wild }) : wild;
}

function dataArb(form: EformDefinition): fc.Arbitrary<Record<string, unknown>> {
  const fields = leafFields(form.schema);
  return fc
    .tuple(
      ...fields.map((pointer) => fc.option(valueArb(schemaAt(form.schema, pointer)), { nil: undefined, freq: 3 })),
      fc.option(fc.constantFrom({ extra: 1 }, { applicant: 'x' }, { declaration: { truthful: 'yes' } }), { nil: undefined, freq: 5 }),
    )
    .map((values) => {
      const data: Record<string, unknown> = {};
      fields.forEach((pointer, i) => {
        const v = values[i];
        if (v === undefined) return;
        const keys = fromPointer(pointer);
        let node = data;
        for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
        node[keys.at(-1)!] = v;
      });
      const extra = values[fields.length] as Record<string, unknown> | undefined;
      return extra ? { ...data, ...extra } : data;
    });
}

const forms = SEED_PROCEDURES.map((p) => ({ code: p.code, form: p.content.eform as EformDefinition }));

describe('browser e-form validation matches the server (ajv)', () => {
  it('the seed catalog has forms to compare', () => {
    expect(forms.length).toBeGreaterThanOrEqual(25);
  });

  it.each(forms)('$code: same result and messages for random data', ({ form }) => {
    const server = compileEform(serverAjv, structuredClone(form));
    const browser = compileEform(browserAjv, structuredClone(form));
    fc.assert(
      fc.property(dataArb(form), (data) => {
        expect(browser.validate(structuredClone(data))).toEqual(server.validate(structuredClone(data)));
      }),
      { numRuns: 150 },
    );
  });

  it('covers every keyword the form builder writes (numbers, lists, conditions)', () => {
    const form = buildEform({
      sections: [{ id: 's', title: { vi: 'Phần', en: 'Part' } }],
      fields: [
        { path: 'a.count', section: 's', type: 'integer', label: { vi: 'Số lượng', en: 'Count' }, minimum: 1, maximum: 5, required: true },
        { path: 'a.amount', section: 's', type: 'number', label: { vi: 'Số tiền', en: 'Amount' }, minimum: 0 },
        { path: 'a.code', section: 's', type: 'text', label: { vi: 'Mã', en: 'Code' }, pattern: '^[A-Z]{3}$', minLength: 3 },
        {
          path: 'a.kinds',
          section: 's',
          type: 'multiselect',
          label: { vi: 'Loại', en: 'Kinds' },
          required: true,
          options: [
            { value: 'x', label: { vi: 'X', en: 'X' } },
            { value: 'y', label: { vi: 'Y', en: 'Y' } },
          ],
        },
        { path: 'a.has', section: 's', type: 'checkbox', label: { vi: 'Có', en: 'Has' } },
        { path: 'a.what', section: 's', type: 'text', label: { vi: 'Gì', en: 'What' }, required: true, visibleIf: { field: 'a.has', equals: true } },
        { path: 'a.sure', section: 's', type: 'checkbox', label: { vi: 'Chắc', en: 'Sure' }, required: true, visibleIf: { field: 'a.has', equals: true } },
      ],
    });
    const server = compileEform(serverAjv, structuredClone(form));
    const browser = compileEform(browserAjv, structuredClone(form));
    fc.assert(
      fc.property(dataArb(form), (data) => {
        expect(browser.validate(structuredClone(data))).toEqual(server.validate(structuredClone(data)));
      }),
      { numRuns: 400 },
    );
    const sample = { a: { count: 9, code: 'ab', kinds: ['x', 'x'], has: true, sure: false } };
    expect(browser.validate(sample).errors.map((e) => e.code).sort()).toEqual(
      ['const', 'maximum', 'minLength', 'pattern', 'required', 'uniqueItems'].sort(),
    );
  });

  it('refuses what it does not know, so that the server alone decides', () => {
    expect(() => interpretSchema({ type: 'object', properties: { a: { oneOf: [{ type: 'string' }] } } })).toThrow(UnsupportedSchemaError);
    expect(() => interpretSchema({ type: 'string', format: 'no-such-format' })).toThrow(UnsupportedSchemaError);
  });
});
