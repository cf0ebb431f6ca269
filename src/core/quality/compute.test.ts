// The engine over small hand-computed bundles: one table per indicator (SPEC §1.4), T9/T10 of
// §1.7, null exclusion from the maxima, and properties of the whole index. March 2026 has no day
// off besides weekends (Mon 02/03 is a working day); Tết 2026 is Mon 16 – Fri 20/02.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIndex } from './compute.ts';
import { classifyDossier, processingOutcome, asOfInstant } from './dossier.ts';
import { feedbackOutcome } from './feedback.ts';
import { parsePeriod } from './period.ts';
import { reasonText } from './reasons.ts';
import { DEFAULT_QUALITY_SETTINGS, resolveSettings, type QualitySettings } from './settings.ts';
import { dvc, processed, qBundle, qDossier, qFeedback, qProcedure, testCalendar } from './testing.ts';
import type { QualityBundle, QualityDossier } from './types.ts';

const march = parsePeriod('2026-03');
const S = DEFAULT_QUALITY_SETTINGS;
const run = (bundle: QualityBundle, settings: QualitySettings = S, period = march) => computeIndex(bundle, period, settings, { workingDays: testCalendar, explain: true });
const ind = (bundle: QualityBundle, group: keyof ReturnType<typeof run>['groups'], id: string, settings?: QualitySettings) => run(bundle, settings).groups[group].indicators[id]!;
const pick = (r: { numerator: number | null; denominator: number | null; ratio: number | null; score: number | null }) => [r.numerator, r.denominator, r.ratio, r.score];

const outcome = (d: QualityDossier, settings: QualitySettings = S, period = march) => processingOutcome(d, undefined, period, settings, testCalendar, asOfInstant(period));

