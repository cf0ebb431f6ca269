// A dossier's legal state is a pure function of its action log: `replay(facts, actions, calendar)`.
// The transition whitelist is SPEC §10.1 (Decree 118/2025/NĐ-CP; Circular 01/2018/TT-VPCP), plus
// the send-back before receipt (1 → 5 → 1), which neither starts the clock nor counts as a
// supplement request of processing. Deadlines (SPEC §2.5):
// - originalDueAt (NgayHenTra at receipt) = receivedAt + the version's processing time (the online
//   limit for online dossiers where the version has one);
// - a supplement request (4 → 5) pauses the clock until the supplement comes in (5 → 4), and so
//   does awaiting payment (6) when `paymentPausesClock`; dueAt = originalDueAt + the pauses;
// - an apology (Mẫu 04) sets rescheduledDueAt, at most once, at least one working day before
//   dueAt, to a later date; it does not change the legal dueAt;
// - onTime = finishedAt ≤ dueAt with at most one supplement request (Decision 766, indicator 2.1).
// Each internal step of the version's workflow gets its own due from its budget; the rows are the
// process control slip (Phiếu kiểm soát, Mẫu 05).
import { formatLocalIso } from '../calendar/local-time.ts';
import type { WorkingCalendar } from '../calendar/working-time.ts';
import type { StepKind } from '../catalog/types.ts';
import {
  ACTION_TYPES,
  DEFAULT_RULE_SETTINGS,
  type ActionType,
  type DossierAction,
  type DossierFacts,
  type DossierRuleSettings,
  type ResultOutcome,
} from './actions.ts';
import { addLimit, extendDue } from './deadlines.ts';
import { STATUS, type DossierStatus } from './status.ts';

/** An instant as ISO 8601 with +07:00 (state is plain JSON so the stored projection compares equal). */
export type Instant = string;

export interface StepRecord {
  /** Index into the version's workflow, or null when the version has none. */
  index: number | null;
  kind: StepKind;
  startedAt: Instant;
  dueAt: Instant | null;
  finishedAt: Instant | null;
  /** Handed on by its due (null while open or without a budget). */
  onTime: boolean | null;
  /** Who finished it (the acting account). */
  by: string | null;
  /** How it ended: the action that handed it on. */
  endedBy: ActionType | null;
}

export interface SupplementRecord {
  requestedAt: Instant;
  returnedAt: Instant | null;
  /** The due date before the request and after the supplement (NgayHenTraTruoc / NgayHenTraMoi). */
  dueBefore: Instant | null;
  dueAfter: Instant | null;
}

export interface DossierState {
  /** Null before the first action. */
  status: DossierStatus | null;
  submittedAt: Instant | null;
  receivedAt: Instant | null;
  refusedAt: Instant | null;
  originalDueAt: Instant | null;
  dueAt: Instant | null;
  rescheduledDueAt: Instant | null;
  finishedAt: Instant | null;
  returnedAt: Instant | null;
  supplementCount: number;
  /** Send-backs before receipt (1 → 5). */
  completionCount: number;
  apologyCount: number;
  /** Working minutes the clock was paused (supplements, and payment if it pauses). */
  pausedWorkingMinutes: number;
  /** The same pauses in elapsed milliseconds (what calendar-day procedures extend by). */
  pausedElapsedMs: number;
  /** The pause in progress. */
  pause: { kind: 'supplement' | 'payment'; since: Instant } | null;
  outcome: ResultOutcome | null;
  assignee: string | null;
  unitId: string | null;
  /** Index of the open workflow step (template mode), null otherwise. */
  currentStep: number | null;
  steps: StepRecord[];
  supplements: SupplementRecord[];
  paymentRequestedAt: Instant | null;
  paymentConfirmedAt: Instant | null;
  onTime: boolean | null;
  withinRescheduled: boolean | null;
  /** Number of actions applied: the dossier's version for If-Match. */
  version: number;
  lastActionAt: Instant | null;
}

export const RULE_ERRORS = [
  'illegal_transition',
  'apology_limit',
  'apology_too_late',
  'invalid_reschedule',
  'missing_outcome',
  'not_assignee',
  'out_of_order',
  'invalid_time',
] as const;
export type RuleErrorCode = (typeof RULE_ERRORS)[number];

