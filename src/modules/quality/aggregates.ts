// The 766 index kept current with every dossier action: each dossier's contribution to the
// dossier indicators, keyed by the local day it counts on (its receipt for most indicators, the
// end of its processing for 2.1 and 5.4), is added to day and month counters in the transaction of
// the action itself (the dossiers module's event hook), by the difference with what it counted
// before. An answer for any period and scope sums the counters, then judges from their sync record
// the few dossiers the counters cannot hold: those still open (2.1 judges them at the period's end)
// and those with an action after the period's as-of instant (judged as they stood then). What the
// counters hold is exactly what `classifyDossier` says, so the answer equals `computeIndex` over
// the same bundle (aggregates.test.ts checks it on random histories).
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { addDays, type LocalDate } from '../../core/calendar/index.ts';
import { periodBounds } from '../../core/quality/index.ts';
import {
  asOfInstant,
  classifyDossier,
  indexFromCounts,
  openJudgement,
  syncLocalDate,
  type DossierClassification,
  type DossierCounts,
  type IndexResult,
  type OpenJudgement,
  type Period,
  type QualityBundle,
  type QualityCalendar,
  type QualityDossier,
  type QualityProcedure,
  type QualitySettings,
} from '../../core/quality/index.ts';
import { resolveSettings } from '../../core/quality/index.ts';
import type { DB } from '../../db/types.ts';
import type { FactPart } from './tables.ts';

type Executor = Kysely<DB>;

/** A step of the dossier's workflow as the officer scope reads it. */
export interface FactStep {
  kind: string;
  by: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  onTime: boolean | null;
}

export interface FactInput {
  dossierId: string;
  record: QualityDossier;
  procedure: QualityProcedure | undefined;
  unitIds: readonly string[];
  officerIds: readonly string[];
  steps: readonly FactStep[];
  /** The dossier's last action. */
  lastEventAt: Date;
}

/** Procedure facts of 3.5, 3.5b, 4.5a, kept as counters like the indicators. */
const FEE = '_fee';
const PAID = '_paid';
const POPULATION = '_population';
/** 5.4: overdue in the 5.4 population (the complaints are read at answer time). */
const LATE = '_late';

const END_KEYED = new Set(['2.1', '5.4', LATE]);
const FAR = '2199-12-31';
const dayPeriod = (from: LocalDate, to: LocalDate = from): Period => ({ kind: 'custom', from, to });

/** The counters take every dossier as if on the portal and in scope; the answer filters by `synced`. */
const countingSettings = (settings: QualitySettings): QualitySettings => ({ ...settings, dossierScope: 'all' });

/**
 * The version of what `partsOf` counts: raise it with every change to how a dossier's parts are
 * derived, so that an installation upgraded to the change recounts its facts (facts.ts).
 */
export const COUNTING_VERSION = 1;

/** What the facts are counted with: the counting version and the settings that shape the parts. */
export function countingFingerprint(settings: QualitySettings): string {
  return createHash('sha256')
    .update(JSON.stringify({ version: COUNTING_VERSION, settings: countingSettings(settings) }))
    .digest('hex')
    .slice(0, 32);
}

