// Phiếu kiểm soát quá trình giải quyết hồ sơ (Circular 01/2018/TT-VPCP form 05): one row per
// hand-off, from the dossier's history. The column layout is UNCONFIRMED (SPEC §2.2); this is the
// common per-step log of giver, receiver, times and whether the step kept its deadline.
import type { TableCell } from 'pdfmake/interfaces.js';
import { compactDateTime, timeAndDate } from '../format.ts';
import { field, grid, type SlipLayout } from '../layout.ts';
import type { ControlRow, ControlSlip } from '../types.ts';

export function onTimeText(onTime: boolean | null): string {
  if (onTime === null) return 'Đang giải quyết';
  return onTime ? 'Đúng hạn' : 'Quá hạn';
}

function row(r: ControlRow, i: number): TableCell[] {
  return [
    { text: String(i + 1), alignment: 'center' },
    r.step,
    r.fromName,
    r.toName,
    compactDateTime(r.handedAt),
    compactDateTime(r.dueAt),
    r.finishedAt ? compactDateTime(r.finishedAt) : '',
    { text: onTimeText(r.onTime), bold: r.onTime === false },
    r.note ?? '',
  ];
}

export function controlLayout(input: ControlSlip): SlipLayout {
  const { dossier } = input;
  return {
    title: ['Phiếu kiểm soát quá trình giải quyết hồ sơ'],
    body: [
      { text: '(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)', italics: true, alignment: 'center', margin: [0, -8, 0, 8] },
      field('Mã hồ sơ', dossier.code, true),
      field('Tổ chức, cá nhân', dossier.applicantName, true),
      field('Thủ tục', dossier.procedureName),
      field('Thời gian nhận hồ sơ', dossier.receivedAt ? timeAndDate(dossier.receivedAt) : undefined),
      field('Thời gian trả kết quả theo quy định', dossier.dueAt ? timeAndDate(dossier.dueAt) : undefined),
      grid(
        ['TT', 'Bước xử lý', 'Bên giao', 'Bên nhận', 'Giao, nhận lúc', 'Hạn xử lý', 'Hoàn thành lúc', 'Kết quả', 'Ghi chú'],
        input.rows.map(row),
        [14, '*', 54, 54, 44, 44, 44, 40, 40],
        9,
      ),
    ],
    signers: [{ caption: input.officer.title ?? 'Người lập phiếu', name: input.officer.name }],
  };
}
