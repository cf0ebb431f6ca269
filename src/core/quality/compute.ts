// The 766 index of a bundle for a period (SPEC §1.4, §10.4): every indicator's numerator and
// denominator from the per-item classifications (dossier.ts, procedures.ts, feedback.ts), R, the
// score, the groups as the portal publishes them, the total and its band. Pure.
import { toLocalDate } from '../calendar/local-time.ts';
import { asOfInstant, classifyDossier, type Contribution, type DossierClassification } from './dossier.ts';
import { feedbackOutcome } from './feedback.ts';
import { INDICATORS, type IndicatorDef } from './indicators.ts';
import { inPeriod, periodDays } from './period.ts';
import { classifyProcedure } from './procedures.ts';
import { reason, reasonText, type Reason } from './reasons.ts';
import { bandOf, ratioOf, receivingSatisfactionRatio, round2, scoreOf, sumScores, syncDenominator } from './score.ts';
import type { QualitySettings } from './settings.ts';
import { GROUP_CODES, type GroupCode, type GroupResult, type IndexResult, type IndicatorExplain, type IndicatorResult, type Period, type QualityBundle, type QualityFeedback } from './types.ts';
import type { QualityCalendar } from './working-days.ts';

export interface ComputeOptions {
  /** The working calendar (the calendar module's data) for the working-day rules. */
  workingDays: QualityCalendar;
  /** Add each indicator's `explain` (the items behind its numerator and denominator). */
  explain?: boolean;
  /** "Now": a period not over yet is judged as of now. Default: as of the period's end. */
  now?: Date;
}

export interface Tally {
  numerator: string[];
  denominator: string[];
  reasons: Record<string, Reason>;
}

const tally = (): Tally => ({ numerator: [], denominator: [], reasons: {} });

function add(t: Tally, id: string, c: Contribution | undefined): void {
  if (!c) return;
  if (c.denominator) t.denominator.push(id);
  if (c.numerator && c.denominator) t.numerator.push(id);
  if (c.reason && c.reason.length > 0 && !(c.numerator && c.denominator)) t.reasons[id] = c.reason;
}

/** What the dossier indicators add up to: the part a real-time aggregate keeps (aggregates.ts). */
export interface DossierCounts {
  /** Numerator and denominator of each dossier indicator (2.2: `amount`, the summed milliseconds). */
  counts: Record<string, { numerator: number; denominator: number; amount?: number }>;
  /** 5.4 over its population: how many, how many overdue, how many with a PAKN or a dislike. */
  satisfaction: { population: number; late: number; complained: number };
  /** Dossiers left out because they did not reach the portal (for the note). */
  outOfScope: readonly string[];
  /** 3.5, 3.5b, 4.5a: the procedures with a fee dossier, an online payment, population data. */
  procedures: { fee: ReadonlySet<string>; paid: ReadonlySet<string>; population: ReadonlySet<string> };
}

/** The dossier counts of classified dossiers (what computeIndex sums). */
export function countDossiers(classified: readonly DossierClassification[]): DossierCounts {
  const counts: DossierCounts['counts'] = {};
  for (const c of classified) {
    for (const [id, part] of Object.entries(c.indicators)) {
      const k = (counts[id] ??= { numerator: 0, denominator: 0, amount: 0 });
      if (part.denominator) k.denominator++;
      if (part.numerator && part.denominator) k.numerator++;
      if (part.amount !== undefined && part.denominator) k.amount! += part.amount;
    }
  }
  const population = classified.filter((c) => c.indicators['5.4']?.denominator);
  const set = (pick: (c: DossierClassification) => boolean) => new Set(classified.filter(pick).map((c) => c.procedureCode));
  return {
    counts,
    satisfaction: { population: population.length, late: population.filter((c) => c.satisfaction.late).length, complained: population.filter((c) => c.satisfaction.complained).length },
    outOfScope: classified.filter((c) => !c.inScope).map((c) => c.code),
    procedures: { fee: set((c) => c.facts.feeDossier), paid: set((c) => c.facts.paidOnline), population: set((c) => c.facts.populationData) },
  };
}