/** What a dossier counts, day by day, as its record stands (every action seen). */
export function partsOf(input: Pick<FactInput, 'record' | 'procedure' | 'lastEventAt'>, settings: QualitySettings, calendar: QualityCalendar): { parts: FactPart[]; open: boolean; judgement: OpenJudgement | undefined } {
  const s = countingSettings(settings);
  const d = { ...input.record, syncedToPortal: true };
  const parts: FactPart[] = [];
  // As of the last action: every action is seen.
  const seen = input.lastEventAt;
  const received = syncLocalDate(d.NgayTiepNhan);
  const start = received ?? syncLocalDate(d.NgayNopHoSo);
  // Received-keyed indicators: judged over [received, far], which sees every action.
  if (start) {
    const c = classifyDossier(d, input.procedure, dayPeriod(start, FAR), s, calendar, { now: seen });
    if (received) {
      for (const [id, part] of Object.entries(c.indicators)) {
        if (END_KEYED.has(id) || !part.denominator) continue;
        parts.push([id, received, part.numerator ? 1 : 0, 1, part.amount ?? 0]);
      }
    }
    if (c.facts.feeDossier) parts.push([FEE, start, 1, 1, 0]);
    if (c.facts.paidOnline) parts.push([PAID, start, 1, 1, 0]);
    if (c.facts.populationData) parts.push([POPULATION, received ?? start, 1, 1, 0]);
  }
  // 2.1 and 5.4: on the day processing ended, judged as of that day's end.
  let open = false;
  if (received) {
    const far = classifyDossier(d, input.procedure, dayPeriod(received, FAR), s, calendar, { now: seen });
    const kind = far.processing.endKind;
    if (kind === 'open' || kind === null) open = kind === 'open';
    else {
      const endDay = far.processing.endAt!.slice(0, 10);
      const c = classifyDossier(d, input.procedure, dayPeriod(endDay), s, calendar);
      const p21 = c.indicators['2.1'];
      if (p21?.denominator) parts.push(['2.1', endDay, p21.numerator ? 1 : 0, 1, 0]);
      if (c.indicators['5.4']?.denominator) {
        parts.push(['5.4', endDay, c.satisfaction.late ? 0 : 1, 1, 0]);
        if (c.satisfaction.late) parts.push([LATE, endDay, 1, 1, 0]);
      }
    }
  }
  const judgement = open ? openJudgement(d, input.procedure, s, calendar, seen.getTime()) : undefined;
  return { parts, open, judgement };
}

const unitKeyOf = (unitIds: readonly string[]) => [...new Set(unitIds)].sort().join('|');
const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
const yearOf = (day: string) => `${day.slice(0, 4)}-01-01`;
/** 1 (Monday) to 7 (Sunday) of a local date. */
const isoWeekday = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
/** The Monday that starts the (ISO) week of a local date. */
const weekOf = (day: string) => addDays(day, 1 - isoWeekday(day));

/**
 * The grains a contribution is counted at: its day, its week (keyed by the Monday), its month and
 * its year (keyed by their first day), so that any period reads a few rows per slot: whole years,
 * whole months, whole weeks and the days left over (`pieces`).
 */
const GRAINS = [
  ['d', (day: string) => day],
  ['w', weekOf],
  ['m', monthOf],
  ['y', yearOf],
] as const;
type Grain = (typeof GRAINS)[number][0];

interface Delta {
  grain: Grain;
  day: string;
  indicator: string;
  numerator: number;
  denominator: number;
  amount: number;
}

function deltas(before: readonly FactPart[], after: readonly FactPart[]): Delta[] {
  const map = new Map<string, Delta>();
  const apply = (parts: readonly FactPart[], sign: number) => {
    for (const [indicator, day, n, dd, amount] of parts) {
      for (const [grain, of] of GRAINS) {
        const at = of(day);
        const key = `${grain}|${at}|${indicator}`;
        const x = map.get(key) ?? { grain, day: at, indicator, numerator: 0, denominator: 0, amount: 0 };
        x.numerator += sign * n;
        x.denominator += sign * dd;
        x.amount += sign * amount;
        map.set(key, x);
      }
    }
  };
  apply(before, -1);
  apply(after, 1);
  return [...map.values()].filter((x) => x.numerator !== 0 || x.denominator !== 0 || x.amount !== 0);
}

async function addCounters(db: Executor, unitKey: string, procedureCode: string, synced: boolean, list: readonly Delta[]): Promise<void> {
  if (list.length === 0) return;
  await db
    .insertInto('quality_counter')
    .values(list.map((x) => ({ grain: x.grain, day: x.day, unit_key: unitKey, procedure_code: procedureCode, indicator: x.indicator, synced, numerator: x.numerator, denominator: x.denominator, amount: x.amount })))
    .onConflict((oc) =>
      oc.columns(['grain', 'day', 'unit_key', 'procedure_code', 'indicator', 'synced']).doUpdateSet({
        numerator: sql`quality_counter.numerator + excluded.numerator`,
        denominator: sql`quality_counter.denominator + excluded.denominator`,
        amount: sql`quality_counter.amount + excluded.amount`,
      }),
    )
    .execute();
}

