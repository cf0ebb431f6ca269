// The layout of the catalog workbook: its sheets and columns, and the vocabularies that map the
// Vietnamese labels officials write to the values in the data. Shared by writing and reading.
import { FIELD_TYPES } from '../../../core/eforms/builder.ts';
import { foldVietnamese } from '../../../core/catalog/vietnamese.ts';

export const CATALOG_XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel's limit on the characters of one cell. */
export const CELL_MAX = 32_767;

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

export type VocabularyName = keyof typeof VOCABULARIES;

export const labelOf = (vocab: VocabularyName, value: string) => VOCABULARIES[vocab].find(([, v]) => v === value)?.[0] ?? value;

// ---------- sheets and columns ----------

export interface Column {
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
      col('resultType', 'Loại giấy tờ kết quả (kho dữ liệu)', 20),
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

export type SheetKey = keyof typeof SHEETS;

export const columnLetter = (index: number) => {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};


/** Text compared without case, diacritics or extra spaces (headers, vocabulary labels). */
export const norm = (s: string) => foldVietnamese(s).replace(/\s+/g, ' ').trim();

/** The value of a vocabulary label (or of the value itself); undefined when it is not in the list. */
export function match(name: VocabularyName, text: string): string | undefined {
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