/** The 766 index of `bundle` for `period`. */
export function computeIndex(bundle: QualityBundle, period: Period, settings: QualitySettings, options: ComputeOptions): IndexResult {
  const classified = classifyDossiers(bundle, period, settings, options);
  const explained = new Map<string, Tally>();
  if (options.explain) {
    for (const c of classified) {
      for (const [id, part] of Object.entries(c.indicators)) {
        if (!explained.has(id)) explained.set(id, tally());
        add(explained.get(id)!, c.code, part);
      }
    }
  }
  return indexFromCounts(bundle, countDossiers(classified), period, settings, options, explained);
}

/**
 * The 766 index from the dossier counts (kept by a real-time aggregate, or summed by
 * computeIndex) and the bundle's other items (procedures, PAKN, reporting counts), which are
 * few and classified here. `bundle.dossiers` and `bundle.ratings` are not read.
 */
export function indexFromCounts(
  bundle: Pick<QualityBundle, 'scope' | 'procedures' | 'feedback' | 'reportCounts'>,
  dossiers: DossierCounts,
  period: Period,
  settings: QualitySettings,
  options: ComputeOptions,
  dossierExplain: ReadonlyMap<string, Tally> = new Map(),
): IndexResult {
  const calendar = options.workingDays;
  const asOf = asOfInstant(period, options.now);
  const asOfDate = toLocalDate(new Date(asOf));
  const level = bundle.scope.level;
  const tallies = new Map<string, Tally>(INDICATORS.map((i) => [i.id, tally()]));
  const t = (id: string) => tallies.get(id)!;
  const notes = new Map<string, Reason>();

  // Procedures: 1.1, 1.2, 1.3, 3.1.
  for (const p of bundle.procedures) {
    const parts = classifyProcedure(p, period, level, settings, calendar, asOfDate);
    for (const [id, c] of Object.entries(parts)) add(t(id), p.code, c);
  }

  // 3.5, 3.5b, 4.5a: procedures, from their dossiers' facts.
  const { fee: feeProcedures, paid: paidProcedures, population: populationProcedures } = dossiers.procedures;
  for (const p of bundle.procedures) {
    if (p.hasFees) add(t('3.5'), p.code, { numerator: feeProcedures.has(p.code), denominator: true, reason: reason('no_fee_dossier') });
    if (feeProcedures.has(p.code)) add(t('3.5b'), p.code, { numerator: paidProcedures.has(p.code), denominator: true, reason: reason('no_online_payment') });
    if (p.subjects.includes('citizen')) add(t('4.5a'), p.code, { numerator: populationProcedures.has(p.code), denominator: true, reason: reason('no_population_dossier') });
  }

  // Feedback received in the period: 5.1, 5.2, 5.3.
  const seen = bundle.feedback.filter((f) => {
    const received = Date.parse(f.receivedAt);
    return received <= asOf && inPeriod(period, toLocalDate(new Date(received)));
  });
  for (const f of seen) {
    add(t('5.1a'), f.id, { numerator: f.classification === 'tthc', denominator: true, reason: reason('classified', { classification: f.classification ?? '' }) });
    add(t('5.1b'), f.id, { numerator: f.classification === 'conduct', denominator: true, reason: reason('classified', { classification: f.classification ?? '' }) });
    const outcome = feedbackOutcome(f, asOf, settings, calendar);
    add(t('5.2'), f.id, { numerator: outcome.onTime, denominator: true, reason: outcome.late });
    // 5.3 [S6]: dissatisfied = more dislikes than likes, or overdue, or a later PAKN repeats it.
    const repeat = repeatedBy(f, seen, settings);
    const why: Reason = [
      ...(f.dislikes > f.likes ? reason('more_dislikes', { dislikes: f.dislikes, likes: f.likes }) : []),
      ...(outcome.onTime ? [] : reason('overdue')),
      ...(repeat ? reason('repeated', { by: repeat.id }) : []),
    ];
    add(t('5.3'), f.id, { numerator: why.length === 0, denominator: true, reason: why });
  }

  const results = new Map<string, IndicatorResult>();
  const result = (def: IndicatorDef, numerator: number | null, denominator: number | null, ratio: number | null): IndicatorResult => {
    const { points, target } = settings.indicators[def.id] ?? { points: def.points, target: def.target };
    const r: IndicatorResult = { numerator, denominator, ratio, target, max: points, score: scoreOf(ratio, points, target) };
    if (options.explain) {
      const tl = def.basis === 'dossiers' ? (dossierExplain.get(def.id) ?? tally()) : t(def.id);
      const explain: IndicatorExplain = {
        numerator: tl.numerator,
        denominator: tl.denominator,
        reasons: Object.fromEntries(Object.entries(tl.reasons).map(([id, r]) => [id, reasonText(r, 'en')])),
        reasonCodes: tl.reasons,
      };
      const note = notes.get(def.id);
      if (note) {
        explain.note = reasonText(note, 'en');
        explain.noteCodes = note;
      }
      r.explain = explain;
    }
    return r;
  };
  const dc = (id: string) => dossiers.counts[id] ?? { numerator: 0, denominator: 0, amount: 0 };
  const counted = (def: IndicatorDef) => {
    if (def.basis === 'dossiers') {
      const c = dc(def.id);
      return result(def, c.numerator, c.denominator, ratioOf(c.numerator, c.denominator));
    }
    const tl = t(def.id);
    return result(def, tl.numerator.length, tl.denominator.length, ratioOf(tl.numerator.length, tl.denominator.length));
  };

  // 1.4: D = max(BCQG, portal), with the fallbacks; the local count stands in for BCQG (a setting).
  const local = dc('1.4').denominator;
  const synced = dc('1.4').numerator;
  const bcqg = bundle.reportCounts.bcqgReceived ?? (settings.sync.localCountStandsInForBcqg ? local : null);
  const prevYear = Number(period.from.slice(0, 4)) - 1;
  const daysOfPrevYear = (Date.UTC(prevYear + 1, 0, 1) - Date.UTC(prevYear, 0, 1)) / 86_400_000;
  const customShare = settings.sync.customPeriodFallback === 'prorate_days' ? periodDays(period) / daysOfPrevYear : null;
  const D = syncDenominator({ bcqg, portal: synced, periodKind: period.kind, previousYearTotal: bundle.reportCounts.previousYearBcqgTotal, customShare });
  const syncRatio = D.rule === 'no_previous_year' ? 0 : ratioOf(synced, D.denominator);
  notes.set(
    '1.4',
    D.rule === 'max'
      ? reason('note_sync_max', { bcqg: bcqg ?? 'null', localCount: bundle.reportCounts.bcqgReceived === null && bcqg !== null ? 1 : 0, synced, denominator: D.denominator })
      : D.rule === 'previous_year'
        ? reason('note_sync_previous_year', { total: bundle.reportCounts.previousYearBcqgTotal ?? 'null', kind: period.kind, denominator: round2(D.denominator) })
        : reason('note_sync_no_data'),
  );

  // 3.3: the online ratio × the sync ratio [S6].
  const online = ratioOf(dc('3.3').numerator, dc('3.3').denominator);
  notes.set('3.3', reason('note_online_times_sync', { online: online ?? 'null', sync: syncRatio ?? 'null' }));

  // 5.4: 100% − (overdue rate + PAKN/dislike rate) [S6].
  const sat = dossiers.satisfaction;
  const overdueRate = ratioOf(sat.late, sat.population);
  const complaintRate = ratioOf(sat.complained, sat.population);
  notes.set('5.4', reason('note_satisfaction', { overdue: overdueRate ?? 'null', complaints: complaintRate ?? 'null' }));
  notes.set('4.6', reason('note_no_rule'));
  if (!settings.digitization.resultInDataStore) notes.set('4.4', reason('note_store_branch_off'));
  notes.set('3.4', reason('note_unconfirmed_34'));

  // 2.2 [S6]: shown only when one procedure is selected (its unit is the procedure's).
  const only = bundle.procedures.length === 1 ? bundle.procedures[0]! : undefined;
  const unit22 = only ? (only.processingTime?.unit ?? 'working_days') : null;
  const c22 = dc('2.2');
  const msPer = unit22 === 'working_hours' ? 3_600_000 : unit22 === 'calendar_days' ? 86_400_000 : settings.processing.hoursPerWorkingDay * 3_600_000;
  notes.set('2.2', only ? reason('note_average', { total: round2((c22.amount ?? 0) / msPer), unit: unit22 ?? '', count: c22.denominator }) : reason('note_one_procedure'));

  // Dossiers outside the scope (not on the portal) are counted by 1.4 only: say so where they are missing.
  if (dossiers.outOfScope.length > 0) {
    for (const def of INDICATORS) {
      if (def.basis !== 'dossiers' || def.id === '1.4' || def.formula === 'no_rule') continue;
      const left = reason('note_out_of_scope', { codes: dossiers.outOfScope.join(', ') });
      notes.set(def.id, [...(notes.get(def.id) ?? []), ...left]);
    }
  }

  for (const def of INDICATORS) {
    const c = dc(def.id);
    switch (def.formula) {
      case 'sync_ratio':
        results.set(def.id, result(def, synced, round2(D.denominator), syncRatio));
        break;
      case 'scaled_by_sync':
        results.set(def.id, result(def, c.numerator, c.denominator, online === null || syncRatio === null ? null : round2((online * syncRatio) / 100)));
        break;
      case 'satisfaction_composite':
        results.set(def.id, result(def, c.numerator, c.denominator, overdueRate === null || complaintRate === null ? null : receivingSatisfactionRatio(overdueRate, complaintRate)));
        break;
      case 'average': {
        const r = result(def, only ? round2((c.amount ?? 0) / msPer) : null, only ? c.denominator : null, null);
        r.average = { value: only && c.denominator > 0 ? round2((c.amount ?? 0) / msPer / c.denominator) : null, unit: unit22 };
        results.set(def.id, r);
        break;
      }
      case 'no_rule':
        results.set(def.id, result(def, null, null, null));
        break;
      default:
        results.set(def.id, counted(def));
    }
  }

  const groups = {} as Record<GroupCode, GroupResult>;
  for (const code of GROUP_CODES) {
    const indicators: Record<string, IndicatorResult> = {};
    for (const def of INDICATORS) if (def.group === code) indicators[def.id] = results.get(def.id)!;
    const sum = sumScores(Object.values(indicators));
    groups[code] = { score: sum.score, max: sum.max, indicators };
  }
  const total = sumScores(Object.values(groups));
  const totalScore = total.score ?? 0;
  return {
    period: { from: period.from, to: period.to },
    total: totalScore,
    totalMax: total.max,
    band: bandOf(totalScore, total.max, settings),
    groups,
  };
}

