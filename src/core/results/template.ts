// The result document's template, which an administrator edits: HTML (the editor's format and the
// default), or a pdfmake document definition (JSON) for layouts HTML cannot express. Both carry
// `{{field}}` placeholders filled from the dossier and say where the QR code of the verification
// page goes: `<result-qr>` in HTML, a `{ "resultQr": true }` node in pdfmake. Pure: the rules a
// template must follow, the fields and the substitution; parsing HTML is the results module's.

/** A template as stored: its format and its source. */
export type ResultTemplate = { format: 'html'; html: string } | { format: 'pdfmake'; definition: Record<string, unknown> };

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
  /** Where: a JSON pointer into a pdfmake template; empty for an HTML template (see `line`). */
  pointer: string;
  code: 'not_object' | 'no_content' | 'forbidden_key' | 'unknown_field' | 'too_deep' | 'no_qr' | 'forbidden_tag' | 'forbidden_attribute' | 'forbidden_style' | 'bad_data' | 'too_large';
  message: string;
  /** The line of an HTML template the problem is on (1-based). */
  line?: number;
}

/** The placeholders of a text that name no field. */
export function unknownFields(text: string): string[] {
  return [...text.matchAll(FIELD)].map((m) => m[1]!).filter((name) => !(name in TEMPLATE_FIELDS) && !/^form\.[\w.]+$/.test(name));
}

/** Keys of a pdfmake fragment that would load files or URLs or run callbacks, with their pointers. */
export function forbiddenKeysIn(node: unknown, pointer = '', depth = 0): TemplateProblem[] {
  if (depth > 40) return [{ pointer, code: 'too_deep', message: 'Nested too deeply.' }];
  if (Array.isArray(node)) return node.flatMap((n, i) => forbiddenKeysIn(n, `${pointer}/${i}`, depth + 1));
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    FORBIDDEN_KEYS.has(key) ? [{ pointer: `${pointer}/${key}`, code: 'forbidden_key' as const, message: `"${key}" is not allowed in a result template.` }] : forbiddenKeysIn(value, `${pointer}/${key}`, depth + 1),
  );
}

/** The problems of a pdfmake template (empty: usable). */
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
      for (const name of unknownFields(node)) problems.push({ pointer, code: 'unknown_field', message: `Unknown field {{${name}}}.` });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((n, i) => walk(n, `${pointer}/${i}`, depth + 1));
      return;
    }
    if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (FORBIDDEN_KEYS.has(key)) continue; // forbiddenKeysIn reports it
        if (key === 'resultQr') qr++;
        else walk(value, `${pointer}/${key}`, depth + 1);
      }
    }
  };
  walk(template, '', 0);
  problems.push(...forbiddenKeysIn(template).filter((p) => p.code === 'forbidden_key'));
  if (qr === 0) problems.push({ pointer: '/content', code: 'no_qr', message: 'The template must place the verification QR code ({"resultQr": true}).' });
  return problems;
}

const pick = (data: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);

/** The text a placeholder stands for: a field, or a form value that is text, a number or a yes/no; else empty. */
function fieldValue(name: string, fields: Partial<Record<TemplateField, string>>, form: Record<string, unknown>): string {
  const v = name.startsWith('form.') ? pick(form, name.slice(5)) : fields[name as TemplateField];
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  return typeof v === 'string' ? v : '';
}

/** Each `{ "resultQr": true }` node of a pdfmake tree replaced by `qr(node)`. */
export function replaceQr(tree: unknown, qr: (node: Record<string, unknown>) => unknown): unknown {
  if (Array.isArray(tree)) return tree.map((n) => replaceQr(n, qr));
  if (typeof tree !== 'object' || tree === null) return tree;
  const obj = tree as Record<string, unknown>;
  if (obj.resultQr === true) return qr(obj);
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, replaceQr(v, qr)]));
}

/**
 * The pdfmake template with its placeholders filled (NFC) and each `{ "resultQr": true }` node
 * replaced by `qr(node)`. A field without a value is left empty.
 */
