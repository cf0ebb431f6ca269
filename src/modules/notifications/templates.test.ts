import { describe, expect, it } from 'vitest';
import { formatInstant, formatVnd, NOTIFICATION_TEMPLATES, renderNotification, type NotificationDataMap, type NotificationTemplate } from './templates.ts';

const base = {
  dossierCode: '000.00.01.H01-260305-0001',
  procedureName: 'Cấp giấy phép hoạt động thử nghiệm công nghệ',
  applicantName: 'Nguyễn Thị Hường',
  lookupUrl: 'https://dichvucong.example.gov.vn/tra-cuu?ma=000.00.01.H01-260305-0001',
};
const due = '2026-03-05T10:00:00Z'; // 17:00 in Hà Nội

const samples: { [T in NotificationTemplate]: { data: NotificationDataMap[T]; vi: string[]; en: string[] } } = {
  'dossier.received': { data: { ...base, dueAt: due }, vi: ['đã được tiếp nhận', '17:00 ngày 05/03/2026', 'Giấy tiếp nhận'], en: ['received', '17:00 on 05/03/2026', 'attached'] },
  'dossier.completion_requested': { data: { ...base, reason: 'Thiếu bản sao chứng thực Giấy chứng nhận đăng ký doanh nghiệp.' }, vi: ['cần được hoàn thiện', 'chưa được tiếp nhận', 'Thiếu bản sao'], en: ['needs completing', 'not been received'] },
  'dossier.supplement_requested': { data: { ...base, reason: 'Bổ sung bản thuyết minh kỹ thuật.', dueAt: due }, vi: ['Đề nghị bổ sung', 'Thời hạn bổ sung: 17:00 ngày 05/03/2026'], en: ['more documents', 'by 17:00 on 05/03/2026'] },
  'dossier.payment_requested': { data: { ...base, paymentUrl: 'https://thanhtoan.example.gov.vn/p/abc', amountVnd: 150000 }, vi: ['nộp phí, lệ phí', '150.000 ₫', 'https://thanhtoan.example.gov.vn/p/abc'], en: ['Amount due: 150.000 ₫'] },
  'dossier.apologized': { data: { ...base, newDueAt: '2026-03-12T03:30:00Z', reason: 'Cần lấy ý kiến của cơ quan phối hợp.' }, vi: ['chân thành xin lỗi', '10:30 ngày 12/03/2026', 'Lý do: Cần lấy ý kiến'], en: ['apologise', '10:30 on 12/03/2026'] },
  'dossier.result_ready': { data: base, vi: ['Đã có kết quả'], en: ['result ready'] },
  'dossier.result_returned': { data: base, vi: ['Đã trả kết quả', 'mức độ hài lòng'], en: ['delivered', 'satisfied'] },
  'dossier.refused': { data: { ...base, reason: 'Không đủ điều kiện theo quy định.' }, vi: ['không được giải quyết', 'từ chối', 'Lý do: Không đủ điều kiện'], en: ['refused'] },
  'dossier.stopped': { data: { ...base, reason: 'Tổ chức giải thể.' }, vi: ['Dừng giải quyết', 'Lý do: Tổ chức giải thể.'], en: ['stopped'] },
  'dossier.withdrawn': { data: base, vi: ['đã được rút'], en: ['withdrawn'] },
  'dossier.step_due_soon': { data: { ...base, dueAt: due }, vi: ['Sắp đến hạn xử lý', 'đồng chí', 'Người nộp: Nguyễn Thị Hường'], en: ['due soon', 'Applicant: Nguyễn Thị Hường'] },
  'dossier.step_overdue': { data: { ...base, dueAt: due }, vi: ['Quá hạn xử lý', 'khẩn trương'], en: ['overdue since 17:00 on 05/03/2026'] },
  'dossier.due_soon': { data: { ...base, dueAt: due }, vi: ['sắp đến hạn trả kết quả'], en: ['is due soon'] },
  'feedback.due_soon': { data: { ...base, dueAt: due, what: 'process' }, vi: ['sắp đến hạn xử lý', 'xử lý xong trước 17:00 ngày 05/03/2026'], en: ['processed by 17:00 on 05/03/2026'] },
  'feedback.overdue': { data: { ...base, dueAt: due, what: 'publish' }, vi: ['Quá hạn công khai', 'khẩn trương'], en: ['overdue since 17:00 on 05/03/2026'] },
};

