import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEformAjv } from './ajv.ts';
import { buildEform, flattenEform, FIELD_TYPES, type EformFieldSpec, type EformSpec } from './builder.ts';
import { checkEformDefinition } from './definition.ts';

const label = (s: string) => ({ vi: `Nhãn ${s}`, en: `Label ${s}` });

const fieldArb = (i: number): fc.Arbitrary<EformFieldSpec> =>
  fc.record({
    type: fc.constantFrom(...FIELD_TYPES),
    required: fc.boolean(),
    group: fc.constantFrom('', 'a.', 'b.c.'),
  }).map(({ type, required, group }) => {
    const f: EformFieldSpec = { path: `${group}f${i}`, section: i % 2 === 0 ? 's1' : 's2', type, label: label(String(i)) };
    if (required) f.required = true;
    if (type === 'select' || type === 'radio' || type === 'multiselect') f.options = [{ value: 'x', label: label('x') }, { value: 'y', label: label('y') }];
    if (type === 'text' && i % 3 === 0) f.prefill = 'fullName';
    return f;
  });

const specArb: fc.Arbitrary<EformSpec> = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => fieldArb(i))))
  .map((fields) => ({
    sections: [
      { id: 's1', title: label('s1') },
      { id: 's2', title: label('s2') },
    ],
    fields: [
      // fields ordered by section so that flattening (section order) returns the same order
      ...fields.filter((f) => f.section === 's1'),
      ...fields.filter((f) => f.section === 's2'),
    ],
  }));

describe('field-row e-forms', () => {
  it('build a form that passes the definition checks', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const issues = checkEformDefinition(buildEform(spec), createEformAjv());
        expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('flatten back to the same rows (the Excel round trip)', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        expect(flattenEform(buildEform(spec))).toEqual(spec);
      }),
      { numRuns: 100 },
    );
  });

  it('conditional required fields round-trip too', () => {
    const spec: EformSpec = {
      sections: [{ id: 's', title: label('s') }],
      fields: [
        { path: 'x.has', section: 's', type: 'checkbox', label: label('has') },
        { path: 'x.what', section: 's', type: 'text', label: label('what'), required: true, visibleIf: { field: 'x.has', equals: true } },
        { path: 'x.ok', section: 's', type: 'checkbox', label: label('ok'), required: true, visibleIf: { field: 'x.has', equals: true } },
      ],
    };
    expect(flattenEform(buildEform(spec))).toEqual(spec);
  });

  it('a form the rows cannot express is not flattened', () => {
    const form = buildEform({ sections: [{ id: 's', title: label('s') }], fields: [{ path: 'a', section: 's', type: 'text', label: label('a') }] });
    (form.schema.properties as Record<string, Record<string, unknown>>).a!.oneOf = [{ minLength: 1 }, { maxLength: 0 }];
    expect(flattenEform(form)).toBeNull();
  });

  it('rejects an inconsistent spec', () => {
    expect(() => buildEform({ sections: [], fields: [{ path: 'a', section: 'nope', type: 'text', label: label('a') }] })).toThrow(/Unknown section/);
    expect(() => buildEform({ sections: [{ id: 's', title: label('s') }], fields: [{ path: '1bad', section: 's', type: 'text', label: label('a') }] })).toThrow(/Invalid field path/);
  });
});
