// Reading cells of the catalog workbook: rows of a sheet by header text, and typed cell readers
// that report each problem at its sheet, row and column (and return undefined).
import type ExcelJS from 'exceljs';
import type { Localized } from '../../../http/language.ts';
import type { ImportError } from '../transfer.ts';
import { columnLetter, match, norm, SHEETS, VOCABULARIES, type SheetKey, type VocabularyName } from './layout.ts';

export interface CellRef {
  sheet: string;
  row: number;
  column: string;
  header: string;
}


export type Row = { ref: (key: string) => CellRef; get: (key: string) => unknown; row: number };

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

/** Rows of the workbook's sheets and typed readers of their cells, collecting errors in `errors`. */
export function createSheetReader(wb: ExcelJS.Workbook, errors: ImportError[]) {
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

  return { cellError, rowsOf, str, num, vocab, bool, vocabList, words, date };
}

export type SheetReader = ReturnType<typeof createSheetReader>;