/**
 * Brings the dossier's fact and the counters to its current record, in one transaction (the
 * fact row locked). Idempotent: the same record changes nothing; a record older than the one
 * applied (by its last write) is ignored and false returned.
 */
export async function applyFact(db: Executor, input: FactInput, settings: QualitySettings, calendar: QualityCalendar): Promise<boolean> {
  const previous = await db.selectFrom('quality_dossier_fact').select(['parts', 'unit_key', 'procedure_code', 'synced', 'last_event_at']).where('dossier_id', '=', input.dossierId).forUpdate().executeTakeFirst();
  // A record read before a later one was applied (two jobs of one dossier overtaking): keep the later.
  if (previous && new Date(previous.last_event_at).getTime() > input.lastEventAt.getTime()) return false;
  const { parts, open, judgement } = partsOf(input, settings, calendar);
  const unitKey = unitKeyOf(input.unitIds);
  const synced = input.record.syncedToPortal;
  const sameSlot = previous && previous.unit_key === unitKey && previous.procedure_code === input.record.MaTTHC && previous.synced === synced;
  if (previous && !sameSlot) await addCounters(db, previous.unit_key, previous.procedure_code, previous.synced, deltas(previous.parts, []));
  await addCounters(db, unitKey, input.record.MaTTHC, synced, deltas(sameSlot ? previous.parts : [], parts));
  await db.insertInto('quality_unit_key').values({ unit_key: unitKey, unit_ids: [...new Set(input.unitIds)].sort() }).onConflict((oc) => oc.doNothing()).execute();
  const row = {
    dossier_code: input.record.MaHoSo,
    procedure_code: input.record.MaTTHC,
    unit_key: unitKey,
    officer_ids: [...new Set(input.officerIds)].sort(),
    received_at: receivedAt(input.record),
    last_event_at: input.lastEventAt,
    open,
    open_judged: judgement?.judged ?? false,
    late_from: judgement?.lateFrom != null ? new Date(judgement.lateFrom) : null,
    synced,
    record: JSON.stringify(input.record),
    steps: JSON.stringify(input.steps),
    parts: JSON.stringify(parts),
    updated_at: new Date(),
  };
  await db
    .insertInto('quality_dossier_fact')
    .values({ dossier_id: input.dossierId, ...row })
    .onConflict((oc) => oc.column('dossier_id').doUpdateSet(row))
    .execute();
  return true;
}

function receivedAt(d: QualityDossier): Date | null {
  const day = syncLocalDate(d.NgayTiepNhan);
  if (!day) return null;
  const v = d.NgayTiepNhan;
  return new Date(`${day}T${v.slice(8, 10)}:${v.slice(10, 12)}:${v.slice(12, 14)}+07:00`);
}

/**
 * The period as the fewest counter rows: whole years, then whole months, and in what is left
 * (merged where contiguous) whole weeks and the runs of days around them.
 */
export function pieces(period: Period): { years: string[]; months: string[]; weeks: string[]; days: Array<[string, string]> } {
  const years: string[] = [];
  const months: string[] = [];
  const weeks: string[] = [];
  const days: Array<[string, string]> = [];
  const spans: Array<[string, string]> = [];
  const leftover = (from: string, to: string) => {
    const last = spans.at(-1);
    if (last && addDays(last[1], 1) === from) last[1] = to;
    else spans.push([from, to]);
  };
  let day = period.from;
  while (day <= period.to) {
    const yearEnd = `${day.slice(0, 4)}-12-31`;
    const monthEnd = addDays(monthOf(addDays(monthOf(day), 32)), -1);
    if (day.endsWith('-01-01') && yearEnd <= period.to) {
      years.push(day);
      day = addDays(yearEnd, 1);
    } else if (day.endsWith('-01') && monthEnd <= period.to) {
      months.push(day);
      day = addDays(monthEnd, 1);
    } else {
      const end = monthEnd < period.to ? monthEnd : period.to;
      leftover(day, end);
      day = addDays(end, 1);
    }
  }
  for (const [from, to] of spans) {
    let run: string | undefined;
    for (let d = from; d <= to; ) {
      if (isoWeekday(d) === 1 && addDays(d, 6) <= to) {
        if (run) days.push([run, addDays(d, -1)]);
        run = undefined;
        weeks.push(d);
        d = addDays(d, 7);
      } else {
        run ??= d;
        d = addDays(d, 1);
      }
    }
    if (run) days.push([run, to]);
  }
  return { years, months, weeks, days };
}