describe('2.1 on time (SPEC §1.4 2.1, §1.7 T9 T10)', () => {
  // T9: received WD1 Mon 02/03 09:00, due WD6 Mon 09/03 09:00; supplement requested WD3 Wed 04/03,
  // returned WD7 Tue 10/03 (4 WD excluded). The dossiers module synced NgayHenTra with the pause
  // already added (Fri 13/03); NgayHenTraTruoc of the round is the due before it.
  const t9 = (finished: string) =>
    processed('T9', '2026-03-02T09:00', '2026-03-13T09:00', finished, {
      DanhSachHoSoBoSung: [{ NgayBoSung: dvc('2026-03-04T09:00'), NgayTiepNhanBoSung: dvc('2026-03-10T09:00'), NgayHenTraTruoc: dvc('2026-03-09T09:00') }],
    });

  it('T9: finished WD9, end′ = WD9 − 4 WD = WD5 ≤ WD6: on time', () => {
    const o = outcome(t9('2026-03-12T09:00'));
    expect(o).toMatchObject({ inPopulation: true, endKind: 'processed', onTime: true, supplementWorkingMinutes: 4 * 480, dueAt: '2026-03-09T09:00:00+07:00' });
  });

  it('T9 variant: finished WD12, end′ = WD8 > WD6: overdue; the synced NgayHenTra would count the pause twice', () => {
    expect(outcome(t9('2026-03-17T09:00')).onTime).toBe(false);
    const synced = resolveSettings({ processing: { dueDate: 'synced' } });
    expect(outcome(t9('2026-03-17T09:00'), synced).onTime).toBe(true);
  });

  it('T10: two supplement requests ⇒ overdue regardless of dates', () => {
    const d = processed('T10', '2026-03-02T09:00', '2026-03-30T09:00', '2026-03-03T09:00', {
      DanhSachHoSoBoSung: [
        { NgayBoSung: dvc('2026-03-02T10:00'), NgayTiepNhanBoSung: dvc('2026-03-02T11:00'), NgayHenTraTruoc: '' },
        { NgayBoSung: dvc('2026-03-02T14:00'), NgayTiepNhanBoSung: dvc('2026-03-02T15:00'), NgayHenTraTruoc: '' },
      ],
    });
    expect(outcome(d)).toMatchObject({ inPopulation: true, onTime: false, supplementRequests: 2 });
    expect(reasonText(outcome(d).reason, 'en')).toMatch(/2 supplement requests/);
    expect(reasonText(outcome(d).reason, 'vi')).toBe('2 lần yêu cầu bổ sung (quá 1 lần): tính là trễ hạn');
  });

  const h = (at: string, status: string) => ({ ThoiDiemXuLy: dvc(at), TrangThai: status });
  it.each<[string, Partial<QualityDossier>, { inPopulation: boolean; endKind: string | null; onTime?: boolean | null }]>([
    [
      'Đã xử lý xong wins over Đã trả kết quả (processed Mon 09/03 on time, returned later)',
      { NgayHenTra: dvc('2026-03-09T17:00'), TrangThaiHoSo: '10', QuaTrinhXuLy: [h('2026-03-12T09:00', '10'), h('2026-03-09T09:00', '9')] },
      { inPopulation: true, endKind: 'processed', onTime: true },
    ],
    ['Đã trả kết quả without a 9 in the history', { TrangThaiHoSo: '10', NgayTra: dvc('2026-03-10T09:00') }, { inPopulation: true, endKind: 'returned', onTime: false }],
    ['Dừng xử lý', { TrangThaiHoSo: '8', QuaTrinhXuLy: [h('2026-03-05T09:00', '8')] }, { inPopulation: true, endKind: 'stopped', onTime: true }],
    ['Công dân rút hồ sơ (withdrawn after receipt)', { TrangThaiHoSo: '7', NgayKetThucXuLy: dvc('2026-03-04T09:00') }, { inPopulation: true, endKind: 'withdrawn', onTime: true }],
    [
      'one supplement request not answered: the end is the request',
      { TrangThaiHoSo: '5', DanhSachHoSoBoSung: [{ NgayBoSung: dvc('2026-03-05T09:00'), NgayTiepNhanBoSung: '', NgayHenTraTruoc: dvc('2026-03-09T09:00') }] },
      { inPopulation: true, endKind: 'awaiting_supplement', onTime: true },
    ],
    ['open at the period’s end, due passed: overdue', { NgayHenTra: dvc('2026-03-20T09:00') }, { inPopulation: true, endKind: 'open', onTime: false }],
    ['open at the period’s end, due in April: on time', { NgayHenTra: dvc('2026-04-10T09:00') }, { inPopulation: true, endKind: 'open', onTime: true }],
    [
      'processed in April: open at the end of March',
      { NgayHenTra: dvc('2026-03-20T09:00'), TrangThaiHoSo: '9', NgayKetThucXuLy: dvc('2026-04-02T09:00'), QuaTrinhXuLy: [h('2026-04-02T09:00', '9')] },
      { inPopulation: true, endKind: 'open', onTime: false },
    ],
    ['ended in February: not in March', { NgayTiepNhan: dvc('2026-02-02T09:00'), TrangThaiHoSo: '9', QuaTrinhXuLy: [h('2026-02-27T09:00', '9')] }, { inPopulation: false, endKind: 'processed' }],
    ['received in April: not in March', { NgayTiepNhan: dvc('2026-04-01T09:00') }, { inPopulation: false, endKind: null }],
    ['received in February, still open: in March', { NgayTiepNhan: dvc('2026-02-25T09:00'), NgayHenTra: dvc('2026-04-01T09:00') }, { inPopulation: true, endKind: 'open', onTime: true }],
    ['no NgayHenTra, no processing time: cannot be judged', { NgayHenTra: '', TrangThaiHoSo: '9', QuaTrinhXuLy: [h('2026-03-04T09:00', '9')] }, { inPopulation: true, endKind: 'processed', onTime: null }],
  ])('%s', (_name, over, expected) => {
    expect(outcome(qDossier('D', over))).toMatchObject(expected);
  });

  it('without NgayHenTra the procedure’s processing time gives the due (received + 5 WD = Mon 09/03 09:00)', () => {
    const p = qProcedure('1.000001', { processingTime: { value: 5, unit: 'working_days' } });
    const d = (finished: string) => qDossier('D', { NgayHenTra: '', TrangThaiHoSo: '9', QuaTrinhXuLy: [h(finished, '9')] });
    const at = asOfInstant(march);
    expect(processingOutcome(d('2026-03-09T09:00'), p, march, S, testCalendar, at)).toMatchObject({ onTime: true, dueAt: '2026-03-09T09:00:00+07:00' });
    expect(processingOutcome(d('2026-03-09T09:30'), p, march, S, testCalendar, at).onTime).toBe(false);
  });

  it('the current period is judged as of now: a dossier due later this month is not yet late', () => {
    const d = qDossier('D', { NgayHenTra: dvc('2026-03-20T09:00') });
    const now = new Date('2026-03-16T10:00:00+07:00');
    const c = classifyDossier(d, undefined, march, S, testCalendar, { now });
    expect(c.processing).toMatchObject({ endKind: 'open', onTime: true, endAt: '2026-03-16T10:00:00+07:00' });
  });

  it('through the engine: 3 on time of 4 → 75% → 15 points, with the late one explained', () => {
    const bundle = qBundle({
      dossiers: [
        processed('A', '2026-03-02T09:00', '2026-03-09T09:00', '2026-03-05T09:00'),
        processed('B', '2026-03-02T09:00', '2026-03-09T09:00', '2026-03-09T09:00'),
        processed('C', '2026-03-02T09:00', '2026-03-09T09:00', '2026-03-10T09:00'),
        qDossier('E', { NgayHenTra: dvc('2026-04-09T09:00') }),
        qDossier('F', { NgayHenTra: dvc('2026-03-03T09:00'), syncedToPortal: false }), // not on the portal: not counted
      ],
    });
    const r = ind(bundle, 'TDGQ', '2.1');
    expect(pick(r)).toEqual([3, 4, 75, 15]);
    expect(r.explain!.denominator).toEqual(['A', 'B', 'C', 'E']);
    expect(r.explain!.reasons.C).toMatch(/480 working minutes after NgayHenTra/);
    expect(pick(ind(bundle, 'TDGQ', '2.1', resolveSettings({ dossierScope: 'all' })))).toEqual([3, 5, 60, 12]);
  });
});

