// Reading the catalog workbook into a catalog exchange: the procedures sheet, the list sheets,
// the e-form sheets, then the same Zod schema as the JSON import. Every problem is reported by
// sheet, row and column, in Vietnamese and English, and nothing is imported when there is one.
import type ExcelJS from 'exceljs';
import type { Localized } from '../../../http/language.ts';
import { ProblemError } from '../../../http/problem.ts';
import { toPointer } from '../../../core/eforms/ui-schema.ts';
import { CatalogExchangeProcedure, type CatalogExchange } from '../schema.ts';
import { importProblem, type ImportError, type ImportLocation, type ImportLocator } from '../transfer.ts';
import { createSheetReader } from './cells.ts';
import { readEformSheets } from './read-eform.ts';
import { readListSheets } from './read-lists.ts';
import { readProcedureRows, type ProcedureRows } from './read-procedures.ts';

export interface WorkbookRead {
  exchange: CatalogExchange;
  locate: ImportLocator;
}

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new ProblemError('validation', {
      detail: { vi: 'Không đọc được tệp Excel (.xlsx).', en: 'The Excel (.xlsx) file could not be read.' },
      errors: [{ pointer: '/body', code: 'unreadable', message: { vi: 'Tệp không phải là bảng tính .xlsx hợp lệ.', en: 'The file is not a valid .xlsx workbook.' } }],
    });
  }
  return wb;
}

/** Maps a pointer into procedure `index` to the cell it came from (the nearest enclosing one). */
function locatorOf(rows: ProcedureRows): ImportLocator {
  return (index, pointer): ImportLocation => {
    const m = rows.mapping[index];
    let p = pointer;
    while (m) {
      const ref = m.get(p);
      if (ref) return { pointer: `/body/sheets/${ref.sheet}/${ref.column}${ref.row}`, ...ref };
      if (p === '') break;
      p = p.slice(0, p.lastIndexOf('/'));
    }
    return { pointer: `/body/procedures/${index}${pointer}` };
  };
}

/**
 * Reads the workbook into a catalog exchange. Throws a 422 problem listing every problem found
 * (sheet, row, column, Vietnamese and English message) when the workbook cannot be read.
 */
export async function readCatalogWorkbook(buffer: Buffer): Promise<WorkbookRead> {
  const wb = await load(buffer);
  const errors: ImportError[] = [];
  const reader = createSheetReader(wb, errors);
  const rows = readProcedureRows(reader);
  readListSheets(reader, rows);
  readEformSheets(reader, rows);
  const locate = locatorOf(rows);
  if (errors.length > 0) throw importProblem(errors);

  // Structure (the same Zod schema as the JSON import), reported at the cell the value came from.
  const parsed: CatalogExchange['procedures'] = [];
  for (const [i, p] of rows.procedures.entries()) {
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
