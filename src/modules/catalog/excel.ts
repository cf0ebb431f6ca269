// The Excel exchange of the catalog: a workbook officials can fill in (docs/catalog-excel-template.md).
// One row per procedure on «Thủ tục»; components, fees, workflow steps, legal basis, publication
// decisions and the e-form (sections and fields) on their own sheets, linked by the procedure code.
// Reading reports every problem by sheet, row and column, in Vietnamese (and English); the
// result is the same CatalogExchange as the JSON import, so the same checks apply.
import ExcelJS from 'exceljs';
import { buildEform, FIELD_TYPES, flattenEform, type EformFieldSpec, type EformSectionSpec, type FieldType } from '../../core/eforms/builder.ts';
import { toPointer } from '../../core/eforms/ui-schema.ts';
import { foldVietnamese } from '../../core/catalog/vietnamese.ts';
import type { Localized } from '../../http/language.ts';
import { ProblemError } from '../../http/problem.ts';
import { CatalogExchangeProcedure, type CatalogExchange } from './schema.ts';
import { importProblem, type ImportError, type ImportLocation, type ImportLocator } from './transfer.ts';

export const CATALOG_XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel's limit on the characters of one cell. */
const CELL_MAX = 32_767;

// ---------- vocabularies: Vietnamese labels in the workbook ↔ values in the data ----------

type Vocabulary = ReadonlyArray<readonly [label: string, value: string]>;

export const VOCABULARIES = {
  yesNo: [
    ['có', 'true'],
    ['không', 'false'],
  ],
  level: [
    ['trung ương', 'central'],
    ['tỉnh', 'provincial'],
    ['huyện', 'district'],
    ['xã', 'commune'],
  ],
  unitRole: [
    ['quyết định', 'decides'],
    ['tiếp nhận', 'receives'],
    ['xử lý', 'processes'],
    ['phối hợp', 'coordinates'],
  ],
  subjectKind: [
    ['công dân', 'citizen'],
    ['doanh nghiệp', 'business'],
    ['tổ chức', 'organization'],
  ],
  subjectOrigin: [
    ['người Việt Nam', 'vietnamese'],
    ['người Việt Nam ở nước ngoài', 'overseas_vietnamese'],
    ['người nước ngoài', 'foreigner'],
  ],
  onlineLevel: [
    ['toàn trình', 'full'],
    ['một phần', 'partial'],
  ],
  channel: [
    ['trực tiếp', 'direct'],
    ['trực tuyến', 'online'],
    ['bưu chính', 'postal'],
  ],
  timeUnit: [
    ['ngày làm việc', 'working_days'],
    ['giờ làm việc', 'working_hours'],
    ['ngày', 'calendar_days'],
    ['tháng', 'months'],
  ],
  requirement: [
    ['bắt buộc', 'required'],
    ['có điều kiện', 'conditional'],
  ],
  feeKind: [
    ['phí', 'fee'],
    ['lệ phí', 'charge'],
  ],
  stepKind: [
    ['tiếp nhận', 'receive'],
    ['chuyển', 'transfer'],
    ['phân công', 'assign'],
    ['thẩm định', 'examine'],
    ['phê duyệt', 'approve'],
    ['ký, ban hành', 'sign_issue'],
    ['trả kết quả', 'return'],
  ],
  stepRole: [
    ['cán bộ tiếp nhận', 'receiver'],
    ['chuyên viên', 'specialist'],
    ['lãnh đạo đơn vị', 'unit_leader'],
    ['lãnh đạo Bộ', 'ministry_leader'],
  ],
  decisionKind: [
    ['thêm mới', 'new'],
    ['sửa đổi, bổ sung', 'amended'],
    ['bãi bỏ', 'abolished'],
  ],
  fieldType: [
    ['văn bản', 'text'],
    ['đoạn văn', 'textarea'],
    ['số', 'number'],
    ['số nguyên', 'integer'],
    ['ngày', 'date'],
    ['thư điện tử', 'email'],
    ['điện thoại', 'phone'],
    ['số định danh cá nhân', 'personal_id'],
    ['mã số thuế', 'tax_code'],
    ['danh sách chọn', 'select'],
    ['chọn một', 'radio'],
    ['ô đánh dấu', 'checkbox'],
    ['chọn nhiều', 'multiselect'],
  ],
} as const satisfies Record<string, Vocabulary>;

type VocabularyName = keyof typeof VOCABULARIES;

const labelOf = (vocab: VocabularyName, value: string) => VOCABULARIES[vocab].find(([, v]) => v === value)?.[0] ?? value;

// ---------- sheets and columns ----------

interface Column {
  key: string;
  header: string;
  width: number;
  vocab?: VocabularyName;
  required?: boolean;
}

const col = (key: string, header: string, width = 18, extra: Partial<Column> = {}): Column => ({ key, header, width, ...extra });

