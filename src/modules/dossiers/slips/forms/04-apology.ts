// Phiếu xin lỗi và hẹn lại ngày trả kết quả (Circular 01/2018/TT-VPCP form 04). It is issued at
// most once per dossier, at least one day before the due date (SPEC §2.5, §10.7): the caller's rule.
import { shortDate, timeAndDate } from '../format.ts';
import { field, paragraph, type SlipLayout } from '../layout.ts';
import type { ApologySlip } from '../types.ts';
import { addressee } from './dossier-lines.ts';

export function apologyLayout(input: ApologySlip): SlipLayout {
  const { dossier, agency } = input;
  const received = dossier.receivedAt ? `Ngày ${shortDate(dossier.receivedAt)}, ` : '';
  return {
    title: ['Phiếu xin lỗi và hẹn lại ngày trả kết quả'],
    body: [
      addressee(dossier),
      paragraph(
        `${received}${agency.name} tiếp nhận giải quyết hồ sơ của Ông/Bà đề nghị giải quyết thủ tục ` +
          `${dossier.procedureName}.`,
      ),
      field('Mã hồ sơ', dossier.code, true),
      field('Thời hạn trả kết quả giải quyết hồ sơ', timeAndDate(input.originalDueAt)),
      paragraph(`Tuy nhiên, đến nay ${agency.name} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà.`),
      paragraph([{ text: 'Lý do: ', bold: true }, input.reason]),
      paragraph(
        `Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của Ông/Bà. ${agency.name} xin lỗi ` +
          'Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào:',
      ),
      { text: timeAndDate(input.newDueAt), bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
      paragraph('Rất mong nhận được sự thông cảm của Ông/Bà./.'),
    ],
    signers: [{ caption: input.officer.title ?? 'Thủ trưởng cơ quan', name: input.officer.name }],
  };
}