describe('CKMB 1.1–1.4', () => {
  const pub = (decidedOn: string, legalBasisEffectiveFrom: string, publishedOn: string | null = null) => ({ decidedOn, kind: 'new' as const, legalBasisEffectiveFrom, publishedOn });

  it('1.1: ministry 20 WD before the legal basis takes effect (01/04 − 20 WD = 04/03); province 5 WD (25/03); one late occurrence is enough', () => {
    const procedures = [
      qProcedure('P1', { publications: [pub('2026-03-04', '2026-04-01')] }),
      qProcedure('P2', { publications: [pub('2026-03-05', '2026-04-01')] }),
      qProcedure('P3', { publications: [pub('2026-03-02', '2026-06-01'), pub('2026-03-25', '2026-04-01')] }),
      qProcedure('P4', { publications: [pub('2026-02-02', '2026-04-01')] }), // decided in February
    ];
    const ministry = ind(qBundle({ procedures }), 'CKMB', '1.1');
    expect(pick(ministry)).toEqual([1, 3, 33.33, 2]);
    expect(ministry.explain!.reasons.P2).toMatch(/less than 20 working days/);
    expect(pick(ind(qBundle({ scope: { level: 'province' }, procedures }), 'CKMB', '1.1'))).toEqual([3, 3, 100, 6]);
  });

  it('1.2: published within 10 WD of the decision (02/03 → 16/03), plus those that must be published', () => {
    const procedures = [
      qProcedure('P1', { publications: [pub('2026-03-02', '2026-05-01', '2026-03-16')] }),
      qProcedure('P2', { publications: [pub('2026-03-02', '2026-05-01', '2026-03-17')] }),
      // Decided 02/02, due 23/02 (Tết in between), never published: must be published, late.
      qProcedure('P3', { publications: [pub('2026-02-02', '2026-05-01')] }),
      // Decided 25/03, due 08/04: not yet due at the end of March.
      qProcedure('P4', { publications: [pub('2026-03-25', '2026-05-01')] }),
      // Unpublished status: not "must be published".
      qProcedure('P5', { publicStatus: 'unpublished', publications: [pub('2026-02-02', '2026-05-01')] }),
    ];
    const r = ind(qBundle({ procedures }), 'CKMB', '1.2');
    expect(pick(r)).toEqual([1, 3, 33.33, 1.33]);
    expect(r.explain!.reasons.P3).toMatch(/not published by 2026-03-31; due 2026-02-23/);
    const literal = resolveSettings({ publication: { mustPublish: 'literal' } });
    expect(pick(ind(qBundle({ procedures }), 'CKMB', '1.2', literal))).toEqual([1, 4, 25, 1]);
  });

  it('1.3: public procedures with all seven parts; abolished ones are not counted', () => {
    const procedures = [
      qProcedure('P1'),
      qProcedure('P2', { publicStatus: 'published_amended', publicPartsComplete: false }),
      qProcedure('P3', { publicStatus: 'abolished', publicPartsComplete: false }),
    ];
    expect(pick(ind(qBundle({ procedures }), 'CKMB', '1.3'))).toEqual([1, 2, 50, 1]);
  });

  const received = (code: string, synced: boolean) => qDossier(code, { syncedToPortal: synced });
  it.each<[string, QualityBundle['reportCounts'], QualityDossier[], [number, number, number, number]]>([
    ['no BCQG figure: this system’s count stands in (3 synced of 4)', { bcqgReceived: null, previousYearBcqgTotal: null }, [received('A', true), received('B', true), received('C', true), received('D', false)], [3, 4, 75, 4.5]],
    ['BCQG 5 > 4 received here', { bcqgReceived: 5, previousYearBcqgTotal: null }, [received('A', true), received('B', true), received('C', true), received('D', false)], [3, 5, 60, 3.6]],
    ['fallback, month: 12,000 ÷ 12', { bcqgReceived: 0, previousYearBcqgTotal: 12_000 }, [], [0, 1000, 0, 0]],
    ['no previous year ⇒ R = 0 (scored 0, not null)', { bcqgReceived: null, previousYearBcqgTotal: null }, [], [0, 0, 0, 0]],
  ])('1.4: %s', (_name, reportCounts, dossiers, expected) => {
    expect(pick(ind(qBundle({ reportCounts, dossiers }), 'CKMB', '1.4'))).toEqual(expected);
  });

  it('1.4 fallback by period kind: quarter ÷ 4, year itself, custom prorated by days of the previous year', () => {
    const bundle = qBundle({ reportCounts: { bcqgReceived: 0, previousYearBcqgTotal: 12_000 } });
    const den = (p: string | { from: string; to: string }) => run(bundle, S, parsePeriod(p)).groups.CKMB.indicators['1.4']!.denominator;
    expect(den('2026-Q1')).toBe(3000);
    expect(den('2026')).toBe(12_000);
    expect(den({ from: '2026-03-01', to: '2026-03-31' })).toBe(round(12_000 * 31 / 365));
  });

  it('a group with null indicators counts only the rest in its maximum; so does the total', () => {
    // No procedures: 1.1–1.3 null; 1.4 R = 0 (no data) is kept.
    const r = run(qBundle({ procedures: [] }));
    expect(r.groups.CKMB).toMatchObject({ score: 0, max: 6 });
    expect(r.groups.CKMB.indicators['1.1']).toMatchObject({ ratio: null, score: null, max: 6 });
    expect(r.groups.TDGQ).toMatchObject({ score: null, max: 0 });
    expect(r.totalMax).toBe(6);
    expect(r.total).toBe(0);
    expect(r.band).toBe('Yếu');
  });
});

