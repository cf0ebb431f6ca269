// Writing the catalog workbook: a catalog exchange as sheets (e-forms as rows of the Biểu mẫu
// sheets when they fit the row model, else as JSON), and the blank template.
import type ExcelJS from 'exceljs';
import { flattenEform } from '../../../core/eforms/builder.ts';
import { ProblemError } from '../../../http/problem.ts';
import type { CatalogExchange } from '../schema.ts';
import { CELL_MAX, labelOf, SHEETS, VOCABULARIES, type Column, type SheetKey, type VocabularyName } from './layout.ts';

const INSTRUCTIONS: string[] = [
  'MẪU NHẬP DANH MỤC THỦ TỤC HÀNH CHÍNH — hệ thống một cửa điện tử Bộ Khoa học và Công nghệ',
  '',
  'Cách điền (chi tiết: docs/catalog-excel-template.md):',
  '• Trang «Thủ tục»: mỗi dòng một thủ tục. Các trang khác gắn với thủ tục qua cột «Mã TTHC».',
  '• Mã TTHC có dạng N.XXXXXX (N là 1, 2 hoặc 3; sáu chữ số). Ghi «có» ở cột «Mã chưa xác minh» khi mã chưa được đối chiếu với CSDL quốc gia về TTHC.',
  '• Đơn vị ghi bằng mã đơn vị (ví dụ cuc-shtt). «Cơ quan thực hiện»: mỗi đơn vị một dòng hoặc cách nhau bởi dấu chấm phẩy, dạng «mã: vai trò» (quyết định, tiếp nhận, xử lý, phối hợp).',
  '• Danh sách nhiều giá trị (đối tượng, cách thức, định dạng tệp) cách nhau bởi dấu chấm phẩy.',
  '• Ngày ghi dạng ngày/tháng/năm (dd/mm/yyyy) hoặc chọn kiểu ô Ngày.',
  '• Số tiền ghi bằng số nguyên (đồng), có thể bằng 0.',
  '• Quy trình: các bước theo thứ tự, bắt đầu bằng «tiếp nhận», kết thúc bằng «trả kết quả»; tổng thời gian không vượt thời hạn giải quyết.',
  '• Biểu mẫu điện tử: trang «Biểu mẫu - phần» (các phần của biểu mẫu) và «Biểu mẫu - trường» (mỗi dòng một trường, theo thứ tự hiển thị).',
  '  «Điền sẵn từ» là tên thuộc tính dữ liệu dân cư, tài khoản tổ chức hoặc danh mục (ví dụ fullName, permanentAddress, organization.taxCode, catalog.procedureName).',
  '• Khi nhập, hệ thống kiểm tra toàn bộ tệp trước; nếu có lỗi, danh sách lỗi ghi rõ trang, dòng, cột và không có dữ liệu nào bị thay đổi.',
];

