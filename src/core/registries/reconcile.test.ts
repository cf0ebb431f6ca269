import { describe, expect, it } from 'vitest';
import { differingFields, linkStatusOf, normalizePersonName, reconcilePerson, type PopulationIdentity, type ReconcileAnswer, type RegistryIdentity } from './reconcile.ts';

const pop: PopulationIdentity = { personalId: '001085012345', oldIdNumber: '012345678', fullName: 'Nguyễn Thị Hồng Nhung', birthDate: '1985-03-14' };
const reg = (over: Partial<RegistryIdentity> = {}): RegistryIdentity => ({ personalId: '001085012345', fullName: 'Nguyễn Thị Hồng Nhung', birthDate: '1985-03-14', ...over });

describe('names as the population database compares them', () => {
  it.each([
    ['Nguyễn Thị Hồng Nhung', 'nguyễn thị hồng nhung', true],
    ['  Nguyễn   Thị Hồng  Nhung ', 'Nguyễn Thị Hồng Nhung', true],
    // NFD (decomposed) input equals NFC
    ['Nguyễn Thị Hồng Nhung'.normalize('NFD'), 'Nguyễn Thị Hồng Nhung', true],
    ['Nguyen Thi Hong Nhung', 'Nguyễn Thị Hồng Nhung', false],
    ['Nguyễn Thị Hồng Nhungg', 'Nguyễn Thị Hồng Nhung', false],
    ['ĐẶNG VĂN ĐỨC', 'Đặng Văn Đức', true],
  ])('%s vs %s → same %s', (a, b, same) => {
    expect(normalizePersonName(a) === normalizePersonName(b)).toBe(same);
  });
});

describe('differingFields', () => {
  it.each([
    [reg(), []],
    [reg({ fullName: 'Nguyen Thi Hong Nhung' }), ['fullName']],
    [reg({ birthDate: '1985-03-15' }), ['birthDate']],
    [reg({ fullName: 'Nguyễn Hồng Nhung', birthDate: '1985-04-14' }), ['fullName', 'birthDate']],
    [reg({ birthDate: null }), []],
  ])('%o', (r, fields) => {
    expect(differingFields(r, pop)).toEqual(fields);
  });
});

describe('reconcilePerson', () => {
  const legacy = reg({ personalId: '012345678' });
  const cases: Array<[string, RegistryIdentity, ReconcileAnswer, ReturnType<typeof reconcilePerson>]> = [
    ['found, values told and equal', reg(), { status: 'found', identity: pop }, { kind: 'match' }],
    ['found, no values told', reg(), { status: 'found', identity: null }, { kind: 'match' }],
    ['found but our comparison differs (spacing only is not a difference)', reg({ fullName: 'Nguyễn  Thị Hồng Nhung' }), { status: 'found', identity: pop }, { kind: 'match' }],
    ['mismatch on the name, values told', reg({ fullName: 'Nguyen Thi Hong Nhung' }), { status: 'mismatch', fields: ['fullName'], identity: pop }, { kind: 'mismatch', fields: ['fullName'], population: pop }],
    ['mismatch on the date, no values', reg({ birthDate: '1985-03-15' }), { status: 'mismatch', fields: ['birthDate'], identity: null }, { kind: 'mismatch', fields: ['birthDate'], population: null }],
    ['mismatch, fields not said, values told', reg({ birthDate: '1986-03-14' }), { status: 'mismatch', fields: null, identity: pop }, { kind: 'mismatch', fields: ['birthDate'], population: pop }],
    ['mismatch, nothing said', reg(), { status: 'mismatch', fields: null, identity: null }, { kind: 'mismatch', fields: ['birthDate', 'fullName'], population: null }],
    ['unknown number', reg(), { status: 'not_found' }, { kind: 'unknown_number' }],
    ['unavailable', reg(), { status: 'unavailable' }, { kind: 'unavailable' }],
    ['legacy CMND known: the 12-digit number', legacy, { status: 'found', identity: pop }, { kind: 'legacy_number', newPersonalId: '001085012345', fields: [], population: pop }],
    ['legacy CMND found without values', legacy, { status: 'found', identity: null }, { kind: 'legacy_number', newPersonalId: null, fields: [], population: null }],
    ['legacy CMND with a wrong name', { ...legacy, fullName: 'Nguyễn Thị Nhung' }, { status: 'mismatch', fields: ['fullName'], identity: pop }, { kind: 'legacy_number', newPersonalId: '001085012345', fields: ['fullName'], population: pop }],
    ['legacy CMND unknown', legacy, { status: 'not_found' }, { kind: 'unknown_number' }],
  ];
  it.each(cases)('%s', (_label, r, answer, outcome) => {
    expect(reconcilePerson(r, answer)).toEqual(outcome);
  });

  it('maps outcomes to link statuses', () => {
    expect(linkStatusOf({ kind: 'match' })).toBe('verified');
    expect(linkStatusOf({ kind: 'mismatch', fields: ['fullName'], population: null })).toBe('mismatch');
    expect(linkStatusOf({ kind: 'unknown_number' })).toBe('not_found');
    expect(linkStatusOf({ kind: 'legacy_number', newPersonalId: null, fields: [], population: null })).toBe('legacy_id');
    expect(linkStatusOf({ kind: 'unavailable' })).toBe('unavailable');
  });
});