export const SHEETS = {
  procedures: {
    name: 'Thủ tục',
    columns: [
      col('code', 'Mã TTHC', 12, { required: true }),
      col('demo', 'Mã chưa xác minh', 10, { vocab: 'yesNo' }),
      col('ownerUnitId', 'Đơn vị chủ quản (mã)', 18, { required: true }),
      col('name', 'Tên thủ tục', 50, { required: true }),
      col('nameEn', 'Tên tiếng Anh', 40),
      col('fieldCode', 'Mã lĩnh vực', 14, { required: true }),
      col('fieldName', 'Tên lĩnh vực', 28, { required: true }),
      col('level', 'Cấp thực hiện', 14, { vocab: 'level', required: true }),
      col('units', 'Cơ quan thực hiện (mã: vai trò)', 34),
      col('subjectKinds', 'Đối tượng', 24),
      col('subjectOrigins', 'Nguồn gốc đối tượng', 30),
      col('onlineLevel', 'Mức độ DVCTT', 14, { vocab: 'onlineLevel', required: true }),
      col('fullOnlineEligible', 'Đủ điều kiện toàn trình', 12, { vocab: 'yesNo', required: true }),
      col('channels', 'Cách thức thực hiện', 24),
      col('methodsDescription', 'Mô tả cách thức', 30),
      col('sequence', 'Trình tự thực hiện (mỗi bước một dòng)', 50),
      col('requirements', 'Yêu cầu, điều kiện', 40),
      col('timeValue', 'Thời hạn giải quyết', 10),
      col('timeUnit', 'Đơn vị thời hạn', 16, { vocab: 'timeUnit' }),
      col('skipDaysOff', 'Bỏ qua ngày nghỉ', 10, { vocab: 'yesNo' }),
      col('onlineTimeValue', 'Thời hạn nộp trực tuyến', 10),
      col('onlineTimeUnit', 'Đơn vị thời hạn trực tuyến', 16, { vocab: 'timeUnit' }),
      col('timeNote', 'Ghi chú thời hạn', 30),
      col('producesDocument', 'Có văn bản kết quả', 10, { vocab: 'yesNo', required: true }),
      col('resultName', 'Tên kết quả', 30),
      col('resultTemplate', 'Mẫu kết quả', 24),
      col('eformJson', 'Biểu mẫu điện tử (JSON, khi không dùng trang Biểu mẫu)', 30),
    ],
  },
  components: {
    name: 'Thành phần hồ sơ',
    columns: [
      col('code', 'Mã TTHC', 12, { required: true }),
      col('componentCode', 'Mã thành phần', 14, { required: true }),
      col('name', 'Tên thành phần', 50, { required: true }),
      col('requirement', 'Bắt buộc/có điều kiện', 16, { vocab: 'requirement', required: true }),
      col('condition', 'Điều kiện', 30),
      col('originals', 'Số bản chính', 10, { required: true }),
      col('copies', 'Số bản sao', 10, { required: true }),
      col('formats', 'Định dạng tệp', 16),
      col('warehouse', 'Loại giấy tờ trong kho dữ liệu', 24),
      col('population', 'Thay bằng dữ liệu dân cư', 12, { vocab: 'yesNo' }),
      col('template', 'Mẫu đơn, tờ khai', 30),
    ],
  },
  fees: {
    name: 'Phí, lệ phí',
    columns: [
      col('code', 'Mã TTHC', 12, { required: true }),
      col('feeCode', 'Mã phí, lệ phí', 14, { required: true }),
      col('name', 'Tên', 40, { required: true }),
      col('kind', 'Loại', 10, { vocab: 'feeKind', required: true }),
      col('amount', 'Số tiền (đồng)', 14, { required: true }),
      col('basis', 'Cách tính', 30),
    ],
  },
  steps: {
    name: 'Quy trình',
    columns: [
      col('code', 'Mã TTHC', 12, { required: true }),
      col('kind', 'Bước', 16, { vocab: 'stepKind', required: true }),
      col('name', 'Tên bước', 40),
      col('role', 'Vai trò', 18, { vocab: 'stepRole', required: true }),
      col('unitId', 'Đơn vị thực hiện (mã)', 18),
      col('value', 'Thời gian', 10, { required: true }),
      col('unit', 'Đơn vị thời gian', 16, { vocab: 'timeUnit', required: true }),
    ],
  },
  legal: {
    name: 'Căn cứ pháp lý',
    columns: [
      col('code', 'Mã TTHC', 12, { required: true }),
      col('number', 'Số hiệu văn bản', 20, { required: true }),
      col('title', 'Trích yếu', 50, { required: true }),
      col('issuedOn', 'Ngày ban hành', 14),
      col('effectiveFrom', 'Ngày hiệu lực', 14, { required: true }),
    ],
  },
  decisions: {
    name: 'Quyết định công bố',
    columns: [
      col('code', 'Mã TTHC', 12, { required: true }),
      col('number', 'Số quyết định', 20, { required: true }),
      col('decidedOn', 'Ngày quyết định', 14, { required: true }),
      col('kind', 'Loại', 18, { vocab: 'decisionKind', required: true }),
      col('publishedOn', 'Ngày công khai', 14),
    ],
  },
  sections: {
    name: 'Biểu mẫu - phần',
    columns: [
      col('code', 'Mã TTHC', 12, { required: true }),
      col('sectionId', 'Mã phần', 14, { required: true }),
      col('titleVi', 'Tiêu đề (tiếng Việt)', 30, { required: true }),
      col('titleEn', 'Tiêu đề (tiếng Anh)', 30, { required: true }),
      col('descriptionVi', 'Mô tả (tiếng Việt)', 30),
      col('descriptionEn', 'Mô tả (tiếng Anh)', 30),
    ],
  },
  fields: {
    name: 'Biểu mẫu - trường',
    columns: [
      col('code', 'Mã TTHC', 12, { required: true }),
      col('sectionId', 'Mã phần', 14, { required: true }),
      col('path', 'Trường (đường dẫn)', 24, { required: true }),
      col('type', 'Kiểu', 16, { vocab: 'fieldType', required: true }),
      col('labelVi', 'Nhãn (tiếng Việt)', 30, { required: true }),
      col('labelEn', 'Nhãn (tiếng Anh)', 30, { required: true }),
      col('required', 'Bắt buộc', 10, { vocab: 'yesNo' }),
      col('options', 'Lựa chọn (mỗi dòng: giá trị = nhãn Việt | nhãn Anh)', 36),
      col('prefill', 'Điền sẵn từ (x-prefill)', 24),
      col('prefillEditable', 'Cho phép sửa giá trị điền sẵn', 12, { vocab: 'yesNo' }),
      col('helpVi', 'Hướng dẫn (tiếng Việt)', 30),
      col('helpEn', 'Hướng dẫn (tiếng Anh)', 30),
      col('minLength', 'Độ dài tối thiểu', 10),
      col('maxLength', 'Độ dài tối đa', 10),
      col('pattern', 'Mẫu kiểm tra (biểu thức chính quy)', 20),
      col('minimum', 'Giá trị nhỏ nhất', 10),
      col('maximum', 'Giá trị lớn nhất', 10),
      col('visibleIfField', 'Chỉ hiện khi trường', 20),
      col('visibleIfEquals', 'có giá trị', 14),
    ],
  },
} as const satisfies Record<string, { name: string; columns: Column[] }>;