export interface AggregateScope {
  /** Units counted (a unit with its sub-units); absent: all. */
  unitIds?: ReadonlySet<string>;
  procedureCode?: string;
}

export interface AggregateSources {
  level: QualityBundle['scope']['level'];
  /** The procedures of the scope (few: classified at answer time). */
  procedures: readonly QualityProcedure[];
  /** PAKN first received in the period, and ratings given in it, of the scope. */
  feedback: QualityBundle['feedback'];
  ratings: QualityBundle['ratings'];
  reportCounts: QualityBundle['reportCounts'];
}

type Counts = Map<string, { numerator: number; denominator: number; amount: number; byProcedure: Map<string, number> }>;

function bump(counts: Counts, indicator: string, procedure: string, n: number, d: number, amount: number) {
  let c = counts.get(indicator);
  if (!c) counts.set(indicator, (c = { numerator: 0, denominator: 0, amount: 0, byProcedure: new Map() }));
  c.numerator += n;
  c.denominator += d;
  c.amount += amount;
  c.byProcedure.set(procedure, (c.byProcedure.get(procedure) ?? 0) + n);
}

/** The unit keys a scope covers. */
async function keysOf(db: Executor, scope: AggregateScope): Promise<string[] | undefined> {
  if (!scope.unitIds) return undefined;
  const rows = await db.selectFrom('quality_unit_key').selectAll().execute();
  return rows.filter((r) => r.unit_ids.some((u) => scope.unitIds!.has(u))).map((r) => r.unit_key);
}