export interface RuleError {
  error: RuleErrorCode;
  /** Index of the offending action in the log. */
  index: number;
  /** The status before it. */
  status: DossierStatus | null;
  action: string;
  /** What could have been done instead. */
  allowed: ActionType[];
}

export type ReplayResult = { ok: true; state: DossierState } | { ok: false; error: RuleError; state: DossierState };

export const INITIAL_STATE: Readonly<DossierState> = Object.freeze({
  status: null,
  submittedAt: null,
  receivedAt: null,
  refusedAt: null,
  originalDueAt: null,
  dueAt: null,
  rescheduledDueAt: null,
  finishedAt: null,
  returnedAt: null,
  supplementCount: 0,
  completionCount: 0,
  apologyCount: 0,
  pausedWorkingMinutes: 0,
  pausedElapsedMs: 0,
  pause: null,
  outcome: null,
  assignee: null,
  unitId: null,
  currentStep: null,
  steps: [],
  supplements: [],
  paymentRequestedAt: null,
  paymentConfirmedAt: null,
  onTime: null,
  withinRescheduled: null,
  version: 0,
  lastActionAt: null,
}) as DossierState;

/** The processing actions of steps B2–B5 and the workflow step each one finishes. */
const STEP_OF_ACTION: Partial<Record<ActionType, StepKind>> = {
  transfer: 'transfer',
  assign: 'assign',
  examine: 'examine',
  approve: 'approve',
  issue_result: 'sign_issue',
  return_result: 'return',
};

const settingsOf = (facts: DossierFacts): DossierRuleSettings => ({ ...DEFAULT_RULE_SETTINGS, ...facts.settings });
const hasTemplate = (facts: DossierFacts): boolean => (facts.steps?.length ?? 0) > 0;
const ms = (i: Instant): number => new Date(i).getTime();
const iso = (d: Date): Instant => formatLocalIso(d);

/** The kind of the open workflow step, if the version has a workflow and one is open. */
function currentKind(state: DossierState, facts: DossierFacts): StepKind | undefined {
  if (state.currentStep === null) return undefined;
  return facts.steps?.[state.currentStep]?.kind;
}

/** The last examine step before the open one (where a rework goes back to). */
function reworkTarget(state: DossierState, facts: DossierFacts): number | undefined {
  const steps = facts.steps ?? [];
  for (let i = (state.currentStep ?? 0) - 1; i >= 0; i--) if (steps[i]!.kind === 'examine') return i;
  return undefined;
}

/** Whether the whitelist, the status and the open step allow an action type (payload aside). */
export function isAllowed(state: DossierState, type: ActionType, facts: DossierFacts): boolean {
  const s = state.status;
  const received = state.receivedAt !== null;
  const template = hasTemplate(facts);
  const kind = currentKind(state, facts);
  switch (type) {
    case 'submit':
      return s === null && facts.channel === 2;
    case 'receive':
      return s === null ? facts.channel !== 2 : s === STATUS.submitted;
    case 'request_completion':
    case 'refuse':
      return s === STATUS.submitted;
    case 'resubmit':
      return s === STATUS.supplementRequested && !received;
    case 'transfer':
    case 'examine':
    case 'approve':
      if (s !== STATUS.received && s !== STATUS.processing) return false;
      return !template || kind === STEP_OF_ACTION[type];
    case 'assign':
      if (s !== STATUS.received && s !== STATUS.processing) return false;
      // In a workflow, assignment is its own step, and a leader may reassign at the examine step.
      return !template || kind === 'assign' || (kind === 'examine' && state.assignee !== null);
    case 'return_for_rework':
      if (s !== STATUS.processing) return false;
      if (!template) return state.steps.some((r) => r.kind === 'examine');
      return (kind === 'approve' || kind === 'sign_issue') && reworkTarget(state, facts) !== undefined;
    case 'request_supplement':
    case 'request_payment':
      return s === STATUS.processing;
    case 'submit_supplement':
      return s === STATUS.supplementRequested && received;
    case 'confirm_payment':
      return s === STATUS.awaitingPayment;
    case 'apologize':
      return received && state.dueAt !== null && (s === STATUS.received || s === STATUS.processing || s === STATUS.supplementRequested || s === STATUS.awaitingPayment);
    case 'issue_result': {
      if (s !== STATUS.processing && s !== STATUS.awaitingPayment) return false;
      if (!template) return true;
      const steps = facts.steps!;
      if (kind === 'sign_issue') return true;
      // A workflow without a signing step issues once every step before the return is done.
      return !steps.some((st) => st.kind === 'sign_issue') && (kind === 'return' || kind === undefined);
    }
    case 'return_result':
      return s === STATUS.processed;
    case 'withdraw':
      return s === STATUS.submitted || s === STATUS.received || s === STATUS.processing || s === STATUS.supplementRequested || s === STATUS.awaitingPayment;
    case 'stop':
      return received && (s === STATUS.processing || s === STATUS.supplementRequested || s === STATUS.awaitingPayment);
  }
}