type SheetKey = keyof typeof SHEETS;

const columnLetter = (index: number) => {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

// ---------- writing ----------

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
  const wb = new ExcelJS.Workbook();
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
    sheets.procedures.addRow({
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
      eformJson,
    });
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
    if (spec) {
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

// ---------- reading ----------

interface CellRef {
  sheet: string;
  row: number;
  column: string;
  header: string;
}

type Row = { ref: (key: string) => CellRef; get: (key: string) => unknown; row: number };

function cellText(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue); // formula
    if ('error' in value) return undefined;
  }
  return value;
}

const norm = (s: string) => foldVietnamese(s).replace(/\s+/g, ' ').trim();

export interface WorkbookRead {
  exchange: CatalogExchange;
  locate: ImportLocator;
}

/**
 * Reads the workbook into a catalog exchange. Throws a 422 problem listing every problem found
 * (sheet, row, column, Vietnamese and English message) when the workbook cannot be read.
 */
export async function readCatalogWorkbook(buffer: Buffer): Promise<WorkbookRead> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new ProblemError('validation', {
      detail: { vi: 'Không đọc được tệp Excel (.xlsx).', en: 'The Excel (.xlsx) file could not be read.' },
      errors: [{ pointer: '/body', code: 'unreadable', message: { vi: 'Tệp không phải là bảng tính .xlsx hợp lệ.', en: 'The file is not a valid .xlsx workbook.' } }],
    });
  }
  const errors: ImportError[] = [];
  const cellError = (ref: CellRef, code: string, message: Localized) =>
    errors.push({ pointer: `/body/sheets/${ref.sheet}/${ref.column}${ref.row}`, sheet: ref.sheet, row: ref.row, column: ref.column, header: ref.header, code, message });

  const rowsOf = (key: SheetKey): Row[] => {
    const def = SHEETS[key];
    const ws = wb.getWorksheet(def.name);
    if (!ws) {
      if (key === 'procedures') {
        errors.push({
          pointer: `/body/sheets/${def.name}`,
          sheet: def.name,
          code: 'sheet_missing',
          message: { vi: `Thiếu trang «${def.name}».`, en: `Sheet “${def.name}” is missing.` },
        });
      }
      return [];
    }
    // Columns are found by their header text (case and diacritics ignored), so officials may reorder them.
    const headerRow = ws.getRow(1);
    const positions = new Map<string, number>();
    headerRow.eachCell((cell, colNumber) => {
      const text = cellText(cell.value);
      if (typeof text !== 'string') return;
      const found = def.columns.find((c) => norm(c.header) === norm(text));
      if (found) positions.set(found.key, colNumber);
    });
    for (const c of def.columns) {
      if (c.required && !positions.has(c.key)) {
        errors.push({
          pointer: `/body/sheets/${def.name}/1`,
          sheet: def.name,
          row: 1,
          code: 'column_missing',
          header: c.header,
          message: { vi: `Trang «${def.name}» thiếu cột «${c.header}».`, en: `Sheet “${def.name}” lacks the column “${c.header}”.` },
        });
      }
    }
    const out: Row[] = [];
    ws.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      const values = new Map<string, unknown>();
      for (const [k, colNumber] of positions) {
        const v = cellText(row.getCell(colNumber).value);
        if (v !== undefined && !(typeof v === 'string' && v.trim() === '')) values.set(k, typeof v === 'string' ? v.trim() : v);
      }
      if (values.size === 0) return;
      out.push({
        row: rowNumber,
        get: (k) => values.get(k),
        ref: (k) => {
          const c = def.columns.find((x) => x.key === k)!;
          const position = positions.get(k) ?? def.columns.indexOf(c) + 1;
          return { sheet: def.name, row: rowNumber, column: columnLetter(position - 1), header: c.header };
        },
      });
    });
    return out;
  };

  // Typed cell readers; each reports its own error and returns undefined.
  const str = (r: Row, k: string, required = false): string | undefined => {
    const v = r.get(k);
    if (v === undefined) {
      if (required) cellError(r.ref(k), 'required', { vi: `Chưa nhập «${r.ref(k).header}».`, en: `“${r.ref(k).header}” is required.` });
      return undefined;
    }
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return String(v);
  };
  const num = (r: Row, k: string, required = false): number | undefined => {
    const v = r.get(k);
    if (v === undefined) return required ? (str(r, k, true), undefined) : undefined;
    if (typeof v === 'number') return v;
    const s = String(v).replace(/\s/g, '');
    // Vietnamese writing: 1.000.000 (thousands), 0,5 (decimal).
    const normalized = /^\d{1,3}(\.\d{3})+$/.test(s) ? s.replace(/\./g, '') : s.replace(',', '.');
    const n = Number(normalized);
    if (normalized === '' || !Number.isFinite(n)) {
      cellError(r.ref(k), 'not_a_number', { vi: `«${v}» không phải là số.`, en: `“${v}” is not a number.` });
      return undefined;
    }
    return n;
  };
  const vocab = (r: Row, k: string, name: VocabularyName, required = false): string | undefined => {
    const v = r.get(k);
    if (v === undefined) return required ? (str(r, k, true), undefined) : undefined;
    const value = match(name, String(typeof v === 'boolean' ? (v ? 'có' : 'không') : v));
    if (value === undefined) {
      cellError(r.ref(k), 'not_in_list', {
        vi: `«${v}» không hợp lệ; chọn một trong: ${VOCABULARIES[name].map(([l]) => l).join(', ')}.`,
        en: `“${v}” is not valid; choose one of: ${VOCABULARIES[name].map(([l, val]) => `${l} (${val})`).join(', ')}.`,
      });
    }
    return value;
  };
  const bool = (r: Row, k: string, required = false, fallback = false): boolean => {
    const v = vocab(r, k, 'yesNo', required);
    return v === undefined ? fallback : v === 'true';
  };
  const vocabList = (r: Row, k: string, name: VocabularyName): string[] => {
    const v = str(r, k);
    if (!v) return [];
    const out: string[] = [];
    for (const item of v.split(/[;\n]/).map((s) => s.trim()).filter(Boolean)) {
      const value = match(name, item);
      if (value === undefined) {
        cellError(r.ref(k), 'not_in_list', {
          vi: `«${item}» không hợp lệ; dùng: ${VOCABULARIES[name].map(([l]) => l).join('; ')}.`,
          en: `“${item}” is not valid; use: ${VOCABULARIES[name].map(([l, val]) => `${l} (${val})`).join('; ')}.`,
        });
      } else out.push(value);
    }
    return out;
  };
  const words = (r: Row, k: string) => (str(r, k) ?? '').split(/[;\n]/).map((s) => s.trim()).filter(Boolean);
  const date = (r: Row, k: string, required = false): string | undefined => {
    const v = r.get(k);
    if (v === undefined) return required ? (str(r, k, true), undefined) : undefined;
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    const s = String(v);
    let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
    if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (m) return s;
    cellError(r.ref(k), 'not_a_date', { vi: `«${s}» không phải là ngày (dd/mm/yyyy).`, en: `“${s}” is not a date (dd/mm/yyyy).` });
    return undefined;
  };

  // ---- procedures ----
  const mapping: Array<Map<string, CellRef>> = [];
  const byCode = new Map<string, number>();
  const procedures: Array<Record<string, unknown>> = [];
  const procRows = rowsOf('procedures');
  for (const r of procRows) {
    const code = str(r, 'code', true);
    const index = procedures.length;
    const map = new Map<string, CellRef>();
    mapping.push(map);
    const at = (pointer: string, key: string) => map.set(pointer, r.ref(key));
    at('', 'code');
    at('/code', 'code');
    at('/codeStatus', 'demo');
    at('/ownerUnitId', 'ownerUnitId');
    at('/content', 'name');
    at('/content/name', 'name');
    at('/content/nameEn', 'nameEn');
    at('/content/field/code', 'fieldCode');
    at('/content/field/name', 'fieldName');
    at('/content/field', 'fieldCode');
    at('/content/level', 'level');
    at('/content/implementingUnits', 'units');
    at('/content/subjects/kinds', 'subjectKinds');
    at('/content/subjects/origins', 'subjectOrigins');
    at('/content/subjects', 'subjectKinds');
    at('/content/onlineLevel', 'onlineLevel');
    at('/content/fullOnlineEligible', 'fullOnlineEligible');
    at('/content/methods/channels', 'channels');
    at('/content/methods/description', 'methodsDescription');
    at('/content/methods', 'channels');
    at('/content/sequence', 'sequence');
    at('/content/requirements', 'requirements');
    at('/content/processingTime', 'timeValue');
    at('/content/processingTime/unit', 'timeUnit');
    at('/content/processingTime/skipDaysOff', 'skipDaysOff');
    at('/content/processingTime/online', 'onlineTimeValue');
    at('/content/processingTime/online/unit', 'onlineTimeUnit');
    at('/content/processingTime/note', 'timeNote');
    at('/content/result', 'producesDocument');
    at('/content/result/name', 'resultName');
    at('/content/result/templateRef', 'resultTemplate');
    at('/content/eform', 'eformJson');

    const unitsCell = str(r, 'units');
    const implementingUnits: Array<{ unitId: string; role: string }> = [];
    for (const part of (unitsCell ?? '').split(/[;\n]/).map((s) => s.trim()).filter(Boolean)) {
      const [id, roleText] = part.split(':').map((s) => s.trim());
      const role = roleText ? match('unitRole', roleText) : 'decides';
      if (!id || !role) {
        cellError(r.ref('units'), 'bad_unit', {
          vi: `«${part}» phải có dạng «mã đơn vị: vai trò» (vai trò: ${VOCABULARIES.unitRole.map(([l]) => l).join(', ')}).`,
          en: `“${part}” must be “unit id: role” (role: ${VOCABULARIES.unitRole.map(([l, v]) => `${l} (${v})`).join(', ')}).`,
        });
        continue;
      }
      implementingUnits.push({ unitId: id, role });
    }
    const timeValue = num(r, 'timeValue');
    const timeUnit = vocab(r, 'timeUnit', 'timeUnit');
    const onlineValue = num(r, 'onlineTimeValue');
    const onlineUnit = vocab(r, 'onlineTimeUnit', 'timeUnit');
    let processingTime: Record<string, unknown> | undefined;
    if (timeValue !== undefined || timeUnit !== undefined) {
      if (timeValue === undefined) str(r, 'timeValue', true);
      if (timeUnit === undefined) str(r, 'timeUnit', true);
      const note = str(r, 'timeNote');
      processingTime = {
        value: timeValue,
        unit: timeUnit,
        skipDaysOff: bool(r, 'skipDaysOff'),
        ...(onlineValue !== undefined || onlineUnit !== undefined ? { online: { value: onlineValue, unit: onlineUnit ?? timeUnit } } : {}),
        ...(note ? { note } : {}),
      };
    }
    const eformJson = str(r, 'eformJson');
    let eform: unknown;
    if (eformJson) {
      try {
        eform = JSON.parse(eformJson);
      } catch {
        cellError(r.ref('eformJson'), 'bad_json', { vi: 'Biểu mẫu điện tử (JSON) không đúng cú pháp JSON.', en: 'The e-form JSON cannot be parsed.' });
      }
    }
    const nameEn = str(r, 'nameEn');
    const description = str(r, 'methodsDescription');
    const requirements = str(r, 'requirements');
    const resultName = str(r, 'resultName');
    const resultTemplate = str(r, 'resultTemplate');
    procedures.push({
      code,
      codeStatus: bool(r, 'demo') ? 'demo' : 'verified',
      ownerUnitId: str(r, 'ownerUnitId', true),
      content: {
        name: str(r, 'name', true),
        ...(nameEn ? { nameEn } : {}),
        field: { code: str(r, 'fieldCode', true), name: str(r, 'fieldName', true) },
        level: vocab(r, 'level', 'level', true),
        implementingUnits,
        subjects: { kinds: vocabList(r, 'subjectKinds', 'subjectKind'), origins: vocabList(r, 'subjectOrigins', 'subjectOrigin') },
        onlineLevel: vocab(r, 'onlineLevel', 'onlineLevel', true),
        fullOnlineEligible: bool(r, 'fullOnlineEligible', true),
        methods: { channels: vocabList(r, 'channels', 'channel'), ...(description ? { description } : {}) },
        sequence: (str(r, 'sequence') ?? '').split('\n').map((s) => s.trim()).filter(Boolean),
        ...(requirements ? { requirements } : {}),
        ...(processingTime ? { processingTime } : {}),
        fees: [],
        components: [],
        result: {
          producesDocument: bool(r, 'producesDocument', true),
          ...(resultName ? { name: resultName } : {}),
          ...(resultTemplate ? { templateRef: resultTemplate } : {}),
        },
        steps: [],
        eform,
        legalBasis: [],
        publicationDecisions: [],
      },
    });
    if (code) {
      if (byCode.has(code)) {
        cellError(r.ref('code'), 'duplicate_code', {
          vi: `Mã TTHC ${code} đã có ở dòng ${procRows[byCode.get(code)!]?.row}.`,
          en: `Procedure code ${code} is already on row ${procRows[byCode.get(code)!]?.row}.`,
        });
      } else byCode.set(code, index);
    }
  }

  const owner = (key: SheetKey, r: Row): number | undefined => {
    const code = str(r, 'code', true);
    if (!code) return undefined;
    const index = byCode.get(code);
    if (index === undefined) {
      cellError(r.ref('code'), 'unknown_procedure', {
        vi: `Mã TTHC ${code} không có trên trang «${SHEETS.procedures.name}».`,
        en: `Procedure code ${code} is not on sheet “${SHEETS.procedures.name}”.`,
      });
    }
    void key;
    return index;
  };
  const contentOf = (i: number) => procedures[i]!.content as Record<string, unknown>;

  for (const r of rowsOf('components')) {
    const i = owner('components', r);
    if (i === undefined) continue;
    const list = contentOf(i).components as unknown[];
    const base = `/content/components/${list.length}`;
    const m = mapping[i]!;
    m.set(base, r.ref('componentCode'));
    for (const [p, k] of [['/code', 'componentCode'], ['/name', 'name'], ['/requirement', 'requirement'], ['/condition', 'condition'], ['/originals', 'originals'], ['/copies', 'copies'], ['/acceptedFormats', 'formats'], ['/warehouseDocumentTypes', 'warehouse'], ['/replacedByPopulationData', 'population'], ['/templateRef', 'template']] as const) {
      m.set(base + p, r.ref(k));
    }
    const condition = str(r, 'condition');
    const template = str(r, 'template');
    list.push({
      code: str(r, 'componentCode', true),
      name: str(r, 'name', true),
      requirement: vocab(r, 'requirement', 'requirement', true),
      ...(condition ? { condition } : {}),
      originals: num(r, 'originals', true),
      copies: num(r, 'copies', true),
      acceptedFormats: words(r, 'formats').map((f) => f.toLowerCase().replace(/^\./, '')),
      warehouseDocumentTypes: words(r, 'warehouse'),
      replacedByPopulationData: bool(r, 'population'),
      ...(template ? { templateRef: template } : {}),
    });
  }
  for (const r of rowsOf('fees')) {
    const i = owner('fees', r);
    if (i === undefined) continue;
    const list = contentOf(i).fees as unknown[];
    const base = `/content/fees/${list.length}`;
    const m = mapping[i]!;
    m.set(base, r.ref('feeCode'));
    for (const [p, k] of [['/code', 'feeCode'], ['/name', 'name'], ['/kind', 'kind'], ['/amountVnd', 'amount'], ['/basis', 'basis']] as const) m.set(base + p, r.ref(k));
    const basis = str(r, 'basis');
    list.push({ code: str(r, 'feeCode', true), name: str(r, 'name', true), kind: vocab(r, 'kind', 'feeKind', true), amountVnd: num(r, 'amount', true), ...(basis ? { basis } : {}) });
  }
  for (const r of rowsOf('steps')) {
    const i = owner('steps', r);
    if (i === undefined) continue;
    const list = contentOf(i).steps as unknown[];
    const base = `/content/steps/${list.length}`;
    const m = mapping[i]!;
    m.set(base, r.ref('kind'));
    if (list.length === 0) m.set('/content/steps', r.ref('kind'));
    for (const [p, k] of [['/kind', 'kind'], ['/name', 'name'], ['/role', 'role'], ['/unitId', 'unitId'], ['/budget', 'value'], ['/budget/value', 'value'], ['/budget/unit', 'unit']] as const) m.set(base + p, r.ref(k));
    const name = str(r, 'name');
    const unitId = str(r, 'unitId');
    list.push({
      kind: vocab(r, 'kind', 'stepKind', true),
      ...(name ? { name } : {}),
      role: vocab(r, 'role', 'stepRole', true),
      ...(unitId ? { unitId } : {}),
      budget: { value: num(r, 'value', true), unit: vocab(r, 'unit', 'timeUnit', true) },
    });
  }
  for (const r of rowsOf('legal')) {
    const i = owner('legal', r);
    if (i === undefined) continue;
    const list = contentOf(i).legalBasis as unknown[];
    const base = `/content/legalBasis/${list.length}`;
    const m = mapping[i]!;
    m.set(base, r.ref('number'));
    for (const [p, k] of [['/number', 'number'], ['/title', 'title'], ['/issuedOn', 'issuedOn'], ['/effectiveFrom', 'effectiveFrom']] as const) m.set(base + p, r.ref(k));
    const issuedOn = date(r, 'issuedOn');
    list.push({ number: str(r, 'number', true), title: str(r, 'title', true), ...(issuedOn ? { issuedOn } : {}), effectiveFrom: date(r, 'effectiveFrom', true) });
  }
  for (const r of rowsOf('decisions')) {
    const i = owner('decisions', r);
    if (i === undefined) continue;
    const list = contentOf(i).publicationDecisions as unknown[];
    const base = `/content/publicationDecisions/${list.length}`;
    const m = mapping[i]!;
    m.set(base, r.ref('number'));
    for (const [p, k] of [['/number', 'number'], ['/decidedOn', 'decidedOn'], ['/kind', 'kind'], ['/publishedOn', 'publishedOn']] as const) m.set(base + p, r.ref(k));
    const publishedOn = date(r, 'publishedOn');
    list.push({ number: str(r, 'number', true), decidedOn: date(r, 'decidedOn', true), kind: vocab(r, 'kind', 'decisionKind', true), ...(publishedOn ? { publishedOn } : {}) });
  }

  // ---- e-form rows ----
  const specs = new Map<number, { sections: EformSectionSpec[]; fields: Array<{ spec: EformFieldSpec; row: Row; equalsRaw: unknown }> }>();
  const specOf = (i: number) => {
    let s = specs.get(i);
    if (!s) specs.set(i, (s = { sections: [], fields: [] }));
    return s;
  };
  for (const r of rowsOf('sections')) {
    const i = owner('sections', r);
    if (i === undefined) continue;
    const id = str(r, 'sectionId', true);
    const titleVi = str(r, 'titleVi', true);
    const titleEn = str(r, 'titleEn', true);
    const dVi = str(r, 'descriptionVi');
    const dEn = str(r, 'descriptionEn');
    if (!id || !titleVi || !titleEn) continue;
    if (!/^[A-Za-z0-9_-]{1,60}$/.test(id)) {
      cellError(r.ref('sectionId'), 'bad_section_id', { vi: 'Mã phần chỉ gồm chữ không dấu, chữ số, "_" hoặc "-".', en: 'A section id uses only ASCII letters, digits, "_" or "-".' });
      continue;
    }
    specOf(i).sections.push({ id, title: { vi: titleVi, en: titleEn }, ...(dVi || dEn ? { description: { vi: dVi ?? dEn!, en: dEn ?? dVi! } } : {}) });
  }
  for (const r of rowsOf('fields')) {
    const i = owner('fields', r);
    if (i === undefined) continue;
    const path = str(r, 'path', true);
    const section = str(r, 'sectionId', true);
    const type = vocab(r, 'type', 'fieldType', true) as FieldType | undefined;
    const labelVi = str(r, 'labelVi', true);
    const labelEn = str(r, 'labelEn', true);
    if (!path || !section || !type || !labelVi || !labelEn) continue;
    if (!/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/.test(path)) {
      cellError(r.ref('path'), 'bad_path', {
        vi: 'Đường dẫn trường gồm các tên không dấu (chữ cái đầu, rồi chữ, số, "_") nối bằng dấu chấm, ví dụ applicant.fullName.',
        en: 'A field path is ASCII names (a letter, then letters, digits, "_") joined by dots, e.g. applicant.fullName.',
      });
      continue;
    }
    const spec: EformFieldSpec = { path, section, type, label: { vi: labelVi, en: labelEn } };
    if (bool(r, 'required')) spec.required = true;
    const optionsText = str(r, 'options');
    if (optionsText) {
      const options: Array<{ value: string; label: { vi: string; en: string } }> = [];
      for (const line of optionsText.split('\n').map((s) => s.trim()).filter(Boolean)) {
        const m = /^([^=]+)=([^|]+)(?:\|(.+))?$/.exec(line);
        if (!m) {
          cellError(r.ref('options'), 'bad_option', { vi: `Lựa chọn «${line}» phải có dạng «giá trị = nhãn Việt | nhãn Anh».`, en: `Option “${line}” must be “value = Vietnamese label | English label”.` });
          continue;
        }
        const vi = m[2]!.trim();
        options.push({ value: m[1]!.trim(), label: { vi, en: m[3]?.trim() || vi } });
      }
      spec.options = options;
    } else if (type === 'select' || type === 'radio' || type === 'multiselect') {
      cellError(r.ref('options'), 'options_missing', { vi: 'Trường chọn phải có danh sách lựa chọn.', en: 'A choice field needs its options.' });
    }
    const prefill = str(r, 'prefill');
    if (prefill) {
      spec.prefill = prefill;
      if (bool(r, 'prefillEditable')) spec.prefillEditable = true;
    }
    const helpVi = str(r, 'helpVi');
    const helpEn = str(r, 'helpEn');
    if (helpVi || helpEn) spec.help = { vi: helpVi ?? helpEn!, en: helpEn ?? helpVi! };
    for (const k of ['minLength', 'maxLength', 'minimum', 'maximum'] as const) {
      const v = num(r, k);
      if (v !== undefined) spec[k] = v;
    }
    const pattern = str(r, 'pattern');
    if (pattern) spec.pattern = pattern;
    const vf = str(r, 'visibleIfField');
    const equalsRaw = r.get('visibleIfEquals');
    if (vf) spec.visibleIf = { field: vf, equals: '' };
    specOf(i).fields.push({ spec, row: r, equalsRaw });
  }
  for (const [i, s] of specs) {
    const content = contentOf(i);
    const m = mapping[i]!;
    if (content.eform !== undefined) {
      const first = s.fields[0]?.row ?? undefined;
      if (first) {
        cellError(first.ref('code'), 'eform_twice', {
          vi: 'Thủ tục đã có biểu mẫu dạng JSON trên trang «Thủ tục»; không khai báo thêm trên trang Biểu mẫu.',
          en: 'The procedure already has its e-form as JSON on the procedures sheet; do not also list fields.',
        });
      }
      continue;
    }
    // The condition's value takes the type of the field it refers to.
    const typeOf = new Map(s.fields.map((f) => [f.spec.path, f.spec.type]));
    for (const f of s.fields) {
      if (!f.spec.visibleIf) continue;
      const t = typeOf.get(f.spec.visibleIf.field);
      if (!t) {
        cellError(f.row.ref('visibleIfField'), 'condition_unknown', { vi: `Không có trường «${f.spec.visibleIf.field}» trong biểu mẫu.`, en: `There is no field “${f.spec.visibleIf.field}” in the form.` });
        continue;
      }
      const raw = f.equalsRaw;
      if (t === 'checkbox') f.spec.visibleIf.equals = raw === true || (typeof raw === 'string' && match('yesNo', raw) === 'true');
      else if (t === 'number' || t === 'integer') f.spec.visibleIf.equals = Number(raw);
      else f.spec.visibleIf.equals = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw ?? '');
    }
    const sectionIds = new Set(s.sections.map((x) => x.id));
    let ok = true;
    for (const f of s.fields) {
      if (!sectionIds.has(f.spec.section)) {
        ok = false;
        cellError(f.row.ref('sectionId'), 'section_unknown', { vi: `Phần «${f.spec.section}» chưa khai báo trên trang «${SHEETS.sections.name}».`, en: `Section “${f.spec.section}” is not declared on “${SHEETS.sections.name}”.` });
      }
    }
    if (!ok) continue;
    try {
      content.eform = buildEform({ sections: s.sections, fields: s.fields.map((f) => f.spec) });
    } catch (e) {
      const last = s.fields.at(-1)?.row;
      if (last) cellError(last.ref('path'), 'bad_form', { vi: `Biểu mẫu không hợp lệ: ${(e as Error).message}`, en: `The form is not valid: ${(e as Error).message}` });
      continue;
    }
    for (const f of s.fields) {
      const keys = f.spec.path.split('.');
      const schemaPath = `/content/eform/schema${keys.map((k) => `/properties/${k}`).join('')}`;
      m.set(schemaPath, f.row.ref('path'));
      m.set(`${schemaPath}/x-prefill`, f.row.ref('prefill'));
      m.set(`/content/eform/uiSchema/fields${toPointer([toPointer(keys)])}`, f.row.ref('labelVi'));
    }
  }
  for (const [i] of procedures.entries()) {
    const content = contentOf(i);
    if (content.eform === undefined) {
      const ref = mapping[i]!.get('/content/eform')!;
      cellError(ref, 'eform_missing', {
        vi: `Thủ tục chưa có biểu mẫu điện tử: khai báo trên trang «${SHEETS.fields.name}» (hoặc dán JSON vào cột này).`,
        en: `The procedure has no e-form: list its fields on “${SHEETS.fields.name}” (or paste JSON in this column).`,
      });
    }
  }

  const locate: ImportLocator = (index, pointer): ImportLocation => {
    const m = mapping[index];
    let p = pointer;
    while (m) {
      const ref = m.get(p);
      if (ref) return { pointer: `/body/sheets/${ref.sheet}/${ref.column}${ref.row}`, ...ref };
      if (p === '') break;
      p = p.slice(0, p.lastIndexOf('/'));
    }
    return { pointer: `/body/procedures/${index}${pointer}` };
  };

  if (errors.length > 0) throw importProblem(errors);

  // Structure (the same Zod schema as the JSON import), reported at the cell the value came from.
  const parsed: CatalogExchange['procedures'] = [];
  for (const [i, p] of procedures.entries()) {
    const result = CatalogExchangeProcedure.safeParse(p);
    if (result.success) {
      parsed.push(result.data);
      continue;
    }
    for (const issue of result.error.issues) {
      const loc = locate(i, toPointer(issue.path.map(String)));
      errors.push({
        ...loc,
        code: issue.code,
        procedure: typeof p.code === 'string' ? p.code : undefined,
        message: zodMessage(issue, loc.header),
      });
    }
  }
  if (errors.length > 0) throw importProblem(errors);
  return { exchange: { format: 'motcua.catalog', formatVersion: 1, procedures: parsed }, locate };
}

