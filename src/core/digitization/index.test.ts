import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIGITIZATION_CHECKS, DigitizationSchema, decidePaperComponent, digitizedDocumentOf, flagsOf, isValidOn, type ComponentSource } from './index.ts';

const allChecks = { count: true, complete: true, pageOrder: true, integrity: true };

describe('decidePaperComponent (Circular 01/2023 Art. 8(2), Circular 03/2025 Art. 5(2))', () => {
  it.each([
    ['digitized with every check', { fileCount: 1, digitization: { pageCount: 3, checks: allChecks } }, 'required', { ok: true, source: 'digitized' }],
    ['exempt: shown only, no file', { fileCount: 0, digitization: { exemption: 'shown_only' as const } }, 'required', { ok: true, source: 'exempt' }],
    ['a check not confirmed', { fileCount: 1, digitization: { pageCount: 3, checks: { ...allChecks, pageOrder: false } } }, 'required', { ok: false, error: 'checks_failed', failed: ['pageOrder'] }],
    ['checks but no scan', { fileCount: 0, digitization: { pageCount: 3, checks: allChecks } }, 'required', { ok: false, error: 'files_missing' }],
    ['nothing recorded, required', { fileCount: 1 }, 'required', { ok: false, error: 'not_digitized' }],
    ['nothing recorded, warn', { fileCount: 1 }, 'warn', { ok: true, source: 'not_digitized' }],
  ] as const)('%s', (_name, input, mode, expected) => {
    expect(decidePaperComponent(input, mode)).toEqual(expected);
  });

  it('any unconfirmed check refuses, in either mode (a failed check is never a warning)', () => {
    fc.assert(
      fc.property(fc.record({ count: fc.boolean(), complete: fc.boolean(), pageOrder: fc.boolean(), integrity: fc.boolean() }), fc.constantFrom('required' as const, 'warn' as const), (checks, mode) => {
        const d = decidePaperComponent({ fileCount: 1, digitization: { pageCount: 1, checks } }, mode);
        expect(d.ok).toBe(DIGITIZATION_CHECKS.every((c) => checks[c]));
      }),
    );
  });
});

describe('flagsOf (TaiLieuNop flags, SPEC §3 and §6)', () => {
  it.each<[ComponentSource, string | null, boolean, [boolean, boolean, boolean, string]]>([
    ['digitized', null, true, [true, false, false, '']],
    ['uploaded', null, true, [true, false, false, '']],
    ['uploaded', null, false, [false, false, false, '']],
    ['exempt', null, true, [false, false, false, '']],
    ['not_digitized', null, true, [false, false, false, '']],
    ['population_data', null, true, [false, false, false, '']],
    ['warehouse', 'KQ-1', true, [true, true, false, 'KQ-1']],
    ['national_warehouse', null, true, [true, true, true, '']],
  ])('%s (result %s, uploaded counts %s)', (source, code, uploadedCounts, [digitized, reused, national, replacing]) => {
    expect(flagsOf(source, code, { uploadedCountsAsDigitized: uploadedCounts })).toEqual({ digitized, reused, fromNationalWarehouse: national, replacingResultCode: replacing });
  });
});

describe('isValidOn', () => {
  it.each([
    [{ issuedOn: '2024-01-01', validUntil: null }, '2026-03-02', true],
    [{ issuedOn: '2024-01-01', validUntil: '2026-03-02' }, '2026-03-02', true],
    [{ issuedOn: '2024-01-01', validUntil: '2026-03-01' }, '2026-03-02', false],
    [{ issuedOn: '2026-03-03', validUntil: null }, '2026-03-02', false],
  ])('%o on %s: %s', (doc, day, expected) => {
    expect(isValidOn(doc, day)).toBe(expected);
  });
});

describe('digitizedDocumentOf (a verified scan into the applicant’s warehouse, Decree 45/2020 Art. 16)', () => {
  const scan = { pageCount: 2, checks: allChecks };
  const two = { warehouseDocumentTypes: ['VBBH-SHCN', 'GCN-DKDN'] };
  it.each([
    ['digitized, nothing entered: the first type, no details', two, 'digitized', scan, { ok: true, document: { documentType: 'VBBH-SHCN', issuer: '', number: '', issuedOn: null, validUntil: null } }],
    [
      'digitized, the receiver chose the second type and entered the details',
      two,
      'digitized',
      { ...scan, document: { documentType: 'GCN-DKDN', issuer: 'Sở Tài chính', number: '0101234567', issuedOn: '2024-05-02', validUntil: '2029-05-02' } },
      { ok: true, document: { documentType: 'GCN-DKDN', issuer: 'Sở Tài chính', number: '0101234567', issuedOn: '2024-05-02', validUntil: '2029-05-02' } },
    ],
    ['no accepted type: nothing kept', { warehouseDocumentTypes: [] }, 'digitized', scan, { ok: true, document: null }],
    ['exempt: nothing kept', two, 'exempt', { exemption: 'shown_only' as const }, { ok: true, document: null }],
    ['not digitized (warn mode): nothing kept', two, 'not_digitized', undefined, { ok: true, document: null }],
    ['a type the component does not accept', two, 'digitized', { ...scan, document: { documentType: 'CC-NVBX' } }, { ok: false, error: 'document_type_mismatch' }],
    ['valid until before issued', two, 'digitized', { ...scan, document: { issuedOn: '2024-05-02', validUntil: '2024-05-01' } }, { ok: false, error: 'document_dates' }],
  ] as const)('%s', (_name, component, source, digitization, expected) => {
    expect(digitizedDocumentOf(component, source, digitization)).toEqual(expected);
  });

  it('the schema takes the details on a digitized component only, each optional', () => {
    expect(DigitizationSchema.safeParse({ ...scan, document: {} }).success).toBe(true);
    expect(DigitizationSchema.safeParse({ ...scan, document: { issuedOn: '02/05/2024' } }).success).toBe(false);
    expect(DigitizationSchema.safeParse({ exemption: 'shown_only', document: { number: '1' } }).success).toBe(false);
  });
});
