// The monthly publication of the Decision 766 index (issue 10 §5; plan task 5 "định kỳ hằng tháng
// công khai"): `freeze(month)` keeps the month's IndexResult of the ministry and of every active
// unit as it stood (migration 0027: rows never change), the public side reads only those frozen
// rows and, beside a frozen figure, today's recompute when it differs (never over it), and the
// plan's own targets are read live. Only aggregate figures: the public answers carry no dossier
// code, applicant or officer name (the frozen results are computed without `explain`).
import { sql, type Kysely } from 'kysely';
import { isWithin } from '../../core/access/index.ts';
import { toLocalDate } from '../../core/calendar/index.ts';
import { GROUP_CODES, parsePeriod, periodBounds, type GroupCode, type IndexResult, type Period, type QualitySettings } from '../../core/quality/index.ts';
import type { DB } from '../../db/types.ts';
import { recordAudit, systemActor, type AuditActor } from '../audit/service.ts';
import type { UnitDirectory } from '../identity/units/directory.ts';

export const MINISTRY_SCOPE = 'ministry';

/** A published figure: the index of a scope and month with the number of dossiers it counted. */
export type PublishedIndex = IndexResult & { dossiers: number };

export interface PublicationDeps {
  db: Kysely<DB>;
  units: Pick<UnitDirectory, 'tree' | 'all'>;
  /** The system's index of a month for the ministry (unitId null) or a unit with its sub-units, as of `now`. */
  index(period: Period, scope: { unitId: string | null; procedureCode?: string }, now: Date): Promise<PublishedIndex>;
  settings: QualitySettings;
  /** The procedures the catalog lists, with their owner unit (the drill-down's list). */
  procedures(): Promise<Array<{ code: string; ownerUnitId: string }>>;
  /** Satisfaction of a period (task 4): ratings given and likes among them. */
  ratings?(range: { from: string; to: string; unit?: string }): Promise<{ count: number; likes: number }>;
  /** Document results issued in a period and those issued electronically (task 9). */
  digitization?(range: { from: string; to: string; unit?: string }): Promise<{ results: number; electronicResults: number }>;
  now(): Date;
}

export class PublicationError extends Error {
  constructor(
    readonly code: 'not_a_month' | 'month_not_over' | 'not_frozen' | 'unknown_unit',
    message: string,
  ) {
    super(message);
    this.name = 'PublicationError';
  }
}

export interface FreezeOutcome {
  month: string;
  /** Scopes frozen by this call. */
  frozen: number;
  /** Scopes that were frozen already (left as they were). */
  kept: number;
}

export interface FrozenRow {
  month: string;
  scope: string;
  result: PublishedIndex;
  frozenAt: Date;
  frozenBy: string;
}

