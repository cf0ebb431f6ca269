// The lines about the dossier and its applicant that several slips print the same way.
import type { Content } from 'pdfmake/interfaces.js';
import { field } from '../layout.ts';
import type { SlipChannel, SlipDossier } from '../types.ts';

const CHANNELS: Record<SlipChannel, string> = {
  1: 'Trực tiếp',
  2: 'Trực tuyến',
  3: 'Qua dịch vụ bưu chính',
};

export const channelName = (channel: SlipChannel): string => CHANNELS[channel];

/** Applicant, identity number, address and contacts (each printed only when known, name always). */
export function applicantLines(dossier: SlipDossier): Content[] {
  const lines: Content[] = [field('Tiếp nhận hồ sơ của', dossier.applicantName, true)];
  if (dossier.submitter) lines.push(field('Người nộp hồ sơ', dossier.submitter));
  if (dossier.applicantIdNumber) lines.push(field('Số định danh cá nhân/mã số doanh nghiệp', dossier.applicantIdNumber));
  lines.push(field('Địa chỉ', dossier.applicantAddress));
  const contacts = [
    dossier.applicantPhone ? `Số điện thoại: ${dossier.applicantPhone}` : undefined,
    dossier.applicantEmail ? `Thư điện tử: ${dossier.applicantEmail}` : undefined,
  ].filter((s): s is string => s !== undefined);
  if (contacts.length > 0) lines.push({ text: contacts.join('    '), margin: [0, 0, 0, 3] });
  return lines;
}

/** The request: the procedure and the dossier code. */
export function requestLines(dossier: SlipDossier): Content[] {
  return [
    field('Nội dung yêu cầu giải quyết', `${dossier.procedureName} (mã thủ tục ${dossier.procedureCode})`),
    field('Mã hồ sơ', dossier.code, true),
  ];
}

/** The applicant as addressed in a letter: "Kính gửi: …". */
export function addressee(dossier: SlipDossier): Content {
  return { text: `Kính gửi: ${dossier.applicantName}`, alignment: 'center', margin: [0, 0, 0, 8] };
}
