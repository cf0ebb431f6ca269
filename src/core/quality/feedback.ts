// The feedback (PAKN) indicators of group MDHL: 5.1 (classification, tracked), 5.2 (on time) and
// 5.3 (satisfaction with the handling), SPEC §1.4 [S6]. Pure; working days from the calendar.
import { addDays, dayNumber, formatLocalIso, localMidnight, toLocalDate } from '../calendar/local-time.ts';
import type { QualitySettings } from './settings.ts';
import type { ReasonPart } from './reasons.ts';
import type { QualityFeedback } from './types.ts';
import { addWorkingDays, type QualityCalendar } from './working-days.ts';

export interface FeedbackOutcome {
  onTime: boolean;
  /** Each deadline missed (empty when on time). */
  late: ReasonPart[];
}

const at = (iso: string | null, asOf: number): number | null => {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && ms <= asOf ? ms : null;
};

/**
 * 5.2 on-time rules (SPEC §1.4 5.2), judged at `asOf`. The base is the submission, or the latest
 * transfer by the Government Office or another ministry/province:
 * - rejection ≤ base + 2 WD;
 * - first supplement request ≤ base + 5 WD;
 * - processing (start of "chờ công khai / đã công khai") ≤ base + 15 WD;
 * - publication: its end ≤ the processing + 2 WD (still unpublished: asOf within it);
 * - still in progress: asOf ≤ base + 15 WD.
 */
export function feedbackOutcome(f: QualityFeedback, asOf: number, settings: Pick<QualitySettings, 'feedback'>, calendar: QualityCalendar): FeedbackOutcome {
  const s = settings.feedback;
  const received = Date.parse(f.receivedAt);
  const transfers = f.transferredAt.map((t) => at(t, asOf)).filter((t): t is number => t !== null);
  const base = transfers.length > 0 ? Math.max(...transfers) : received;
  const deadline = (from: number, n: number): number =>
    s.deadlineArithmetic === 'working_time'
      ? calendar.addWorkingTime(new Date(from), n, 'working_days').getTime()
      : // The end of the local day N working days after the base's local date.
        localMidnight(dayNumber(addDays(addWorkingDays(calendar, toLocalDate(new Date(from)), n), 1))) - 1;
  const show = (ms: number) => formatLocalIso(new Date(ms));
  const late: ReasonPart[] = [];
  const check = (event: number, from: number, n: number, step: string) => {
    if (event > deadline(from, n)) late.push({ code: 'feedback_late', params: { step, at: show(event), days: n, from: show(from) } });
  };

  const rejected = at(f.rejectedAt, asOf);
  if (rejected !== null) {
    check(rejected, base, s.rejectWithin, 'rejected');
    return { onTime: late.length === 0, late };
  }
  const supplement = at(f.firstSupplementRequestAt, asOf);
  if (supplement !== null) check(supplement, base, s.supplementRequestWithin, 'supplement');
  const processed = at(f.processedAt, asOf);
  if (processed === null) {
    check(asOf, base, s.inProgressWithin, 'in_progress');
  } else {
    check(processed, base, s.processWithin, 'processed');
    const published = at(f.publishedAt, asOf);
    check(published ?? asOf, processed, s.publishWithin, published !== null ? 'published' : 'unpublished');
  }
  return { onTime: late.length === 0, late };
}
