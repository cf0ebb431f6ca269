// Vietnamese and English messages for ajv errors, keyed by the ajv keyword (ajv-i18n has no
// Vietnamese). Each message names the field by its label, so it can be shown under the field or
// in a summary at the top of the form.
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { LocalizedText } from './ui-schema.ts';

const TYPE_NAMES: Record<string, LocalizedText> = {
  string: { vi: 'văn bản', en: 'text' },
  number: { vi: 'số', en: 'a number' },
  integer: { vi: 'số nguyên', en: 'a whole number' },
  boolean: { vi: 'có/không', en: 'yes or no' },
  object: { vi: 'nhóm thông tin', en: 'a group of fields' },
  array: { vi: 'danh sách', en: 'a list' },
  null: { vi: 'để trống', en: 'empty' },
};

const FORMAT_NAMES: Record<string, LocalizedText> = {
  date: { vi: 'ngày hợp lệ', en: 'a valid date' },
  time: { vi: 'giờ hợp lệ', en: 'a valid time' },
  'date-time': { vi: 'thời điểm hợp lệ', en: 'a valid date and time' },
  email: { vi: 'địa chỉ thư điện tử hợp lệ', en: 'a valid email address' },
  uri: { vi: 'địa chỉ trang web hợp lệ', en: 'a valid web address' },
  'personal-id': { vi: 'số định danh cá nhân hợp lệ (12 chữ số)', en: 'a valid personal ID number (12 digits)' },
  'tax-code': {
    vi: 'mã số thuế hợp lệ (10 chữ số, hoặc 13 chữ số dạng 0123456789-001)',
    en: 'a valid tax code (10 digits, or 13 as 0123456789-001)',
  },
  'phone-vn': { vi: 'số điện thoại hợp lệ (bắt đầu bằng 0 hoặc +84)', en: 'a valid phone number (starting with 0 or +84)' },
  'procedure-code': { vi: 'mã thủ tục hành chính dạng N.XXXXXX', en: 'a procedure code N.XXXXXX' },
};

const plainValue = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * The message of one ajv error. `label` names the field (the pointer's label, or for `required`,
 * the missing field's label); `field` is that field's schema, when known.
 */
export function localizeAjvError(error: ErrorObject, label: LocalizedText, field?: Record<string, unknown>): LocalizedText {
  const p = error.params as Record<string, unknown>;
  const vi = `«${label.vi}»`;
  const en = `“${label.en}”`;
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      // A tick box that must be ticked (a declaration) is not "entered".
      if (field?.type === 'boolean' && field.const === true) return { vi: `Phải đánh dấu ${vi}.`, en: `${en} must be ticked.` };
      if (field?.type === 'array' || Array.isArray(field?.enum)) return { vi: `Chưa chọn ${vi}.`, en: `${en} is required: choose a value.` };
      return { vi: `Chưa nhập ${vi}.`, en: `${en} is required.` };
    case 'type': {
      const types = String(p.type).split(',');
      const name = (lang: keyof LocalizedText) => types.map((t) => TYPE_NAMES[t]?.[lang] ?? t).join(lang === 'vi' ? ' hoặc ' : ' or ');
      return { vi: `${vi} phải là ${name('vi')}.`, en: `${en} must be ${name('en')}.` };
    }
    case 'minLength':
      return p.limit === 1
        ? { vi: `Chưa nhập ${vi}.`, en: `${en} is required.` }
        : { vi: `${vi} phải có ít nhất ${p.limit} ký tự.`, en: `${en} must have at least ${p.limit} characters.` };
    case 'maxLength':
      return { vi: `${vi} không được quá ${p.limit} ký tự.`, en: `${en} must have at most ${p.limit} characters.` };
    case 'pattern':
      return { vi: `${vi} không đúng định dạng.`, en: `${en} is not in the expected format.` };
    case 'format': {
      const f = FORMAT_NAMES[String(p.format)];
      return f
        ? { vi: `${vi} phải là ${f.vi}.`, en: `${en} must be ${f.en}.` }
        : { vi: `${vi} không đúng định dạng ${p.format}.`, en: `${en} must be a valid ${p.format}.` };
    }
    case 'minimum':
      return { vi: `${vi} phải lớn hơn hoặc bằng ${p.limit}.`, en: `${en} must be at least ${p.limit}.` };
    case 'maximum':
      return { vi: `${vi} phải nhỏ hơn hoặc bằng ${p.limit}.`, en: `${en} must be at most ${p.limit}.` };
    case 'exclusiveMinimum':
      return { vi: `${vi} phải lớn hơn ${p.limit}.`, en: `${en} must be greater than ${p.limit}.` };
    case 'exclusiveMaximum':
      return { vi: `${vi} phải nhỏ hơn ${p.limit}.`, en: `${en} must be less than ${p.limit}.` };
    case 'multipleOf':
      return { vi: `${vi} phải là bội số của ${p.multipleOf}.`, en: `${en} must be a multiple of ${p.multipleOf}.` };
    case 'enum':
      return { vi: `${vi} phải là một trong các giá trị được liệt kê.`, en: `${en} must be one of the listed values.` };
    case 'const':
      if (p.allowedValue === true) return { vi: `Phải đánh dấu ${vi}.`, en: `${en} must be ticked.` };
      return {
        vi: `${vi} phải có giá trị ${plainValue(p.allowedValue)}.`,
        en: `${en} must be ${plainValue(p.allowedValue)}.`,
      };
    case 'minItems':
      return { vi: `${vi} phải có ít nhất ${p.limit} mục.`, en: `${en} must have at least ${p.limit} items.` };
    case 'maxItems':
      return { vi: `${vi} không được quá ${p.limit} mục.`, en: `${en} must have at most ${p.limit} items.` };
    case 'uniqueItems':
      return { vi: `${vi} có mục bị trùng.`, en: `${en} has duplicate items.` };
    case 'minProperties':
      return { vi: `${vi} phải có ít nhất ${p.limit} thông tin.`, en: `${en} must have at least ${p.limit} entries.` };
    case 'maxProperties':
      return { vi: `${vi} không được quá ${p.limit} thông tin.`, en: `${en} must have at most ${p.limit} entries.` };
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return { vi: `Trường ${vi} không có trong biểu mẫu.`, en: `${en} is not a field of this form.` };
    case 'false schema':
      return { vi: `Trường ${vi} không được phép.`, en: `${en} is not allowed.` };
    default:
      // oneOf, anyOf, not, contains, ...: the schema's own alternatives; say what is wrong plainly.
      return { vi: `${vi} không hợp lệ.`, en: `${en} is not valid.` };
  }
}
