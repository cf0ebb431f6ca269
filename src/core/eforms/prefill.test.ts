import { describe, expect, it } from 'vitest';
import { buildEform } from './builder.ts';
import { applyPrefill, findBindings } from './prefill.ts';

const form = buildEform({
  sections: [{ id: 's', title: { vi: 'Phần', en: 'Section' } }],
  fields: [
    { path: 'to', section: 's', type: 'text', label: { vi: 'Kính gửi', en: 'To' }, prefill: 'catalog.unitName' },
    { path: 'a.fullName', section: 's', type: 'text', label: { vi: 'Họ tên', en: 'Name' }, prefill: 'fullName' },
    { path: 'a.address', section: 's', type: 'text', label: { vi: 'Địa chỉ', en: 'Address' }, prefill: 'permanentAddress', prefillEditable: true },
    { path: 'a.spouse', section: 's', type: 'text', label: { vi: 'Vợ/chồng', en: 'Spouse' }, prefill: 'spouse.fullName' },
    { path: 'a.tax', section: 's', type: 'text', label: { vi: 'MST', en: 'Tax code' }, prefill: 'organization.taxCode' },
  ],
});
const { bindings } = findBindings(form.schema);
const values = { fullName: 'Trần Thị Mai', permanentAddress: 'Hà Nội' };

describe('prefill bindings', () => {
  it('finds the bindings with their source and whether they are editable', () => {
    expect(bindings).toEqual([
      { pointer: '/to', attribute: 'catalog.unitName', source: 'catalog', editable: false },
      { pointer: '/a/fullName', attribute: 'fullName', source: 'population', editable: false },
      { pointer: '/a/address', attribute: 'permanentAddress', source: 'population', editable: true },
      { pointer: '/a/spouse', attribute: 'spouse.fullName', source: 'population', editable: false },
      { pointer: '/a/tax', attribute: 'organization.taxCode', source: 'organization', editable: false },
    ]);
  });

  it('reports x-prefill placed where it cannot be filled', () => {
    const schema = { type: 'object', properties: { list: { type: 'array', items: { type: 'string', 'x-prefill': 'fullName' } } } };
    expect(findBindings(schema).misplaced).toEqual(['/properties/list/items']);
  });

  it('fills locked fields whatever was sent, and records the value it replaced', () => {
    const out = applyPrefill(bindings, { a: { fullName: 'Tên khác' } }, { status: 'applied', source: 'test', values }, { 'catalog.unitName': 'Cục Sở hữu trí tuệ' });
    expect(out.data).toEqual({ to: 'Cục Sở hữu trí tuệ', a: { fullName: 'Trần Thị Mai', address: 'Hà Nội' } });
    expect(out.replaced).toEqual([{ pointer: '/a/fullName', attribute: 'fullName', prefilledValue: 'Trần Thị Mai', submittedValue: 'Tên khác' }]);
    expect(out.prefilled.map((p) => [p.pointer, p.overridden])).toEqual([
      ['/to', false],
      ['/a/fullName', false],
      ['/a/address', false],
    ]);
  });

  it('keeps a change to an editable field and records the difference', () => {
    const out = applyPrefill(bindings, { a: { address: 'Đà Nẵng' } }, { status: 'applied', source: 'test', values });
    expect((out.data.a as Record<string, unknown>).address).toBe('Đà Nẵng');
    expect(out.overrides).toEqual([{ pointer: '/a/address', attribute: 'permanentAddress', prefilledValue: 'Hà Nội', submittedValue: 'Đà Nẵng' }]);
    expect(out.prefilled.find((p) => p.pointer === '/a/address')).toMatchObject({ overridden: true });
  });

  it('leaves everything to the applicant when population data is unavailable', () => {
    const sent = { a: { fullName: 'Tự nhập', address: 'Huế' } };
    const out = applyPrefill(bindings, sent, { status: 'unavailable' });
    expect(out.data).toEqual(sent);
    expect(out.prefilled).toEqual([]);
    expect(out.status).toBe('unavailable');
  });

  it('does not modify its input', () => {
    const sent = { a: { fullName: 'X' } };
    applyPrefill(bindings, sent, { status: 'applied', source: 't', values });
    expect(sent).toEqual({ a: { fullName: 'X' } });
  });
});
