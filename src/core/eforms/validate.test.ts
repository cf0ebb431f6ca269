import { describe, expect, it } from 'vitest';
import { createEformAjv } from './ajv.ts';
import { buildEform } from './builder.ts';
import { compileEform, normalizeFormData } from './validate.ts';

const ajv = createEformAjv();

const form = buildEform({
  sections: [
    { id: 'a', title: { vi: 'Người nộp', en: 'Applicant' } },
    { id: 'b', title: { vi: 'Đề nghị', en: 'Request' } },
  ],
  fields: [
    { path: 'applicant.fullName', section: 'a', type: 'text', label: { vi: 'Họ và tên', en: 'Full name' }, required: true, maxLength: 10 },
    { path: 'applicant.personalId', section: 'a', type: 'personal_id', label: { vi: 'Số định danh cá nhân', en: 'Personal ID' } },
    { path: 'applicant.taxCode', section: 'a', type: 'tax_code', label: { vi: 'Mã số thuế', en: 'Tax code' } },
    { path: 'applicant.phone', section: 'a', type: 'phone', label: { vi: 'Số điện thoại', en: 'Phone' } },
    { path: 'applicant.email', section: 'a', type: 'email', label: { vi: 'Thư điện tử', en: 'Email' } },
    { path: 'request.date', section: 'b', type: 'date', label: { vi: 'Ngày ký', en: 'Signed on' } },
    { path: 'request.count', section: 'b', type: 'integer', label: { vi: 'Số lượng', en: 'Count' }, minimum: 1, maximum: 5 },
    {
      path: 'request.kind',
      section: 'b',
      type: 'select',
      label: { vi: 'Loại', en: 'Kind' },
      options: [
        { value: 'x', label: { vi: 'X', en: 'X' } },
        { value: 'y', label: { vi: 'Y', en: 'Y' } },
      ],
    },
    { path: 'request.code', section: 'b', type: 'text', label: { vi: 'Mã', en: 'Code' }, pattern: '^[A-Z]{3}$' },
    { path: 'request.agree', section: 'b', type: 'checkbox', label: { vi: 'Tôi đồng ý', en: 'I agree' }, required: true },
    { path: 'request.hasAgent', section: 'b', type: 'checkbox', label: { vi: 'Có đại diện', en: 'Has an agent' } },
    { path: 'request.agent', section: 'b', type: 'text', label: { vi: 'Tên đại diện', en: 'Agent' }, required: true, visibleIf: { field: 'request.hasAgent', equals: true } },
  ],
});
const compiled = compileEform(ajv, form);
const valid = { applicant: { fullName: 'Lê Văn An' }, request: { agree: true } };
const errorsOf = (data: unknown) => compiled.validate(data).errors.map((e) => [e.pointer, e.code, e.message.vi]);

