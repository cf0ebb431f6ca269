// One dossier's part in the 766 index: which numerator and denominator of each dossier indicator
// it counts in, for a period. `computeIndex` sums these; a real-time counter kept per dossier must
// agree with them (the same function is the reference). Pure.
//
// Period semantics: a dossier is received in the period when the local date (Asia/Ho_Chi_Minh) of
// its NgayTiepNhan falls in it. Events after the as-of instant (the end of the period's last day,
// or "now" for the current period) are not seen: the dossier is judged as it stood then.
import { formatLocalIso, localMidnight, dayNumber } from '../calendar/local-time.ts';
import type { LocalDate } from '../calendar/types.ts';
import { inPeriod, periodBounds } from './period.ts';
import { reason, type Reason } from './reasons.ts';
import type { QualitySettings } from './settings.ts';
import type { Period, QualityDossier, QualityProcedure, SyncDate } from './types.ts';
import type { QualityCalendar } from './working-days.ts';

const SYNC_DATE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** The instant (epoch ms) of a `yyyyMMddHHmmss` local date; null for '' or a malformed value. */
export function syncInstant(value: SyncDate): number | null {
  const m = SYNC_DATE.exec(value);
  if (!m) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  try {
    return localMidnight(dayNumber(date)) + ((Number(m[4]) * 60 + Number(m[5])) * 60 + Number(m[6])) * 1000;
  } catch {
    return null;
  }
}