/** The action types allowed now, in log order of the list. */
export function allowedActions(state: DossierState, facts: DossierFacts): ActionType[] {
  return ACTION_TYPES.filter((t) => isAllowed(state, t, facts));
}

/** Closes the pause in progress at `at`, adding it to the paused time and pushing the due dates back. */
function endPause(state: DossierState, facts: DossierFacts, calendar: WorkingCalendar, at: Date): void {
  if (!state.pause) return;
  const since = new Date(state.pause.since);
  const workingMinutes = calendar.workingTimeBetween(since, at);
  const elapsedMs = Math.max(0, at.getTime() - since.getTime());
  state.pausedWorkingMinutes += workingMinutes;
  state.pausedElapsedMs += elapsedMs;
  const unit = facts.processingTime?.unit;
  if (unit && state.originalDueAt) {
    const due = extendDue(
      calendar,
      new Date(state.originalDueAt),
      unit,
      { workingMinutes: state.pausedWorkingMinutes, elapsedMs: state.pausedElapsedMs },
      facts.processingTime?.skipDaysOff ?? false,
    );
    state.dueAt = iso(due);
  }
  // The open workflow step is pushed back by the same pause, in working time.
  const open = state.steps.at(-1);
  if (open && open.finishedAt === null && open.dueAt !== null && workingMinutes > 0) {
    open.dueAt = iso(calendar.addWorkingTime(new Date(open.dueAt), workingMinutes / 60, 'working_hours'));
  }
  if (state.pause.kind === 'supplement') {
    const last = state.supplements.at(-1);
    if (last && last.returnedAt === null) {
      last.returnedAt = iso(at);
      last.dueAfter = state.dueAt;
    }
  }
  state.pause = null;
}

function startStep(state: DossierState, facts: DossierFacts, calendar: WorkingCalendar, index: number | null, kind: StepKind, at: Date): void {
  const budget = index === null ? undefined : facts.steps?.[index]?.budget;
  state.steps.push({
    index,
    kind,
    startedAt: iso(at),
    dueAt: budget ? iso(addLimit(calendar, at, budget)) : null,
    finishedAt: null,
    onTime: null,
    by: null,
    endedBy: null,
  });
  state.currentStep = index;
}

function finishOpenStep(state: DossierState, at: Date, by: string | null, endedBy: ActionType): void {
  const open = state.steps.at(-1);
  if (!open || open.finishedAt !== null) return;
  open.finishedAt = iso(at);
  open.by = by;
  open.endedBy = endedBy;
  open.onTime = open.dueAt === null ? null : at.getTime() <= ms(open.dueAt);
}

/** Hands the workflow on from the open step to the next one of the version (or closes it). */
function advance(state: DossierState, facts: DossierFacts, calendar: WorkingCalendar, action: ActionType, at: Date, by: string | null): void {
  finishOpenStep(state, at, by, action);
  const steps = facts.steps ?? [];
  if (steps.length === 0) {
    // Without a workflow, each processing action is a row of its own, finished when taken.
    const kind = STEP_OF_ACTION[action];
    if (kind && action !== 'issue_result' && action !== 'return_result') {
      const previous = state.steps.at(-1);
      const from = previous?.finishedAt ?? iso(at);
      state.steps.push({ index: null, kind, startedAt: from, dueAt: null, finishedAt: iso(at), onTime: null, by, endedBy: action });
    }
    state.currentStep = null;
    return;
  }
  const next = (state.currentStep ?? -1) + 1;
  if (next < steps.length) startStep(state, facts, calendar, next, steps[next]!.kind, at);
  else state.currentStep = null;
}

