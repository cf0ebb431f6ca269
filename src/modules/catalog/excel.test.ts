import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../http/problem.ts';
import { readCatalogWorkbook, SHEETS, templateWorkbook, writeCatalogWorkbook } from './excel.ts';
import { SEED_PROCEDURES } from './seed/procedures.ts';
import type { CatalogExchange } from './schema.ts';
import { sampleContent } from './testing.ts';

const exchange = (procedures = SEED_PROCEDURES): CatalogExchange => ({ format: 'motcua.catalog', formatVersion: 1, procedures });

async function problemOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected a problem');
}

async function edit(buffer: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('Excel exchange', () => {
  it('round-trips the whole seed catalog (content, forms and all) without loss', async () => {
    const buffer = await writeCatalogWorkbook(exchange());
    const read = await readCatalogWorkbook(buffer);
    expect(read.exchange.procedures).toEqual(SEED_PROCEDURES);
  });

  it('keeps a form the rows cannot express as JSON in its column', async () => {
    const content = sampleContent();
    (content.eform.schema.properties as Record<string, Record<string, unknown>>).request!.minProperties = 1;
    const procedures = [{ code: '1.000123', codeStatus: 'demo' as const, ownerUnitId: 'cuc-shtt', content }];
    const read = await readCatalogWorkbook(await writeCatalogWorkbook(exchange(procedures)));
    expect(read.exchange.procedures).toEqual(procedures);
  });

  it('the template has every sheet with its headers and drop-down lists', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateWorkbook()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', ...Object.values(SHEETS).map((s) => s.name)]);
    const proc = wb.getWorksheet('Thủ tục')!;
    expect(proc.getCell(1, 1).value).toBe('Mã TTHC');
    const online = SHEETS.procedures.columns.findIndex((c) => c.key === 'onlineLevel') + 1;
    expect(proc.getCell(2, online).dataValidation).toMatchObject({ type: 'list', formulae: ['"toàn trình,một phần"'] });
    // An empty template imports nothing and reports nothing.
    await expect(readCatalogWorkbook(await templateWorkbook())).resolves.toMatchObject({ exchange: { procedures: [] } });
  });

  it('reports every problem by sheet, row and column, in Vietnamese', async () => {
    const buffer = await writeCatalogWorkbook(exchange(SEED_PROCEDURES.slice(0, 2)));
    const broken = await edit(buffer, (wb) => {
      const proc = wb.getWorksheet('Thủ tục')!;
      const col = (key: string) => SHEETS.procedures.columns.findIndex((c) => c.key === key) + 1;
      proc.getCell(2, col('onlineLevel')).value = 'mức độ 4';
      proc.getCell(3, col('timeValue')).value = 'mười';
      const fees = wb.getWorksheet('Phí, lệ phí')!;
      fees.getCell(2, SHEETS.fees.columns.findIndex((c) => c.key === 'amount') + 1).value = -5;
      const comps = wb.getWorksheet('Thành phần hồ sơ')!;
      comps.getCell(3, 1).value = '1.999999';
    });
    const problem = await problemOf(readCatalogWorkbook(broken));
    const errors = (problem.extensions!.importErrors as Array<{ sheet: string; row: number; column: string; message: { vi: string } }>).map((e) => [
      e.sheet,
      e.row,
      e.column,
      e.message.vi,
    ]);
    expect(errors).toContainEqual(['Thủ tục', 2, 'L', '«mức độ 4» không hợp lệ; chọn một trong: toàn trình, một phần.']);
    expect(errors).toContainEqual(['Thủ tục', 3, 'R', '«mười» không phải là số.']);
    expect(errors).toContainEqual(['Thành phần hồ sơ', 3, 'A', 'Mã TTHC 1.999999 không có trên trang «Thủ tục».']);
    expect(problem.status).toBe(422);
  });

  it('maps schema errors back to the cell they came from', async () => {
    const buffer = await writeCatalogWorkbook(exchange(SEED_PROCEDURES.slice(0, 1)));
    const broken = await edit(buffer, (wb) => {
      wb.getWorksheet('Phí, lệ phí')!.getCell(2, SHEETS.fees.columns.findIndex((c) => c.key === 'amount') + 1).value = -5;
    });
    const problem = await problemOf(readCatalogWorkbook(broken));
    const [error] = problem.extensions!.importErrors as Array<{ sheet: string; row: number; column: string; header: string; message: { vi: string } }>;
    expect(error).toMatchObject({ sheet: 'Phí, lệ phí', row: 2, column: 'E', header: 'Số tiền (đồng)' });
    expect(error!.message.vi).toContain('«Số tiền (đồng)»: giá trị quá nhỏ');
  });

  it('accepts how officials write: Vietnamese numbers, dd/mm/yyyy dates, labels in any case', async () => {
    const buffer = await writeCatalogWorkbook(exchange(SEED_PROCEDURES.slice(0, 1)));
    const edited = await edit(buffer, (wb) => {
      const fees = wb.getWorksheet('Phí, lệ phí')!;
      fees.getCell(2, SHEETS.fees.columns.findIndex((c) => c.key === 'amount') + 1).value = '1.500.000';
      fees.getCell(2, SHEETS.fees.columns.findIndex((c) => c.key === 'kind') + 1).value = 'LỆ PHÍ';
      const legal = wb.getWorksheet('Căn cứ pháp lý')!;
      legal.getCell(2, SHEETS.legal.columns.findIndex((c) => c.key === 'effectiveFrom') + 1).value = '01/07/2006';
    });
    const read = await readCatalogWorkbook(edited);
    const content = read.exchange.procedures[0]!.content;
    expect(content.fees[0]).toMatchObject({ amountVnd: 1_500_000, kind: 'charge' });
    expect(content.legalBasis[0]!.effectiveFrom).toBe('2006-07-01');
  });

  it('refuses a file that is not a workbook', async () => {
    const problem = await problemOf(readCatalogWorkbook(Buffer.from('not a zip')));
    expect(problem.code).toBe('validation');
  });
});

describe('the documented template (docs/catalog-excel-template.md)', () => {
  it('documents every sheet and column the reader expects', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../../docs/catalog-excel-template.md', import.meta.url), 'utf8');
    for (const sheet of Object.values(SHEETS)) {
      expect(doc).toContain(`«${sheet.name}»`);
      for (const column of sheet.columns) expect(doc, `${sheet.name} / ${column.header}`).toContain(`| ${column.header.replace(/\|/g, '\\|')} |`);
    }
  });
});
