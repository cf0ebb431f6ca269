// The dossier ledger (Sổ theo dõi hồ sơ) as a spreadsheet, for units that keep it in Excel: the
// same columns as the PDF, under a header with the agency, the unit and the period.
import type ExcelJS from 'exceljs';
import { LEDGER_COLUMNS, periodText } from './forms/06-ledger.ts';
import { normalizeStrings, placeAndDate } from './format.ts';
import type { LedgerSlip } from './types.ts';

const WIDTHS = [6, 30, 50, 30, 17, 17, 17, 17, 20, 30];
/** The row the table's header is on (1-based); the dossiers start below it. */
export const LEDGER_HEADER_ROW = 6;

export async function renderLedgerXlsx(input: LedgerSlip): Promise<Buffer> {
  const slip = normalizeStrings(input);
  // Loaded on demand: exceljs costs about 0.3 s of every start otherwise.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'motcua';
  const sheet = workbook.addWorksheet('Sổ theo dõi hồ sơ', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: LEDGER_HEADER_ROW }],
  });
  const columnCount = LEDGER_COLUMNS.length + 1;
  sheet.columns = WIDTHS.slice(0, columnCount).map((width) => ({ width }));

  const title = (row: number, text: string, font: Partial<ExcelJS.Font>): void => {
    sheet.mergeCells(row, 1, row, columnCount);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = { name: 'Times New Roman', size: 12, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  };
  title(1, [slip.agency.parentName, slip.agency.name].filter(Boolean).join(' - ').toUpperCase(), { bold: true });
  title(2, 'SỔ THEO DÕI HỒ SƠ', { bold: true, size: 14 });
  title(3, `Đơn vị: ${slip.unitName}`, {});
  title(4, periodText(slip.period), { italic: true });
  title(5, placeAndDate(slip.agency.place, slip.issuedAt), { italic: true });

  const header = sheet.getRow(LEDGER_HEADER_ROW);
  header.values = ['TT', ...LEDGER_COLUMNS.map((c) => c.header)];
  header.font = { name: 'Times New Roman', size: 11, bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };

  slip.rows.forEach((r, i) => {
    const row = sheet.addRow([i + 1, ...LEDGER_COLUMNS.map((c) => c.cell(r))]);
    row.font = { name: 'Times New Roman', size: 11 };
    row.alignment = { vertical: 'top', wrapText: true };
  });
  const thin = { style: 'thin' as const };
  for (let r = LEDGER_HEADER_ROW; r <= sheet.rowCount; r++) {
    for (let c = 1; c <= columnCount; c++) {
      sheet.getCell(r, c).border = { top: thin, left: thin, bottom: thin, right: thin };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
