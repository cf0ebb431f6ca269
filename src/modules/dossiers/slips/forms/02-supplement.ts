// Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Circular 01/2018/TT-VPCP form 02).
import { shortDate } from '../format.ts';
import { numbered, paragraph, type SlipLayout } from '../layout.ts';
import type { SupplementSlip } from '../types.ts';
import { applicantLines, requestLines } from './dossier-lines.ts';

export function supplementLayout(input: SupplementSlip): SlipLayout {
  const { dossier } = input;
  const received = dossier.receivedAt ? `Ngày ${shortDate(dossier.receivedAt)}, ` : '';
  return {
    title: ['Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ'],
    body: [
      paragraph(`${received}Bộ phận Tiếp nhận và Trả kết quả ${input.agency.name} đã tiếp nhận hồ sơ sau:`),
      ...applicantLines(dossier),
      ...requestLines(dossier),
      paragraph('Qua xem xét, đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:'),
      numbered(input.items.map((item) => (item.note ? `${item.name}: ${item.note}` : item.name))),
      paragraph([{ text: 'Lý do: ', bold: true }, input.reason]),
      paragraph(
        'Trong quá trình bổ sung, hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với ' +
          `${input.officer.name} để được hướng dẫn.`,
      ),
    ],
    signers: [{ caption: input.officer.title ?? 'Người hướng dẫn', name: input.officer.name }],
  };
}