const round = (x: number) => Math.round(x * 100) / 100;

describe('CLGQ, TTTT', () => {
  const online = (code: string, over: Partial<QualityDossier> = {}) => qDossier(code, { KenhThucHien: '2', ...over });

  it('3.3 (T1 with the illustrative Pmax 6): 3 online of 10 × sync 100% = 30% → 3.60; with 8 of 10 synced the factor applies', () => {
    const dossiers = [...[1, 2, 3].map((i) => online(`O${i}`)), ...[4, 5, 6, 7, 8, 9, 10].map((i) => qDossier(`D${i}`))];
    const six = resolveSettings({ indicators: { '3.3': { points: 6, target: 50 } } });
    expect(pick(ind(qBundle({ dossiers }), 'CLGQ', '3.3', six))).toEqual([3, 10, 30, 3.6]);
    // 3.4 is null (no eligible procedure): CLGQ's maximum is 3.3's 6 (3.1 tracks with 0 points).
    expect(run(qBundle({ dossiers }), six).groups.CLGQ.max).toBe(6);
  });

  it('3.3: the sync ratio scales R; a document result without its file does not count', () => {
    const p = qProcedure('1.000001', { requiresDocumentResult: true });
    const dossiers = [
      online('O1', { DanhSachGiayToKetQua: [{ GiayToId: 'r1', DuongDanTepTinKetQua: 'https://x/r1' }] }),
      online('O2'),
      qDossier('D3'),
      qDossier('D4', { syncedToPortal: false }),
    ];
    // online 1 of 3 synced = 33.33%; sync 3 of 4 = 75% → 25%.
    const r = ind(qBundle({ procedures: [p], dossiers }), 'CLGQ', '3.3');
    expect(pick(r)).toEqual([1, 3, 25, 0]);
    expect(r.explain!.reasons.O2).toMatch(/no electronic result/);
  });

  it('3.4 (12 points, UNCONFIRMED definition): online dossiers of eligible procedures offered in full', () => {
    const procedures = [qProcedure('F', { fullOnlineEligible: true, onlineLevel: 'full' }), qProcedure('P', { fullOnlineEligible: true, onlineLevel: 'partial' }), qProcedure('N')];
    const dossiers = [online('A', { MaTTHC: 'F' }), online('B', { MaTTHC: 'F' }), qDossier('C', { MaTTHC: 'F' }), online('D', { MaTTHC: 'P' }), online('E', { MaTTHC: 'N' })];
    const r = ind(qBundle({ procedures, dossiers }), 'CLGQ', '3.4');
    expect(pick(r)).toEqual([2, 4, 50, 6]);
    expect(r.explain!.reasons.D).toMatch(/level partial/);
    expect(pick(ind(qBundle({ procedures, dossiers }), 'CLGQ', '3.4', resolveSettings({ fullOnline: { requireFullLevel: false } })))).toEqual([3, 4, 75, 9]);
  });

  it('3.1 (tracked): public procedures offered online, T 80, no points', () => {
    const procedures = [qProcedure('A', { onlineLevel: 'full' }), qProcedure('B', { onlineLevel: 'partial' }), qProcedure('C'), qProcedure('D', { publicStatus: 'abolished' })];
    expect(ind(qBundle({ procedures }), 'CLGQ', '3.1')).toMatchObject({ numerator: 2, denominator: 3, ratio: 66.67, max: 0, score: 0, target: 80 });
  });

  it('3.5, 3.5b, 3.6: fees and online payment', () => {
    const fee = (gia: number) => [{ Gia: gia }];
    const procedures = [qProcedure('A', { hasFees: true }), qProcedure('B', { hasFees: true }), qProcedure('C')];
    const dossiers = [
      qDossier('A1', { MaTTHC: 'A', DanhSachLePhi: fee(50_000), DuocThanhToanTrucTuyen: '1' }),
      qDossier('A2', { MaTTHC: 'A', DanhSachLePhi: fee(50_000), DuocThanhToanTrucTuyen: '3' }),
      qDossier('A3', { MaTTHC: 'A', DanhSachLePhi: fee(0) }), // all fee lines 0: out of 3.6
      // Not received yet, submitted in March: counts for 3.5 by NgayNopHoSo, not for 3.6.
      qDossier('B1', { MaTTHC: 'B', NgayTiepNhan: '', NgayNopHoSo: dvc('2026-03-30T20:00'), DanhSachLePhi: fee(10_000) }),
    ];
    const r = run(qBundle({ procedures, dossiers }));
    expect(pick(r.groups.TTTT.indicators['3.5']!)).toEqual([2, 2, 100, 2]);
    expect(pick(r.groups.TTTT.indicators['3.5b']!)).toEqual([1, 2, 50, 1.25]);
    expect(pick(r.groups.TTTT.indicators['3.6']!)).toEqual([1, 2, 50, 3]);
    expect(r.groups.TTTT).toMatchObject({ score: 6.25, max: 10 });
  });
});

