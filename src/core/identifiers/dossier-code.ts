// Dossier code (mã số hồ sơ) generation and parsing. Pure functions, no I/O.
//
// Two formats, chosen by configuration (domain spec §2.3, §10.2):
//   '2018' — Circular 01/2018/TT-VPCP Art. 19: `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX`
//            unit code under QCVN 102:2016/BTTTT, receipt date, 4-digit daily sequence.
//   '2025' — centralized nationwide systems, Circular 03/2025/TT-VPCP Art. 13(3) as added by
//            Circular 04/2025/TT-VPCP (in force 25/01/2026): `MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX`
//            electronic ID of the processing agency (Decision 20/2020/QĐ-TTg as amended by
//            Decision 09/2025/QĐ-TTg), receipt date, AA = 2 digits from the electronic ID of the
//            agency owning the centralized system, XXXX = daily sequence of at least 4 digits.
// Clauses 1–2 of Circular 03/2025 Art. 13 (non-centralized systems) were not read: UNCONFIRMED,
// which is why the format is a configuration value rather than a date-based switch.
// Dates are receipt dates in Asia/Ho_Chi_Minh (UTC+07:00).
// The sequence itself (per unit, reset daily, allocated under a lock) is the caller's job.

import { checkAgencyId } from './agency-id.ts';
import { isRealDate, pad, vnDateParts } from './vn-time.ts';

export type DossierCodeFormat = '2018' | '2025';

export const DOSSIER_CODE_FORMATS: readonly DossierCodeFormat[] = Object.freeze(['2018', '2025']);

/** Generic shape of a dossier code, both formats (domain spec §10.6). */
export const DOSSIER_CODE_PATTERN = /^[0-9A-Z.]+-[0-9]{6}-[0-9]{4,}$/;

/** AA of the 2025 format: two digits (Circular 03/2025/TT-VPCP Art. 13(3)). */
export const SYSTEM_CODE_PATTERN = /^[0-9]{2}$/;

/** Width of the 2018 sequence, exactly (Circular 01/2018/TT-VPCP Art. 19), and the 2025 minimum. */
export const SEQUENCE_WIDTH = 4;
/** Largest sequence the 2018 format can hold in its four digits. */
export const MAX_SEQUENCE_2018 = 9999;

/** The configuration that selects the format. */
export interface DossierCodeConfig {
  format: DossierCodeFormat;
  /** AA, required for the '2025' format, ignored by '2018'. */
  systemCode?: string;
}

export interface FormatDossierCodeInput extends DossierCodeConfig {
  /** '2018': unit code under QCVN 102:2016; '2025': the processing agency's electronic ID. */
  unitCode: string;
  /** Instant of receipt; the date is taken in Asia/Ho_Chi_Minh. Its local year must be 2000–2099. */
  receivedAt: Date;
  /** Daily sequence number of the unit, an integer ≥ 1 (≤ 9999 in the '2018' format). */
  sequence: number;
}

export type DossierCodeErrorCode =
  | 'empty'
  | 'invalid_format'
  | 'invalid_unit_code'
  | 'invalid_date'
  | 'invalid_sequence'
  | 'sequence_overflow'
  | 'wrong_sequence_length'
  | 'invalid_system_code';

/** Thrown by `formatDossierCode` for inputs that cannot make a code; a RangeError with a code. */
export class DossierCodeError extends RangeError {
  readonly code: DossierCodeErrorCode;
  constructor(code: DossierCodeErrorCode, message: string) {
    super(message);
    this.name = 'DossierCodeError';
    this.code = code;
  }
}

