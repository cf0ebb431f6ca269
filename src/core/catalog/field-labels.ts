// The label of the place a JSON pointer addresses in a procedure version's content, for messages
// an administrator reads ("Kết quả thực hiện › Tên văn bản kết quả" rather than `/result/name`).
// Programs keep the pointer; people read the label.
import { fromPointer } from '../eforms/ui-schema.ts';
import { CONTENT_SECTIONS } from './diff.ts';
import type { Localized, ProcedureContent } from './types.ts';

type Labels = Record<string, Localized>;

const L = (vi: string, en: string): Localized => ({ vi, en });

/** Labels of the properties inside each section (and inside list items). */
const PROPERTY_LABELS: Record<string, Labels> = {
  field: { code: L('Mã lĩnh vực', 'Field code'), name: L('Tên lĩnh vực', 'Field name') },
  implementingUnits: { unitId: L('Đơn vị', 'Unit'), role: L('Vai trò', 'Role') },
  subjects: { kinds: L('Loại đối tượng', 'Kinds of applicant'), origins: L('Quốc tịch, nơi cư trú', 'Origin') },
  methods: { channels: L('Kênh nộp hồ sơ', 'Channels'), description: L('Mô tả', 'Description') },
  processingTime: {
    value: L('Số lượng', 'Amount'),
    unit: L('Đơn vị tính', 'Unit of time'),
    skipDaysOff: L('Bỏ qua ngày nghỉ', 'Skip days off'),
    online: L('Thời hạn khi nộp trực tuyến', 'Online limit'),
    note: L('Ghi chú', 'Note'),
  },
  fees: { code: L('Mã', 'Code'), name: L('Tên', 'Name'), kind: L('Loại', 'Kind'), amountVnd: L('Số tiền (đồng)', 'Amount (VND)'), basis: L('Cách tính', 'Basis') },
  components: {
    code: L('Mã', 'Code'),
    name: L('Tên', 'Name'),
    requirement: L('Bắt buộc/có điều kiện', 'Required or conditional'),
    condition: L('Điều kiện', 'Condition'),
    originals: L('Số bản chính', 'Originals'),
    copies: L('Số bản sao', 'Copies'),
    acceptedFormats: L('Định dạng chấp nhận', 'Accepted formats'),
    templateRef: L('Mẫu đơn, tờ khai', 'Form template'),
  },
  result: { producesDocument: L('Có văn bản kết quả', 'Produces a document'), name: L('Tên văn bản kết quả', 'Name of the result document'), templateRef: L('Mẫu kết quả', 'Result template') },
  steps: { kind: L('Loại bước', 'Kind of step'), name: L('Tên bước', 'Step name'), role: L('Người thực hiện', 'Role'), unitId: L('Đơn vị', 'Unit'), budget: L('Thời gian', 'Time budget') },
  legalBasis: { number: L('Số hiệu', 'Number'), title: L('Trích yếu', 'Title'), issuedOn: L('Ngày ban hành', 'Issued on'), effectiveFrom: L('Ngày hiệu lực', 'Effective from') },
  publicationDecisions: { number: L('Số quyết định', 'Number'), decidedOn: L('Ngày quyết định', 'Decided on'), kind: L('Loại', 'Kind'), publishedOn: L('Ngày công khai', 'Published on') },
};

/** "dòng 2" / "step 3": how an item of each list is called. */
const ITEM_NAMES: Record<string, Localized> = {
  implementingUnits: L('đơn vị', 'unit'),
  sequence: L('bước', 'step'),
  fees: L('dòng', 'line'),
  components: L('thành phần', 'component'),
  steps: L('bước', 'step'),
  legalBasis: L('văn bản', 'document'),
  publicationDecisions: L('quyết định', 'decision'),
};

const join = (parts: Localized[]): Localized => ({ vi: parts.map((p) => p.vi).join(' › '), en: parts.map((p) => p.en).join(' › ') });

/** The e-form field a pointer into `/eform/schema/...` or `/eform/uiSchema/fields/...` is about. */
function eformPart(keys: string[], content: ProcedureContent | undefined): Localized[] {
  const [part, ...rest] = keys;
  if (part === 'uiSchema') {
    if (rest[0] === 'fields' && rest[1]) {
      const label = content?.eform?.uiSchema?.fields?.[rest[1]]?.label;
      return [L('Bố cục', 'Layout'), label ?? L(`trường ${rest[1]}`, `field ${rest[1]}`)];
    }
    if (rest[0] === 'sections' && rest[1] !== undefined) {
      const section = content?.eform?.uiSchema?.sections?.[Number(rest[1])];
      return [L('Bố cục', 'Layout'), section ? section.title : L(`phần ${Number(rest[1]) + 1}`, `section ${Number(rest[1]) + 1}`)];
    }
    return [L('Bố cục', 'Layout')];
  }
  if (part === 'schema') {
    // /schema/properties/applicant/properties/fullName/... → the data pointer /applicant/fullName.
    const data: string[] = [];
    for (let i = 0; i + 1 < rest.length; i++) if (rest[i] === 'properties') data.push(rest[++i]!);
    if (data.length === 0) return [L('Cấu trúc dữ liệu', 'Data schema')];
    const pointer = `/${data.map((k) => k.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
    const label = content?.eform?.uiSchema?.fields?.[pointer]?.label;
    return [label ?? L(`trường ${pointer}`, `field ${pointer}`)];
  }
  return [];
}

/**
 * The label of `pointer` (a JSON pointer into the content); `content` supplies item and e-form
 * names, and may be content that failed validation (anything missing is simply not named).
 */
export function contentFieldLabel(pointer: string, content?: ProcedureContent): Localized {
  let keys: string[];
  try {
    keys = fromPointer(pointer);
  } catch {
    return L(pointer, pointer);
  }
  const [section, ...rest] = keys;
  if (!section) return L('Nội dung thủ tục', 'Procedure content');
  const sectionLabel = CONTENT_SECTIONS[section as keyof ProcedureContent];
  if (!sectionLabel) return L(pointer, pointer);
  const parts: Localized[] = [sectionLabel];
  if (section === 'eform') return join([...parts, ...eformPart(rest, content)]);
  let props = PROPERTY_LABELS[section];
  for (const key of rest) {
    if (/^[0-9]+$/.test(key) && ITEM_NAMES[section]) {
      const n = Number(key) + 1;
      const item = ITEM_NAMES[section]!;
      const named = section === 'components' ? content?.components?.[Number(key)]?.name : section === 'fees' ? content?.fees?.[Number(key)]?.name : undefined;
      parts.push(typeof named === 'string' && named ? L(`${item.vi} ${n} (${named})`, `${item.en} ${n} (${named})`) : L(`${item.vi} ${n}`, `${item.en} ${n}`));
      continue;
    }
    const label = props?.[key];
    if (!label) break;
    parts.push(label);
    // Nested durations (processingTime.online, steps[i].budget) name their own properties.
    props = key === 'online' || key === 'budget' ? PROPERTY_LABELS.processingTime : undefined;
  }
  return join(parts);
}
