// A published month of the 766 index as downloads (issue 10 §5): an XLSX workbook (the ministry's
// groups and indicators, the units ranked) and an A4 PDF with the same tables, in Tinos through
// the slips' pdfmake set-up. Aggregate figures only, as the public page shows them. exceljs and
// pdfmake are loaded when a download is asked for, not at every start.
import { GROUP_CODES, type GroupCode } from '../../core/quality/index.ts';
import { FONT_FAMILY, normalizeStrings, pdfMakeReady } from '../dossiers/module.ts';
import type { Publication } from './publication.ts';

export type PublishedMonth = Awaited<ReturnType<Publication['month']>>;

/** The published groups' names (SPEC §1.3), Vietnamese as the portal publishes them. */
export const GROUP_NAMES: Record<GroupCode, string> = {
  CKMB: 'Công khai, minh bạch',
  TDGQ: 'Tiến độ giải quyết',
  CLGQ: 'Dịch vụ công trực tuyến',
  TTTT: 'Thanh toán trực tuyến',
  MDSH: 'Mức độ số hóa hồ sơ',
  MDHL: 'Mức độ hài lòng',
};

const fmt = (n: number | null | undefined): string => (n === null || n === undefined ? '–' : n.toLocaleString('vi-VN', { maximumFractionDigits: 2 }));
const title = (month: string) => `Đánh giá chất lượng phục vụ người dân, doanh nghiệp tháng ${month.slice(5)}/${month.slice(0, 4)}`;

export async function monthXlsx(input: PublishedMonth): Promise<Buffer> {
  const frozenAt = input.frozenAt.toISOString();
  const m = normalizeStrings(input);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'motcua';
  const ministry = workbook.addWorksheet('Toàn Bộ');
  ministry.columns = [{ width: 12 }, { width: 36 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 10 }, { width: 10 }];
  ministry.addRow([title(m.month)]).font = { bold: true };
  ministry.addRow([`Tổng điểm: ${m.ministry.result.total} / ${m.ministry.result.totalMax}`, `Xếp loại: ${m.ministry.result.band}`]);
  ministry.addRow([`Chốt số liệu lúc: ${frozenAt}`]);
  ministry.addRow([]);
  ministry.addRow(['Nhóm / chỉ số', 'Tên', 'Tử số', 'Mẫu số', 'Tỷ lệ (%)', 'Điểm', 'Tối đa']).font = { bold: true };
  for (const g of GROUP_CODES) {
    const group = m.ministry.result.groups[g];
    ministry.addRow([g, GROUP_NAMES[g], null, null, null, group.score, group.max]).font = { bold: true };
    for (const [id, ind] of Object.entries(group.indicators)) ministry.addRow([id, '', ind.numerator, ind.denominator, ind.ratio, ind.score, ind.max]);
  }
  const units = workbook.addWorksheet('Đơn vị');
  units.columns = [{ width: 8 }, { width: 44 }, { width: 10 }, { width: 10 }, { width: 14 }, ...GROUP_CODES.map(() => ({ width: 9 })), { width: 10 }];
  units.addRow(['Hạng', 'Đơn vị', 'Tổng điểm', 'Tối đa', 'Xếp loại', ...GROUP_CODES, 'Hồ sơ']).font = { bold: true };
  for (const u of m.units) units.addRow([u.rank, u.nameVi, u.result.total, u.result.totalMax, u.result.band, ...GROUP_CODES.map((g) => u.result.groups[g].score), u.result.dossiers]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function monthPdf(input: PublishedMonth): Promise<Buffer> {
  const pdfMake = await pdfMakeReady();
  const frozenAt = input.frozenAt.toISOString();
  const m = normalizeStrings(input);
  const head = (cells: string[]) => cells.map((text) => ({ text, bold: true }));
  const groups = {
    table: {
      headerRows: 1,
      widths: [50, '*', 50, 50],
      body: [head(['Nhóm', 'Tên nhóm', 'Điểm', 'Tối đa']), ...GROUP_CODES.map((g) => [g, GROUP_NAMES[g], fmt(m.ministry.result.groups[g].score), fmt(m.ministry.result.groups[g].max)])],
    },
  };
  const units = {
    table: {
      headerRows: 1,
      widths: [30, '*', 45, 55, ...GROUP_CODES.map(() => 32)],
      body: [head(['Hạng', 'Đơn vị', 'Tổng', 'Xếp loại', ...GROUP_CODES]), ...m.units.map((u) => [String(u.rank), u.nameVi, fmt(u.result.total), u.result.band, ...GROUP_CODES.map((g) => fmt(u.result.groups[g].score))])],
    },
    fontSize: 8,
  };
  const doc = {
    pageSize: 'A4' as const,
    pageOrientation: 'landscape' as const,
    defaultStyle: { font: FONT_FAMILY, fontSize: 10 },
    content: [
      { text: title(m.month).toUpperCase(), bold: true, alignment: 'center' as const, fontSize: 13, margin: [0, 0, 0, 8] as [number, number, number, number] },
      { text: `Toàn Bộ: ${fmt(m.ministry.result.total)} / ${fmt(m.ministry.result.totalMax)} điểm — xếp loại ${m.ministry.result.band}`, margin: [0, 0, 0, 4] as [number, number, number, number] },
      { text: `Số liệu chốt lúc ${frozenAt}; không thay đổi sau khi chốt.`, italics: true, margin: [0, 0, 0, 8] as [number, number, number, number] },
      groups,
      { text: 'Xếp hạng đơn vị', bold: true, margin: [0, 12, 0, 4] as [number, number, number, number] },
      units,
    ],
    footer: (page: number, pages: number) => ({ text: `${page}/${pages}`, alignment: 'center' as const, fontSize: 8 }),
  };
  return pdfMake.createPdf(doc as never).getBuffer();
}
