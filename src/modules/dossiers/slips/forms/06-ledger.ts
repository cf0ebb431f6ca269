// Sổ theo dõi hồ sơ (Circular 01/2018/TT-VPCP form 06; Circular 03/2025/TT-VPCP form 07): every
// dossier a unit received in a period, landscape. The spreadsheet version is in ledger-xlsx.ts and
// takes its columns from here.
import { compactDateTime, shortDate } from '../format.ts';
import { field, grid, type SlipLayout } from '../layout.ts';
import type { LedgerRow, LedgerSlip } from '../types.ts';

interface LedgerColumn {
  header: string;
  cell: (r: LedgerRow) => string;
  /** Width in the PDF, in points. */
  width: number | '*';
  /** Kept on one line (a dossier code must not break at its hyphens). */
  noWrap?: boolean;
}

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { header: 'Mã hồ sơ', cell: (r) => r.code, width: 125, noWrap: true },
  { header: 'Thủ tục hành chính', cell: (r) => r.procedureName, width: '*' },
  { header: 'Tổ chức, cá nhân', cell: (r) => r.applicantName, width: 105 },
  { header: 'Ngày nhận', cell: (r) => compactDateTime(r.receivedAt), width: 46 },
  { header: 'Hẹn trả', cell: (r) => compactDateTime(r.dueAt), width: 46 },
  { header: 'Ngày có kết quả', cell: (r) => (r.finishedAt ? compactDateTime(r.finishedAt) : ''), width: 46 },
  { header: 'Ngày trả kết quả', cell: (r) => (r.returnedAt ? compactDateTime(r.returnedAt) : ''), width: 46 },
  { header: 'Trạng thái', cell: (r) => r.statusName, width: 56 },
  { header: 'Ghi chú', cell: (r) => r.note ?? '', width: 55 },
];

/** "từ ngày 01/03/2026 đến ngày 31/03/2026". */
export const periodText = (period: LedgerSlip['period']): string =>
  `Từ ngày ${shortDate(period.from)} đến ngày ${shortDate(period.to)}`;

export function ledgerLayout(input: LedgerSlip): SlipLayout {
  return {
    title: ['Sổ theo dõi hồ sơ'],
    orientation: 'landscape',
    body: [
      { text: periodText(input.period), italics: true, alignment: 'center', margin: [0, -8, 0, 8] },
      field('Đơn vị', input.unitName, true),
      field('Số hồ sơ', String(input.rows.length)),
      grid(
        ['TT', ...LEDGER_COLUMNS.map((c) => c.header)],
        input.rows.map((r, i) => [{ text: String(i + 1), alignment: 'center' }, ...LEDGER_COLUMNS.map((c) => ({ text: c.cell(r), noWrap: c.noWrap ?? false }))]),
        [20, ...LEDGER_COLUMNS.map((c) => c.width)],
        9,
      ),
    ],
    signers: [{ caption: input.officer.title ?? 'Người lập sổ', name: input.officer.name }],
  };
}