describe('MDSH 4.1–4.5, 4.6', () => {
  const file = (over: Partial<QualityDossier['TaiLieuNop'][number]> = {}) => ({ IsDeleted: false, DuongDanTaiTepTin: 'https://x/f', DuocSoHoa: '0', DuocTaiSuDung: '0', DuocLayTuKhoDMQG: '0', ...over });
  const result = [{ GiayToId: 'r', DuongDanTepTinKetQua: 'https://x/r' }];

  it('4.1: dossiers of procedures with a document result, with the result file', () => {
    const procedures = [qProcedure('R', { requiresDocumentResult: true }), qProcedure('N')];
    const dossiers = [qDossier('A', { MaTTHC: 'R', DanhSachGiayToKetQua: result }), qDossier('B', { MaTTHC: 'R' }), qDossier('C', { MaTTHC: 'N' })];
    expect(pick(ind(qBundle({ procedures, dossiers }), 'MDSH', '4.1'))).toEqual([1, 2, 50, 3]);
    const finished = resolveSettings({ digitization: { resultPopulation: 'finished' } });
    expect(pick(ind(qBundle({ procedures, dossiers }), 'MDSH', '4.1', finished))).toEqual([0, 0, null, null]);
  });

  it('4.2 (T 80): a component file and, for a document result, a result file: 2 of 4 = 50% → 2.50', () => {
    const procedures = [qProcedure('R', { requiresDocumentResult: true }), qProcedure('N')];
    const dossiers = [
      qDossier('A', { MaTTHC: 'R', TaiLieuNop: [file()], DanhSachGiayToKetQua: result }),
      qDossier('B', { MaTTHC: 'R', TaiLieuNop: [file()] }),
      qDossier('C', { MaTTHC: 'N', TaiLieuNop: [file()] }),
      qDossier('D', { MaTTHC: 'N', TaiLieuNop: [file({ IsDeleted: true })] }),
    ];
    const r = ind(qBundle({ procedures, dossiers }), 'MDSH', '4.2');
    expect(pick(r)).toEqual([2, 4, 50, 2.5]);
    expect(r.explain!.reasons).toEqual({ B: 'no result file', D: 'no component file' });
  });

  it('4.3 (T 80), 4.4, 4.5b, 4.5a', () => {
    const procedures = [qProcedure('C', { subjects: ['citizen'] }), qProcedure('C2', { subjects: ['citizen', 'business'] }), qProcedure('B', { subjects: ['business'] })];
    const dossiers = [
      qDossier('A', { MaTTHC: 'C', HoSoCoThanhPhanSoHoa: '1', TaiKhoanDuocXacThucVoiVNeID: '1' }),
      qDossier('B', { MaTTHC: 'C2', TaiLieuNop: [file({ DuocLayTuKhoDMQG: '1' })] }),
      qDossier('C', { MaTTHC: 'C2', TaiLieuNop: [file({ DuocTaiSuDung: '1' })] }),
      qDossier('D', { MaTTHC: 'B', DSKetNoiCSDL: [{ MaCSDL: '7' }] }),
    ];
    const r = run(qBundle({ procedures, dossiers }));
    expect(pick(r.groups.MDSH.indicators['4.3']!)).toEqual([1, 4, 25, 0.63]);
    expect(pick(r.groups.MDSH.indicators['4.4']!)).toEqual([1, 4, 25, 1]);
    expect(pick(r.groups.MDSH.indicators['4.5b']!)).toEqual([2, 4, 50, 1]);
    expect(pick(r.groups.MDSH.indicators['4.5a']!)).toEqual([2, 2, 100, 2]);
    // The 4.6 certified-copy metric has no rule, and no procedure here has a document result (4.1):
    // both null, both left out of the maximum (22 − 2 − 6).
    expect(r.groups.MDSH.indicators['4.6']).toMatchObject({ numerator: null, denominator: null, ratio: null, score: null, max: 2 });
    expect(r.groups.MDSH.indicators['4.6']!.explain!.note).toMatch(/no rule/);
    expect(r.groups.MDSH.indicators['4.1']!.ratio).toBeNull();
    expect(r.groups.MDSH.max).toBe(14);
    // Settings: DuocTaiSuDung as a reuse flag; "7" as the population database's code.
    const s = resolveSettings({ digitization: { reuseFlags: ['HoSoCoThanhPhanSoHoa', 'DuocTaiSuDung'], populationDatabaseCodes: ['7'] } });
    const r2 = run(qBundle({ procedures, dossiers }), s);
    expect(r2.groups.MDSH.indicators['4.3']!.numerator).toBe(2);
    expect(r2.groups.MDSH.indicators['4.5b']!.numerator).toBe(3);
  });
});

