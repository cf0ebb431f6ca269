import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleForYear } from '../calendar/rules.ts';
import { DEFAULT_SETTINGS, createWorkingCalendar } from '../calendar/working-time.ts';
import {
  DEFAULT_FEEDBACK_ESCALATIONS,
  FEEDBACK_ACTION_TYPES,
  FEEDBACK_STATUSES,
  FeedbackRuleError,
  allowedFeedbackActions,
  applyFeedbackAction,
  canChangeRating,
  feedbackDeadlines,
  feedbackEscalationsOf,
  feedbackTimeliness,
  ratio,
  replayFeedback,
  scoreProblems,
  DEFAULT_RATING_CRITERIA,
  type FeedbackAction,
  type FeedbackActionType,
  type FeedbackState,
  type FeedbackStatus,
} from './index.ts';

const cal = createWorkingCalendar(DEFAULT_SETTINGS, (year) => scheduleForYear(year));
const T = '2026-03-02T02:00:00.000Z'; // Monday 02/03/2026 09:00 in Hà Nội

const sample: Record<FeedbackActionType, FeedbackAction> = {
  receive: { type: 'receive', at: T, proposedClassification: 'tthc' },
  record_transfer: { type: 'record_transfer', at: T, source: 'vpcp', transferredAt: T },
  classify: { type: 'classify', at: T, classification: 'conduct' },
  reject: { type: 'reject', at: T, reason: 'Không thuộc thẩm quyền.' },
  request_supplement: { type: 'request_supplement', at: T, reason: 'Cần mã hồ sơ.' },
  supplement: { type: 'supplement', at: T, text: 'Mã hồ sơ là …' },
  start_processing: { type: 'start_processing', at: T },
  draft_answer: { type: 'draft_answer', at: T, answer: 'Trả lời.' },
  approve: { type: 'approve', at: T },
  return_answer: { type: 'return_answer', at: T, reason: 'Chưa đủ căn cứ.' },
  publish: { type: 'publish', at: T },
};

/** A state in each status, reached through the rules (with a classified draft answer where it matters). */
function stateIn(status: FeedbackStatus): FeedbackState {
  const path: Record<FeedbackStatus, FeedbackActionType[]> = {
    received: ['receive'],
    rejected: ['receive', 'reject'],
    supplement_requested: ['receive', 'request_supplement'],
    processing: ['receive', 'start_processing'],
    approved: ['receive', 'start_processing', 'classify', 'draft_answer', 'approve'],
    published: ['receive', 'start_processing', 'classify', 'draft_answer', 'approve', 'publish'],
  };
  return replayFeedback(path[status].map((t) => sample[t]));
}

// Every action in every status: allowed (the status it leads to) or refused.
const TABLE: Record<FeedbackStatus, Partial<Record<FeedbackActionType, FeedbackStatus>>> = {
  received: { record_transfer: 'received', classify: 'received', reject: 'rejected', request_supplement: 'supplement_requested', start_processing: 'processing' },
  supplement_requested: { record_transfer: 'supplement_requested', classify: 'supplement_requested', supplement: 'received' },
  processing: { record_transfer: 'processing', classify: 'processing', request_supplement: 'supplement_requested', draft_answer: 'processing', approve: 'approved' },
  approved: { classify: 'approved', return_answer: 'processing', publish: 'published' },
  published: {},
  rejected: {},
};

