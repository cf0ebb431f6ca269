// The e-form of a procedure from the «Biểu mẫu - phần» (sections) and «Biểu mẫu - trường»
// (fields, in display order) sheets, built with the row model of core/eforms/builder.ts; the
// cells each field came from are kept so that errors of the built form point at them.
import { buildEform, type EformFieldSpec, type EformSectionSpec, type FieldType } from '../../../core/eforms/builder.ts';
import { toPointer } from '../../../core/eforms/ui-schema.ts';
import type { Row, SheetReader } from './cells.ts';
import { match, SHEETS } from './layout.ts';
import { contentOf, ownerOf } from './read-lists.ts';
import type { ProcedureRows } from './read-procedures.ts';

type FormRows = Map<number, { sections: EformSectionSpec[]; fields: Array<{ spec: EformFieldSpec; row: Row; equalsRaw: unknown }> }>;

function readSections(reader: SheetReader, rows: ProcedureRows, specOf: (i: number) => NonNullable<ReturnType<FormRows['get']>>) {
  const { str, cellError } = reader;
  for (const r of reader.rowsOf('sections')) {
    const i = ownerOf(reader, rows, r);
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
}

/** «giá trị = nhãn Việt | nhãn Anh», one option per line. */
function optionsOf(reader: SheetReader, r: Row, text: string) {
  const options: Array<{ value: string; label: { vi: string; en: string } }> = [];
  for (const line of text.split('\n').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([^=]+)=([^|]+)(?:\|(.+))?$/.exec(line);
    if (!m) {
      reader.cellError(r.ref('options'), 'bad_option', { vi: `Lựa chọn «${line}» phải có dạng «giá trị = nhãn Việt | nhãn Anh».`, en: `Option “${line}” must be “value = Vietnamese label | English label”.` });
      continue;
    }
    const vi = m[2]!.trim();
    options.push({ value: m[1]!.trim(), label: { vi, en: m[3]?.trim() || vi } });
  }
  return options;
}

function readFields(reader: SheetReader, rows: ProcedureRows, specOf: (i: number) => NonNullable<ReturnType<FormRows['get']>>) {
  const { str, num, vocab, bool, cellError } = reader;
  for (const r of reader.rowsOf('fields')) {
    const i = ownerOf(reader, rows, r);
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
      spec.options = optionsOf(reader, r, optionsText);
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
}

/** Builds each procedure's form from its rows, or reports why it cannot. */
function buildForms(reader: SheetReader, rows: ProcedureRows, specs: FormRows) {
  const { cellError } = reader;
  for (const [i, s] of specs) {
    const content = contentOf(rows, i);
    const m = rows.mapping[i]!;
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
}

/** Reads the e-form sheets into the procedures' content; a procedure left without a form is reported. */
export function readEformSheets(reader: SheetReader, rows: ProcedureRows): void {
  const { cellError } = reader;
  const specs: FormRows = new Map();
  const specOf = (i: number) => {
    let s = specs.get(i);
    if (!s) specs.set(i, (s = { sections: [], fields: [] }));
    return s;
  };
  readSections(reader, rows, specOf);
  readFields(reader, rows, specOf);
  buildForms(reader, rows, specs);
  for (const [i] of rows.procedures.entries()) {
    const content = contentOf(rows, i);
    if (content.eform === undefined) {
      const ref = rows.mapping[i]!.get('/content/eform')!;
      cellError(ref, 'eform_missing', {
        vi: `Thủ tục chưa có biểu mẫu điện tử: khai báo trên trang «${SHEETS.fields.name}» (hoặc dán JSON vào cột này).`,
        en: `The procedure has no e-form: list its fields on “${SHEETS.fields.name}” (or paste JSON in this column).`,
      });
    }
  }

}
