// The result document's template: a pdfmake document definition (JSON) an administrator edits,
// with `{{field}}` placeholders filled from the dossier, and one `{ "resultQr": true }` node where
// the QR code of the verification page goes. Pure: validation, the fields and the substitution.

/** The fields a template may name, with what they hold (shown to the administrator). */
export const TEMPLATE_FIELDS = {
  'result.code': { vi: 'Mã giấy tờ kết quả', en: 'Result code' },
  'result.name': { vi: 'Tên văn bản kết quả', en: 'Name of the result document' },
  'result.issuedDate': { vi: 'Ngày ban hành (dd/mm/yyyy)', en: 'Issue date (dd/mm/yyyy)' },
  'result.issuedDateWords': { vi: 'Ngày ban hành bằng chữ ("ngày 02 tháng 12 năm 2026")', en: 'Issue date in words' },
  'result.verifyUrl': { vi: 'Địa chỉ xác thực kết quả', en: 'Verification address' },
  'result.summary': { vi: 'Nội dung kết quả (do lãnh đạo ghi)', en: 'Summary entered by the leader' },
  'dossier.code': { vi: 'Mã hồ sơ', en: 'Dossier code' },
  'dossier.receivedDate': { vi: 'Ngày tiếp nhận', en: 'Receipt date' },
  'applicant.name': { vi: 'Tên người nộp / tổ chức', en: 'Applicant name' },
  'applicant.idNumber': { vi: 'Số định danh / mã số thuế', en: 'ID number / tax code' },
  'applicant.address': { vi: 'Địa chỉ', en: 'Address' },
  'procedure.code': { vi: 'Mã thủ tục', en: 'Procedure code' },
  'procedure.name': { vi: 'Tên thủ tục', en: 'Procedure name' },
  'unit.name': { vi: 'Đơn vị ban hành', en: 'Issuing unit' },
  'unit.nameUpper': { vi: 'Đơn vị ban hành (chữ in hoa)', en: 'Issuing unit (capitals)' },
  'root.nameUpper': { vi: 'Cơ quan chủ quản (chữ in hoa)', en: 'Parent agency (capitals)' },
  'place': { vi: 'Địa danh', en: 'Place' },
  'signer.name': { vi: 'Người ký', en: 'Signer' },
} as const;
export type TemplateField = keyof typeof TEMPLATE_FIELDS;

/** Form fields are named `form.<path>` (e.g. `form.request.title`). */
const FIELD = /\{\{\s*([a-zA-Z][\w.]*)\s*\}\}/g;

/** Keys that would let a template load files or URLs, or run pdfmake callbacks: refused. */
const FORBIDDEN_KEYS = new Set(['image', 'images', 'svg', 'attachment', 'attachments', 'files', 'fonts', 'link', 'linkToFile', 'url', 'watermarkImage']);

export interface TemplateProblem {
  pointer: string;
  code: 'not_object' | 'no_content' | 'forbidden_key' | 'unknown_field' | 'too_deep' | 'no_qr';
  message: string;
}

/** The problems of a template (empty: usable). */
export function checkTemplate(template: unknown): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (typeof template !== 'object' || template === null || Array.isArray(template)) {
    return [{ pointer: '', code: 'not_object', message: 'A template is a pdfmake document definition (a JSON object).' }];
  }
  if (!('content' in template)) problems.push({ pointer: '/content', code: 'no_content', message: 'The template has no content.' });
  let qr = 0;
  const walk = (node: unknown, pointer: string, depth: number) => {
    if (depth > 40) {
      problems.push({ pointer, code: 'too_deep', message: 'Nested too deeply.' });
      return;
    }
    if (typeof node === 'string') {
      for (const m of node.matchAll(FIELD)) {
        const name = m[1]!;
        if (!(name in TEMPLATE_FIELDS) && !/^form\.[\w.]+$/.test(name)) problems.push({ pointer, code: 'unknown_field', message: `Unknown field {{${name}}}.` });
      }
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((n, i) => walk(n, `${pointer}/${i}`, depth + 1));
      return;
    }
    if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (FORBIDDEN_KEYS.has(key)) problems.push({ pointer: `${pointer}/${key}`, code: 'forbidden_key', message: `"${key}" is not allowed in a result template.` });
        else if (key === 'resultQr') qr++;
        else walk(value, `${pointer}/${key}`, depth + 1);
      }
    }
  };
  walk(template, '', 0);
  if (qr === 0) problems.push({ pointer: '/content', code: 'no_qr', message: 'The template must place the verification QR code ({"resultQr": true}).' });
  return problems;
}

