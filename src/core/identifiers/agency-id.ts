// Agency electronic ID (mã định danh điện tử của cơ quan, tổ chức). Pure functions, no I/O.
//
// Decision 20/2020/QĐ-TTg, as amended by Decision 09/2025/QĐ-TTg (domain spec §2.3, §10.6):
//   - at most 35 characters, drawn from '.', '0'–'9' and 'A'–'Z' (uppercase);
//   - dot-separated groups, each identifying one administrative level;
//   - the level-1 group is `MX1X2` (M ∈ A–Y, X1X2 digits) and is the LEFT-most group, e.g.
//     `G12.01.05` (level 1, level 2, level 3).
// The 2018 form under QCVN 102:2016/BTTTT (Circular 10/2016/TT-BTTTT), used in dossier codes of
// Circular 01/2018/TT-VPCP Art. 19 (`V1V2V3.Z1Z2.Y1Y2.MX1X2`), puts the level-1 group LAST, i.e.
// lowest level first. Both orders are accepted.
// Group lengths below level 1 are not constrained: they were not read in any source.

export type AgencyIdOrder = 'level1_first' | 'level1_last';

export interface AgencyIdValid {
  valid: true;
  /** Where the level-1 group sits: first (Decision 20/2020 as amended) or last (QCVN 102:2016). */
  order: AgencyIdOrder;
  /** The level-1 group `MX1X2`, e.g. `'G12'`. */
  level1: string;
  /** The dot-separated groups as written. */
  groups: string[];
  /** The same groups from level 1 downwards (equal to `groups` for `level1_first`, reversed otherwise). */
  levels: string[];
}

export type AgencyIdErrorCode = 'empty' | 'too_long' | 'invalid_characters' | 'empty_group' | 'missing_level1';

export interface AgencyIdInvalid {
  valid: false;
  code: AgencyIdErrorCode;
  reason: string;
}

export type AgencyIdResult = AgencyIdValid | AgencyIdInvalid;

export interface CheckAgencyIdOptions {
  /**
   * Accept only this order. Without it, the current form (level 1 first) is tried first and the
   * 2018 form second, so an ID whose first AND last groups both look like `MX1X2` (e.g. `A01.B02`)
   * reads as `level1_first`.
   */
  order?: AgencyIdOrder;
}

/** Decision 20/2020/QĐ-TTg as amended by Decision 09/2025/QĐ-TTg: at most 35 characters. */
export const AGENCY_ID_MAX_LENGTH = 35;

/** Level-1 group `MX1X2`, M ∈ A–Y (Decision 20/2020/QĐ-TTg as amended by Decision 09/2025/QĐ-TTg). */
export const LEVEL1_GROUP_PATTERN = /^[A-Y][0-9]{2}$/;

const ALLOWED_CHARACTERS = /^[0-9A-Z.]+$/;

export const agencyIdReasonMessages: Readonly<Record<AgencyIdErrorCode, { vi: string; en: string }>> =
  Object.freeze({
    empty: {
      vi: 'Chưa nhập mã định danh điện tử của cơ quan.',
      en: 'No agency electronic ID was entered.',
    },
    too_long: {
      vi: `Mã định danh điện tử của cơ quan dài tối đa ${AGENCY_ID_MAX_LENGTH} ký tự.`,
      en: `An agency electronic ID has at most ${AGENCY_ID_MAX_LENGTH} characters.`,
    },
    invalid_characters: {
      vi: 'Mã định danh điện tử của cơ quan chỉ gồm dấu chấm, chữ số 0–9 và chữ in hoa A–Z.',
      en: 'An agency electronic ID may contain only dots, the digits 0–9 and uppercase letters A–Z.',
    },
    empty_group: {
      vi: 'Mã định danh điện tử của cơ quan có nhóm rỗng (dấu chấm ở đầu, ở cuối hoặc hai dấu chấm liền nhau).',
      en: 'The agency electronic ID has an empty group (leading, trailing or doubled dot).',
    },
    missing_level1: {
      vi: 'Không tìm thấy mã cấp 1 dạng MX1X2 (M từ A đến Y, X1X2 là hai chữ số) ở nhóm đầu hoặc nhóm cuối.',
      en: 'No level-1 group MX1X2 (M in A–Y, two digits) as the first or last group.',
    },
  });

function invalid(code: AgencyIdErrorCode, reason: string): AgencyIdInvalid {
  return { valid: false, code, reason };
}

/**
 * Checks an agency electronic ID in either order. Surrounding whitespace is trimmed; lowercase
 * letters are rejected, not upper-cased, because the ID is a code, not free text.
 */
export function checkAgencyId(input: string, opts: CheckAgencyIdOptions = {}): AgencyIdResult {
  const value = typeof input === 'string' ? input.trim() : '';
  if (value === '') return invalid('empty', 'The input is empty.');
  if (value.length > AGENCY_ID_MAX_LENGTH) {
    return invalid('too_long', `Expected at most ${AGENCY_ID_MAX_LENGTH} characters, got ${value.length}.`);
  }
  if (!ALLOWED_CHARACTERS.test(value)) {
    const hint = /[a-z]/.test(value) ? ' Letters must be uppercase.' : '';
    return invalid('invalid_characters', `Only '.', 0–9 and A–Z are allowed.${hint}`);
  }
  const groups = value.split('.');
  if (groups.some((g) => g === '')) {
    return invalid('empty_group', 'Groups must be non-empty (no leading, trailing or doubled dot).');
  }

  const first = groups[0] as string;
  const last = groups[groups.length - 1] as string;
  const tryFirst = opts.order === undefined || opts.order === 'level1_first';
  const tryLast = opts.order === undefined || opts.order === 'level1_last';
  if (tryFirst && LEVEL1_GROUP_PATTERN.test(first)) {
    return { valid: true, order: 'level1_first', level1: first, groups, levels: [...groups] };
  }
  if (tryLast && LEVEL1_GROUP_PATTERN.test(last)) {
    return { valid: true, order: 'level1_last', level1: last, groups, levels: [...groups].reverse() };
  }
  const where =
    opts.order === 'level1_first' ? 'first group' : opts.order === 'level1_last' ? 'last group' : 'first or last group';
  return invalid('missing_level1', `The ${where} is not a level-1 code MX1X2 (M in A–Y, then two digits).`);
}
