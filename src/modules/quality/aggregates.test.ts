// The real-time aggregates equal a full recompute: random dossier histories are fed to the
// counters one state at a time (as the actions arrive), and for every period kind and scope the
// answer from the counters is the index computeIndex gives over the bundle of the final records.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIndex, parsePeriod, resolveSettings, type QualityBundle, type QualityDossier, type QualityProcedure, type QualitySettings } from '../../core/quality/index.ts';
import { dvc, qDossier, qFeedback, qProcedure, testCalendar } from '../../core/quality/testing.ts';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { aggregateIndex, applyFact, pieces, type FactInput } from './aggregates.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await database?.close();
});

const PROCEDURES: QualityProcedure[] = [
  qProcedure('1.000001', { processingTime: { value: 5, unit: 'working_days' }, hasFees: true, fullOnlineEligible: true, onlineLevel: 'full' }),
  qProcedure('1.000002', { requiresDocumentResult: true, onlineLevel: 'partial', subjects: ['citizen', 'business'] }),
  qProcedure('1.000003', { processingTime: { value: 3, unit: 'calendar_days' } }),
];
const UNITS = ['u1', 'u2', 'u3'];
const NOW = new Date('2026-03-25T12:00:00+07:00');
const DAY = 86_400_000;
const BASE = Date.parse('2026-01-05T08:00:00+07:00');

