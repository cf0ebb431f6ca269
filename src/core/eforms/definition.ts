// Checks of an e-form definition (JSON Schema + UI schema) before it can be published: the
// schema compiles under the shared ajv configuration, prefill bindings name known attributes,
// the UI schema refers to fields that exist, and every field has bilingual labels.
import { PREFILL_ATTRIBUTES } from '../prefill/attributes.ts';
import { createEformAjv, isSafePattern, PATTERN_MAX_LENGTH, PREFILL_EDITABLE_KEYWORD, PREFILL_KEYWORD, type EformAjv } from './ajv.ts';
import { bindingSource, findBindings } from './prefill.ts';
import { fromPointer, toPointer, type EformUiSchema, type LocalizedText } from './ui-schema.ts';
import { schemaAt, type EformDefinition } from './validate.ts';

export interface EformIssue {
  severity: 'error' | 'warning';
  /** JSON pointer into the e-form definition: `/schema/...` or `/uiSchema/...`. */
  pointer: string;
  code: string;
  message: LocalizedText;
}

export const EFORM_MAX_BYTES = 256 * 1024;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Pointers of the leaf fields (non-object properties) reached through `properties`. */
export function leafFields(schema: unknown): string[] {
  const out: string[] = [];
  const visit = (node: unknown, path: string[]) => {
    if (!isPlainObject(node)) return;
    const props = node.properties;
    if (isPlainObject(props) && (node.type === 'object' || node.type === undefined)) {
      for (const [k, child] of Object.entries(props)) visit(child, [...path, k]);
      return;
    }
    if (path.length > 0) out.push(toPointer(path));
  };
  visit(schema, []);
  return out;
}

