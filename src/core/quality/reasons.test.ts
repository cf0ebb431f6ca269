// The reasons of `--explain` say the same thing in English (the command line's words, unchanged)
// and in Vietnamese (the officers' page), from one code and its values.
import { describe, expect, it } from 'vitest';
import { REASON_CODES, reason, reasonText, type Reason } from './reasons.ts';

describe('reasonText', () => {
  const cases: Array<{ reason: Reason; en: string; vi: string }> = [
    { reason: reason('not_synced'), en: 'not synced to the national portal', vi: 'chưa đồng bộ lên Cổng Dịch vụ công quốc gia' },
    {
      reason: reason('late', { kind: 'processed', endAt: '2026-03-10T10:00:00+07:00', minutes: 480, dueSource: 'NgayHenTra', dueAt: '2026-03-09T10:00:00+07:00', supplementMinutes: 0 }),
      en: 'ended (processed) 2026-03-10T10:00:00+07:00, 480 working minutes after NgayHenTra 2026-03-09T10:00:00+07:00',
      vi: 'kết thúc (xử lý xong) 10:00 10/03/2026, quá ngày hẹn trả 10:00 09/03/2026 480 phút làm việc',
    },
    {
      reason: reason('late', { kind: 'open', endAt: 'E', minutes: 60, dueSource: 'processing_time', limitValue: 5, limitUnit: 'working_days', dueAt: 'D', supplementMinutes: 30 }),
      en: 'still open at E, 60 working minutes after received + 5 working_days D (30 min of supplement time excluded)',
      vi: 'vẫn chưa kết thúc lúc E, quá tiếp nhận + 5 ngày làm việc D 60 phút làm việc (đã trừ 30 phút chờ bổ sung)',
    },
    { reason: reason('on_time', { endAt: 'E', kind: 'returned', dueSource: 'first_round', dueAt: 'D' }), en: 'ended E (returned) by the due date before the first supplement D', vi: 'kết thúc E (đã trả kết quả), trong hạn hạn trả trước lần bổ sung đầu tiên D' },
    { reason: reason('classified', { classification: '' }), en: 'classified not yet', vi: 'chưa phân loại' },
    { reason: reason('classified', { classification: 'conduct' }), en: 'classified conduct', vi: 'phân loại: về hành vi, thái độ' },
    {
      reason: [...reason('overdue'), ...reason('has_feedback'), ...reason('disliked')],
      en: 'overdue; has a PAKN; rated "dislike"',
      vi: 'trễ hạn; có phản ánh, kiến nghị; được đánh giá "không hài lòng"',
    },
    {
      reason: [{ code: 'feedback_late', params: { step: 'rejected', at: '2026-03-05T16:30:00+07:00', days: 2, from: '2026-03-02T08:00:00+07:00' } }],
      en: 'rejected 2026-03-05T16:30:00+07:00 later than 2 working days after 2026-03-02T08:00:00+07:00',
      vi: 'từ chối lúc 16:30 05/03/2026, quá 2 ngày làm việc kể từ 08:00 02/03/2026',
    },
    {
      reason: reason('announced_late', { decidedOn: '2026-03-04', lead: 20, effectiveFrom: '2026-03-15' }),
      en: 'decided 2026-03-04, less than 20 working days before the legal basis takes effect (2026-03-15)',
      vi: 'quyết định công bố ngày 04/03/2026, chưa đủ 20 ngày làm việc trước ngày văn bản quy định có hiệu lực (15/03/2026)',
    },
    { reason: reason('online_level', { level: 'partial' }), en: 'the procedure is offered online at level partial', vi: 'thủ tục chỉ cung cấp trực tuyến một phần' },
    {
      reason: reason('note_sync_max', { bcqg: 12, localCount: 1, synced: 9, denominator: 12 }),
      en: 'D = max(BCQG 12 (this system’s count of received dossiers), synced 9) = 12',
      vi: 'Mẫu số = max(BCQG 12 (số hồ sơ tiếp nhận của hệ thống), đã đồng bộ 9) = 12',
    },
    { reason: reason('online_level', { level: '' }), en: 'the procedure is offered online at level none', vi: 'thủ tục không cung cấp trực tuyến' },
  ];
  it.each(cases)('$en', ({ reason: r, en, vi }) => {
    expect(reasonText(r, 'en')).toBe(en);
    expect(reasonText(r, 'vi')).toBe(vi);
  });

  it('has a Vietnamese text of its own for every code', () => {
    for (const code of REASON_CODES) {
      const vi = reasonText(reason(code, {}), 'vi');
      expect(vi.length, code).toBeGreaterThan(3);
      expect(vi, code).not.toBe(reasonText(reason(code, {}), 'en'));
      expect(vi.normalize('NFC'), code).toBe(vi);
    }
  });
});