function styleHeader(ws: ExcelJS.Worksheet, columns: readonly Column[]) {
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 36;
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFDE9D9' : 'FFEFEFEF' } };
    if (c.vocab) cell.note = `Chọn: ${VOCABULARIES[c.vocab].map(([l]) => l).join(', ')}`;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function addListValidation(ws: ExcelJS.Worksheet, columns: readonly Column[], rows: number) {
  columns.forEach((c, i) => {
    if (!c.vocab) return;
    const list = VOCABULARIES[c.vocab].map(([l]) => l).join(',');
    // A list with a comma inside a label (e.g. "ký, ban hành") cannot be a literal list: leave it free.
    if (VOCABULARIES[c.vocab].some(([l]) => l.includes(','))) return;
    for (let r = 2; r <= rows; r++) {
      ws.getCell(r, i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${list}"`], showErrorMessage: true };
    }
  });
}

const dateCell = (iso: string | undefined) => {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
};

async function newWorkbook(validationRows: number) {
  // Loaded on demand: exceljs costs about 0.3 s of every start otherwise.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'motcua';
  const guide = wb.addWorksheet('Hướng dẫn');
  guide.getColumn(1).width = 140;
  INSTRUCTIONS.forEach((line, i) => {
    guide.getCell(i + 1, 1).value = line;
    if (i === 0) guide.getCell(i + 1, 1).font = { bold: true, size: 13 };
  });
  const sheets = {} as Record<SheetKey, ExcelJS.Worksheet>;
  for (const key of Object.keys(SHEETS) as SheetKey[]) {
    const def = SHEETS[key];
    const ws = wb.addWorksheet(def.name);
    styleHeader(ws, def.columns);
    sheets[key] = ws;
  }
  return { wb, sheets, validationRows };
}

const yn = (b: boolean | undefined) => (b === undefined ? null : b ? 'có' : 'không');
const list = (vocab: VocabularyName, values: readonly string[]) => values.map((v) => labelOf(vocab, v)).join('; ');

type Procedure = CatalogExchange['procedures'][number];
type Sheets = Record<SheetKey, ExcelJS.Worksheet>;

/** The row of a procedure on «Thủ tục». */
function procedureRow(p: Procedure, eformJson: string | null) {
  const c = p.content;
  return {
    code: p.code,
    demo: yn(p.codeStatus === 'demo'),
    ownerUnitId: p.ownerUnitId,
    name: c.name,
    nameEn: c.nameEn ?? null,
    fieldCode: c.field.code,
    fieldName: c.field.name,
    level: labelOf('level', c.level),
    units: c.implementingUnits.map((u) => `${u.unitId}: ${labelOf('unitRole', u.role)}`).join('\n'),
    subjectKinds: list('subjectKind', c.subjects.kinds),
    subjectOrigins: list('subjectOrigin', c.subjects.origins),
    onlineLevel: labelOf('onlineLevel', c.onlineLevel),
    fullOnlineEligible: yn(c.fullOnlineEligible),
    channels: list('channel', c.methods.channels),
    methodsDescription: c.methods.description ?? null,
    sequence: c.sequence.join('\n'),
    requirements: c.requirements ?? null,
    timeValue: c.processingTime?.value ?? null,
    timeUnit: c.processingTime ? labelOf('timeUnit', c.processingTime.unit) : null,
    skipDaysOff: c.processingTime ? yn(c.processingTime.skipDaysOff) : null,
    onlineTimeValue: c.processingTime?.online?.value ?? null,
    onlineTimeUnit: c.processingTime?.online ? labelOf('timeUnit', c.processingTime.online.unit) : null,
    timeNote: c.processingTime?.note ?? null,
    producesDocument: yn(c.result.producesDocument),
    resultName: c.result.name ?? null,
    resultTemplate: c.result.templateRef ?? null,
    resultType: c.result.documentType ?? null,
    eformJson,
  };
}

/** The rows of a procedure's lists: components, fees, steps, legal basis, decisions. */
function writeListRows(sheets: Sheets, p: Procedure) {
  const c = p.content;
  for (const k of c.components) {
    sheets.components.addRow({
      code: p.code,
      componentCode: k.code,
      name: k.name,
      requirement: labelOf('requirement', k.requirement),
      condition: k.condition ?? null,
      originals: k.originals,
      copies: k.copies,
      formats: k.acceptedFormats.join('; '),
      warehouse: k.warehouseDocumentTypes.join('; '),
      population: yn(k.replacedByPopulationData),
      template: k.templateRef ?? null,
    });
  }
  for (const f of c.fees) {
    sheets.fees.addRow({ code: p.code, feeCode: f.code, name: f.name, kind: labelOf('feeKind', f.kind), amount: f.amountVnd, basis: f.basis ?? null });
  }
  for (const s of c.steps) {
    sheets.steps.addRow({
      code: p.code,
      kind: labelOf('stepKind', s.kind),
      name: s.name ?? null,
      role: labelOf('stepRole', s.role),
      unitId: s.unitId ?? null,
      value: s.budget.value,
      unit: labelOf('timeUnit', s.budget.unit),
    });
  }
  for (const l of c.legalBasis) {
    sheets.legal.addRow({ code: p.code, number: l.number, title: l.title, issuedOn: dateCell(l.issuedOn), effectiveFrom: dateCell(l.effectiveFrom) });
  }
  for (const d of c.publicationDecisions) {
    sheets.decisions.addRow({ code: p.code, number: d.number, decidedOn: dateCell(d.decidedOn), kind: labelOf('decisionKind', d.kind), publishedOn: dateCell(d.publishedOn) });
  }
}

/** The rows of an e-form that fits the row model: its sections and fields. */
function writeEformRows(sheets: Sheets, p: Procedure, spec: NonNullable<ReturnType<typeof flattenEform>>) {
  for (const s of spec.sections) {
    sheets.sections.addRow({
      code: p.code,
      sectionId: s.id,
      titleVi: s.title.vi,
      titleEn: s.title.en,
      descriptionVi: s.description?.vi ?? null,
      descriptionEn: s.description?.en ?? null,
    });
  }
  for (const f of spec.fields) {
    sheets.fields.addRow({
      code: p.code,
      sectionId: f.section,
      path: f.path,
      type: labelOf('fieldType', f.type),
      labelVi: f.label.vi,
      labelEn: f.label.en,
      required: yn(f.required ?? false),
      options: f.options?.map((o) => `${o.value} = ${o.label.vi} | ${o.label.en}`).join('\n') ?? null,
      prefill: f.prefill ?? null,
      prefillEditable: f.prefill ? yn(f.prefillEditable ?? false) : null,
      helpVi: f.help?.vi ?? null,
      helpEn: f.help?.en ?? null,
      minLength: f.minLength ?? null,
      maxLength: f.maxLength ?? null,
      pattern: f.pattern ?? null,
      minimum: f.minimum ?? null,
      maximum: f.maximum ?? null,
      visibleIfField: f.visibleIf?.field ?? null,
      visibleIfEquals: f.visibleIf ? (typeof f.visibleIf.equals === 'boolean' ? yn(f.visibleIf.equals) : f.visibleIf.equals) : null,
    });
  }
}

/** The workbook of a catalog exchange. E-forms go to the Biểu mẫu sheets when they fit the row model, else as JSON. */
export async function writeCatalogWorkbook(exchange: CatalogExchange): Promise<Buffer> {
  const { wb, sheets } = await newWorkbook(0);
  for (const p of exchange.procedures) {
    const c = p.content;
    const spec = flattenEform(c.eform);
    let eformJson: string | null = null;
    if (!spec) {
      eformJson = JSON.stringify(c.eform);
      if (eformJson.length > CELL_MAX) {
        throw new ProblemError('validation', {
          detail: {
            vi: `Biểu mẫu của thủ tục ${p.code} quá lớn cho một ô Excel; hãy xuất dạng JSON.`,
            en: `The e-form of procedure ${p.code} is too large for an Excel cell; export as JSON.`,
          },
        });
      }
    }
    sheets.procedures.addRow(procedureRow(p, eformJson));
    writeListRows(sheets, p);
    if (spec) writeEformRows(sheets, p, spec);
  }
  for (const key of ['legal', 'decisions'] as const) {
    const ws = sheets[key];
    SHEETS[key].columns.forEach((c, i) => {
      if (/On$|From$/.test(c.key)) ws.getColumn(i + 1).numFmt = 'dd/mm/yyyy';
    });
  }
  wrapTextColumns(sheets);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function wrapTextColumns(sheets: Record<SheetKey, ExcelJS.Worksheet>) {
  for (const key of Object.keys(SHEETS) as SheetKey[]) {
    const ws = sheets[key];
    ws.eachRow((row, n) => {
      if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
    });
  }
}

/** The blank template, with drop-down lists on the columns that take fixed values. */
export async function templateWorkbook(): Promise<Buffer> {
  const { wb, sheets } = await newWorkbook(200);
  for (const key of Object.keys(SHEETS) as SheetKey[]) addListValidation(sheets[key], SHEETS[key].columns, 200);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
