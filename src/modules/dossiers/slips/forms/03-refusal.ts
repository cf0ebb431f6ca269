// Phiếu từ chối tiếp nhận giải quyết hồ sơ (Circular 01/2018/TT-VPCP form 03).
import { numbered, paragraph, type SlipLayout } from '../layout.ts';
import type { RefusalSlip } from '../types.ts';
import { applicantLines, requestLines } from './dossier-lines.ts';

export function refusalLayout(input: RefusalSlip): SlipLayout {
  const { dossier } = input;
  return {
    title: ['Phiếu từ chối tiếp nhận giải quyết hồ sơ'],
    body: [
      paragraph(`Bộ phận Tiếp nhận và Trả kết quả ${input.agency.name}`),
      ...applicantLines(dossier),
      ...requestLines(dossier),
      paragraph('Qua xem xét, hồ sơ của Ông/Bà không đủ điều kiện tiếp nhận giải quyết. Lý do:'),
      numbered(input.reasons),
      paragraph('Xin thông báo để Ông/Bà được biết và thực hiện./.'),
    ],
    signers: [{ caption: input.officer.title ?? 'Người tiếp nhận hồ sơ', name: input.officer.name }],
  };
}
