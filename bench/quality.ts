// Benchmark: the Decision 766 index read from the real-time counters (src/modules/quality/
// aggregates.ts) on PostgreSQL, with counters standing for BENCH_DOSSIERS dossiers (default 10M)
// received over five years in 60 (unit key, procedure) slots, and BENCH_OPEN dossiers still open
// (counted at answer time from the judgement kept at their last action: when they turn overdue).
// Prints the median and p95 of each answer. Never pass/fail.
//   npm run bench -- quality
//   BENCH_DOSSIERS=1000000 BENCH_OPEN=0,1000,20000 npm run bench -- quality
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { addDays } from '../src/core/calendar/index.ts';
import { parsePeriod, resolveSettings, type Period } from '../src/core/quality/index.ts';
import { qDossier, qProcedure, testCalendar, dvc } from '../src/core/quality/testing.ts';
import { openPostgres } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { aggregateIndex, type AggregateScope } from '../src/modules/quality/aggregates.ts';
import { withScratchDatabase } from './support.ts';

const dossiers = Number(process.env.BENCH_DOSSIERS ?? 10_000_000);
const openCounts = (process.env.BENCH_OPEN ?? '0,2000,20000').split(',').map(Number);
const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const FIRST = '2022-01-01';
const LAST = '2026-11-30';
const UNIT_KEYS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8'];
const PROCEDURES = Array.from({ length: 30 }, (_, i) => `1.0${String(10001 + i)}`);
// What a dossier counts on its receipt day and on its end day (the counters' indicators).
const INDICATORS = ['1.4', '3.3', '3.4', '3.5', '3.5b', '3.6', '4.1', '4.2', '4.3', '4.4', '4.5b', '_fee', '_paid', '_population', '2.1', '5.4', '_late'];

const days = (() => {
  let n = 0;
  for (let d = FIRST; d <= LAST; d = addDays(d, 1)) n++;
  return n;
})();
const slots = PROCEDURES.length * 2;
const perRow = Math.max(1, Math.round(dossiers / (days * slots)));