export function checkEformDefinition(definition: EformDefinition, ajv: EformAjv = createEformAjv()): EformIssue[] {
  const issues: EformIssue[] = [];
  const error = (pointer: string, code: string, vi: string, en: string) =>
    issues.push({ severity: 'error', pointer, code, message: { vi, en } });
  const warning = (pointer: string, code: string, vi: string, en: string) =>
    issues.push({ severity: 'warning', pointer, code, message: { vi, en } });
  const { schema, uiSchema } = definition;

  const size = JSON.stringify(definition).length;
  if (size > EFORM_MAX_BYTES) {
    error('', 'too_large', `Biểu mẫu quá lớn (${size} byte, tối đa ${EFORM_MAX_BYTES}).`, `The form is too large (${size} bytes, at most ${EFORM_MAX_BYTES}).`);
    return issues;
  }
  if (!isPlainObject(schema) || schema.type !== 'object') {
    error('/schema/type', 'root_not_object', 'Gốc của JSON Schema phải có "type": "object".', 'The root of the JSON Schema must have "type": "object".');
    return issues;
  }

  // `$id` would register the schema globally in ajv: two versions of a form would collide.
  const walk = (node: unknown, path: string[], enclosingProps: Record<string, unknown> | undefined) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, [...path, String(i)], enclosingProps));
      return;
    }
    if (!isPlainObject(node)) return;
    if ('$id' in node) {
      error(`/schema${toPointer([...path, '$id'])}`, 'id_not_allowed', 'Không dùng "$id" trong biểu mẫu.', 'Do not use "$id" in a form schema.');
    }
    // A pattern that backtracks exponentially (`^(a+)+$`) lets one short input block the server.
    const patterns: Array<[string[], unknown]> = [[[...path, 'pattern'], node.pattern]];
    if (isPlainObject(node.patternProperties)) {
      for (const key of Object.keys(node.patternProperties)) patterns.push([[...path, 'patternProperties', key], key]);
    }
    for (const [at, pattern] of patterns) {
      if (typeof pattern !== 'string') continue;
      if (pattern.length > PATTERN_MAX_LENGTH || !isSafePattern(pattern)) {
        error(
          `/schema${toPointer(at)}`,
          'pattern_unsafe',
          `Biểu thức kiểm tra "${pattern.slice(0, 80)}" có thể làm treo hệ thống (lặp lồng nhau) hoặc quá dài (tối đa ${PATTERN_MAX_LENGTH} ký tự); hãy viết lại, ví dụ bỏ lượng từ lồng nhau như (a+)+.`,
          `The pattern "${pattern.slice(0, 80)}" can take exponential time (nested repetition) or is too long (at most ${PATTERN_MAX_LENGTH} characters); rewrite it, e.g. without nested quantifiers such as (a+)+.`,
        );
      }
    }
    const ownProps = isPlainObject(node.properties) ? node.properties : undefined;
    const props = ownProps ?? enclosingProps;
    if (Array.isArray(node.required) && props) {
      node.required.forEach((name, i) => {
        if (typeof name === 'string' && !(name in props)) {
          error(
            `/schema${toPointer([...path, 'required', String(i)])}`,
            'required_unknown',
            `Trường bắt buộc "${name}" không được khai báo trong "properties".`,
            `Required field "${name}" is not declared in "properties".`,
          );
        }
      });
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'const' || key === 'enum' || key === 'default' || key === 'examples') continue;
      // if/then/else/allOf/anyOf/oneOf/not of an object speak about its properties.
      const passProps = key === 'properties' ? undefined : ['if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'not'].includes(key) ? props : undefined;
      if (key === 'properties' && isPlainObject(child)) {
        for (const [name, sub] of Object.entries(child)) walk(sub, [...path, 'properties', name], undefined);
      } else {
        walk(child, [...path, key], passProps);
      }
    }
  };
  walk(schema, [], undefined);

  try {
    const validate = ajv.compile(schema);
    ajv.removeSchema(schema);
    void validate;
  } catch (e) {
    const detail = (e as Error).message;
    error('/schema', 'invalid_schema', `JSON Schema không hợp lệ: ${detail}`, `The JSON Schema is not valid: ${detail}`);
  }

  // Prefill bindings.
  const { bindings, misplaced } = findBindings(schema);
  for (const p of misplaced) {
    error(
      `/schema${p}/${PREFILL_KEYWORD}`,
      'prefill_misplaced',
      `"${PREFILL_KEYWORD}" chỉ dùng cho trường nằm trong "properties" (không trong mảng hay lựa chọn).`,
      `"${PREFILL_KEYWORD}" is only allowed on fields reached through "properties" (not in arrays or alternatives).`,
    );
  }
  const visitBindings = (node: unknown, path: string[]) => {
    if (!isPlainObject(node)) return;
    const name = node[PREFILL_KEYWORD];
    if (typeof name === 'string') {
      const at = `/schema${toPointer(path)}/${PREFILL_KEYWORD}`;
      if (!bindingSource(name)) {
        error(
          at,
          'prefill_unknown',
          `"${name}" không phải là thuộc tính điền sẵn hợp lệ (xem danh sách thuộc tính dân cư, tổ chức và danh mục).`,
          `"${name}" is not a known prefill attribute (see the population, organization and catalog attributes).`,
        );
      }
      const type = node.type;
      if (type !== undefined && type !== 'string') {
        error(at, 'prefill_type', 'Trường điền sẵn phải có kiểu "string".', 'A prefilled field must be of type "string".');
      }
    }
    if (PREFILL_EDITABLE_KEYWORD in node && typeof name !== 'string') {
      warning(
        `/schema${toPointer(path)}/${PREFILL_EDITABLE_KEYWORD}`,
        'prefill_editable_unbound',
        `"${PREFILL_EDITABLE_KEYWORD}" không có tác dụng khi trường không gắn "${PREFILL_KEYWORD}".`,
        `"${PREFILL_EDITABLE_KEYWORD}" has no effect without "${PREFILL_KEYWORD}".`,
      );
    }
    if (isPlainObject(node.properties)) {
      for (const [k, child] of Object.entries(node.properties)) visitBindings(child, [...path, 'properties', k]);
    }
  };
  visitBindings(schema, []);
  const seenAttr = new Map<string, string>();
  for (const b of bindings) {
    const previous = seenAttr.get(b.attribute);
    if (previous && b.source !== 'catalog') {
      const [a, c] = [fieldName(schema, uiSchema, previous), fieldName(schema, uiSchema, b.pointer)];
      warning(
        `/schema${b.pointer}`,
        'prefill_duplicate',
        `Thuộc tính "${b.attribute}" được gắn cho cả trường ${a.vi} và trường ${c.vi}.`,
        `Attribute "${b.attribute}" is bound to both field ${a.en} and field ${c.en}.`,
      );
    }
    seenAttr.set(b.attribute, b.pointer);
  }

  checkUiSchema(schema, uiSchema, error, warning);
  return issues;
}

type Report = (pointer: string, code: string, vi: string, en: string) => void;

/**
 * How a message names a form field: «its label» (the data pointer in brackets only when the
 * field has no label), so an administrator reads names, not pointers.
 */
function fieldName(schema: Record<string, unknown>, ui: EformUiSchema | undefined, pointer: string): LocalizedText {
  const label = ui?.fields?.[pointer]?.label;
  if (label) return { vi: `«${label.vi}»`, en: `“${label.en}”` };
  let title: unknown;
  try {
    title = schemaAt(schema, pointer)?.title;
  } catch {
    title = undefined;
  }
  if (typeof title === 'string' && title !== '') return { vi: `«${title}»`, en: `“${title}”` };
  return { vi: `(chưa có nhãn, ${pointer})`, en: `(no label, ${pointer})` };
}