/** The month before the one `instant` falls in (local time): what the 1st-of-month job freezes. */
export function previousMonth(instant: Date): string {
  const [y, m] = toLocalDate(instant).slice(0, 7).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function monthPeriod(month: string): Period {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new PublicationError('not_a_month', `"${month}" is not a month (expected 2026-03)`);
  try {
    return parsePeriod(month);
  } catch (error) {
    throw new PublicationError('not_a_month', (error as Error).message);
  }
}

/** Whether a recompute says something other than the frozen figure (total, band, groups, dossiers). */
export function differs(frozen: PublishedIndex, current: PublishedIndex): boolean {
  if (frozen.total !== current.total || frozen.band !== current.band || frozen.totalMax !== current.totalMax || frozen.dossiers !== current.dossiers) return true;
  return GROUP_CODES.some((g) => frozen.groups[g].score !== current.groups[g].score || frozen.groups[g].max !== current.groups[g].max);
}

/** The figures only: an explanation (dossier codes, PAKN ids) never reaches the public side. */
export function publicFigures(r: PublishedIndex): PublishedIndex {
  const groups = {} as PublishedIndex['groups'];
  for (const g of GROUP_CODES) {
    const src = r.groups[g];
    const indicators: Record<string, (typeof src.indicators)[string]> = {};
    for (const [id, ind] of Object.entries(src.indicators)) {
      const { explain: _explain, ...figures } = ind;
      indicators[id] = figures;
    }
    groups[g] = { score: src.score, max: src.max, indicators };
  }
  return { period: r.period, total: r.total, totalMax: r.totalMax, band: r.band, groups, dossiers: r.dossiers };
}

/** Competition ranking by total (1, 1, 3): equal totals share a rank. */
export function rankByTotal<T extends { total: number }>(rows: T[], tieBreak: (a: T, b: T) => number): Array<T & { rank: number }> {
  const sorted = [...rows].sort((a, b) => b.total - a.total || tieBreak(a, b));
  return sorted.map((row) => ({ ...row, rank: sorted.findIndex((r) => r.total === row.total) + 1 }));
}

const RECOMPUTE_TTL_MS = 60_000;

export function createPublication(deps: PublicationDeps) {
  const { db } = deps;
  // Today's recompute beside the frozen figures costs one index per scope: kept while no dossier
  // has moved since (the latest action, an indexed read) and a minute at most (settings, calendar).
  const recomputed = new Map<string, { at: number; value: Promise<PublishedIndex> }>();
  let seen: string | undefined;
  async function recompute(period: Period, unitId: string | null): Promise<PublishedIndex> {
    const latest = await db.selectFrom('quality_dossier_fact').select((eb) => eb.fn.max('last_event_at').as('at')).executeTakeFirst();
    const version = latest?.at ? new Date(latest.at as Date).toISOString() : '';
    if (version !== seen) {
      recomputed.clear();
      seen = version;
    }
    const key = `${period.from}|${unitId ?? ''}`;
    const hit = recomputed.get(key);
    const at = Date.now();
    if (hit && at - hit.at < RECOMPUTE_TTL_MS) return hit.value;
    const value = deps.index(period, { unitId }, deps.now());
    value.catch(() => recomputed.delete(key));
    recomputed.set(key, { at, value });
    return value;
  }

  /** The scopes a month is frozen for: the ministry, and every active unit that is not a root (a root is the ministry itself). */
  async function scopes(): Promise<string[]> {
    const tree = await deps.units.tree();
    return [MINISTRY_SCOPE, ...tree.ids().filter((id) => tree.isActive(id) === true && tree.parentOf(id) !== null)];
  }

  async function rows(month: string): Promise<FrozenRow[]> {
    const found = await db.selectFrom('quality_publication').selectAll().where('month', '=', month).execute();
    return found.map((r) => ({ month: r.month, scope: r.scope, result: r.result as PublishedIndex, frozenAt: new Date(r.frozen_at), frozenBy: r.frozen_by }));
  }

  async function unitNames(): Promise<Map<string, { nameVi: string; nameEn: string; sortOrder: number }>> {
    return new Map((await deps.units.all()).map((u) => [u.id, { nameVi: u.nameVi, nameEn: u.nameEn, sortOrder: u.sortOrder }]));
  }

  const publication = {
    /**
     * Freezes a month that is over for the ministry and every active unit. Idempotent: a scope
     * frozen already is left as it is (so is a whole month frozen already); a unit added since
     * is frozen the next time. Audited when anything was frozen.
     */
    async freeze(month: string, options: { by: AuditActor; now?: Date }): Promise<FreezeOutcome> {
      const period = monthPeriod(month);
      const now = options.now ?? deps.now();
      if (now.getTime() < periodBounds(period).endMs) throw new PublicationError('month_not_over', `the month ${month} is not over yet`);
      const have = new Set((await db.selectFrom('quality_publication').select('scope').where('month', '=', month).execute()).map((r) => r.scope));
      const todo = (await scopes()).filter((s) => !have.has(s));
      const computed: Array<{ scope: string; result: PublishedIndex }> = [];
      for (const scope of todo) computed.push({ scope, result: publicFigures(await deps.index(period, { unitId: scope === MINISTRY_SCOPE ? null : scope }, now)) });
      const frozenBy = options.by.label;
      const settings = JSON.stringify(deps.settings);
      const frozen = await db.transaction().execute(async (trx) => {
        let n = 0;
        for (const { scope, result } of computed) {
          // Another instance may have frozen it meanwhile: the first one stands.
          const inserted = await trx
            .insertInto('quality_publication')
            .values({ month, scope, result: JSON.stringify(result), settings, dossiers: result.dossiers, frozen_at: now, frozen_by: frozenBy })
            .onConflict((oc) => oc.columns(['month', 'scope']).doNothing())
            .executeTakeFirst();
          n += Number(inserted.numInsertedOrUpdatedRows ?? 0);
        }
        if (n > 0) await recordAudit(trx, { actor: options.by, action: 'quality.month.freeze', entity: 'quality_month', entityId: month, after: { scopes: n, ministryTotal: computed.find((c) => c.scope === MINISTRY_SCOPE)?.result.total ?? null } });
        return n;
      });
      return { month, frozen, kept: have.size + (computed.length - frozen) };
    },

    /** The schedule's work at `tick`: freeze the month before. */
    freezePrevious(tick: Date) {
      return publication.freeze(previousMonth(tick), { by: systemActor('quality-freeze schedule'), now: tick });
    },

    /** The frozen months, newest first. */
    async months(): Promise<Array<{ month: string; frozenAt: Date }>> {
      const found = await db.selectFrom('quality_publication').select(['month', 'frozen_at']).where('scope', '=', MINISTRY_SCOPE).orderBy('month', 'desc').execute();
      return found.map((r) => ({ month: r.month, frozenAt: new Date(r.frozen_at) }));
    },

    /** A frozen month: the ministry's result, and the units ranked by total; today's recompute beside a figure it differs from. */
    async month(month: string, options: { recompute?: boolean } = {}) {
      const period = monthPeriod(month);
      const frozen = await rows(month);
      const ministry = frozen.find((r) => r.scope === MINISTRY_SCOPE);
      if (!ministry) throw new PublicationError('not_frozen', `the month ${month} is not published`);
      const names = await unitNames();
      const withCurrent = async (row: FrozenRow) => {
        if (options.recompute === false) return null;
        const current = publicFigures(await recompute(period, row.scope === MINISTRY_SCOPE ? null : row.scope));
        return differs(row.result, current) ? current : null;
      };
      const units = await Promise.all(
        frozen
          .filter((r) => r.scope !== MINISTRY_SCOPE)
          .map(async (r) => {
            const name = names.get(r.scope);
            return { unitId: r.scope, nameVi: name?.nameVi ?? r.scope, nameEn: name?.nameEn ?? r.scope, sortOrder: name?.sortOrder ?? 0, total: r.result.total, result: r.result, current: await withCurrent(r) };
          }),
      );
      const ranked = rankByTotal(units, (a, b) => a.sortOrder - b.sortOrder || a.unitId.localeCompare(b.unitId)).map(({ sortOrder: _s, ...u }) => u);
      return { month, frozenAt: ministry.frozenAt, frozenBy: ministry.frozenBy, ministry: { result: ministry.result, current: await withCurrent(ministry) }, units: ranked };
    },

    /** A unit's frozen month (the drill-down), its procedures, and a procedure's figures for the unit (live, from the counters). */
    async unitMonth(month: string, unitId: string, procedureCode?: string) {
      const period = monthPeriod(month);
      const tree = await deps.units.tree();
      if (tree.isActive(unitId) === undefined) throw new PublicationError('unknown_unit', `no unit ${unitId}`);
      const row = (await rows(month)).find((r) => r.scope === unitId);
      if (!row) throw new PublicationError('not_frozen', `the month ${month} is not published for the unit ${unitId}`);
      const name = (await unitNames()).get(unitId)!;
      const current = publicFigures(await recompute(period, unitId));
      const procedures = (await deps.procedures()).filter((p) => isWithin(tree, p.ownerUnitId, unitId)).map((p) => p.code).sort();
      const procedure = procedureCode ? { code: procedureCode, result: publicFigures(await deps.index(period, { unitId, procedureCode }, deps.now())) } : null;
      return { month, unit: { id: unitId, nameVi: name.nameVi, nameEn: name.nameEn }, frozenAt: row.frozenAt, result: row.result, current: differs(row.result, current) ? current : null, procedures, procedure };
    },

    /** The last 12 frozen months of a scope, oldest first: totals and group scores. */
    async trend(unitId?: string) {
      const scope = unitId ?? MINISTRY_SCOPE;
      const found = await db.selectFrom('quality_publication').select(['month', 'result']).where('scope', '=', scope).orderBy('month', 'desc').limit(12).execute();
      return found.reverse().map((r) => {
        const result = r.result as PublishedIndex;
        const groups = {} as Record<GroupCode, number | null>;
        for (const g of GROUP_CODES) groups[g] = result.groups[g].score;
        return { month: r.month, total: result.total, totalMax: result.totalMax, band: result.band, groups };
      });
    },

    /**
     * The plan's own targets beside the index, live for a month (Plan tasks 4 and 9):
     * - satisfaction (task 4, ≥ 90%): likes among the ratings given in the month (the feedback
     *   module's public ratings, likeRatio). UNCONFIRMED: SPEC gives no other survey measure.
     * - results digitized (task 9, 100%): document results issued in the month that were issued
     *   electronically (the warehouse's digitization record). UNCONFIRMED: "kết quả được số hóa"
     *   read as results issued as electronic documents, not paper results scanned later.
     * - processed online (task 9, > 60%): dossiers received in the month through the online
     *   channel (KenhThucHien '2') among all received, from the index's own per-dossier facts.
     *   UNCONFIRMED: "xử lý trực tuyến" read as submitted online (SPEC is silent on dossiers
     *   submitted on paper and then processed electronically).
     */
    async targets(month: string, unitId?: string) {
      const period = monthPeriod(month);
      const range = { from: period.from, to: period.to, ...(unitId ? { unit: unitId } : {}) };
      const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 100);
      const ratings = deps.ratings ? await deps.ratings(range) : null;
      const digitization = deps.digitization ? await deps.digitization(range) : null;
      const { startMs, endMs } = periodBounds(period);
      let received = db
        .selectFrom('quality_dossier_fact')
        .select((eb) => [eb.fn.countAll<string>().as('n'), sql<string>`sum(case when record->>'KenhThucHien' = '2' then 1 else 0 end)`.as('online')])
        .where('received_at', '>=', new Date(startMs))
        .where('received_at', '<', new Date(endMs));
      if (unitId) {
        const tree = await deps.units.tree();
        const keys = (await db.selectFrom('quality_unit_key').selectAll().execute()).filter((r) => r.unit_ids.some((u) => isWithin(tree, u, unitId))).map((r) => r.unit_key);
        received = received.where('unit_key', 'in', keys.length ? keys : ['']);
      }
      const channel = await received.executeTakeFirstOrThrow();
      const total = Number(channel.n);
      const online = Number(channel.online ?? 0);
      const target = (value: number | null, goal: number, strict: boolean, numerator: number | null, denominator: number | null) => ({
        value,
        target: goal,
        comparison: strict ? ('>' as const) : ('>=' as const),
        met: value === null ? null : strict ? value > goal : value >= goal,
        numerator,
        denominator,
      });
      return {
        period: { from: period.from, to: period.to },
        satisfaction: target(ratings ? pct(ratings.likes, ratings.count) : null, 90, false, ratings?.likes ?? null, ratings?.count ?? null),
        resultsDigitized: target(digitization ? pct(digitization.electronicResults, digitization.results) : null, 100, false, digitization?.electronicResults ?? null, digitization?.results ?? null),
        processedOnline: target(pct(online, total), 60, true, online, total),
      };
    },
  };
  return publication;
}

export type Publication = ReturnType<typeof createPublication>;