/** The dossier counts of a scope and period, from the counters and the dossiers judged live. */
export async function aggregateCounts(
  db: Executor,
  period: Period,
  scope: AggregateScope,
  settings: QualitySettings,
  calendar: QualityCalendar,
  options: { now?: Date; procedures: ReadonlyMap<string, QualityProcedure>; complaints: { feedback: ReadonlySet<string>; dislike: ReadonlySet<string> } },
): Promise<DossierCounts & { live: number }> {
  const keys = await keysOf(db, scope);
  const counts: Counts = new Map();
  const onlySynced = settings.dossierScope === 'synced';
  const countIn = (indicator: string, synced: boolean) => indicator === '1.4' || !onlySynced || synced;
  if (keys === undefined || keys.length > 0) {
    const { years, months, weeks, days } = pieces(period);
    let q = db
      .selectFrom('quality_counter')
      .select(['indicator', 'synced', 'procedure_code'])
      .select((eb) => [eb.fn.sum<string>('numerator').as('n'), eb.fn.sum<string>('denominator').as('d'), eb.fn.sum<string>('amount').as('a')])
      .where((eb) =>
        eb.or([
          ...(years.length ? [eb.and([eb('grain', '=', 'y'), eb('day', 'in', years)])] : []),
          ...(months.length ? [eb.and([eb('grain', '=', 'm'), eb('day', 'in', months)])] : []),
          ...(weeks.length ? [eb.and([eb('grain', '=', 'w'), eb('day', 'in', weeks)])] : []),
          ...days.map(([a, b]) => eb.and([eb('grain', '=', 'd'), eb('day', '>=', a), eb('day', '<=', b)])),
        ]),
      );
    if (keys) q = q.where('unit_key', 'in', keys);
    if (scope.procedureCode) q = q.where('procedure_code', '=', scope.procedureCode);
    for (const r of await q.groupBy(['indicator', 'synced', 'procedure_code']).execute()) {
      if (!countIn(r.indicator, r.synced)) continue;
      // 1.4: every dossier is in the denominator, the numerator those on the portal.
      const n = r.indicator === '1.4' ? (r.synced ? Number(r.d) : 0) : Number(r.n);
      bump(counts, r.indicator, r.procedure_code, n, Number(r.d), Number(r.a));
    }
  }

  // The dossiers judged from their record: those acted on after the as-of instant, and (unless
  // their judgement was kept at their last action) those still open, which 2.1 judges at the end.
  const asOf = asOfInstant(period, options.now);
  const { startMs } = periodBounds(period);
  // The kept judgement stands for 2.1 and 5.4 when 5.4's population is 2.1's.
  const openKept = settings.satisfaction.population === 'processed';
  const noKeys = keys !== undefined && keys.length === 0;
  const live = noKeys ? [] : await liveFacts(db, keys, scope.procedureCode, new Date(asOf), openKept);
  // Open at the as-of instant and not acted on since: on time while the end (the as-of instant) is before late_from.
  const keptOnTime = (f: { late_from: Date | null }) => f.late_from === null || new Date(f.late_from).getTime() > asOf;
  if (openKept && !noKeys && asOf >= startMs) {
    let q = db
      .selectFrom('quality_dossier_fact')
      .select(['procedure_code', 'synced'])
      .select((eb) => [
        eb.fn.countAll<string>().as('d'),
        eb.fn.countAll<string>().filterWhere(eb.or([eb('late_from', 'is', null), eb('late_from', '>', new Date(asOf))])).as('n'),
      ])
      .where('open', '=', true)
      .where('open_judged', '=', true)
      .where('received_at', '<=', new Date(asOf))
      .where('last_event_at', '<=', new Date(asOf));
    if (keys) q = q.where('unit_key', 'in', keys);
    if (scope.procedureCode) q = q.where('procedure_code', '=', scope.procedureCode);
    for (const r of await q.groupBy(['procedure_code', 'synced']).execute()) {
      const d = Number(r.d);
      const n = Number(r.n);
      if (countIn('2.1', r.synced)) bump(counts, '2.1', r.procedure_code, n, d, 0);
      if (countIn('5.4', r.synced)) {
        bump(counts, '5.4', r.procedure_code, n, d, 0);
        bump(counts, LATE, r.procedure_code, d - n, d - n, 0);
      }
    }
  }
  const inPeriod = (day: string) => day >= period.from && day <= period.to;
  const classifiedLive = new Map<string, DossierClassification>();
  for (const f of live) {
    for (const [indicator, day, n, d, amount] of f.parts as FactPart[]) {
      if (!inPeriod(day) || !countIn(indicator, f.synced)) continue;
      bump(counts, indicator, f.procedure_code, indicator === '1.4' ? (f.synced ? -d : 0) : -n, -d, -amount);
    }
    const record = { ...(f.record as QualityDossier), syncedToPortal: f.synced };
    const c = classifyDossier(record, options.procedures.get(record.MaTTHC), period, settings, calendar, options.now ? { now: options.now } : {});
    classifiedLive.set(record.MaHoSo, c);
    for (const [id, part] of Object.entries(c.indicators)) {
      if (!part.denominator) continue;
      bump(counts, id, record.MaTTHC, part.numerator ? 1 : 0, 1, part.amount ?? 0);
    }
    if (c.indicators['5.4']?.denominator && c.satisfaction.late) bump(counts, LATE, record.MaTTHC, 1, 1, 0);
    if (c.facts.feeDossier) bump(counts, FEE, record.MaTTHC, 1, 1, 0);
    if (c.facts.paidOnline) bump(counts, PAID, record.MaTTHC, 1, 1, 0);
    if (c.facts.populationData) bump(counts, POPULATION, record.MaTTHC, 1, 1, 0);
  }

  // 5.4's complaints (a PAKN or a dislike) are read now: those of dossiers in its population.
  const complainedCodes = [...new Set([...options.complaints.feedback, ...options.complaints.dislike])];
  let complained = 0;
  let complainedNotLate = 0;
  if (complainedCodes.length > 0) {
    let q = db
      .selectFrom('quality_dossier_fact')
      .select(['dossier_code', 'parts', 'synced', 'unit_key', 'procedure_code', 'open', 'open_judged', 'late_from', 'received_at', 'last_event_at'])
      .where('dossier_code', 'in', complainedCodes);
    if (keys) q = q.where('unit_key', 'in', keys.length ? keys : ['']);
    if (scope.procedureCode) q = q.where('procedure_code', '=', scope.procedureCode);
    for (const f of await q.execute()) {
      const c = classifiedLive.get(f.dossier_code);
      let inPopulation: boolean;
      let late: boolean;
      if (c) {
        inPopulation = c.indicators['5.4']?.denominator === true;
        late = c.satisfaction.late;
      } else if (openKept && f.open && f.received_at !== null && new Date(f.received_at).getTime() <= asOf && new Date(f.last_event_at).getTime() <= asOf) {
        inPopulation = f.open_judged && asOf >= startMs && countIn('5.4', f.synced);
        late = !keptOnTime(f);
      } else {
        const p = (f.parts as FactPart[]).find(([id, day]) => id === '5.4' && inPeriod(day));
        inPopulation = p !== undefined && countIn('5.4', f.synced);
        late = p !== undefined && p[2] === 0;
      }
      if (!inPopulation) continue;
      complained++;
      if (!late) complainedNotLate++;
    }
  }

  const out: DossierCounts['counts'] = {};
  for (const [id, c] of counts) if (!id.startsWith('_')) out[id] = { numerator: c.numerator - (id === '5.4' ? complainedNotLate : 0), denominator: c.denominator, amount: c.amount };
  const having = (id: string) => new Set([...(counts.get(id)?.byProcedure ?? new Map<string, number>())].filter(([, n]) => n > 0).map(([p]) => p));
  return {
    counts: out,
    satisfaction: { population: counts.get('5.4')?.denominator ?? 0, late: counts.get(LATE)?.numerator ?? 0, complained },
    outOfScope: [],
    procedures: { fee: having(FEE), paid: having(PAID), population: having(POPULATION) },
    live: live.length,
  };
}

