// The procedure indicators of group CKMB (1.1–1.3, SPEC §1.4) and 3.1: each procedure's part, as
// data for the explanation. Pure; working days from the calendar passed in.
import type { LocalDate } from '../calendar/types.ts';
import { inPeriod } from './period.ts';
import type { QualitySettings } from './settings.ts';
import type { Period, QualityProcedure, ScopeLevel } from './types.ts';
import { addWorkingDays, type QualityCalendar } from './working-days.ts';
import type { Contribution } from './dossier.ts';
import { reason, type Reason } from './reasons.ts';

const PUBLIC = new Set<QualityProcedure['publicStatus']>(['published', 'published_amended']);
/** "Đang công khai, Đang công khai sửa đổi bổ sung, Bãi bỏ" (SPEC §1.4 1.2). */
const MUST_PUBLISH = new Set<QualityProcedure['publicStatus']>(['published', 'published_amended', 'abolished']);

export type ProcedureIndicatorId = '1.1' | '1.2' | '1.3' | '3.1';

/**
 * A procedure's part in 1.1, 1.2, 1.3 and 3.1. `asOfDate` is the local date of the as-of instant
 * (the period's last day, or today for the current period).
 */
export function classifyProcedure(
  p: QualityProcedure,
  period: Period,
  level: ScopeLevel,
  settings: Pick<QualitySettings, 'publication'>,
  calendar: Pick<QualityCalendar, 'isWorkingDay'>,
  asOfDate: LocalDate,
): Partial<Record<ProcedureIndicatorId, Contribution>> {
  const out: Partial<Record<ProcedureIndicatorId, Contribution>> = {};
  const seen = (date: LocalDate) => inPeriod(period, date) && date <= asOfDate;

  // 1.1: announced (new/amended/abolished) in a QĐCB of the period; on time iff the decision is
  // at least N working days before the legal basis takes effect (ministry 20, province 5). One
  // late occurrence makes the procedure late for the period.
  const lead = settings.publication.announceLeadWorkingDays[level];
  const announced = p.publications.filter((x) => seen(x.decidedOn));
  if (announced.length > 0) {
    const late = announced.find((x) => x.decidedOn > addWorkingDays(calendar, x.legalBasisEffectiveFrom, -lead));
    out['1.1'] = late
      ? { numerator: false, denominator: true, reason: reason('announced_late', { decidedOn: late.decidedOn, lead, effectiveFrom: late.legalBasisEffectiveFrom }) }
      : { numerator: true, denominator: true };
  }

  // 1.2: published in the period, plus those that must be published; on time iff published within
  // N working days of the decision (ministry 10, province 5).
  const within = settings.publication.publishWithinWorkingDays[level];
  const judged: Array<{ onTime: boolean; why: Reason }> = [];
  for (const x of p.publications) {
    const deadline = addWorkingDays(calendar, x.decidedOn, within);
    if (x.publishedOn !== null && seen(x.publishedOn)) {
      judged.push({ onTime: x.publishedOn <= deadline, why: reason('published_late', { publishedOn: x.publishedOn, deadline, decidedOn: x.decidedOn, within }) });
    } else if ((x.publishedOn === null || x.publishedOn > asOfDate) && MUST_PUBLISH.has(p.publicStatus) && x.decidedOn <= asOfDate) {
      const must = settings.publication.mustPublish === 'literal' ? x.decidedOn <= addWorkingDays(calendar, period.to, within) : deadline <= asOfDate;
      if (must) judged.push({ onTime: false, why: reason('not_published', { asOf: asOfDate, deadline, decidedOn: x.decidedOn, within }) });
    }
  }
  if (judged.length > 0) {
    const late = judged.find((j) => !j.onTime);
    out['1.2'] = late ? { numerator: false, denominator: true, reason: late.why } : { numerator: true, denominator: true };
  }

  // 1.3: currently public procedures; all seven parts of Decree 63/2010 Art. 8(2). Not time-bound.
  if (PUBLIC.has(p.publicStatus)) {
    out['1.3'] = p.publicPartsComplete ? { numerator: true, denominator: true } : { numerator: false, denominator: true, reason: reason('parts_not_public') };
    // 3.1 [S6]: offered online, partly or fully (a procedure offering both counts once).
    out['3.1'] = p.onlineLevel !== null ? { numerator: true, denominator: true } : { numerator: false, denominator: true, reason: reason('not_online') };
  }
  return out;
}