describe('notification templates', () => {
  it('have a sample here for each template', () => {
    expect(Object.keys(samples).sort()).toEqual([...NOTIFICATION_TEMPLATES].sort());
  });

  it.each(NOTIFICATION_TEMPLATES)('%s renders both languages, Vietnamese first, with diacritics intact', (template) => {
    const sample = samples[template];
    const r = renderNotification(template, sample.data as never);
    for (const s of [r.subject, r.text, r.html, r.sms]) expect(s).toBe(s.normalize('NFC'));
    expect(r.subject).toContain(base.dossierCode);
    expect(r.subject).toMatch(/ \/ /);
    const [viText, enText] = r.text.split('----------------------------------------');
    for (const phrase of sample.vi) expect(viText).toContain(phrase);
    for (const phrase of sample.en) expect(enText).toContain(phrase);
    expect(viText).toContain('Kính gửi');
    expect(viText).toContain(`Thủ tục: ${base.procedureName}`);
    expect(enText).toContain('Dear');
    expect(enText).toContain(`Procedure: ${base.procedureName}`);
    expect(r.text).toContain(base.lookupUrl);
    expect(r.html.indexOf('<section lang="vi">')).toBeGreaterThan(0);
    expect(r.html.indexOf('<section lang="vi">')).toBeLessThan(r.html.indexOf('<section lang="en">'));
    expect(r.html).toContain('Nguyễn Thị Hường');
    // Applicants are greeted by name; officers by their own (given by the caller) or generically.
    if (r.audience === 'applicant') expect(viText).toContain('Kính gửi Nguyễn Thị Hường,');
    else expect(viText).toContain('Kính gửi Quý Ông/Bà,');
  });

  it('normalizes decomposed input to NFC and escapes HTML', () => {
    const decomposed = 'Nguyễn Văn Hùng <b>'.normalize('NFD');
    expect(decomposed).not.toBe(decomposed.normalize('NFC'));
    const r = renderNotification('dossier.refused', { ...base, applicantName: decomposed, reason: 'Hồ sơ giả mạo'.normalize('NFD') }, undefined);
    expect(r.text).toContain('Kính gửi Nguyễn Văn Hùng <b>,');
    expect(r.text).toContain('Lý do: Hồ sơ giả mạo');
    expect(r.html).toContain('Nguyễn Văn Hùng &lt;b&gt;');
    expect(r.html).not.toContain('<b>');
  });

  it('greets an officer by the name given', () => {
    const r = renderNotification('dossier.step_overdue', { ...base, dueAt: due }, 'Trần Quốc Đạt');
    expect(r.text).toContain('Kính gửi Trần Quốc Đạt,');
    expect(r.text).toContain('Dear Trần Quốc Đạt,');
  });

  it('shows instants in Vietnam time and money in dong', () => {
    expect(formatInstant('2026-03-05T10:00:00Z', 'vi')).toBe('17:00 ngày 05/03/2026');
    expect(formatInstant('2026-12-31T17:05:00Z', 'vi')).toBe('00:05 ngày 01/01/2027');
    expect(formatInstant('2026-03-05T17:00:00+07:00', 'en')).toBe('17:00 on 05/03/2026');
    expect(formatVnd(150000)).toBe('150.000 ₫');
    expect(formatVnd(0)).toBe('0 ₫');
    expect(formatVnd(1234567890)).toBe('1.234.567.890 ₫');
    expect(() => formatVnd(1.5)).toThrow();
    expect(() => formatInstant('05/03/2026', 'vi')).toThrow();
  });

  it('refuses data without the dossier facts', () => {
    expect(() => renderNotification('dossier.withdrawn', { ...base, dossierCode: '' })).toThrow(/dossierCode/);
  });
});