/** 5.3 [S6]: the later PAKN (received by the as-of instant, in `seen`) that repeats `f`, if any. */
export function repeatedBy(f: QualityFeedback, seen: readonly QualityFeedback[], settings: Pick<QualitySettings, 'feedback'>): QualityFeedback | undefined {
  const received = Date.parse(f.receivedAt);
  return seen.find(
    (g) =>
      g.id !== f.id &&
      Date.parse(g.receivedAt) > received &&
      (g.repeatsId === f.id || (settings.feedback.repeatRule === 'same_dossier' && f.dossierCode !== null && g.dossierCode === f.dossierCode)),
  );
}

/** Every dossier's classification, for a real-time counter to be checked against (same inputs as computeIndex). */
export function classifyDossiers(bundle: QualityBundle, period: Period, settings: QualitySettings, options: Pick<ComputeOptions, 'workingDays' | 'now'>): DossierClassification[] {
  const procedures = new Map(bundle.procedures.map((p) => [p.code, p]));
  const asOf = asOfInstant(period, options.now);
  const withFeedback = new Set(bundle.feedback.filter((f) => f.dossierCode !== null && Date.parse(f.receivedAt) <= asOf).map((f) => f.dossierCode!));
  const disliked = new Set(bundle.ratings.filter((r) => r.value === 'dislike').map((r) => r.dossierCode));
  return bundle.dossiers.map((d) =>
    classifyDossier(d, procedures.get(d.MaTTHC), period, settings, options.workingDays, {
      ...(options.now ? { now: options.now } : {}),
      complaints: { feedback: withFeedback.has(d.MaHoSo), dislike: disliked.has(d.MaHoSo) },
    }),
  );
}