describe('MDHL 5.1–5.4', () => {
  const t = (local: string) => `${local}:00+07:00`;
  // Base Mon 02/03: +2 WD = Wed 04/03, +5 = Mon 09/03, +15 = Mon 23/03.
  it.each<[string, Parameters<typeof qFeedback>[2], boolean]>([
    ['rejected within 2 WD', { rejectedAt: t('2026-03-04T16:00') }, true],
    ['rejected on the 3rd WD', { rejectedAt: t('2026-03-05T08:00') }, false],
    ['rejected 2 WD after the latest transfer (Thu 05 → Mon 09)', { transferredAt: [t('2026-03-03T09:00'), t('2026-03-05T09:00')], rejectedAt: t('2026-03-09T09:00') }, true],
    ['first supplement request within 5 WD', { firstSupplementRequestAt: t('2026-03-09T16:00'), processedAt: t('2026-03-12T09:00'), publishedAt: t('2026-03-12T10:00') }, true],
    ['first supplement request on the 6th WD', { firstSupplementRequestAt: t('2026-03-10T08:00'), processedAt: t('2026-03-12T09:00'), publishedAt: t('2026-03-12T10:00') }, false],
    ['processed within 15 WD, published 2 WD later', { processedAt: t('2026-03-23T10:00'), publishedAt: t('2026-03-25T10:00') }, true],
    ['processed on the 16th WD', { processedAt: t('2026-03-24T10:00'), publishedAt: t('2026-03-24T11:00') }, false],
    ['processed within 15 WD of a transfer (Tue 03 → Tue 24)', { transferredAt: [t('2026-03-03T09:00')], processedAt: t('2026-03-24T10:00'), publishedAt: t('2026-03-24T11:00') }, true],
    ['published 3 WD after processing', { processedAt: t('2026-03-10T10:00'), publishedAt: t('2026-03-13T10:00') }, false],
    ['processed, not yet published at the end of March (due 2 WD after 10/03)', { processedAt: t('2026-03-10T10:00') }, false],
    ['in progress past 15 WD at the end of March', {}, false],
  ])('5.2: %s', (_name, over, onTime) => {
    const f = qFeedback('F', t('2026-03-02T09:00'), over);
    expect(feedbackOutcome(f, asOfInstant(march), S, testCalendar).onTime).toBe(onTime);
  });

  it('5.2: still in progress within 15 WD (received 20/03, due 10/04)', () => {
    expect(feedbackOutcome(qFeedback('F', t('2026-03-20T09:00')), asOfInstant(march), S, testCalendar).onTime).toBe(true);
  });

  it('5.2 in working time: the deadline is the instant, not the day', () => {
    const f = qFeedback('F', t('2026-03-02T09:00'), { rejectedAt: t('2026-03-04T16:00') });
    const wt = resolveSettings({ feedback: { deadlineArithmetic: 'working_time' } });
    expect(feedbackOutcome(f, asOfInstant(march), wt, testCalendar).onTime).toBe(false); // due Wed 04/03 09:00
  });

  it('5.1, 5.2, 5.3 through the engine', () => {
    const feedback = [
      qFeedback('K1', t('2026-03-02T09:00'), { processedAt: t('2026-03-05T09:00'), publishedAt: t('2026-03-05T10:00'), likes: 3, dislikes: 1 }),
      qFeedback('K2', t('2026-03-02T09:00'), { processedAt: t('2026-03-05T09:00'), publishedAt: t('2026-03-05T10:00'), likes: 0, dislikes: 2, classification: 'conduct' }),
      qFeedback('K3', t('2026-03-02T09:00'), { processedAt: t('2026-03-27T09:00'), publishedAt: t('2026-03-27T10:00') }),
      qFeedback('K0', t('2026-02-27T09:00')), // received in February: not counted
    ];
    const r = run(qBundle({ feedback }));
    expect(pick(r.groups.MDHL.indicators['5.1a']!)).toEqual([2, 3, 66.67, 0]);
    expect(pick(r.groups.MDHL.indicators['5.1b']!)).toEqual([1, 3, 33.33, 0]);
    expect(pick(r.groups.MDHL.indicators['5.2']!)).toEqual([2, 3, 66.67, 4]);
    const s53 = r.groups.MDHL.indicators['5.3']!;
    expect(pick(s53)).toEqual([1, 3, 33.33, 2]);
    expect(s53.explain!.reasons).toEqual({ K2: '2 dislikes > 0 likes', K3: 'overdue' });
  });

  it('5.4 (T 90): overdue 25% + PAKN/dislike 50% of the 2.1 population → R 25 → 1.67', () => {
    const dossiers = [
      processed('A', '2026-03-02T09:00', '2026-03-09T09:00', '2026-03-05T09:00'),
      processed('B', '2026-03-02T09:00', '2026-03-09T09:00', '2026-03-10T09:00'), // late
      processed('C', '2026-03-02T09:00', '2026-03-09T09:00', '2026-03-05T09:00'), // a PAKN about it
      processed('D', '2026-03-02T09:00', '2026-03-09T09:00', '2026-03-05T09:00'), // disliked
    ];
    const bundle = qBundle({ dossiers, feedback: [qFeedback('K', t('2026-03-06T09:00'), { dossierCode: 'C' })], ratings: [{ dossierCode: 'D', value: 'dislike' }, { dossierCode: 'A', value: 'like' }] });
    const r = ind(bundle, 'MDHL', '5.4');
    expect(pick(r)).toEqual([1, 4, 25, 1.67]);
    expect(r.explain!.note).toBe('R = 100 − (overdue rate 25% + PAKN/dislike rate 50%)');
    expect(r.explain!.reasons).toEqual({ B: 'overdue', C: 'has a PAKN', D: 'rated "dislike"' });
  });
});