describe('the PAKN lifecycle', () => {
  for (const status of FEEDBACK_STATUSES) {
    for (const type of FEEDBACK_ACTION_TYPES.filter((t) => t !== 'receive')) {
      const expected = TABLE[status][type];
      it(`${type} in ${status}: ${expected ? `→ ${expected}` : 'refused'}`, () => {
        let state = stateIn(status);
        // approve needs a classified draft answer: give it one where the rules allow it.
        if (type === 'approve' && status === 'processing') state = replayFeedback([sample.receive, sample.start_processing, sample.classify, sample.draft_answer]);
        const before = JSON.stringify(state);
        if (expected) expect(applyFeedbackAction(state, sample[type]).status).toBe(expected);
        else expect(() => applyFeedbackAction(state, sample[type])).toThrow(FeedbackRuleError);
        expect(JSON.stringify(state)).toBe(before);
      });
    }
  }

  it('allowedFeedbackActions agrees with the table', () => {
    for (const status of FEEDBACK_STATUSES) {
      const allowed = allowedFeedbackActions(stateIn(status)).sort();
      const expected = Object.keys(TABLE[status])
        .filter((t) => t !== 'approve')
        .sort();
      expect(allowed.filter((t) => t !== 'approve')).toEqual(expected);
    }
  });

  it('receives once only', () => {
    expect(() => applyFeedbackAction(stateIn('received'), sample.receive)).toThrow(FeedbackRuleError);
  });

  it('approves only a classified answer', () => {
    const unclassified = replayFeedback([sample.receive, sample.start_processing, sample.draft_answer]);
    expect(() => applyFeedbackAction(unclassified, sample.approve)).toThrow(/classification_missing/);
    const noAnswer = replayFeedback([sample.receive, sample.start_processing, sample.classify]);
    expect(() => applyFeedbackAction(noAnswer, sample.approve)).toThrow(/answer_missing/);
    expect(allowedFeedbackActions(noAnswer)).not.toContain('approve');
    // A leader may give the answer with the approval.
    expect(applyFeedbackAction(noAnswer, { type: 'approve', at: T, answer: 'Trả lời của lãnh đạo.' }).answer).toBe('Trả lời của lãnh đạo.');
  });

  it('goes back to where it was after a supplement, keeping the first request time', () => {
    const later = '2026-03-05T02:00:00.000Z';
    const s = replayFeedback([sample.receive, sample.start_processing, sample.request_supplement, sample.supplement, { type: 'request_supplement', at: later, reason: 'Lần 2' }]);
    expect(s.status).toBe('supplement_requested');
    expect(s.firstSupplementRequestAt).toBe(T);
    expect(s.supplementCount).toBe(2);
    expect(applyFeedbackAction(s, sample.supplement).status).toBe('processing');
    expect(replayFeedback([sample.receive, sample.request_supplement, sample.supplement]).status).toBe('received');
  });

  it('refuses a transfer dated after the moment it is recorded', () => {
    expect(() => applyFeedbackAction(stateIn('received'), { type: 'record_transfer', at: T, source: 'bndp', transferredAt: '2026-03-03T00:00:00Z' })).toThrow(/transfer_in_future/);
  });
});

describe('the 766 indicator 5.2 windows', () => {
  // Received Wednesday 29/04/2026 09:00: 30/04 and 01/05 are holidays, 02–03/05 the weekend.
  const received = '2026-04-29T02:00:00.000Z';
  const state = replayFeedback([{ type: 'receive', at: received, proposedClassification: null }]);
  const table: Array<[keyof ReturnType<typeof feedbackDeadlines>, string]> = [
    ['reject', '2026-05-05T02:00:00.000Z'], // +2 WD: Wed 29/04 → Mon 04/05 → Tue 05/05 09:00
    ['firstSupplement', '2026-05-08T02:00:00.000Z'], // +5 WD: Fri 08/05 09:00
    ['process', '2026-05-22T02:00:00.000Z'], // +15 WD: Fri 22/05 09:00
  ];
  it.each(table)('%s is due at %s (holidays skipped)', (kind, due) => {
    expect(feedbackDeadlines(state, cal)[kind]).toBe(due);
  });

  it('counts from the latest transfer when it is later than the receipt', () => {
    const transferred = replayFeedback([
      { type: 'receive', at: received, proposedClassification: null },
      { type: 'record_transfer', at: '2026-05-06T02:00:00.000Z', source: 'vpcp', transferredAt: '2026-05-04T02:00:00.000Z' },
      { type: 'record_transfer', at: '2026-05-06T02:00:00.000Z', source: 'bndp', transferredAt: '2026-05-06T02:00:00.000Z' },
    ]);
    const d = feedbackDeadlines(transferred, cal);
    expect(d.anchor).toBe('2026-05-06T02:00:00.000Z');
    expect(d.reject).toBe('2026-05-08T02:00:00.000Z');
  });

  it('publishes within 2 WD of approval, and reports each step on time or late', () => {
    const s = replayFeedback([
      { type: 'receive', at: received, proposedClassification: null },
      { type: 'start_processing', at: received },
      { type: 'classify', at: received, classification: 'tthc' },
      { type: 'draft_answer', at: received, answer: 'a' },
      { type: 'approve', at: '2026-05-25T02:00:00.000Z' }, // Monday, one working day after the 15 WD
      { type: 'publish', at: '2026-05-27T03:00:00.000Z' }, // Wednesday 10:00, after Wed 09:00
    ]);
    const d = feedbackDeadlines(s, cal);
    expect(d.publish).toBe('2026-05-27T02:00:00.000Z');
    expect(feedbackTimeliness(s, d)).toEqual({ rejectOnTime: null, firstSupplementOnTime: null, processOnTime: false, publishOnTime: false });
    expect(d.current).toBeNull();
  });

  it('has a current deadline only while officers hold the PAKN', () => {
    expect(feedbackDeadlines(stateIn('received'), cal).current?.kind).toBe('process');
    expect(feedbackDeadlines(stateIn('supplement_requested'), cal).current).toBeNull();
    expect(feedbackDeadlines(stateIn('approved'), cal).current?.kind).toBe('publish');
    expect(feedbackDeadlines(stateIn('rejected'), cal).current).toBeNull();
  });

  it('never falls on a day off, and the window is exactly its working days long', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 * 24 }), (hours) => {
        const at = new Date(Date.parse('2025-01-02T00:00:00Z') + hours * 3_600_000).toISOString();
        const d = feedbackDeadlines(replayFeedback([{ type: 'receive', at, proposedClassification: null }]), cal);
        const due = new Date(d.process!);
        const local = new Date(due.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
        expect(cal.isWorkingDay(local as never)).toBe(true);
        expect(cal.workingTimeBetween(new Date(at), due)).toBe(15 * 8 * 60);
      }),
      { numRuns: 200 },
    );
  });
});

