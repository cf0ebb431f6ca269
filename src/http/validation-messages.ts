// Field messages for validation issues, in plain Vietnamese and English. Zod's own Vietnamese
// locale mixes in type names ("mong đợi number"), which a citizen should not have to read.
import type { Localized } from './language.ts';

export interface IssueLike {
  code: string;
  message?: string;
  expected?: string;
  input?: unknown;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  values?: unknown[];
  format?: string;
  params?: { vi?: string; en?: string };
  keys?: string[];
}

const list = (values: unknown[] = []) => values.map((v) => JSON.stringify(v)).join(', ');

const formats: Record<string, Localized> = {
  datetime: {
    vi: 'Không đúng định dạng ngày giờ ISO 8601 có múi giờ (ví dụ 2026-02-12T17:30:00+07:00).',
    en: 'Not an ISO 8601 date-time with offset (e.g. 2026-02-12T17:30:00+07:00).',
  },
  date: { vi: 'Không đúng định dạng ngày YYYY-MM-DD.', en: 'Not a date in the form YYYY-MM-DD.' },
  email: { vi: 'Địa chỉ thư điện tử không hợp lệ.', en: 'Not a valid email address.' },
  url: { vi: 'Địa chỉ URL không hợp lệ.', en: 'Not a valid URL.' },
  uuid: { vi: 'Mã định danh (UUID) không hợp lệ.', en: 'Not a valid UUID.' },
};

export function issueMessage(issue: IssueLike): Localized {
  if (issue.params?.vi && issue.params.en) return { vi: issue.params.vi, en: issue.params.en };
  const min = issue.minimum === undefined ? '' : String(issue.minimum);
  const max = issue.maximum === undefined ? '' : String(issue.maximum);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { vi: 'Chưa nhập giá trị bắt buộc.', en: 'A value is required.' };
      return issue.expected === 'number'
        ? { vi: 'Phải là một số.', en: 'Must be a number.' }
        : { vi: 'Kiểu dữ liệu không đúng.', en: `Expected ${issue.expected ?? 'another type'}.` };
    case 'too_small':
      if (issue.origin === 'string') {
        return { vi: `Phải có ít nhất ${min} ký tự.`, en: `Must have at least ${min} characters.` };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { vi: `Phải có ít nhất ${min} mục.`, en: `Must have at least ${min} items.` };
      }
      return issue.inclusive === false
        ? { vi: `Phải lớn hơn ${min}.`, en: `Must be greater than ${min}.` }
        : { vi: `Phải lớn hơn hoặc bằng ${min}.`, en: `Must be at least ${min}.` };
    case 'too_big':
      if (issue.origin === 'string') {
        return { vi: `Không được quá ${max} ký tự.`, en: `Must have at most ${max} characters.` };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { vi: `Không được quá ${max} mục.`, en: `Must have at most ${max} items.` };
      }
      return issue.inclusive === false
        ? { vi: `Phải nhỏ hơn ${max}.`, en: `Must be less than ${max}.` }
        : { vi: `Phải nhỏ hơn hoặc bằng ${max}.`, en: `Must be at most ${max}.` };
    case 'invalid_value':
      return {
        vi: `Giá trị không hợp lệ; chọn một trong: ${list(issue.values)}.`,
        en: `Invalid value; expected one of: ${list(issue.values)}.`,
      };
    case 'invalid_format':
      return (
        formats[issue.format ?? ''] ?? { vi: 'Không đúng định dạng.', en: `Invalid format${issue.format ? ` (${issue.format})` : ''}.` }
      );
    case 'not_multiple_of':
      return { vi: 'Giá trị không đúng bước nhảy cho phép.', en: 'Not an allowed multiple.' };
    case 'unrecognized_keys':
      return {
        vi: `Có trường không được phép: ${(issue.keys ?? []).join(', ')}.`,
        en: `Unknown fields: ${(issue.keys ?? []).join(', ')}.`,
      };
    default:
      return { vi: 'Giá trị không hợp lệ.', en: issue.message || 'Invalid value.' };
  }
}