function checkUiSchema(schema: Record<string, unknown>, ui: EformUiSchema, error: Report, warning: Report): void {
  if (!isPlainObject(ui) || ui.version !== 1) {
    error('/uiSchema/version', 'ui_version', 'UI schema phải có "version": 1.', 'The UI schema must have "version": 1.');
    return;
  }
  const exists = (pointer: string) => {
    try {
      return schemaAt(schema, pointer) !== undefined && fromPointer(pointer).length > 0;
    } catch {
      return false;
    }
  };
  const placed = new Map<string, string>();
  const sectionIds = new Set<string>();
  const name = (pointer: string) => fieldName(schema, ui, pointer);
  ui.sections.forEach((section, si) => {
    if (sectionIds.has(section.id)) {
      error(`/uiSchema/sections/${si}/id`, 'section_duplicate', `Phần "${section.id}" bị lặp.`, `Section "${section.id}" is listed twice.`);
    }
    sectionIds.add(section.id);
    section.fields.forEach((pointer, fi) => {
      const at = `/uiSchema/sections/${si}/fields/${fi}`;
      if (!exists(pointer)) {
        error(at, 'field_unknown', `Trường ${name(pointer).vi} không có trong cấu trúc dữ liệu (JSON Schema).`, `Field ${name(pointer).en} is not in the data schema (JSON Schema).`);
      } else if (placed.has(pointer)) {
        error(at, 'field_duplicate', `Trường ${name(pointer).vi} đã nằm trong phần "${placed.get(pointer)}".`, `Field ${name(pointer).en} is already in section "${placed.get(pointer)}".`);
      }
      placed.set(pointer, section.id);
    });
    if (section.visibleIf && !exists(section.visibleIf.field)) {
      error(`/uiSchema/sections/${si}/visibleIf/field`, 'condition_unknown', `Điều kiện hiển thị dựa trên một trường không tồn tại ${name(section.visibleIf.field).vi}.`, `The display condition refers to a field that does not exist ${name(section.visibleIf.field).en}.`);
    }
  });
  for (const [pointer, field] of Object.entries(ui.fields)) {
    const at = `/uiSchema/fields${toPointer([pointer])}`;
    if (!exists(pointer)) {
      error(at, 'field_unknown', `Trường ${name(pointer).vi} không có trong cấu trúc dữ liệu (JSON Schema).`, `Field ${name(pointer).en} is not in the data schema (JSON Schema).`);
      continue;
    }
    if (field.visibleIf && !exists(field.visibleIf.field)) {
      error(`${at}/visibleIf/field`, 'condition_unknown', `Điều kiện hiển thị của trường ${name(pointer).vi} dựa trên một trường không tồn tại ${name(field.visibleIf.field).vi}.`, `The display condition of field ${name(pointer).en} refers to a field that does not exist ${name(field.visibleIf.field).en}.`);
    }
    const node = schemaAt(schema, pointer);
    const allowed = Array.isArray(node?.enum) ? node.enum : isPlainObject(node?.items) && Array.isArray(node.items.enum) ? node.items.enum : undefined;
    if (field.options && allowed) {
      field.options.forEach((o, oi) => {
        if (!allowed.includes(o.value)) {
          error(`${at}/options/${oi}/value`, 'option_unknown', `Lựa chọn "${String(o.value)}" không có trong "enum" của trường.`, `Option "${String(o.value)}" is not in the field's "enum".`);
        }
      });
    }
  }
  for (const pointer of leafFields(schema)) {
    const node = schemaAt(schema, pointer);
    if (!ui.fields[pointer] && typeof node?.title !== 'string') {
      warning(`/uiSchema/fields${toPointer([pointer])}`, 'label_missing', `Một trường chưa có nhãn (${pointer}).`, `A field has no label (${pointer}).`);
    }
    if (ui.sections.length > 0 && !placed.has(pointer) && !isInsidePlaced(pointer, placed)) {
      warning(`/uiSchema/sections`, 'field_unplaced', `Trường ${name(pointer).vi} không thuộc phần nào của biểu mẫu (sẽ hiển thị ở cuối).`, `Field ${name(pointer).en} is in no section (it is shown at the end).`);
    }
  }
}

function isInsidePlaced(pointer: string, placed: Map<string, string>): boolean {
  for (const p of placed.keys()) if (pointer.startsWith(`${p}/`)) return true;
  return false;
}

/** The names an e-form may bind with `x-prefill`, with their labels (for form builders). */
export function prefillCatalog() {
  return PREFILL_ATTRIBUTES.map((a) => ({ name: a.name, source: a.source, type: a.type, label: a.label, sensitive: a.sensitive ?? false }));
}
