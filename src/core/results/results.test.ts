import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTemplate, dateInWords, fillHtmlTemplate, fillTemplate, forbiddenKeysIn, unknownFields, formatResultCode, localYear, parseResultCode } from './index.ts';

describe('result codes', () => {
  it.each([
    ['KQ', 'G22.10', 2026, 42, 'KQ-G22.10-2026-000042'],
    ['KQ', 'G22.10.01', 2027, 1_234_567, 'KQ-G22.10.01-2027-1234567'],
  ])('%s %s %i %i → %s', (prefix, agency, year, seq, code) => {
    expect(formatResultCode(prefix, agency, year, seq)).toBe(code);
    expect(parseResultCode(` ${code.toLowerCase()} `)).toBe(code);
  });

  it.each(['', 'KQ-G22-26-000001', 'G22.10-2026-000001', 'KQ-G22 10-2026-000001', 'KQ-G22.10-2026-00001'])('%j is not a code', (s) => {
    expect(parseResultCode(s)).toBeUndefined();
  });

  it('formats codes that parse back (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{1,8}$/), fc.stringMatching(/^G\d{2}(\.\d{2}){0,3}$/), fc.integer({ min: 2000, max: 9999 }), fc.integer({ min: 1, max: 99_999_999 }), (p, a, y, n) => {
        const code = formatResultCode(p, a, y, n);
        expect(parseResultCode(code)).toBe(code);
      }),
    );
  });

  it('takes the year in Asia/Ho_Chi_Minh', () => {
    expect(localYear(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
    expect(localYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
  });
});

describe('templates', () => {
  it('accepts a pdfmake template with fields and the QR node', () => {
    expect(checkTemplate({ content: [{ text: '{{applicant.name}} {{form.request.title}}' }, { resultQr: true, fit: 80 }] })).toEqual([]);
  });

  it.each([
    [[], 'not_object'],
    [{ content: [{ resultQr: true }, { image: 'data:x' }] }, 'forbidden_key'],
    [{ content: [{ resultQr: true }], images: {} }, 'forbidden_key'],
    [{ content: [{ text: '{{nope}}' }, { resultQr: true }] }, 'unknown_field'],
    [{ content: ['x'] }, 'no_qr'],
    [{ resultQr: true }, 'no_content'],
  ])('%j → %s', (template, code) => {
    expect(checkTemplate(template).map((p) => p.code)).toContain(code);
  });

  it('fills fields, form values and the QR node, in NFC', () => {
    const filled = fillTemplate(
      { content: [{ text: 'Cấp cho {{applicant.name}}: {{form.request.title}} ({{form.request.count}}) {{result.summary}}' }, { resultQr: true, fit: 80 }] },
      { 'applicant.name': 'Nguye\u0302\u0303n Văn A' },
      { request: { title: 'Máy lọc', count: 3 } },
      (node) => ({ qr: node.fit }),
    );
    expect(filled).toEqual({ content: [{ text: 'Cấp cho Nguyễn Văn A: Máy lọc (3) ' }, { qr: 80 }] });
  });

  it('fills an HTML template escaping every value, in NFC', () => {
    expect(fillHtmlTemplate('<p>{{applicant.name}} — {{form.note}} {{form.count}} {{form.missing}}</p>', { 'applicant.name': 'Công ty <A&B> "Le\u0302"' }, { note: "l'x", count: 2 })).toBe(
      '<p>Công ty &lt;A&amp;B&gt; &quot;Lê&quot; — l&#39;x 2 </p>',
    );
  });

  it.each([
    ['{{applicant.name}} {{form.a.b}} {{ result.code }}', []],
    ['{{nope}} {{applicant.nam}} {{form}}', ['nope', 'applicant.nam', 'form']],
  ])('unknown fields of %s', (text, unknown) => {
    expect(unknownFields(text)).toEqual(unknown);
  });

  it('finds the keys that load files, at their pointers', () => {
    expect(forbiddenKeysIn({ layout: 'noBorders', widths: ['*'], body: [[{ image: 'x' }]], images: {} }).map((p) => p.pointer)).toEqual(['/body/0/0/image', '/images']);
  });

  it('writes the date in words', () => {
    expect(dateInWords('2026-03-05')).toBe('ngày 05 tháng 03 năm 2026');
  });
});
