// The PAKN time limits of Decision 766/QĐ-TTg indicator 5.2 (SPEC §1.4, "5.2 on-time rules"), in
// working days of the civil-servant calendar:
// - rejection ≤ receipt (or the latest VPCP/BNĐP transfer) + 2 WD;
// - first request for more information ≤ receipt (or latest transfer) + 5 WD;
// - processed (entering "chờ công khai": the answer approved) ≤ receipt (or latest transfer) + 15 WD;
// - published ≤ approval + 2 WD.
// The windows are settings (the 5.2 target is UNCONFIRMED; the windows are as the portal's
// documentation gives them). Pure: the calendar is given.
import type { WorkingCalendar } from '../calendar/working-time.ts';
import type { FeedbackState } from './lifecycle.ts';

export interface FeedbackWindows {
  rejectWorkingDays: number;
  firstSupplementWorkingDays: number;
  processWorkingDays: number;
  publishWorkingDays: number;
}

export const DEFAULT_FEEDBACK_WINDOWS: Readonly<FeedbackWindows> = Object.freeze({
  rejectWorkingDays: 2,
  firstSupplementWorkingDays: 5,
  processWorkingDays: 15,
  publishWorkingDays: 2,
});

export interface FeedbackDeadlines {
  /** Receipt, or the latest transfer when later (the start of the 5.2 windows). */
  anchor: string | null;
  reject: string | null;
  firstSupplement: string | null;
  process: string | null;
  publish: string | null;
  /** The deadline the officers are working to now (null when none runs: waiting for the filer, or closed). */
  current: { kind: 'process' | 'publish'; dueAt: string } | null;
}

export interface FeedbackTimeliness {
  rejectOnTime: boolean | null;
  firstSupplementOnTime: boolean | null;
  processOnTime: boolean | null;
  publishOnTime: boolean | null;
}

/** The start of the windows: the receipt or the latest transfer, whichever is later. */
export function windowAnchor(state: Pick<FeedbackState, 'receivedAt' | 'transfers'>): string | null {
  const times = [state.receivedAt, ...state.transfers.map((t) => t.at)].filter((t): t is string => t !== null);
  if (times.length === 0) return null;
  return times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

const add = (calendar: WorkingCalendar, from: string, days: number) => calendar.addWorkingTime(new Date(from), days, 'working_days').toISOString();

export function feedbackDeadlines(state: FeedbackState, calendar: WorkingCalendar, windows: FeedbackWindows = DEFAULT_FEEDBACK_WINDOWS): FeedbackDeadlines {
  const anchor = windowAnchor(state);
  const reject = anchor ? add(calendar, anchor, windows.rejectWorkingDays) : null;
  const firstSupplement = anchor ? add(calendar, anchor, windows.firstSupplementWorkingDays) : null;
  const process = anchor ? add(calendar, anchor, windows.processWorkingDays) : null;
  const publish = state.approvedAt ? add(calendar, state.approvedAt, windows.publishWorkingDays) : null;
  let current: FeedbackDeadlines['current'] = null;
  if ((state.status === 'received' || state.status === 'processing') && process) current = { kind: 'process', dueAt: process };
  if (state.status === 'approved' && publish) current = { kind: 'publish', dueAt: publish };
  return { anchor, reject, firstSupplement, process, publish, current };
}

const within = (at: string | null, due: string | null) => (at && due ? Date.parse(at) <= Date.parse(due) : null);

/** Whether each step was taken in time (null: not taken). */
export function feedbackTimeliness(state: FeedbackState, deadlines: FeedbackDeadlines): FeedbackTimeliness {
  return {
    rejectOnTime: within(state.rejectedAt, deadlines.reject),
    firstSupplementOnTime: within(state.firstSupplementRequestAt, deadlines.firstSupplement),
    processOnTime: within(state.approvedAt, deadlines.process),
    publishOnTime: within(state.publishedAt, deadlines.publish),
  };
}