/** `yyyyMMddHHmmss` (local) of an instant. */
const local = (ms: number) => {
  const d = new Date(ms + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}00`;
};

const arbDossier = (i: number) =>
  fc
    .record({
      procedure: fc.integer({ min: 0, max: 2 }),
      units: fc.subarray(UNITS, { minLength: 1, maxLength: 2 }),
      receivedDay: fc.integer({ min: 0, max: 75 }),
      hour: fc.integer({ min: 0, max: 8 }),
      dueDays: fc.integer({ min: 1, max: 12 }),
      end: fc.constantFrom('open', 'processed', 'returned', 'refused', 'open'),
      endDays: fc.integer({ min: 0, max: 20 }),
      supplements: fc.integer({ min: 0, max: 2 }),
      supplementReturned: fc.boolean(),
      online: fc.boolean(),
      files: fc.boolean(),
      fee: fc.boolean(),
      paid: fc.boolean(),
      vneid: fc.boolean(),
      result: fc.boolean(),
      synced: fc.boolean(),
      resultInStore: fc.boolean(),
    })
    .map((g) => {
      const received = BASE + g.receivedDay * DAY + g.hour * 3_600_000;
      const states: Array<{ record: QualityDossier; at: number }> = [];
      const history = [{ ThoiDiemXuLy: local(received), TrangThai: '2' }];
      const base: Partial<QualityDossier> = {
        MaTTHC: PROCEDURES[g.procedure]!.code,
        KenhThucHien: g.online ? '2' : '1',
        NgayTiepNhan: local(received),
        NgayHenTra: local(received + g.dueDays * DAY),
        TaiKhoanDuocXacThucVoiVNeID: g.vneid ? '1' : '0',
        DuocThanhToanTrucTuyen: g.paid ? '1' : '3',
        DanhSachLePhi: g.fee ? [{ Gia: 50_000 }] : [],
        TaiLieuNop: g.files ? [{ IsDeleted: false, DuongDanTaiTepTin: 'https://x/f', DuocSoHoa: '1', DuocTaiSuDung: '0', DuocLayTuKhoDMQG: '0' }] : [],
        DanhSachGiayToKetQua: g.result ? [{ GiayToId: 'G', DuongDanTepTinKetQua: 'https://x/r' }] : [],
        syncedToPortal: g.synced,
        resultInDataStore: g.resultInStore,
      };
      const code = `H${String(i).padStart(4, '0')}`;
      states.push({ record: qDossier(code, { ...base, QuaTrinhXuLy: [...history] }), at: received });
      // Supplement rounds, a day apart, after the receipt; then the end, after them.
      const rounds: QualityDossier['DanhSachHoSoBoSung'][number][] = [];
      let t = received;
      for (let r = 0; r < g.supplements; r++) {
        const requested = t + DAY;
        const returned = g.supplementReturned || r < g.supplements - 1 ? requested + 2 * DAY : null;
        rounds.push({ NgayBoSung: local(requested), NgayTiepNhanBoSung: returned === null ? '' : local(returned), NgayHenTraTruoc: '' });
        history.push({ ThoiDiemXuLy: local(requested), TrangThai: '5' });
        states.push({ record: qDossier(code, { ...base, DanhSachHoSoBoSung: [...rounds], QuaTrinhXuLy: [...history] }), at: returned ?? requested });
        t = returned ?? requested;
      }
      const last = states.at(-1)!;
      const endAt = Math.max(t, received) + g.endDays * DAY + 3_600_000;
      const waiting = rounds.length > 0 && rounds.at(-1)!.NgayTiepNhanBoSung === '';
      if (g.end !== 'open' && !waiting && endAt < NOW.getTime()) {
        const status = g.end === 'processed' ? '9' : g.end === 'returned' ? '10' : '3';
        const over: Partial<QualityDossier> = { ...base, DanhSachHoSoBoSung: [...rounds], TrangThaiHoSo: status };
        if (status === '3') over.NgayTuChoi = local(endAt);
        else over.NgayKetThucXuLy = local(endAt);
        const ended = [...history, { ThoiDiemXuLy: local(endAt), TrangThai: status === '10' ? '9' : status }];
        if (status === '10') ended.push({ ThoiDiemXuLy: local(endAt + DAY), TrangThai: '10' });
        if (status === '10') over.NgayTra = local(endAt + DAY);
        states.push({ record: qDossier(code, { ...over, QuaTrinhXuLy: ended }), at: status === '10' ? endAt + DAY : endAt });
      }
      void last;
      return { code, units: g.units, states: states.filter((s) => s.at < NOW.getTime()) };
    });

const arbHistory = fc.integer({ min: 1, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbDossier(i))));

const PERIODS = [parsePeriod('2026-01'), parsePeriod('2026-02'), parsePeriod('2026-03'), parsePeriod('2026-Q1'), parsePeriod('2026'), parsePeriod({ from: '2026-02-10', to: '2026-03-20' }), parsePeriod({ from: '2025-12-29', to: '2026-01-20' })];
const SCOPES: Array<{ unitIds?: Set<string>; procedureCode?: string }> = [{}, { unitIds: new Set(['u1']) }, { procedureCode: '1.000001' }, { unitIds: new Set(['u2', 'u3']), procedureCode: '1.000002' }];

async function feed(history: Array<{ code: string; units: string[]; states: Array<{ record: QualityDossier; at: number }> }>, settings: QualitySettings) {
  const db = database.db;
  await db.deleteFrom('quality_counter').execute();
  await db.deleteFrom('quality_dossier_fact').execute();
  await db.deleteFrom('quality_unit_key').execute();
  const finals: Array<{ record: QualityDossier; units: string[] }> = [];
  for (const [i, d] of history.entries()) {
    for (const s of d.states) {
      const input: FactInput = {
        dossierId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        record: s.record,
        procedure: PROCEDURES.find((p) => p.code === s.record.MaTTHC),
        unitIds: d.units,
        officerIds: [],
        steps: [],
        lastEventAt: new Date(s.at),
      };
      await db.transaction().execute((trx) => applyFact(trx, input, settings, testCalendar));
    }
    if (d.states.length) finals.push({ record: d.states.at(-1)!.record, units: d.units });
  }
  return finals;
}

describe('the counter rows a period reads', () => {
  it.each([
    [{ from: '2026-01-01', to: '2026-12-31' }, { years: ['2026-01-01'], months: [], weeks: [], days: [] }],
    [{ from: '2026-03-01', to: '2026-05-31' }, { years: [], months: ['2026-03-01', '2026-04-01', '2026-05-01'], weeks: [], days: [] }],
    // Two partial months are one span: the week of 26 October to 1 November crosses them.
    [{ from: '2026-10-05', to: '2026-11-20' }, { years: [], months: [], weeks: ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09'], days: [['2026-11-16', '2026-11-20']] }],
    // A whole year between: the weeks and days around it stop at its edges.
    [
      { from: '2025-12-15', to: '2027-01-10' },
      { years: ['2026-01-01'], months: [], weeks: ['2025-12-15', '2025-12-22', '2027-01-04'], days: [['2025-12-29', '2025-12-31'], ['2027-01-01', '2027-01-03']] },
    ],
    [{ from: '2026-02-11', to: '2026-02-11' }, { years: [], months: [], weeks: [], days: [['2026-02-11', '2026-02-11']] }],
  ])('%j', (range, expected) => {
    expect(pieces(parsePeriod(range))).toEqual(expected);
  });
});

describe('real-time aggregates', () => {
  it('equal computeIndex over the same bundle, for every period kind and scope', async () => {
    await fc.assert(
      fc.asyncProperty(arbHistory, fc.boolean(), async (history, allDossiers) => {
        const settings = resolveSettings(allDossiers ? { dossierScope: 'all' } : {});
        const finals = await feed(history, settings);
        const codes = finals.map((f) => f.record.MaHoSo);
        const feedback = codes.slice(0, 3).map((c, i) => qFeedback(`K${i}`, `2026-0${1 + (i % 3)}-1${i}T09:00:00+07:00`, { dossierCode: c }));
        const ratings = codes.slice(2, 5).map((c, i) => ({ dossierCode: c, value: i % 2 ? ('like' as const) : ('dislike' as const) }));
        for (const period of PERIODS) {
          for (const scope of SCOPES) {
            const inScope = finals.filter((f) => (!scope.unitIds || f.units.some((u) => scope.unitIds!.has(u))) && (!scope.procedureCode || f.record.MaTTHC === scope.procedureCode));
            const procedures = PROCEDURES.filter((p) => !scope.procedureCode || p.code === scope.procedureCode);
            const scoped = new Set(inScope.map((f) => f.record.MaHoSo));
            const bundle: QualityBundle = {
              scope: { level: 'ministry' },
              procedures,
              dossiers: inScope.map((f) => f.record),
              feedback: feedback.filter((f) => scoped.has(f.dossierCode!)),
              ratings: ratings.filter((r) => scoped.has(r.dossierCode)),
              reportCounts: { bcqgReceived: null, previousYearBcqgTotal: null },
            };
            const expected = computeIndex(bundle, period, settings, { workingDays: testCalendar, now: NOW });
            const { live: _live, ...actual } = await aggregateIndex(
              database.db,
              period,
              scope,
              { level: 'ministry', procedures, feedback: bundle.feedback, ratings: bundle.ratings, reportCounts: bundle.reportCounts },
              settings,
              { workingDays: testCalendar, now: NOW },
            );
            expect(actual, `${period.from}..${period.to} ${JSON.stringify({ ...scope, unitIds: [...(scope.unitIds ?? [])] })}`).toEqual(expected);
          }
        }
      }),
      { numRuns: 12, seed: 766 },
    );
  }, 240_000);

  it('change the counters by the difference: the same record twice counts once', async () => {
    const settings = resolveSettings();
    const record = qDossier('H1', { NgayTiepNhan: dvc('2026-03-02T09:00'), KenhThucHien: '2' });
    const input: FactInput = { dossierId: '00000000-0000-4000-8000-000000000001', record, procedure: PROCEDURES[0], unitIds: ['u1'], officerIds: [], steps: [], lastEventAt: new Date('2026-03-02T09:00:00+07:00') };
    await database.db.deleteFrom('quality_counter').execute();
    await database.db.deleteFrom('quality_dossier_fact').execute();
    await applyFact(database.db, input, settings, testCalendar);
    await applyFact(database.db, input, settings, testCalendar);
    const rows = await database.db.selectFrom('quality_counter').selectAll().where('indicator', '=', '3.3').where('grain', '=', 'd').execute();
    expect(rows.map((r) => [r.day, Number(r.numerator), Number(r.denominator)])).toEqual([['2026-03-02', 1, 1]]);
    // Moved to another unit: the old key is emptied, the new one counts.
    await applyFact(database.db, { ...input, unitIds: ['u2'] }, settings, testCalendar);
    const moved = await database.db.selectFrom('quality_counter').select(['unit_key', 'numerator']).where('indicator', '=', '3.3').where('grain', '=', 'm').orderBy('unit_key').execute();
    expect(moved.map((r) => [r.unit_key, Number(r.numerator)])).toEqual([['u1', 0], ['u2', 1]]);
    // A record read before the one applied (two jobs of one dossier overtaking) changes nothing.
    expect(await applyFact(database.db, { ...input, unitIds: ['u3'], lastEventAt: new Date('2026-03-02T08:59:00+07:00') }, settings, testCalendar)).toBe(false);
    const kept = await database.db.selectFrom('quality_counter').select(['unit_key', 'numerator']).where('indicator', '=', '3.3').where('grain', '=', 'm').orderBy('unit_key').execute();
    expect(kept.map((r) => [r.unit_key, Number(r.numerator)])).toEqual([['u1', 0], ['u2', 1]]);
  });
});
