import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProcedureCode, procedureCodeReasonMessages } from './procedure-code.ts';

describe('checkProcedureCode', () => {
  it.each(['1.001234', '2.000635', '2.000907', '2.000908', '3.000001', '1.000000', '3.999999'])('%s is valid', (s) => {
    expect(checkProcedureCode(s)).toEqual({ valid: true, code: s });
  });

  it('trims surrounding whitespace', () => {
    expect(checkProcedureCode(' 2.000635\n')).toEqual({ valid: true, code: '2.000635' });
  });

  it.each([
    ['', 'empty'],
    [' ', 'empty'],
    ['0.001234', 'invalid_format'],
    ['4.001234', 'invalid_format'],
    ['9.001234', 'invalid_format'],
    ['1.00123', 'invalid_format'],
    ['1.0012345', 'invalid_format'],
    ['1,001234', 'invalid_format'],
    ['1001234', 'invalid_format'],
    ['1-001234', 'invalid_format'],
    ['11.001234', 'invalid_format'],
    ['a.001234', 'invalid_format'],
    ['1.00123A', 'invalid_format'],
    ['1.00123٤', 'invalid_format'],
    ['1.001 234', 'invalid_format'],
  ])('%j → %s', (s, code) => {
    expect(checkProcedureCode(s)).toMatchObject({ valid: false, code });
  });

  it('does not attach a meaning to the leading digit', () => {
    expect(Object.keys(checkProcedureCode('1.001234'))).toEqual(['valid', 'code']);
  });

  it('has bilingual messages', () => {
    expect(procedureCodeReasonMessages.invalid_format.vi).toContain('thủ tục hành chính');
    expect(procedureCodeReasonMessages.empty.en).toContain('procedure code');
  });

  it('accepts every leading digit 1–3 with any six digits, and rejects other leading digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 999_999 }), (lead, n) => {
        const code = `${lead}.${String(n).padStart(6, '0')}`;
        expect(checkProcedureCode(code).valid).toBe(lead >= 1 && lead <= 3);
      }),
    );
  });
});