await withScratchDatabase(adminUrl, 'motcua_bench_quality', async (url) => {
  const database = openPostgres(url, 4);
  const { db } = database;
  try {
    await migrateToLatest(db);
    const started = performance.now();
    await db.insertInto('quality_unit_key').values(UNIT_KEYS.map((k) => ({ unit_key: k, unit_ids: [k] }))).execute();
    // Each procedure is handled in two unit keys; every slot gets `perRow` dossiers a day, most synced.
    await sql`
      insert into quality_counter (grain, day, unit_key, procedure_code, indicator, synced, numerator, denominator, amount)
      select 'd', d::date, k.unit_key, p.code, i.indicator, s.synced,
             case when s.synced then (${perRow} * 0.8)::int else 1 end,
             case when s.synced then ${perRow} else 1 end, 0
      from generate_series(${FIRST}::date, ${LAST}::date, interval '1 day') d
      cross join unnest(${PROCEDURES}::text[]) with ordinality as p(code, n)
      cross join lateral (values ((${UNIT_KEYS}::text[])[1 + (p.n % 8)::int]), ((${UNIT_KEYS}::text[])[1 + ((p.n + 3) % 8)::int])) as k(unit_key)
      cross join unnest(${INDICATORS}::text[]) as i(indicator)
      cross join (values (true), (false)) as s(synced)
    `.execute(db);
    // The week, month and year counters, as the writer keeps them (src/modules/quality/aggregates.ts).
    for (const [grain, key] of [
      ['w', sql`(day - (extract(isodow from day)::int - 1))::date`],
      ['m', sql`date_trunc('month', day)::date`],
      ['y', sql`date_trunc('year', day)::date`],
    ] as const) {
      await sql`
        insert into quality_counter (grain, day, unit_key, procedure_code, indicator, synced, numerator, denominator, amount)
        select ${grain}, ${key}, unit_key, procedure_code, indicator, synced, sum(numerator), sum(denominator), sum(amount)
        from quality_counter where grain = 'd'
        group by 2, 3, 4, 5, 6
      `.execute(db);
    }
    await sql`analyze quality_counter`.execute(db);
    const rows = await db.selectFrom('quality_counter').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    console.log(
      `counters for ${(perRow * days * slots + days * slots).toLocaleString('en')} dossiers (${days} days × ${slots} slots): ${Number(rows.n).toLocaleString('en')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const procedures = PROCEDURES.map((code) => qProcedure(code, { processingTime: { value: 10, unit: 'working_days' } }));
    const sources = { level: 'ministry' as const, procedures, feedback: [], ratings: [], reportCounts: { bcqgReceived: null, previousYearBcqgTotal: null } };
    const settings = resolveSettings();
    const now = new Date('2026-11-30T16:00:00+07:00');
    const cases: Array<{ name: string; period: Period; scope: AggregateScope }> = [
      { name: 'ministry, month 2026-11 (current)', period: parsePeriod('2026-11'), scope: {} },
      { name: 'ministry, month 2026-10', period: parsePeriod('2026-10'), scope: {} },
      { name: 'one unit, month 2026-10', period: parsePeriod('2026-10'), scope: { unitIds: new Set(['u1']) } },
      { name: 'one procedure, quarter 2026-Q3', period: parsePeriod('2026-Q3'), scope: { procedureCode: PROCEDURES[0]! } },
      { name: 'ministry, year 2025', period: parsePeriod('2025'), scope: {} },
      { name: 'ministry, 2026-10-05..2026-11-20', period: parsePeriod({ from: '2026-10-05', to: '2026-11-20' }), scope: {} },
    ];

    let open = 0;
    for (const target of openCounts) {
      if (target > open) {
        // Open dossiers received in the last 60 days, spread over the slots.
        const template = qDossier('X', { NgayTiepNhan: dvc('2026-11-02T09:00'), NgayHenTra: dvc('2026-11-16T09:00'), TrangThaiHoSo: '4', QuaTrinhXuLy: [{ ThoiDiemXuLy: dvc('2026-11-02T09:00'), TrangThai: '2' }] });
        await sql`
          insert into quality_dossier_fact (dossier_id, dossier_code, procedure_code, unit_key, received_at, last_event_at, open, open_judged, late_from, synced, record, parts)
          select gen_random_uuid(), 'B-' || g, (${PROCEDURES}::text[])[1 + g % 30], (${UNIT_KEYS}::text[])[1 + (g % 30) % 8],
                 ${new Date('2026-11-02T02:00:00Z')}::timestamptz, ${new Date('2026-11-02T02:00:00Z')}::timestamptz, true, true,
                 ${new Date('2026-11-16T02:00:00Z')}::timestamptz + (g % 20) * interval '1 day', true,
                 jsonb_set(${JSON.stringify(template)}::jsonb, '{MaTTHC}', to_jsonb((${PROCEDURES}::text[])[1 + g % 30])),
                 '[]'::jsonb
          from generate_series(${open + 1}::int, ${target}::int) g
        `.execute(db);
        await sql`analyze quality_dossier_fact`.execute(db);
        open = target;
      }
      console.log(`\n${open.toLocaleString('en')} open dossiers`);
      for (const c of cases) {
        const times: number[] = [];
        let live = 0;
        for (let r = 0; r < rounds; r++) {
          const t0 = performance.now();
          const result = await aggregateIndex(db, c.period, c.scope, sources, settings, { workingDays: testCalendar, now });
          times.push(performance.now() - t0);
          live = result.live;
        }
        times.sort((a, b) => a - b);
        const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
        console.log(`  ${c.name.padEnd(36)} p50 ${at(0.5)} ms, p95 ${at(0.95)} ms (${live} judged live)`);
      }
    }
  } finally {
    await database.close();
  }
});