export function fillTemplate(template: unknown, fields: Partial<Record<TemplateField, string>>, form: Record<string, unknown>, qr: (node: Record<string, unknown>) => unknown): unknown {
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return node.replace(FIELD, (_, name: string) => fieldValue(name, fields, form)).normalize('NFC');
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node === 'object' && node !== null) {
      const obj = node as Record<string, unknown>;
      if (obj.resultQr === true) return obj;
      return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, walk(v)]));
    }
    return node;
  };
  return replaceQr(walk(template), qr);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The HTML template with its placeholders filled (NFC). Values are escaped: a name such as
 * "Công ty <A&B>" is text, never markup.
 */
export function fillHtmlTemplate(html: string, fields: Partial<Record<TemplateField, string>>, form: Record<string, unknown>): string {
  return html.replace(FIELD, (_, name: string) => fieldValue(name, fields, form).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)).normalize('NFC');
}

/** The elements an HTML template may use: text, tables, lists and the QR code's place; nothing that loads, links or runs. */
export const HTML_TEMPLATE_TAGS: ReadonlySet<string> = new Set([
  'p', 'div', 'span', 'br', 'b', 'strong', 'i', 'em', 'u', 's', 'sub', 'sup', 'small', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'blockquote', 'pre',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'col', 'colgroup', 'ul', 'ol', 'li', 'result-qr',
]);

/** Attributes an HTML template may use, and the element each is limited to ('*': any). */
export const HTML_TEMPLATE_ATTRIBUTES: ReadonlyMap<string, string> = new Map([
  ['style', '*'], ['class', '*'], ['align', '*'], ['data-pdfmake', '*'], ['data-pdfmake-type', 'div'],
  ['colspan', 'td th'], ['rowspan', 'td th'], ['width', 'table td th col'], ['height', 'td th tr'], ['start', 'ol'], ['type', 'ol ul'], ['size', 'result-qr'],
]);

/** The largest HTML template accepted (characters). */
export const HTML_TEMPLATE_MAX = 200_000;

/** "ngày 02 tháng 12 năm 2026" of a local date yyyy-mm-dd (Decree 30/2020 Appendix I). */
export function dateInWords(localDate: string): string {
  const [y, m, d] = localDate.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/**
 * The default template (HTML): a Decree 30/2020-style header (the agency and the issuing unit,
 * the document's number; the national motto, place and date), the document's name, whom it is
 * issued to, the summary, the QR code with the verification address and the signature block.
 */
export const DEFAULT_RESULT_HTML = `<table data-pdfmake="{'layout':'noBorders','widths':['40%','60%']}">
  <tr>
    <td style="text-align:center;font-size:12pt">{{root.nameUpper}}<br><b>{{unit.nameUpper}}</b><br>Số: {{result.code}}</td>
    <td style="text-align:center;font-size:12pt"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b><br><i>{{place}}, {{result.issuedDateWords}}</i></td>
  </tr>
</table>
<h1>{{result.name}}</h1>
<p><b>Cấp cho:</b> {{applicant.name}}</p>
<p><b>Số định danh / mã số thuế:</b> {{applicant.idNumber}}</p>
<p><b>Thủ tục:</b> {{procedure.name}} ({{procedure.code}})</p>
<p><b>Hồ sơ:</b> {{dossier.code}}, tiếp nhận ngày {{dossier.receivedDate}}</p>
<p>{{result.summary}}</p>
<table data-pdfmake="{'layout':'noBorders','widths':['*','50%']}">
  <tr>
    <td><result-qr size="96"></result-qr><p style="font-size:8pt">Xác thực văn bản tại: {{result.verifyUrl}}</p></td>
    <td style="text-align:center"><b>THỦ TRƯỞNG ĐƠN VỊ</b><br><i>(Đã ký số)</i><br><br><br>{{unit.name}}</td>
  </tr>
</table>
`;