/** The local date of a `yyyyMMddHHmmss` value; null for ''. */
export function syncLocalDate(value: SyncDate): LocalDate | null {
  return syncInstant(value) === null ? null : `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
}

const iso = (ms: number | null): string | null => (ms === null ? null : formatLocalIso(new Date(ms)));

/** The dossier indicators a dossier takes part in. */
export const DOSSIER_INDICATORS = ['1.4', '2.1', '2.2', '3.3', '3.4', '3.6', '4.1', '4.2', '4.3', '4.4', '4.5b', '5.4'] as const;
export type DossierIndicatorId = (typeof DOSSIER_INDICATORS)[number];

export interface Contribution {
  numerator: boolean;
  denominator: boolean;
  /** Why it is in the denominator but not the numerator, or why it is left out. */
  reason?: Reason;
  /** 2.2: the dossier's processing time in milliseconds (working or calendar, per the procedure's unit). */
  amount?: number;
}

export type EndKind = 'processed' | 'returned' | 'stopped' | 'refused' | 'withdrawn' | 'awaiting_supplement' | 'open';

/** Indicator 2.1 for one dossier (SPEC §1.4 2.1). */
export interface ProcessingOutcome {
  /** Received by the period's end and ended in the period (or still open at its end). */
  inPopulation: boolean;
  endKind: EndKind | null;
  endAt: string | null;
  /** The due date end' is compared with. */
  dueAt: string | null;
  supplementRequests: number;
  /** Working minutes between each supplement request and its return (taken out of the end). */
  supplementWorkingMinutes: number;
  /** null: no due date and no processing time, so it cannot be judged. */
  onTime: boolean | null;
  reason: Reason;
}

export interface DossierClassification {
  code: string;
  procedureCode: string;
  /** Counted by the dossier indicators (settings.dossierScope: synced, or all). */
  inScope: boolean;
  receivedInPeriod: boolean;
  processing: ProcessingOutcome;
  indicators: Partial<Record<DossierIndicatorId, Contribution>>;
  /** Facts the procedure indicators aggregate (3.5, 3.5b, 4.5a). */
  facts: {
    /** Received (else submitted) in the period, with a fee line of Gia > 0. */
    feeDossier: boolean;
    /** A fee dossier paid online (DuocThanhToanTrucTuyen 1 or 2). */
    paidOnline: boolean;
    /** In the period and counted in 4.5b's numerator. */
    populationData: boolean;
  };
  /** 5.4: what makes the dossier count against satisfaction. */
  satisfaction: { late: boolean; complained: boolean };
}

export interface ClassifyOptions {
  /** "Now": the as-of instant is the earlier of it and the period's end. Default: the period's end. */
  now?: Date;
  /** 5.4: the dossier has a PAKN (up to the as-of instant) and/or a "dislike" rating. */
  complaints?: { feedback: boolean; dislike: boolean };
}

/** The as-of instant of a period: the last millisecond of its last day, or `now` if earlier. */
export function asOfInstant(period: Period, now?: Date): number {
  const { endMs } = periodBounds(period);
  return now ? Math.min(now.getTime(), endMs - 1) : endMs - 1;
}

const ONLINE = '2';
const PAID_ONLINE = new Set(['1', '2']);

/** The first instant (≤ asOf) at which the history shows one of `statuses`, else the fallback field's. */
function firstAt(d: QualityDossier, asOf: number, statuses: readonly string[], fallback: number | null): number | null {
  let first: number | null = null;
  for (const e of d.QuaTrinhXuLy) {
    if (!statuses.includes(e.TrangThai)) continue;
    const at = syncInstant(e.ThoiDiemXuLy);
    if (at !== null && at <= asOf && (first === null || at < first)) first = at;
  }
  if (first !== null) return first;
  return fallback !== null && fallback <= asOf ? fallback : null;
}

/** The end of processing by the priority of SPEC §1.4 2.1 step 2, as it stood at `asOf`. */
function terminalEnd(d: QualityDossier, asOf: number): { at: number; kind: EndKind } | null {
  const status = d.TrangThaiHoSo;
  const finished = syncInstant(d.NgayKetThucXuLy);
  // Đã xử lý xong > Đã trả kết quả > Dừng xử lý / Từ chối > Công dân yêu cầu rút hồ sơ.
  const processed = firstAt(d, asOf, ['9'], status === '9' || status === '10' ? finished : null);
  if (processed !== null) return { at: processed, kind: 'processed' };
  const returned = firstAt(d, asOf, ['10'], syncInstant(d.NgayTra));
  if (returned !== null) return { at: returned, kind: 'returned' };
  const stopped = firstAt(d, asOf, ['8'], status === '8' ? finished : null);
  const refused = firstAt(d, asOf, ['3'], syncInstant(d.NgayTuChoi));
  if (stopped !== null || refused !== null) {
    return stopped !== null && (refused === null || stopped <= refused) ? { at: stopped, kind: 'stopped' } : { at: refused!, kind: 'refused' };
  }
  const withdrawn = firstAt(d, asOf, ['7'], status === '7' ? finished : null);
  if (withdrawn !== null) return { at: withdrawn, kind: 'withdrawn' };
  return null;
}

/** Indicator 2.1 for one dossier (SPEC §1.4 2.1, steps 1–4; T9, T10 of §1.7). */
export function processingOutcome(
  d: QualityDossier,
  procedure: QualityProcedure | undefined,
  period: Period,
  settings: Pick<QualitySettings, 'processing'>,
  calendar: QualityCalendar,
  asOf: number,
): ProcessingOutcome {
  const { startMs, endMs } = periodBounds(period);
  const received = syncInstant(d.NgayTiepNhan);
  const rounds = d.DanhSachHoSoBoSung.map((r) => ({ requested: syncInstant(r.NgayBoSung), returned: syncInstant(r.NgayTiepNhanBoSung) }))
    .filter((r): r is { requested: number; returned: number | null } => r.requested !== null && r.requested <= asOf)
    .map((r) => ({ requested: r.requested, returned: r.returned !== null && r.returned <= asOf ? r.returned : null }))
    .sort((a, b) => a.requested - b.requested);
  const base: ProcessingOutcome = { inPopulation: false, endKind: null, endAt: null, dueAt: null, supplementRequests: rounds.length, supplementWorkingMinutes: 0, onTime: null, reason: [] };
  if (received === null || received > asOf) return { ...base, reason: reason('not_received') };

  let end: { at: number; kind: EndKind } | null = terminalEnd(d, asOf);
  // One supplement request the applicant has not answered ends processing at the request.
  if (!end && rounds.length === 1 && rounds[0]!.returned === null) end = { at: rounds[0]!.requested, kind: 'awaiting_supplement' };
  // Not finished: the end is the as-of instant (the end of the period's last day, or now).
  end ??= { at: Math.min(asOf, endMs - 1), kind: 'open' };
  const outcome: ProcessingOutcome = { ...base, endKind: end.kind, endAt: iso(end.at) };
  if (end.at < startMs || end.at >= endMs) return { ...outcome, reason: reason('ended_outside', { at: outcome.endAt ?? '' }) };
  outcome.inPopulation = true;

  // Step 3: the supplement time (request → return) is taken out of the end.
  const endAt = end.at;
  outcome.supplementWorkingMinutes = rounds.reduce(
    (sum, r) => (r.returned === null || r.requested >= endAt ? sum : sum + calendar.workingTimeBetween(new Date(r.requested), new Date(Math.min(r.returned, endAt)))),
    0,
  );
  if (rounds.length > settings.processing.maxSupplementsOnTime) {
    return { ...outcome, onTime: false, reason: reason('too_many_supplements', { count: rounds.length, max: settings.processing.maxSupplementsOnTime }) };
  }

  // Step 4: the due date; without one, received + the procedure's maximum processing time.
  const firstRoundDue = d.DanhSachHoSoBoSung.map((r) => syncInstant(r.NgayHenTraTruoc)).find((t) => t !== null) ?? null;
  let due = settings.processing.dueDate === 'before_first_supplement' && firstRoundDue !== null ? firstRoundDue : syncInstant(d.NgayHenTra);
  let dueSource: Record<string, string | number> = { dueSource: due === firstRoundDue && firstRoundDue !== null ? 'first_round' : 'NgayHenTra' };
  if (due === null && procedure?.processingTime) {
    const limit = procedure.processingTime;
    due = calendar.addWorkingTime(new Date(received), limit.value, limit.unit).getTime();
    dueSource = { dueSource: 'processing_time', limitValue: limit.value, limitUnit: limit.unit };
  }
  if (due === null) return { ...outcome, reason: reason('cannot_judge') };
  outcome.dueAt = iso(due);
  // end' ≤ due ⇔ the working time from the due to the end is at most the supplement time.
  const late = calendar.workingTimeBetween(new Date(due), new Date(end.at)) - outcome.supplementWorkingMinutes;
  if (late <= 0) return { ...outcome, onTime: true, reason: reason('on_time', { endAt: outcome.endAt ?? '', kind: end.kind, ...dueSource, dueAt: outcome.dueAt ?? '' }) };
  return {
    ...outcome,
    onTime: false,
    reason: reason('late', { kind: end.kind, endAt: outcome.endAt ?? '', minutes: late, ...dueSource, dueAt: outcome.dueAt ?? '', supplementMinutes: outcome.supplementWorkingMinutes }),
  };
}

/** How an open dossier is judged for 2.1 at a later end, while nothing happens to it. */
export interface OpenJudgement {
  /** False when 2.1 cannot judge it (no due date and no processing time). */
  judged: boolean;
  /** The first end instant (epoch ms) at which it counts as overdue; null: never within 40 years. */
  lateFrom: number | null;
}

const MAX_OPEN_SPAN_MS = 40 * 366 * 86_400_000;

/**
 * For a dossier still open at `from` (its last action or later), from when an end would find it
 * overdue (SPEC §1.4 2.1, steps 3–4) if nothing else happens: with no new action its supplement
 * time and due date are fixed, so lateness only grows with the end, and one instant splits on
 * time from late. Found by searching `processingOutcome` itself, so that the two always agree.
 * Returns undefined when the dossier is not open at `from`.
 */
export function openJudgement(d: QualityDossier, procedure: QualityProcedure | undefined, settings: Pick<QualitySettings, 'processing'>, calendar: QualityCalendar, from: number): OpenJudgement | undefined {
  const received = syncLocalDate(d.NgayTiepNhan);
  if (received === null) return undefined;
  const period: Period = { kind: 'custom', from: received, to: '2199-12-31' };
  const judge = (at: number) => processingOutcome(d, procedure, period, settings, calendar, at);
  const first = judge(from);
  if (first.endKind !== 'open') return undefined;
  if (first.onTime === null) return { judged: false, lateFrom: null };
  if (first.onTime === false) return { judged: true, lateFrom: from };
  let onTime = from;
  let step = 86_400_000;
  let late = from + step;
  while (judge(late).onTime !== false) {
    onTime = late;
    step *= 2;
    if (step > MAX_OPEN_SPAN_MS) return { judged: true, lateFrom: null };
    late = from + step;
  }
  while (late - onTime > 1) {
    const mid = Math.floor((onTime + late) / 2);
    if (judge(mid).onTime === false) late = mid;
    else onTime = mid;
  }
  return { judged: true, lateFrom: late };
}

const hasResultLink = (d: QualityDossier) => d.DanhSachGiayToKetQua.some((r) => r.DuongDanTepTinKetQua !== '');
/** MaKetQua and the result file's link (3.3 [S6]). */
const hasResult = (d: QualityDossier) => d.DanhSachGiayToKetQua.some((r) => r.DuongDanTepTinKetQua !== '' && r.GiayToId !== '');
const files = (d: QualityDossier) => d.TaiLieuNop.filter((f) => !f.IsDeleted);
const hasFee = (d: QualityDossier) => d.DanhSachLePhi.some((f) => f.Gia > 0);

const count = (numerator: boolean, why: Reason): Contribution => (numerator ? { numerator, denominator: true } : { numerator, denominator: true, reason: why });

/**
 * Which numerator and denominator of each dossier indicator `dossier` counts in for `period`.
 * `procedure` is the dossier's procedure (MaTTHC); undefined: the indicators that depend on the
 * procedure's flags leave the dossier out.
 */
export function classifyDossier(
  dossier: QualityDossier,
  procedure: QualityProcedure | undefined,
  period: Period,
  settings: QualitySettings,
  calendar: QualityCalendar,
  options: ClassifyOptions = {},
): DossierClassification {
  const d = dossier;
  const asOf = asOfInstant(period, options.now);
  const receivedAt = syncInstant(d.NgayTiepNhan);
  const receivedDate = syncLocalDate(d.NgayTiepNhan);
  const receivedInPeriod = receivedDate !== null && receivedAt! <= asOf && inPeriod(period, receivedDate);
  const inScope = settings.dossierScope === 'all' || d.syncedToPortal;
  const processing = processingOutcome(d, procedure, period, settings, calendar, asOf);
  const indicators: Partial<Record<DossierIndicatorId, Contribution>> = {};

  // 1.4: every dossier received in the period; the numerator those that reached the portal.
  if (receivedInPeriod) indicators['1.4'] = count(d.syncedToPortal, reason('not_synced'));

  if (inScope && processing.inPopulation) {
    indicators['2.1'] = processing.onTime === null ? { numerator: false, denominator: false, reason: processing.reason } : count(processing.onTime, processing.reason);
  }

  const online = d.KenhThucHien === ONLINE;
  const documentResult = procedure?.requiresDocumentResult ?? false;
  const componentFiles = files(d);
  const populationData =
    d.TaiKhoanDuocXacThucVoiVNeID === '1' ||
    componentFiles.some((f) => f.DuocLayTuKhoDMQG === '1') ||
    d.DSKetNoiCSDL.some((c) => settings.digitization.populationDatabaseCodes.includes(c.MaCSDL));

  if (inScope && receivedInPeriod) {
    // 3.3 [S6]: online (KenhThucHien 2), with MaKetQua and its link when the result is a document.
    const resultOk33 = !settings.fullOnline.requireResult['3.3'] || !documentResult || hasResult(d);
    indicators['3.3'] = count(online && resultOk33, online ? reason('no_electronic_result_document') : reason('channel', { channel: d.KenhThucHien }));

    // 3.4 (the 12-point CLGQ metric; UNCONFIRMED definition, SPEC §1.4): full-online dossiers of
    // full-online-eligible procedures.
    if (procedure?.fullOnlineEligible) {
      const full = !settings.fullOnline.requireFullLevel || procedure.onlineLevel === 'full';
      const resultOk = !settings.fullOnline.requireResult['3.4'] || !documentResult || hasResult(d);
      indicators['3.4'] = count(
        online && full && resultOk,
        !online ? reason('channel', { channel: d.KenhThucHien }) : !full ? reason('online_level', { level: procedure.onlineLevel ?? '' }) : reason('no_electronic_result'),
      );
    }

    // 3.6 [S6]: dossiers of procedures with fees, less those whose fee lines are all 0.
    if (procedure?.hasFees && hasFee(d)) indicators['3.6'] = count(PAID_ONLINE.has(d.DuocThanhToanTrucTuyen), reason('not_paid_online', { value: d.DuocThanhToanTrucTuyen }));

    // 4.1 [S6]: dossiers of procedures whose result is a document, with the result file's link.
    if (documentResult && (settings.digitization.resultPopulation === 'received' || d.TrangThaiHoSo === '9' || d.TrangThaiHoSo === '10')) {
      indicators['4.1'] = count(hasResultLink(d), reason('no_result_file_link'));
    }

    // 4.2 [S6]: a file in the components and, for a document result, a file in the result.
    const hasComponent = componentFiles.some((f) => f.DuongDanTaiTepTin !== '');
    indicators['4.2'] = count(hasComponent && (!documentResult || hasResultLink(d)), !hasComponent ? reason('no_component_file') : reason('no_result_file'));

    // 4.3 [S6]: at least one component reused (the flags are a setting).
    const flags = settings.digitization.reuseFlags;
    const reused =
      (flags.includes('HoSoCoThanhPhanSoHoa') && d.HoSoCoThanhPhanSoHoa === '1') ||
      componentFiles.some((f) => (flags.includes('DuocSoHoa') && f.DuocSoHoa === '1') || (flags.includes('DuocTaiSuDung') && f.DuocTaiSuDung === '1'));
    indicators['4.3'] = count(reused, reason('no_reused_component'));

    // 4.4 [S6]: a component taken from the personal data store (DuocLayTuKhoDMQG). The other
    // branch, "the e-result link is synced to the portal's catalogue", has no field in the record.
    // The warehouse module records every issued result in its holder's store: that is the other branch.
    const fromStore = componentFiles.some((f) => f.DuocLayTuKhoDMQG === '1');
    const resultStored = settings.digitization.resultInDataStore && d.resultInDataStore === true;
    indicators['4.4'] = count(fromStore || resultStored, reason('not_from_store'));

    // 4.5b [S6]: VNeID-authenticated account, data-store component, or the population database.
    indicators['4.5b'] = count(populationData, reason('no_population_data'));
  }

  // 2.2 [S6]: completed (Đã xử lý xong / Đã trả kết quả) dossiers whose start is in the period;
  // the end may fall in another period. Time = end − receipt − supplement time, in the
  // procedure's unit (working time unless the unit is calendar days).
  if (inScope && receivedInPeriod) {
    const end = terminalEnd(d, asOf);
    if (end && (end.kind === 'processed' || end.kind === 'returned')) {
      const calendarDays = procedure?.processingTime?.unit === 'calendar_days';
      const between = (a: number, b: number) => (calendarDays ? b - a : calendar.workingTimeBetween(new Date(a), new Date(b)) * 60_000);
      const rounds = d.DanhSachHoSoBoSung.map((r) => ({ requested: syncInstant(r.NgayBoSung), returned: syncInstant(r.NgayTiepNhanBoSung) }));
      const paused = rounds.reduce((sum, r) => (r.requested === null || r.returned === null || r.returned > asOf || r.requested >= end.at ? sum : sum + between(r.requested, Math.min(r.returned, end.at))), 0);
      indicators['2.2'] = { numerator: true, denominator: true, amount: Math.max(0, Math.round(between(receivedAt!, end.at) - paused)) };
    }
  }

  // 5.4: 100% − (overdue rate + PAKN/dislike rate) over the 2.1 population (or the received).
  const complaints = options.complaints ?? { feedback: false, dislike: false };
  const satisfaction = { late: processing.onTime === false, complained: complaints.feedback || complaints.dislike };
  const inSatisfaction = settings.satisfaction.population === 'processed' ? indicators['2.1']?.denominator === true : inScope && receivedInPeriod;
  if (inSatisfaction) {
    const why: Reason = [...(satisfaction.late ? reason('overdue') : []), ...(complaints.feedback ? reason('has_feedback') : []), ...(complaints.dislike ? reason('disliked') : [])];
    indicators['5.4'] = count(!satisfaction.late && !satisfaction.complained, why);
  }

  // 3.5 / 3.5b by NgayTiepNhan, else NgayNopHoSo [S6].
  const startDate = receivedDate ?? syncLocalDate(d.NgayNopHoSo);
  const startAt = receivedAt ?? syncInstant(d.NgayNopHoSo);
  const feeDossier = inScope && startDate !== null && startAt! <= asOf && inPeriod(period, startDate) && hasFee(d);
  return {
    code: d.MaHoSo,
    procedureCode: d.MaTTHC,
    inScope,
    receivedInPeriod,
    processing,
    indicators,
    facts: { feeDossier, paidOnline: feeDossier && PAID_ONLINE.has(d.DuocThanhToanTrucTuyen), populationData: indicators['4.5b']?.numerator === true },
    satisfaction,
  };
}
