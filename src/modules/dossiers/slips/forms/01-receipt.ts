// Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Circular 01/2018/TT-VPCP form 01).
import type { TableCell } from 'pdfmake/interfaces.js';
import { count2, timeAndDate, vnd } from '../format.ts';
import { field, grid, type SlipLayout } from '../layout.ts';
import type { ReceiptSlip } from '../types.ts';
import { applicantLines, channelName, requestLines } from './dossier-lines.ts';

export function receiptLayout(input: ReceiptSlip): SlipLayout {
  const { dossier } = input;
  const rows: TableCell[][] = input.components.map((c, i) => [
    { text: String(i + 1), alignment: 'center' },
    c.name,
    { text: String(c.originals), alignment: 'center' },
    { text: String(c.copies), alignment: 'center' },
  ]);
  return {
    title: ['Giấy tiếp nhận hồ sơ và hẹn trả kết quả'],
    body: [
      { text: `Bộ phận Tiếp nhận và Trả kết quả ${input.agency.name}`, margin: [0, 0, 0, 3] },
      ...applicantLines(dossier),
      ...requestLines(dossier),
      field('Hình thức nộp', channelName(dossier.channel)),
      { text: '1. Thành phần hồ sơ nộp gồm:', margin: [0, 3, 0, 0] },
      grid(['TT', 'Tên giấy tờ', 'Bản chính', 'Bản sao'], rows, [24, '*', 54, 54]),
      field('2. Số lượng hồ sơ', `${count2(1)} (bộ)`),
      field('3. Thời gian nhận hồ sơ', timeAndDate(input.receivedAt)),
      field('4. Thời gian trả kết quả giải quyết hồ sơ', timeAndDate(input.dueAt), true),
      field('5. Phí, lệ phí', vnd(input.feesTotal)),
      {
        text: 'Vào Sổ theo dõi hồ sơ, Quyển số: ……, Số thứ tự: ……',
        italics: true,
        margin: [0, 3, 0, 0],
      },
    ],
    signers: [
      { caption: 'Người nộp hồ sơ', name: dossier.submitter ?? dossier.applicantName },
      { caption: input.officer.title ?? 'Người tiếp nhận hồ sơ', name: input.officer.name },
    ],
  };
}