async function liveFacts(db: Executor, keys: string[] | undefined, procedureCode: string | undefined, asOf: Date, openKept: boolean) {
  let q = db
    .selectFrom('quality_dossier_fact')
    .select(['record', 'parts', 'synced', 'procedure_code'])
    .where('received_at', '<=', asOf)
    // Those acted on after the as-of instant that were received by then, and the open ones unless their judgement is kept.
    .where((eb) => (openKept ? eb('last_event_at', '>', asOf) : eb.or([eb('open', '=', true), eb('last_event_at', '>', asOf)])));
  if (keys) q = q.where('unit_key', 'in', keys);
  if (procedureCode) q = q.where('procedure_code', '=', procedureCode);
  return q.execute();
}

/** The index of a scope and period from the aggregates (the same figures as computeIndex over the bundle). */
export async function aggregateIndex(
  db: Executor,
  period: Period,
  scope: AggregateScope,
  sources: AggregateSources,
  settings: QualitySettings = resolveSettings(),
  options: { workingDays: QualityCalendar; now?: Date },
): Promise<IndexResult & { live: number }> {
  const asOf = asOfInstant(period, options.now);
  const feedback = new Set(sources.feedback.filter((f) => f.dossierCode !== null && Date.parse(f.receivedAt) <= asOf).map((f) => f.dossierCode!));
  const dislike = new Set(sources.ratings.filter((r) => r.value === 'dislike').map((r) => r.dossierCode));
  const counts = await aggregateCounts(db, period, scope, settings, options.workingDays, {
    ...(options.now ? { now: options.now } : {}),
    procedures: new Map(sources.procedures.map((p) => [p.code, p])),
    complaints: { feedback, dislike },
  });
  const result = indexFromCounts({ scope: { level: sources.level }, procedures: sources.procedures, feedback: sources.feedback, reportCounts: sources.reportCounts }, counts, period, settings, {
    workingDays: options.workingDays,
    ...(options.now ? { now: options.now } : {}),
  });
  return { ...result, live: counts.live };
}