function match(name: VocabularyName, text: string): string | undefined {
  const t = norm(text);
  for (const [label, value] of VOCABULARIES[name]) {
    if (norm(label) === t || value === text.trim()) return value;
  }
  if (name === 'yesNo') {
    if (['x', 'yes', 'y', 'true', '1', 'dung'].includes(t)) return 'true';
    if (['no', 'n', 'false', '0', 'sai'].includes(t)) return 'false';
  }
  if (name === 'fieldType' && (FIELD_TYPES as readonly string[]).includes(text.trim())) return text.trim();
  return undefined;
}

function zodMessage(issue: { code: string; message: string; path: PropertyKey[] }, header?: string): Localized {
  const where = header ? `«${header}»: ` : '';
  const whereEn = header ? `“${header}”: ` : '';
  switch (issue.code) {
    case 'invalid_type':
      return { vi: `${where}thiếu giá trị hoặc sai kiểu dữ liệu.`, en: `${whereEn}missing or of the wrong type.` };
    case 'too_small':
      return { vi: `${where}giá trị quá nhỏ hoặc quá ngắn (${issue.message}).`, en: `${whereEn}too small or too short (${issue.message}).` };
    case 'too_big':
      return { vi: `${where}giá trị quá lớn hoặc quá dài (${issue.message}).`, en: `${whereEn}too large or too long (${issue.message}).` };
    case 'invalid_format':
      return { vi: `${where}không đúng định dạng (${issue.message}).`, en: `${whereEn}wrong format (${issue.message}).` };
    case 'invalid_value':
      return { vi: `${where}giá trị không được phép.`, en: `${whereEn}value not allowed.` };
    case 'unrecognized_keys':
      return { vi: `${where}có thông tin không thuộc mẫu (${issue.message}).`, en: `${whereEn}unexpected keys (${issue.message}).` };
    default:
      return { vi: `${where}không hợp lệ (${issue.message}).`, en: `${whereEn}not valid (${issue.message}).` };
  }
}
