// openJudgement: for an open dossier, the instant from which an end finds it overdue (SPEC §1.4
// 2.1 steps 3–4), hand-checked against the working calendar: due Mon 09/03/2026 09:00, so the
// first late instant is just after 09:00 that day; a supplement of one working day moves it one
// working day on; over the supplement limit it is late from the start; without a due date and a
// processing time it cannot be judged.
import { describe, expect, it } from 'vitest';
import { openJudgement, processingOutcome, syncInstant } from './dossier.ts';
import { DEFAULT_QUALITY_SETTINGS } from './settings.ts';
import { dvc, qDossier, qProcedure, testCalendar } from './testing.ts';
import type { QualityDossier } from './types.ts';

const at = (local: string) => new Date(`${local}:00+07:00`).getTime();
const settings = DEFAULT_QUALITY_SETTINGS;
const judgeAt = (d: QualityDossier, ms: number) => processingOutcome(d, undefined, { kind: 'custom', from: '2026-03-02', to: '2199-12-31' }, settings, testCalendar, ms).onTime;

const open = qDossier('A', { NgayTiepNhan: dvc('2026-03-02T09:00'), NgayHenTra: dvc('2026-03-09T09:00'), QuaTrinhXuLy: [{ ThoiDiemXuLy: dvc('2026-03-02T09:00'), TrangThai: '2' }] });
const supplemented = qDossier('B', {
  NgayTiepNhan: dvc('2026-03-02T09:00'),
  NgayHenTra: dvc('2026-03-09T09:00'),
  // Requested Tue 03/03 09:00, returned Wed 04/03 09:00: one working day (8 working hours) paused.
  DanhSachHoSoBoSung: [{ NgayBoSung: dvc('2026-03-03T09:00'), NgayTiepNhanBoSung: dvc('2026-03-04T09:00'), NgayHenTraTruoc: '' }],
});

describe('openJudgement', () => {
  it('splits on time from late at one instant, the one processingOutcome itself draws', () => {
    const j = openJudgement(open, undefined, settings, testCalendar, at('2026-03-02T10:00'))!;
    expect(j.judged).toBe(true);
    expect(j.lateFrom).toBeGreaterThan(syncInstant(open.NgayHenTra)!);
    expect(j.lateFrom).toBeLessThanOrEqual(at('2026-03-09T09:01'));
    expect(judgeAt(open, j.lateFrom!)).toBe(false);
    expect(judgeAt(open, j.lateFrom! - 1)).toBe(true);
  });

  it('a returned supplement moves it by the working time paused', () => {
    const j = openJudgement(supplemented, undefined, settings, testCalendar, at('2026-03-04T10:00'))!;
    expect(j.lateFrom).toBeGreaterThan(at('2026-03-10T09:00'));
    expect(j.lateFrom).toBeLessThanOrEqual(at('2026-03-10T09:01'));
    expect(judgeAt(supplemented, j.lateFrom! - 1)).toBe(true);
  });

  it('already late at its last action: late from then; no due and no processing time: not judged; not open: undefined', () => {
    expect(openJudgement(open, undefined, settings, testCalendar, at('2026-03-10T10:00'))).toEqual({ judged: true, lateFrom: at('2026-03-10T10:00') });
    const noDue = { ...open, NgayHenTra: '' };
    expect(openJudgement(noDue, undefined, settings, testCalendar, at('2026-03-02T10:00'))).toEqual({ judged: false, lateFrom: null });
    const byProcedure = openJudgement(noDue, qProcedure('1.000001', { processingTime: { value: 5, unit: 'working_days' } }), settings, testCalendar, at('2026-03-02T10:00'))!;
    expect(byProcedure.lateFrom).toBeGreaterThan(at('2026-03-09T09:00'));
    const done = { ...open, TrangThaiHoSo: '9', NgayKetThucXuLy: dvc('2026-03-05T09:00') };
    expect(openJudgement(done, undefined, settings, testCalendar, at('2026-03-06T10:00'))).toBeUndefined();
  });
});
