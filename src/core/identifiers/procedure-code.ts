// National administrative-procedure code (mã thủ tục hành chính, mã TTHC). Pure functions, no I/O.
//
// Source: the codes published by the National Database on Administrative Procedures (Cơ sở dữ
// liệu quốc gia về TTHC, CSDLQG TTHC) follow `^[123]\.\d{6}$`, e.g. "1.001234", "2.000635"
// (domain spec §6 and §10.2; observed pattern, no legal text defining it was read).
// UNCONFIRMED: what the leading digit 1/2/3 means (commonly said to be the level of government).
// It is therefore only validated, never interpreted.
// Online public-service codes (mã DVCTT) are a different code (Decree 42/2022/NĐ-CP Art. 12 as
// amended) and are not accepted here.

export const PROCEDURE_CODE_PATTERN = /^[123]\.[0-9]{6}$/;

export interface ProcedureCodeValid {
  valid: true;
  /** The code, trimmed. */
  code: string;
}

export type ProcedureCodeErrorCode = 'empty' | 'invalid_format';

export interface ProcedureCodeInvalid {
  valid: false;
  code: ProcedureCodeErrorCode;
  reason: string;
}

export type ProcedureCodeResult = ProcedureCodeValid | ProcedureCodeInvalid;

export const procedureCodeReasonMessages: Readonly<Record<ProcedureCodeErrorCode, { vi: string; en: string }>> =
  Object.freeze({
    empty: { vi: 'Chưa nhập mã thủ tục hành chính.', en: 'No procedure code was entered.' },
    invalid_format: {
      vi: 'Mã thủ tục hành chính phải có dạng N.XXXXXX (N là 1, 2 hoặc 3; XXXXXX là 6 chữ số), ví dụ 1.001234.',
      en: 'A procedure code has the form N.XXXXXX (N is 1, 2 or 3, then six digits), e.g. 1.001234.',
    },
  });

/** Validates a national procedure code; surrounding whitespace is trimmed. */
export function checkProcedureCode(input: string): ProcedureCodeResult {
  const value = typeof input === 'string' ? input.trim() : '';
  if (value === '') return { valid: false, code: 'empty', reason: 'The input is empty.' };
  if (!PROCEDURE_CODE_PATTERN.test(value)) {
    return {
      valid: false,
      code: 'invalid_format',
      reason: `'${value}' does not match N.XXXXXX (N in 1–3, then six digits).`,
    };
  }
  return { valid: true, code: value };
}
