import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DOSSIER_CODE_PATTERN,
  DossierCodeError,
  dossierCodeReasonMessages,
  formatDossierCode,
  parseDossierCode,
  validateDossierCodeConfig,
  type DossierCodeErrorCode,
  type FormatDossierCodeInput,
} from './dossier-code.ts';

/** Local date in Asia/Ho_Chi_Minh from the ICU time-zone database (independent of the code under test). */
function vnIsoDate(d: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}

function thrownCode(fn: () => unknown): DossierCodeErrorCode | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RangeError);
    expect(e).toBeInstanceOf(DossierCodeError);
    return (e as DossierCodeError).code;
  }
  return undefined;
}

const AT = new Date('2026-03-01T23:30:00Z'); // 2026-03-02 06:30 in Hà Nội

describe('formatDossierCode — 2018 format (Circular 01/2018/TT-VPCP Art. 19)', () => {
  const base = { format: '2018', unitCode: '000.00.01.H15', receivedAt: AT } as const;
  it.each([
    [1, '000.00.01.H15-260302-0001'],
    [7, '000.00.01.H15-260302-0007'],
    [123, '000.00.01.H15-260302-0123'],
    [9999, '000.00.01.H15-260302-9999'],
  ])('sequence %i → %s', (sequence, expected) => {
    expect(formatDossierCode({ ...base, sequence })).toBe(expected);
  });

  it('throws a RangeError beyond 9999', () => {
    expect(thrownCode(() => formatDossierCode({ ...base, sequence: 10000 }))).toBe('sequence_overflow');
  });

  it('accepts the current agency-ID order too, and ignores a systemCode', () => {
    expect(formatDossierCode({ ...base, unitCode: 'H15.50.05.13', sequence: 975, systemCode: '07' })).toBe(
      'H15.50.05.13-260302-0975',
    );
  });
});

describe('formatDossierCode — 2025 centralized format (Circular 03/2025/TT-VPCP Art. 13(3))', () => {
  const base = { format: '2025', unitCode: 'G12.123.45', receivedAt: AT, systemCode: '01' } as const;
  it.each([
    [1, 'G12.123.45-260302-010001'],
    [9999, 'G12.123.45-260302-019999'],
    [10000, 'G12.123.45-260302-0110000'],
    [1234567, 'G12.123.45-260302-011234567'],
  ])('sequence %i → %s', (sequence, expected) => {
    expect(formatDossierCode({ ...base, sequence })).toBe(expected);
  });

  it.each([[undefined], ['1'], ['001'], ['AB'], [' 1'], ['']])('rejects systemCode %j', (systemCode) => {
    const input = { ...base, sequence: 1, systemCode } as FormatDossierCodeInput;
    expect(thrownCode(() => formatDossierCode(input))).toBe('invalid_system_code');
  });
});

describe('formatDossierCode — date in Asia/Ho_Chi_Minh', () => {
  const input = (receivedAt: Date) => ({ format: '2018' as const, unitCode: 'G12', receivedAt, sequence: 1 });
  it.each([
    ['2026-03-01T23:30:00Z', 'G12-260302-0001'],
    ['2026-03-01T16:59:59.999Z', 'G12-260301-0001'],
    ['2026-03-01T17:00:00Z', 'G12-260302-0001'],
    ['2024-02-28T17:00:00Z', 'G12-240229-0001'],
    ['2025-12-31T17:00:00Z', 'G12-260101-0001'],
    ['2000-01-01T00:00:00+07:00', 'G12-000101-0001'],
  ])('%s → %s', (iso, expected) => {
    expect(formatDossierCode(input(new Date(iso)))).toBe(expected);
  });

  it.each([['nonsense'], ['1999-12-31T16:59:59Z'], ['2099-12-31T17:00:00Z']])('rejects %s', (iso) => {
    expect(thrownCode(() => formatDossierCode(input(new Date(iso))))).toBe('invalid_date');
  });
});

describe('formatDossierCode — other invalid input', () => {
  const base = { format: '2018' as const, unitCode: 'G12.01', receivedAt: AT, sequence: 1 };
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects sequence %d', (sequence) => {
    expect(thrownCode(() => formatDossierCode({ ...base, sequence }))).toBe('invalid_sequence');
  });
  it.each(['g12.01', 'Z12.01', '', 'G12..01', 'G12.' + 'A'.repeat(32)])('rejects unit code %j', (unitCode) => {
    expect(thrownCode(() => formatDossierCode({ ...base, unitCode }))).toBe('invalid_unit_code');
  });
  it('rejects an unknown format', () => {
    const input = { ...base, format: '2020' } as unknown as FormatDossierCodeInput;
    expect(thrownCode(() => formatDossierCode(input))).toBe('invalid_format');
  });
  it('writes a trimmed unit code', () => {
    expect(formatDossierCode({ ...base, unitCode: ' G12.01 ' })).toBe('G12.01-260302-0001');
  });
});

describe('validateDossierCodeConfig', () => {
  it.each([
    [{ format: '2018' }, true],
    [{ format: '2018', systemCode: 'whatever' }, true],
    [{ format: '2025', systemCode: '00' }, true],
    [{ format: '2025', systemCode: '99' }, true],
    [{ format: '2025' }, false],
    [{ format: '2025', systemCode: '9' }, false],
    [{ format: '2025', systemCode: 'A1' }, false],
    [{ format: '2019' }, false],
  ])('%j → %s', (config, ok) => {
    expect(validateDossierCodeConfig(config as never).valid).toBe(ok);
  });
});