describe('PAKN escalation', () => {
  // Friday 06/03/2026 15:00; one working day later is Monday 09/03 15:00.
  const now = new Date('2026-03-06T15:00:00+07:00');
  const items = [
    { id: 'soon', dueAt: new Date('2026-03-09T10:00:00+07:00'), dueKind: 'process' as const },
    { id: 'later', dueAt: new Date('2026-03-10T10:00:00+07:00'), dueKind: 'process' as const },
    { id: 'late', dueAt: new Date('2026-03-05T10:00:00+07:00'), dueKind: 'publish' as const },
    { id: 'none', dueAt: null, dueKind: null },
  ];
  it.each([
    ['feedback-due-soon', ['soon']],
    ['feedback-overdue', ['late']],
  ])('%s picks %j', (id, expected) => {
    const rule = DEFAULT_FEEDBACK_ESCALATIONS.find((r) => r.id === id)!;
    const hits = feedbackEscalationsOf(rule, items, now, cal);
    expect(hits.map((h) => h.feedbackId)).toEqual(expected);
    expect(new Set(hits.map((h) => h.key)).size).toBe(hits.length);
  });
});

describe('ratings', () => {
  const all = Object.fromEntries(DEFAULT_RATING_CRITERIA.map((c) => [c.code, 4]));
  it.each([
    [all, []],
    [{ ...all, attitude: 0 }, [{ code: 'attitude', problem: 'out_of_range' }]],
    [{ ...all, attitude: 4.5 }, [{ code: 'attitude', problem: 'out_of_range' }]],
    [{ ...all, colour: 3 }, [{ code: 'colour', problem: 'unknown' }]],
    [{ update_frequency: 5 }, DEFAULT_RATING_CRITERIA.slice(1).map((c) => ({ code: c.code, problem: 'missing' }))],
  ])('scores %j → %j', (scores, problems) => {
    expect(scoreProblems(scores, DEFAULT_RATING_CRITERIA)).toEqual(problems);
  });

  it.each([
    ['2026-03-01T00:00:00Z', '2026-03-08T00:00:00Z', true],
    ['2026-03-01T00:00:00Z', '2026-03-08T00:00:01Z', false],
  ])('rated %s, changed %s within 7 days: %s', (rated, changed, ok) => {
    expect(canChangeRating(new Date(rated), new Date(changed), 7)).toBe(ok);
  });

  it('keeps null apart from zero in ratios', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(0, 3)).toBe(0);
    expect(ratio(2, 3)).toBe(0.6667);
  });
});