export const dossierCodeReasonMessages: Readonly<Record<DossierCodeErrorCode, { vi: string; en: string }>> =
  Object.freeze({
    empty: { vi: 'Chưa nhập mã số hồ sơ.', en: 'No dossier code was entered.' },
    invalid_format: {
      vi: 'Mã số hồ sơ phải có dạng <mã đơn vị>-YYMMDD-<số thứ tự ít nhất 4 chữ số>.',
      en: 'A dossier code has the form <unit code>-YYMMDD-<sequence of at least 4 digits>.',
    },
    invalid_unit_code: {
      vi: 'Phần mã đơn vị không phải là mã định danh điện tử hợp lệ của cơ quan.',
      en: 'The unit part is not a valid agency electronic ID.',
    },
    invalid_date: {
      vi: 'Phần ngày tiếp nhận (YYMMDD) không phải là ngày có thật.',
      en: 'The receipt-date part (YYMMDD) is not a real date.',
    },
    invalid_sequence: {
      vi: 'Số thứ tự hồ sơ trong ngày phải là số nguyên dương.',
      en: 'The daily sequence must be a positive integer.',
    },
    sequence_overflow: {
      vi: 'Số thứ tự hồ sơ trong ngày vượt quá 9999, không ghi được bằng 4 chữ số theo Thông tư 01/2018/TT-VPCP.',
      en: 'The daily sequence exceeds 9999 and does not fit the 4 digits of Circular 01/2018/TT-VPCP.',
    },
    wrong_sequence_length: {
      vi: 'Phần số thứ tự không có số chữ số đúng với định dạng mã số hồ sơ đã chọn.',
      en: 'The sequence part does not have the number of digits the selected format requires.',
    },
    invalid_system_code: {
      vi: 'Mã hệ thống tập trung (AA) phải gồm đúng 2 chữ số.',
      en: 'The centralized-system code (AA) must be exactly 2 digits.',
    },
  });

export type DossierCodeConfigCheck =
  | { valid: true }
  | { valid: false; code: 'invalid_format' | 'invalid_system_code'; reason: string };

/** Validates the configuration: a known format, and for '2025' a two-digit `systemCode`. */
export function validateDossierCodeConfig(config: DossierCodeConfig): DossierCodeConfigCheck {
  if (!DOSSIER_CODE_FORMATS.includes(config.format)) {
    return { valid: false, code: 'invalid_format', reason: `Unknown dossier-code format '${String(config.format)}'.` };
  }
  if (config.format === '2025' && (config.systemCode === undefined || !SYSTEM_CODE_PATTERN.test(config.systemCode))) {
    return {
      valid: false,
      code: 'invalid_system_code',
      reason: `The '2025' format needs a two-digit systemCode (AA), got ${JSON.stringify(config.systemCode)}.`,
    };
  }
  return { valid: true };
}

/**
 * Builds a dossier code. Throws DossierCodeError (a RangeError) when the configuration, unit
 * code, date or sequence cannot make a valid code, in particular for a sequence above 9999 in the
 * '2018' format. The unit code is checked with `checkAgencyId` (either group order) and written
 * trimmed.
 */
export function formatDossierCode(input: FormatDossierCodeInput): string {
  const config = validateDossierCodeConfig(input);
  if (!config.valid) throw new DossierCodeError(config.code, config.reason);

  const unit = checkAgencyId(input.unitCode);
  if (!unit.valid) throw new DossierCodeError('invalid_unit_code', `Invalid unit code: ${unit.reason}`);

  const { sequence } = input;
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new DossierCodeError('invalid_sequence', `The sequence must be a positive safe integer, got ${sequence}.`);
  }
  if (input.format === '2018' && sequence > MAX_SEQUENCE_2018) {
    // Circular 01/2018/TT-VPCP Art. 19: XXXX is a 4-digit sequence of the day.
    throw new DossierCodeError(
      'sequence_overflow',
      `Sequence ${sequence} exceeds ${MAX_SEQUENCE_2018}, the largest 4-digit sequence of the 2018 format.`,
    );
  }

  if (!(input.receivedAt instanceof Date) || !Number.isFinite(input.receivedAt.getTime())) {
    throw new DossierCodeError('invalid_date', 'receivedAt is not a valid Date.');
  }
  const { year, month, day } = vnDateParts(input.receivedAt);
  if (year < 2000 || year > 2099) {
    // YY is read back as 20YY, so only this century round-trips.
    throw new DossierCodeError('invalid_date', `Receipt year ${year} is outside 2000–2099.`);
  }
  const yymmdd = pad(year % 100, 2) + pad(month, 2) + pad(day, 2);

  const unitCode = unit.groups.join('.');
  const seq = pad(sequence, SEQUENCE_WIDTH);
  // Circular 03/2025/TT-VPCP Art. 13(3) (added by Circular 04/2025/TT-VPCP): AA then XXXX (≥ 4 digits).
  const tail = input.format === '2025' ? `${input.systemCode as string}${seq}` : seq;
  return `${unitCode}-${yymmdd}-${tail}`;
}

