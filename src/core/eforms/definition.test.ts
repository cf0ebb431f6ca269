import { describe, expect, it } from 'vitest';
import { checkEformDefinition } from './definition.ts';
import type { EformDefinition } from './validate.ts';

const ui = (fields: Record<string, { label: { vi: string; en: string } }> = {}, sections: EformDefinition['uiSchema']['sections'] = []) => ({
  version: 1 as const,
  sections,
  fields,
});
const L = { label: { vi: 'Nhãn', en: 'Label' } };
const codes = (d: EformDefinition) => checkEformDefinition(d).map((i) => [i.severity, i.code, i.pointer]);

describe('e-form definition checks', () => {
  it.each<[string, EformDefinition, [string, string, string]]>([
    ['root must be an object', { schema: { type: 'string' }, uiSchema: ui() }, ['error', 'root_not_object', '/schema/type']],
    [
      'unknown prefill attribute',
      { schema: { type: 'object', properties: { a: { type: 'string', 'x-prefill': 'shoeSize' } } }, uiSchema: ui({ '/a': L }) },
      ['error', 'prefill_unknown', '/schema/properties/a/x-prefill'],
    ],
    [
      'prefill on a non-string field',
      { schema: { type: 'object', properties: { a: { type: 'integer', 'x-prefill': 'fullName' } } }, uiSchema: ui({ '/a': L }) },
      ['error', 'prefill_type', '/schema/properties/a/x-prefill'],
    ],
    [
      'unknown keyword (strict ajv)',
      { schema: { type: 'object', properties: { a: { type: 'string', colour: 'red' } } }, uiSchema: ui({ '/a': L }) },
      ['error', 'invalid_schema', '/schema'],
    ],
    [
      'required name not declared',
      { schema: { type: 'object', properties: { a: { type: 'string' } }, required: ['b'] }, uiSchema: ui({ '/a': L }) },
      ['error', 'required_unknown', '/schema/required/0'],
    ],
    [
      'then-required checked against the parent properties',
      { schema: { type: 'object', properties: { a: { type: 'string' } }, if: { required: ['a'] }, then: { required: ['zz'] } }, uiSchema: ui({ '/a': L }) },
      ['error', 'required_unknown', '/schema/then/required/0'],
    ],
    ['$id is refused', { schema: { $id: 'x', type: 'object' }, uiSchema: ui() }, ['error', 'id_not_allowed', '/schema/$id']],
    [
      'UI field that does not exist',
      { schema: { type: 'object', properties: { a: { type: 'string' } } }, uiSchema: ui({ '/a': L, '/b': L }) },
      ['error', 'field_unknown', '/uiSchema/fields/~1b'],
    ],
    [
      'a field placed twice',
      {
        schema: { type: 'object', properties: { a: { type: 'string' } } },
        uiSchema: ui({ '/a': L }, [
          { id: 's', title: L.label, fields: ['/a'] },
          { id: 't', title: L.label, fields: ['/a'] },
        ]),
      },
      ['error', 'field_duplicate', '/uiSchema/sections/1/fields/0'],
    ],
    ['a field without label', { schema: { type: 'object', properties: { a: { type: 'string' } } }, uiSchema: ui() }, ['warning', 'label_missing', '/uiSchema/fields/~1a']],
  ])('%s', (_name, definition, expected) => {
    expect(codes(definition)).toContainEqual(expected);
  });

  it('accepts population, account, organization and catalog bindings', () => {
    const schema = {
      type: 'object',
      properties: Object.fromEntries(
        ['permanentAddress', 'phone', 'organization.taxCode', 'catalog.procedureName'].map((name, i) => [`f${i}`, { type: 'string', 'x-prefill': name }]),
      ),
    };
    const fields = Object.fromEntries(Object.keys(schema.properties).map((k) => [`/${k}`, L]));
    expect(checkEformDefinition({ schema, uiSchema: ui(fields) })).toEqual([]);
  });

  it('names fields by their labels in messages, not by pointers', () => {
    const issues = checkEformDefinition({
      schema: { type: 'object', properties: { a: { type: 'string' } } },
      uiSchema: ui({ '/a': L, '/gone': { label: { vi: 'Số điện thoại', en: 'Phone' } } }, [{ id: 's', title: L.label, fields: ['/a'] }]),
    });
    const unknown = issues.find((i) => i.code === 'field_unknown')!;
    expect(unknown.pointer).toBe('/uiSchema/fields/~1gone');
    expect(unknown.message.vi).toContain('«Số điện thoại»');
    expect(unknown.message.en).toContain('“Phone”');
    expect(unknown.message.vi).not.toContain('/gone');
  });

  it('refuses a pattern with nested repetition (exponential backtracking)', () => {
    const issues = checkEformDefinition({ schema: { type: 'object', properties: { a: { type: 'string', pattern: '^(a+)+$' } } }, uiSchema: ui({ '/a': L }) });
    expect(issues).toContainEqual(expect.objectContaining({ severity: 'error', code: 'pattern_unsafe', pointer: '/schema/properties/a/pattern' }));
    expect(checkEformDefinition({ schema: { type: 'object', properties: { a: { type: 'string', pattern: '^[0-9]{10}$' } } }, uiSchema: ui({ '/a': L }) })).toEqual([]);
  });
});