describe('e-form validation (shared by browser and server)', () => {
  it('accepts valid data', () => {
    expect(compiled.validate(valid)).toMatchObject({ valid: true, errors: [] });
  });

  it.each([
    ['missing required field', { request: { agree: true } }, ['/applicant/fullName', 'required', 'Chưa nhập «Họ và tên».']],
    ['empty string is not filled', { applicant: { fullName: '   ' }, request: { agree: true } }, ['/applicant/fullName', 'required', 'Chưa nhập «Họ và tên».']],
    ['too long', { ...valid, applicant: { fullName: 'Nguyễn Văn Thành Long' } }, ['/applicant/fullName', 'maxLength', '«Họ và tên» không được quá 10 ký tự.']],
    ['personal ID format', { ...valid, applicant: { fullName: 'An', personalId: '12345' } }, ['/applicant/personalId', 'format', '«Số định danh cá nhân» phải là số định danh cá nhân hợp lệ (12 chữ số).']],
    ['tax code format', { ...valid, applicant: { fullName: 'An', taxCode: '0101-1' } }, ['/applicant/taxCode', 'format', '«Mã số thuế» phải là mã số thuế hợp lệ (10 chữ số, hoặc 13 chữ số dạng 0123456789-001).']],
    ['phone format', { ...valid, applicant: { fullName: 'An', phone: '12345' } }, ['/applicant/phone', 'format', '«Số điện thoại» phải là số điện thoại hợp lệ (bắt đầu bằng 0 hoặc +84).']],
    ['email format', { ...valid, applicant: { fullName: 'An', email: 'an@' } }, ['/applicant/email', 'format', '«Thư điện tử» phải là địa chỉ thư điện tử hợp lệ.']],
    ['impossible date', { ...valid, request: { agree: true, date: '2026-02-30' } }, ['/request/date', 'format', '«Ngày ký» phải là ngày hợp lệ.']],
    ['integer type', { ...valid, request: { agree: true, count: 1.5 } }, ['/request/count', 'type', '«Số lượng» phải là số nguyên.']],
    ['maximum', { ...valid, request: { agree: true, count: 6 } }, ['/request/count', 'maximum', '«Số lượng» phải nhỏ hơn hoặc bằng 5.']],
    ['enum', { ...valid, request: { agree: true, kind: 'z' } }, ['/request/kind', 'enum', '«Loại» phải là một trong các giá trị được liệt kê.']],
    ['pattern', { ...valid, request: { agree: true, code: 'ab' } }, ['/request/code', 'pattern', '«Mã» không đúng định dạng.']],
    ['checkbox must be ticked', { ...valid, request: { agree: false } }, ['/request/agree', 'const', 'Phải đánh dấu «Tôi đồng ý».']],
    ['checkbox missing', { applicant: { fullName: 'An' } }, ['/request/agree', 'required', 'Phải đánh dấu «Tôi đồng ý».']],
    ['unknown field', { ...valid, extra: 1 }, ['/extra', 'additionalProperties', 'Trường «extra» không có trong biểu mẫu.']],
    ['conditional required', { ...valid, request: { agree: true, hasAgent: true } }, ['/request/agent', 'required', 'Chưa nhập «Tên đại diện».']],
  ])('%s', (_name, data, expected) => {
    expect(errorsOf(data)).toContainEqual(expected);
  });

  it('gives English messages too', () => {
    const e = compiled.validate({ request: { agree: true } }).errors[0]!;
    expect(e.message.en).toBe('“Full name” is required.');
  });

  it('reports a missing group field by field, in the order the form shows them', () => {
    const result = compiled.validate({});
    expect(result.errors.map((e) => e.pointer)).toEqual(['/applicant/fullName', '/request/agree']);
  });

  it('drops hidden fields: a value behind an unticked condition is neither validated nor kept', () => {
    const result = compiled.validate({ ...valid, request: { agree: true, hasAgent: false, agent: 'x'.repeat(9999) } });
    expect(result.valid).toBe(true);
    expect(result.data.request).toEqual({ agree: true, hasAgent: false });
  });

  it('normalizes: trims strings and removes empty ones', () => {
    expect(normalizeFormData({ applicant: { fullName: '  An  ', email: '' } }, form)).toEqual({ applicant: { fullName: 'An' }, request: {} });
  });

  it('a custom message from the UI schema replaces the generic one', () => {
    const custom = structuredClone(form);
    custom.uiSchema.fields['/request/code']!.errorMessages = { pattern: { vi: 'Mã gồm 3 chữ in hoa.', en: 'Three capital letters.' } };
    const c = compileEform(createEformAjv(), custom);
    expect(c.validate({ ...valid, request: { agree: true, code: 'ab' } }).errors[0]!.message).toEqual({ vi: 'Mã gồm 3 chữ in hoa.', en: 'Three capital letters.' });
  });

  it('accepts a real personal ID number and a branch tax code', () => {
    const r = compiled.validate({ applicant: { fullName: 'An', personalId: '001099012345', taxCode: '0101234567-001', phone: '+84912345678' }, request: { agree: true } });
    expect(r.errors).toEqual([]);
  });
});

describe('patterns are bounded', () => {
  const withPatterns = (fields: Record<string, string>) =>
    compileEform(ajv, {
      schema: { type: 'object', properties: Object.fromEntries(Object.entries(fields).map(([k, pattern]) => [k, { type: 'string', pattern }])) },
      uiSchema: { version: 1, sections: [], fields: {} },
    });

  it('each pattern is its own: two fields with different patterns are both enforced', () => {
    const form = withPatterns({ digits: '^[0-9]+$', letters: '^[a-z]+$' });
    expect(form.validate({ digits: '123', letters: 'abc' }).valid).toBe(true);
    expect(form.validate({ digits: 'abc', letters: '123' }).errors.map((e) => e.pointer)).toEqual(['/digits', '/letters']);
  });

  it('a pattern with nested repetition never matches, so 29 characters are refused rather than backtracked on', () => {
    const form = withPatterns({ code: '^(a+)+$' });
    const r = form.validate({ code: `${'a'.repeat(28)}b` });
    expect(r.valid).toBe(false);
    expect(r.errors[0]).toMatchObject({ pointer: '/code', code: 'pattern' });
  });

  it('a string longer than the bound does not match a pattern', () => {
    const form = withPatterns({ text: '^[a-z]+$' });
    expect(form.validate({ text: 'a'.repeat(5000) }).valid).toBe(true);
    expect(form.validate({ text: 'a'.repeat(5001) }).valid).toBe(false);
  });
});