const pick = (data: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);

/**
 * The template with its placeholders filled (NFC) and each `{ "resultQr": true }` node replaced
 * by `qr(node)`. A field without a value is left empty; a form value that is not text or a number
 * is left empty too.
 */
export function fillTemplate(template: unknown, fields: Partial<Record<TemplateField, string>>, form: Record<string, unknown>, qr: (node: Record<string, unknown>) => unknown): unknown {
  const value = (name: string): string => {
    const v = name.startsWith('form.') ? pick(form, name.slice(5)) : fields[name as TemplateField];
    if (typeof v === 'number') return String(v);
    if (typeof v === 'boolean') return v ? 'Có' : 'Không';
    return typeof v === 'string' ? v : '';
  };
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return node.replace(FIELD, (_, name: string) => value(name)).normalize('NFC');
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node === 'object' && node !== null) {
      const obj = node as Record<string, unknown>;
      if (obj.resultQr === true) return qr(obj);
      return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, walk(v)]));
    }
    return node;
  };
  return walk(template);
}

/** "ngày 02 tháng 12 năm 2026" of a local date yyyy-mm-dd (Decree 30/2020 Appendix I). */
export function dateInWords(localDate: string): string {
  const [y, m, d] = localDate.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/**
 * The default template: a Decree 30/2020-style header, the document's name, whom it is issued
 * to, the summary, the signature block and the QR code with the verification address.
 */
export const DEFAULT_RESULT_TEMPLATE = {
  pageSize: 'A4',
  pageMargins: [70, 50, 50, 60],
  content: [
    {
      columns: [
        { width: '45%', stack: [{ text: '{{root.nameUpper}}', alignment: 'center' }, { text: '{{unit.nameUpper}}', bold: true, alignment: 'center' }, { text: 'Số: {{result.code}}', alignment: 'center', margin: [0, 6, 0, 0] }] },
        {
          width: '55%',
          stack: [
            { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, alignment: 'center' },
            { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, alignment: 'center' },
            { text: '{{place}}, {{result.issuedDateWords}}', italics: true, alignment: 'center', margin: [0, 6, 0, 0] },
          ],
        },
      ],
    },
    { text: '{{result.name}}', bold: true, fontSize: 15, alignment: 'center', margin: [0, 30, 0, 16] },
    { text: [{ text: 'Cấp cho: ', bold: true }, '{{applicant.name}}'] },
    { text: [{ text: 'Số định danh / mã số thuế: ', bold: true }, '{{applicant.idNumber}}'] },
    { text: [{ text: 'Thủ tục: ', bold: true }, '{{procedure.name}} ({{procedure.code}})'] },
    { text: [{ text: 'Hồ sơ: ', bold: true }, '{{dossier.code}}, tiếp nhận ngày {{dossier.receivedDate}}'] },
    { text: '{{result.summary}}', margin: [0, 12, 0, 0] },
    {
      columns: [
        { width: '*', stack: [{ resultQr: true, fit: 96 }, { text: 'Xác thực văn bản tại: {{result.verifyUrl}}', fontSize: 8, margin: [0, 4, 0, 0] }] },
        { width: '50%', stack: [{ text: 'THỦ TRƯỞNG ĐƠN VỊ', bold: true, alignment: 'center' }, { text: '(Đã ký số)', italics: true, alignment: 'center', margin: [0, 4, 0, 0] }, { text: '{{unit.name}}', alignment: 'center', margin: [0, 30, 0, 0] }] },
      ],
      margin: [0, 30, 0, 0],
    },
  ],
  defaultStyle: { fontSize: 12, lineHeight: 1.2 },
} as const;