describe('parseDossierCode', () => {
  it.each([
    ['000.00.01.H15-260302-0007', undefined, { unitCode: '000.00.01.H15', date: '2026-03-02', sequence: 7 }],
    ['H15.50.05.13-261008-0975', undefined, { unitCode: 'H15.50.05.13', date: '2026-10-08', sequence: 975 }],
    ['G12-240229-0001', undefined, { unitCode: 'G12', date: '2024-02-29', sequence: 1 }],
    ['G12-191231-1234567', undefined, { unitCode: 'G12', date: '2019-12-31', sequence: 1234567 }],
    [' G12-260101-0000 ', undefined, { unitCode: 'G12', date: '2026-01-01', sequence: 0 }],
    ['000.00.01.H15-260302-9999', '2018', { unitCode: '000.00.01.H15', date: '2026-03-02', sequence: 9999 }],
    ['G12.123.45-260302-010001', '2025', { unitCode: 'G12.123.45', date: '2026-03-02', systemCode: '01', sequence: 1 }],
    ['G12.123.45-260302-9912345', '2025', { unitCode: 'G12.123.45', date: '2026-03-02', systemCode: '99', sequence: 12345 }],
    ['G12.123.45-260302-010001', undefined, { unitCode: 'G12.123.45', date: '2026-03-02', sequence: 10001 }],
  ] as const)('%j (format %s)', (code, format, expected) => {
    expect(parseDossierCode(code, format ? { format } : {})).toEqual({ valid: true, ...expected });
  });

  it.each([
    ['', undefined, 'empty'],
    ['G12-260302', undefined, 'invalid_format'],
    ['G12-260302-001', undefined, 'invalid_format'],
    ['G12-2603021-0001', undefined, 'invalid_format'],
    ['g12-260302-0001', undefined, 'invalid_format'],
    ['G12_260302_0001', undefined, 'invalid_format'],
    ['G12 -260302-0001', undefined, 'invalid_format'],
    ['G12-260302-0001-1', undefined, 'invalid_format'],
    ['Z12.01-260302-0001', undefined, 'invalid_unit_code'],
    ['01.02-260302-0001', undefined, 'invalid_unit_code'],
    ['G12..01-260302-0001', undefined, 'invalid_unit_code'],
    ['G12.' + 'A'.repeat(32) + '-260302-0001', undefined, 'invalid_unit_code'],
    ['G12-261302-0001', undefined, 'invalid_date'],
    ['G12-260001-0001', undefined, 'invalid_date'],
    ['G12-260230-0001', undefined, 'invalid_date'],
    ['G12-250229-0001', undefined, 'invalid_date'],
    ['G12-260431-0001', undefined, 'invalid_date'],
    ['G12-260300-0001', undefined, 'invalid_date'],
    ['G12-260302-00001', '2018', 'wrong_sequence_length'],
    ['G12-260302-01001', '2025', 'wrong_sequence_length'],
    ['G12-260302-' + '9'.repeat(17), undefined, 'invalid_sequence'],
  ] as const)('%j (format %s) → %s', (code, format, errorCode) => {
    const r = parseDossierCode(code, format ? { format } : {});
    expect(r).toMatchObject({ valid: false, code: errorCode });
    expect(!r.valid && r.reason.length).toBeGreaterThan(10);
  });

  it('has bilingual messages for every error code', () => {
    for (const m of Object.values(dossierCodeReasonMessages)) {
      expect(m.vi).toMatch(/[ạảãàáâăđêôơư]/);
      expect(m.en.length).toBeGreaterThan(10);
    }
  });
});

describe('dossier code — properties', () => {
  const level1 = fc
    .tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXY'), fc.integer({ min: 0, max: 99 }))
    .map(([m, n]) => m + String(n).padStart(2, '0'));
  const group = fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 1, maxLength: 4 });
  const unitCode = fc
    .tuple(level1, fc.array(group, { maxLength: 5 }), fc.boolean())
    .map(([l1, rest, last]) => (last ? [...rest, l1] : [l1, ...rest]).join('.'))
    .filter((s) => s.length <= 35);
  const receivedAt = fc.date({
    min: new Date('2000-01-01T00:00:00+07:00'),
    max: new Date('2099-12-31T23:59:59.999+07:00'),
    noInvalidDate: true,
  });

  it('2018: format then parse gives back unit, date and sequence', () => {
    fc.assert(
      fc.property(unitCode, receivedAt, fc.integer({ min: 1, max: 9999 }), (unit, at, sequence) => {
        const code = formatDossierCode({ format: '2018', unitCode: unit, receivedAt: at, sequence });
        expect(code).toMatch(DOSSIER_CODE_PATTERN);
        const expected = { valid: true, unitCode: unit, date: vnIsoDate(at), sequence };
        expect(parseDossierCode(code, { format: '2018' })).toEqual(expected);
        expect(parseDossierCode(code)).toEqual(expected);
      }),
    );
  });

  it('2025: format then parse with the hint gives back unit, date, AA and sequence', () => {
    fc.assert(
      fc.property(
        unitCode,
        receivedAt,
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')),
        (unit, at, sequence, systemCode) => {
          const code = formatDossierCode({ format: '2025', unitCode: unit, receivedAt: at, sequence, systemCode });
          expect(code).toMatch(DOSSIER_CODE_PATTERN);
          expect(parseDossierCode(code, { format: '2025' })).toEqual({
            valid: true,
            unitCode: unit,
            date: vnIsoDate(at),
            systemCode,
            sequence,
          });
        },
      ),
    );
  });

  it('2018: every sequence above 9999 throws', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10000, max: Number.MAX_SAFE_INTEGER }), (sequence) => {
        expect(() => formatDossierCode({ format: '2018', unitCode: 'G12', receivedAt: AT, sequence })).toThrow(RangeError);
      }),
    );
  });
});