function finish(state: DossierState, settings: DossierRuleSettings, at: Date): void {
  state.finishedAt = iso(at);
  state.onTime = state.dueAt === null ? null : at.getTime() <= ms(state.dueAt) && state.supplementCount <= settings.maxSupplementsOnTime;
  state.withinRescheduled = state.rescheduledDueAt === null ? null : at.getTime() <= ms(state.rescheduledDueAt);
}

const cloneState = (s: DossierState): DossierState => ({
  ...s,
  pause: s.pause ? { ...s.pause } : null,
  steps: s.steps.map((r) => ({ ...r })),
  supplements: s.supplements.map((r) => ({ ...r })),
});

function toDate(value: string | Date | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const d = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  return Number.isFinite(d.getTime()) ? d : undefined;
}

/**
 * Applies one action. Returns the new state, or the rule it breaks (the state is not changed).
 * `index` is the action's position in the log, for the error.
 */
export function applyAction(
  state: DossierState,
  action: DossierAction,
  facts: DossierFacts,
  calendar: WorkingCalendar,
  index = state.version,
): { ok: true; state: DossierState } | { ok: false; error: RuleError } {
  const fail = (error: RuleErrorCode) => ({
    ok: false as const,
    error: { error, index, status: state.status, action: String(action.type), allowed: allowedActions(state, facts) },
  });
  if (!(ACTION_TYPES as readonly string[]).includes(action.type)) return fail('illegal_transition');
  const at = toDate(action.at);
  if (!at) return fail('invalid_time');
  if (state.lastActionAt !== null && at.getTime() < ms(state.lastActionAt)) return fail('out_of_order');
  if (!isAllowed(state, action.type, facts)) return fail('illegal_transition');

  const settings = settingsOf(facts);
  const next = cloneState(state);
  const by = action.actor ?? null;
  const t = iso(at);

  switch (action.type) {
    case 'submit':
      next.status = STATUS.submitted;
      next.submittedAt = t;
      break;
    case 'request_completion':
      next.status = STATUS.supplementRequested;
      next.completionCount += 1;
      break;
    case 'resubmit':
      next.status = STATUS.submitted;
      break;
    case 'receive': {
      next.status = STATUS.received;
      next.receivedAt = t;
      const pt = facts.processingTime;
      if (pt) {
        const limit = facts.channel === 2 && pt.online ? pt.online : pt;
        const due = iso(addLimit(calendar, at, limit, pt.skipDaysOff ?? false));
        next.originalDueAt = due;
        next.dueAt = due;
      }
      const steps = facts.steps ?? [];
      const first = steps[0]?.kind === 'receive' ? 0 : null;
      // The receipt step runs from the online submission (or the counter) to the receipt.
      next.steps.push({
        index: first,
        kind: 'receive',
        startedAt: next.submittedAt ?? t,
        dueAt: first !== null ? iso(addLimit(calendar, new Date(next.submittedAt ?? t), steps[0]!.budget)) : null,
        finishedAt: t,
        onTime: null,
        by,
        endedBy: 'receive',
      });
      const receiveRow = next.steps.at(-1)!;
      receiveRow.onTime = receiveRow.dueAt === null ? null : at.getTime() <= ms(receiveRow.dueAt);
      next.currentStep = first;
      if (steps.length > 0) {
        const start = first === null ? 0 : 1;
        if (start < steps.length) startStep(next, facts, calendar, start, steps[start]!.kind, at);
        else next.currentStep = null;
      }
      break;
    }
    case 'refuse':
      next.status = STATUS.refused;
      next.refusedAt = t;
      break;
    case 'transfer':
    case 'approve':
      next.status = STATUS.processing;
      if (action.type === 'transfer' && action.unitId) next.unitId = action.unitId;
      advance(next, facts, calendar, action.type, at, by);
      break;
    case 'assign': {
      next.status = STATUS.processing;
      const reassign = hasTemplate(facts) && currentKind(state, facts) === 'examine';
      next.assignee = action.assignee ?? null;
      if (!reassign) advance(next, facts, calendar, 'assign', at, by);
      break;
    }
    case 'examine':
      if (state.assignee !== null && by !== null && by !== state.assignee) return fail('not_assignee');
      next.status = STATUS.processing;
      advance(next, facts, calendar, 'examine', at, by);
      break;
    case 'return_for_rework': {
      next.status = STATUS.processing;
      finishOpenStep(next, at, by, 'return_for_rework');
      const target = hasTemplate(facts) ? reworkTarget(state, facts)! : null;
      startStep(next, facts, calendar, target, 'examine', at);
      break;
    }
    case 'request_supplement':
      next.status = STATUS.supplementRequested;
      next.supplementCount += 1;
      next.pause = { kind: 'supplement', since: t };
      next.supplements.push({ requestedAt: t, returnedAt: null, dueBefore: state.dueAt, dueAfter: null });
      break;
    case 'submit_supplement':
      endPause(next, facts, calendar, at);
      next.status = STATUS.processing;
      break;
    case 'request_payment':
      next.status = STATUS.awaitingPayment;
      next.paymentRequestedAt = t;
      if (settings.paymentPausesClock) next.pause = { kind: 'payment', since: t };
      break;
    case 'confirm_payment':
      endPause(next, facts, calendar, at);
      next.status = STATUS.processing;
      next.paymentConfirmedAt = t;
      break;
    case 'apologize': {
      if (state.apologyCount >= settings.maxApologies) return fail('apology_limit');
      const newDue = toDate(action.newDueAt);
      const due = new Date(state.dueAt!);
      if (!newDue) return fail('invalid_reschedule');
      if (calendar.addWorkingTime(at, settings.apologyMarginWorkingDays, 'working_days').getTime() > due.getTime()) {
        return fail('apology_too_late');
      }
      if (newDue.getTime() <= due.getTime()) return fail('invalid_reschedule');
      next.apologyCount += 1;
      next.rescheduledDueAt = iso(newDue);
      break;
    }
    case 'issue_result': {
      if (action.outcome !== 'granted' && action.outcome !== 'refused') return fail('missing_outcome');
      endPause(next, facts, calendar, at);
      next.status = STATUS.processed;
      next.outcome = action.outcome;
      if (next.currentStep !== null && currentKind(next, facts) === 'sign_issue') advance(next, facts, calendar, 'issue_result', at, by);
      finish(next, settings, at);
      break;
    }
    case 'return_result':
      next.status = STATUS.returned;
      next.returnedAt = t;
      if (next.currentStep !== null && currentKind(next, facts) === 'return') advance(next, facts, calendar, 'return_result', at, by);
      break;
    case 'withdraw':
    case 'stop':
      endPause(next, facts, calendar, at);
      next.status = action.type === 'withdraw' ? STATUS.withdrawn : STATUS.stopped;
      if (state.receivedAt !== null) {
        finishOpenStep(next, at, by, action.type);
        next.currentStep = null;
        finish(next, settings, at);
      }
      break;
  }
  next.version = state.version + 1;
  next.lastActionAt = t;
  return { ok: true, state: next };
}

/** Replays a whole log from the start. On the first broken rule, returns it with the state before it. */
export function replay(facts: DossierFacts, actions: readonly DossierAction[], calendar: WorkingCalendar): ReplayResult {
  let state = cloneState(INITIAL_STATE);
  for (let i = 0; i < actions.length; i++) {
    const result = applyAction(state, actions[i]!, facts, calendar, i);
    if (!result.ok) return { ok: false, error: result.error, state };
    state = result.state;
  }
  return { ok: true, state };
}

/** The summary the replay contract prints (`motcua dossiers replay`): stable field names and order. */
export function replaySummary(state: DossierState) {
  return {
    status: state.status,
    submittedAt: state.submittedAt,
    receivedAt: state.receivedAt,
    originalDueAt: state.originalDueAt,
    dueAt: state.dueAt,
    rescheduledDueAt: state.rescheduledDueAt,
    finishedAt: state.finishedAt,
    returnedAt: state.returnedAt,
    supplementCount: state.supplementCount,
    pausedWorkingMinutes: state.pausedWorkingMinutes,
    onTime: state.onTime,
    withinRescheduled: state.withinRescheduled,
  };
}

