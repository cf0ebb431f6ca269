// Thông báo dừng giải quyết hồ sơ (Decree 118/2025/NĐ-CP Art. 21; Circular 03/2025/TT-VPCP Art. 7):
// issued at the applicant's request when no decision has been made yet (SPEC §2.5).
import { shortDate } from '../format.ts';
import { paragraph, type SlipLayout } from '../layout.ts';
import type { StopNotice } from '../types.ts';
import { addressee } from './dossier-lines.ts';

export function stopNoticeLayout(input: StopNotice): SlipLayout {
  const { dossier, agency } = input;
  return {
    title: ['Thông báo', 'Về việc dừng giải quyết hồ sơ'],
    body: [
      addressee(dossier),
      paragraph(
        `Ngày ${shortDate(input.requestedAt)}, ${agency.name} nhận được yêu cầu dừng giải quyết hồ sơ ` +
          `mã số ${dossier.code} của Ông/Bà về thủ tục ${dossier.procedureName}.`,
      ),
      paragraph([{ text: 'Lý do: ', bold: true }, input.reason]),
      paragraph(
        `Hồ sơ chưa có kết quả giải quyết. ${agency.name} thông báo dừng giải quyết hồ sơ nêu trên ` +
          'và trả lại hồ sơ cho Ông/Bà theo quy định./.',
      ),
    ],
    signers: [{ caption: input.officer.title ?? 'Thủ trưởng cơ quan', name: input.officer.name }],
  };
}