describe('the whole index', () => {
  const bundle = qBundle({
    procedures: [qProcedure('1.000001', { requiresDocumentResult: true, fullOnlineEligible: true, onlineLevel: 'full', hasFees: true })],
    dossiers: [
      processed('A', '2026-03-02T09:00', '2026-03-09T09:00', '2026-03-05T09:00', { KenhThucHien: '2', DanhSachLePhi: [{ Gia: 1000 }], DuocThanhToanTrucTuyen: '1' }),
      processed('B', '2026-03-02T09:00', '2026-03-09T09:00', '2026-03-10T09:00'),
    ],
  });

  it('total = the sum of the non-null group scores; totalMax the sum of their maxima; every score within its max', () => {
    const r = run(bundle);
    const groups = Object.values(r.groups);
    expect(r.total).toBe(round(groups.reduce((s, g) => s + (g.score ?? 0), 0)));
    expect(r.totalMax).toBe(groups.reduce((s, g) => s + (g.score === null ? 0 : g.max), 0));
    for (const g of groups) for (const i of Object.values(g.indicators)) if (i.score !== null) expect(i.score).toBeLessThanOrEqual(i.max);
    expect(Object.keys(r)).toEqual(['period', 'total', 'totalMax', 'band', 'groups']);
    expect(Object.keys(r.groups)).toEqual(['CKMB', 'TDGQ', 'CLGQ', 'TTTT', 'MDSH', 'MDHL']);
    expect(Object.keys(r.groups.TDGQ.indicators['2.1']!)).toEqual(['numerator', 'denominator', 'ratio', 'target', 'max', 'score', 'explain']);
    expect(Object.keys(computeIndex(bundle, march, S, { workingDays: testCalendar }).groups.TDGQ.indicators['2.1']!)).not.toContain('explain');
  });

  it('classifyDossier agrees with computeIndex for every dossier indicator', () => {
    const r = run(bundle);
    const p = bundle.procedures[0];
    const parts = bundle.dossiers.map((d) => classifyDossier(d, p, march, S, testCalendar));
    for (const id of ['2.1', '3.3', '3.4', '3.6', '4.1', '4.2', '4.3', '4.4', '4.5b'] as const) {
      const group = Object.values(r.groups).find((g) => id in g.indicators)!;
      expect([group.indicators[id]!.numerator, group.indicators[id]!.denominator], id).toEqual([
        parts.filter((c) => c.indicators[id]?.numerator && c.indicators[id]?.denominator).length,
        parts.filter((c) => c.indicators[id]?.denominator).length,
      ]);
    }
  });

  // A random dossier of March–April 2026 with random fields.
  const arbDossier = fc
    .record({
      recvDay: fc.integer({ min: 1, max: 40 }),
      dueDays: fc.integer({ min: 0, max: 20 }),
      endDays: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
      status: fc.constantFrom('9', '10', '8', '7'),
      supplements: fc.integer({ min: 0, max: 2 }),
      online: fc.boolean(),
      synced: fc.boolean(),
      fee: fc.constantFrom(0, 1000),
      paid: fc.constantFrom('1', '2', '3'),
      vneid: fc.boolean(),
    });
  type Drawn = typeof arbDossier extends fc.Arbitrary<infer T> ? T : never;
  const day = (n: number) => {
    const d = new Date(Date.UTC(2026, 1, 20 + n));
    return `${d.toISOString().slice(0, 10)}T09:00`;
  };
  const build = (x: Drawn, code: string): QualityDossier =>
    qDossier(code, {
      KenhThucHien: x.online ? '2' : '1',
      NgayTiepNhan: dvc(day(x.recvDay)),
      NgayHenTra: dvc(day(x.recvDay + x.dueDays)),
      TrangThaiHoSo: x.endDays === null ? '4' : x.status,
      NgayKetThucXuLy: x.endDays === null ? '' : dvc(day(x.recvDay + x.endDays)),
      QuaTrinhXuLy: x.endDays === null ? [] : [{ ThoiDiemXuLy: dvc(day(x.recvDay + x.endDays)), TrangThai: x.status }],
      DanhSachHoSoBoSung: Array.from({ length: x.supplements }, (_, i) => ({ NgayBoSung: dvc(day(x.recvDay + i)), NgayTiepNhanBoSung: dvc(day(x.recvDay + i + 1)), NgayHenTraTruoc: '' })),
      DanhSachLePhi: [{ Gia: x.fee }],
      DuocThanhToanTrucTuyen: x.paid,
      TaiKhoanDuocXacThucVoiVNeID: x.vneid ? '1' : '0',
      syncedToPortal: x.synced,
    });

  it('property: scores within [0, max], ratios within [0, 100], total = sum of non-null group scores', () => {
    fc.assert(
      fc.property(fc.array(arbDossier, { maxLength: 12 }), (xs) => {
        const b = { ...bundle, dossiers: xs.map((x, i) => build(x, `D${i}`)) };
        const r = computeIndex(b, march, S, { workingDays: testCalendar });
        let sum = 0;
        let max = 0;
        for (const g of Object.values(r.groups)) {
          if (g.score !== null) {
            sum += g.score;
            max += g.max;
            expect(g.score).toBeLessThanOrEqual(g.max + 1e-9);
          }
          for (const i of Object.values(g.indicators)) {
            if (i.ratio !== null) expect(i.ratio >= 0 && i.ratio <= 100).toBe(true);
            if (i.score !== null) expect(i.score >= 0 && i.score <= i.max).toBe(true);
            if (i.numerator !== null && i.denominator !== null && i.ratio !== null) expect(i.numerator).toBeLessThanOrEqual(i.denominator);
          }
        }
        expect(r.total).toBe(round(sum));
        expect(r.totalMax).toBe(round(max));
      }),
      { numRuns: 60 },
    );
  });

  it('property: adding an on-time dossier never lowers 2.1’s ratio', () => {
    const onTime = processed('NEW', '2026-03-10T09:00', '2026-03-17T09:00', '2026-03-12T09:00');
    fc.assert(
      fc.property(fc.array(arbDossier, { maxLength: 12 }), (xs) => {
        const dossiers = xs.map((x, i) => build(x, `D${i}`));
        const before = computeIndex({ ...bundle, dossiers }, march, S, { workingDays: testCalendar }).groups.TDGQ.indicators['2.1']!.ratio;
        const after = computeIndex({ ...bundle, dossiers: [...dossiers, onTime] }, march, S, { workingDays: testCalendar }).groups.TDGQ.indicators['2.1']!.ratio!;
        expect(after).toBeGreaterThanOrEqual(before ?? 0);
      }),
      { numRuns: 60 },
    );
  });
});