export interface DossierCodeParsed {
  valid: true;
  unitCode: string;
  /** Receipt date `YYYY-MM-DD` (YY is read as 20YY). */
  date: string;
  /**
   * The daily sequence; without a '2025' hint, the whole numeric tail (AA included, if any).
   * May be 0: codes made by other systems (e.g. random tails of synced dossiers) are accepted.
   */
  sequence: number;
  /** AA, only when parsed with the '2025' format hint. */
  systemCode?: string;
}

export interface DossierCodeInvalid {
  valid: false;
  code: DossierCodeErrorCode;
  reason: string;
}

export type DossierCodeParseResult = DossierCodeParsed | DossierCodeInvalid;

export interface ParseDossierCodeOptions {
  /**
   * The format the code is expected in. '2018' requires exactly 4 sequence digits; '2025'
   * requires at least 6 and splits the first two off as `systemCode` (AA). Without a hint any
   * tail of 4 or more digits is accepted as the sequence (domain spec §10.6), because a 2025
   * tail `AAXXXX` cannot be told apart from a long sequence.
   */
  format?: DossierCodeFormat;
}

function parseInvalid(code: DossierCodeErrorCode, reason: string): DossierCodeInvalid {
  return { valid: false, code, reason };
}

/** Parses and validates a dossier code; surrounding whitespace is trimmed. */
export function parseDossierCode(input: string, opts: ParseDossierCodeOptions = {}): DossierCodeParseResult {
  const value = typeof input === 'string' ? input.trim() : '';
  if (value === '') return parseInvalid('empty', 'The input is empty.');
  const m = /^([0-9A-Z.]+)-([0-9]{6})-([0-9]{4,})$/.exec(value);
  if (m === null) {
    return parseInvalid('invalid_format', 'Expected <unit code>-YYMMDD-<at least 4 digits>.');
  }
  const [, unitPart, datePart, tailPart] = m as unknown as [string, string, string, string];

  const unit = checkAgencyId(unitPart);
  if (!unit.valid) return parseInvalid('invalid_unit_code', `Invalid unit code: ${unit.reason}`);

  const year = 2000 + Number(datePart.slice(0, 2));
  const month = Number(datePart.slice(2, 4));
  const day = Number(datePart.slice(4, 6));
  if (!isRealDate(year, month, day)) {
    return parseInvalid('invalid_date', `'${datePart}' is not a real date (YYMMDD).`);
  }
  const date = `${year}-${pad(month, 2)}-${pad(day, 2)}`;

  let systemCode: string | undefined;
  let seqDigits = tailPart;
  if (opts.format === '2018' && tailPart.length !== SEQUENCE_WIDTH) {
    return parseInvalid(
      'wrong_sequence_length',
      `The 2018 format has a ${SEQUENCE_WIDTH}-digit sequence, got ${tailPart.length} digits.`,
    );
  }
  if (opts.format === '2025') {
    if (tailPart.length < 2 + SEQUENCE_WIDTH) {
      return parseInvalid(
        'wrong_sequence_length',
        `The 2025 format needs AA plus at least ${SEQUENCE_WIDTH} sequence digits, got ${tailPart.length} digits.`,
      );
    }
    systemCode = tailPart.slice(0, 2);
    seqDigits = tailPart.slice(2);
  }
  const sequence = Number(seqDigits);
  if (!Number.isSafeInteger(sequence)) {
    return parseInvalid('invalid_sequence', `The sequence ${seqDigits} is too large.`);
  }

  const result: DossierCodeParsed = { valid: true, unitCode: unitPart, date, sequence };
  if (systemCode !== undefined) result.systemCode = systemCode;
  return result;
}
