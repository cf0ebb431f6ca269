import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleForYear } from '../calendar/rules.ts';
import { DEFAULT_SETTINGS, createWorkingCalendar } from '../calendar/working-time.ts';
import { ACTION_TYPES, type ActionType, type DossierAction, type DossierFacts } from './actions.ts';
import { INITIAL_STATE, allowedActions, applyAction, replay, replaySummary, type DossierState } from './replay.ts';

const cal = createWorkingCalendar(DEFAULT_SETTINGS, (year) => scheduleForYear(year));
const direct5: DossierFacts = { processingTime: { value: 5, unit: 'working_days', skipDaysOff: false }, channel: 1 };
const online5: DossierFacts = { ...direct5, channel: 2 };
const a = (type: ActionType, at: string, extra: Partial<DossierAction> = {}): DossierAction => ({ type, at: `2026-03-${at}+07:00`, ...extra });

function ok(facts: DossierFacts, actions: DossierAction[]): DossierState {
  const r = replay(facts, actions, cal);
  if (!r.ok) throw new Error(`expected a legal log, got ${JSON.stringify(r.error)}`);
  return r.state;
}
function err(facts: DossierFacts, actions: DossierAction[]) {
  const r = replay(facts, actions, cal);
  if (r.ok) throw new Error('expected a broken rule');
  return r.error;
}

describe('dossier replay: legal paths', () => {
  // Every path to each final status; [facts, actions, expected summary fields].
  const paths: Array<[string, DossierFacts, DossierAction[], Partial<ReturnType<typeof replaySummary>> & { outcome?: string }]> = [
    [
      'online: submit → receive → B2–B5 → issue → return, on time',
      online5,
      [a('submit', '01T20:00:00'), a('receive', '02T09:00:00'), a('transfer', '02T10:00:00'), a('assign', '02T11:00:00', { assignee: 'u1' }),
        a('examine', '03T09:00:00', { actor: 'u1' }), a('approve', '04T09:00:00'), a('issue_result', '05T09:00:00', { outcome: 'granted' }), a('return_result', '06T09:00:00')],
      { status: 10, submittedAt: '2026-03-01T20:00:00+07:00', receivedAt: '2026-03-02T09:00:00+07:00', originalDueAt: '2026-03-09T09:00:00+07:00',
        dueAt: '2026-03-09T09:00:00+07:00', finishedAt: '2026-03-05T09:00:00+07:00', returnedAt: '2026-03-06T09:00:00+07:00', onTime: true, withinRescheduled: null, outcome: 'granted' },
    ],
    [
      'direct: one supplement pauses the clock by its working time',
      direct5,
      [a('receive', '02T09:00:00'), a('examine', '02T10:00:00'), a('request_supplement', '03T09:00:00'), a('submit_supplement', '09T09:00:00'),
        a('issue_result', '12T09:00:00', { outcome: 'granted' })],
      // Tue 03-03 09:00 → Mon 03-09 09:00 is four working days (1920 min); the due moves from Mon 9 to Fri 13.
      { status: 9, supplementCount: 1, pausedWorkingMinutes: 1920, originalDueAt: '2026-03-09T09:00:00+07:00', dueAt: '2026-03-13T09:00:00+07:00', onTime: true },
    ],
    [
      'two supplements: late for Decision 766 even when finished by the due date',
      direct5,
      [a('receive', '02T09:00:00'), a('examine', '02T10:00:00'), a('request_supplement', '02T11:00:00'), a('submit_supplement', '02T13:30:00'),
        a('request_supplement', '02T14:00:00'), a('submit_supplement', '02T15:00:00'), a('issue_result', '03T09:00:00', { outcome: 'refused' })],
      { status: 9, supplementCount: 2, onTime: false },
    ],
    [
      'late: finished after the due date',
      direct5,
      [a('receive', '02T09:00:00'), a('examine', '03T10:00:00'), a('issue_result', '10T09:00:00', { outcome: 'granted' })],
      { status: 9, onTime: false },
    ],
    [
      'payment pauses the clock by default; issue straight from awaiting payment',
      direct5,
      [a('receive', '02T09:00:00'), a('examine', '02T10:00:00'), a('request_payment', '03T09:00:00'), a('issue_result', '04T09:00:00', { outcome: 'granted' })],
      { status: 9, pausedWorkingMinutes: 480, dueAt: '2026-03-10T09:00:00+07:00', onTime: true },
    ],
    [
      'payment does not pause when the setting is off',
      { ...direct5, settings: { paymentPausesClock: false } },
      [a('receive', '02T09:00:00'), a('examine', '02T10:00:00'), a('request_payment', '03T09:00:00'), a('confirm_payment', '04T09:00:00'),
        a('issue_result', '04T10:00:00', { outcome: 'granted' })],
      { status: 9, pausedWorkingMinutes: 0, dueAt: '2026-03-09T09:00:00+07:00' },
    ],
    [
      'apology once, a day or more before the due date, to a later date; the legal due stays',
      direct5,
      [a('receive', '02T09:00:00'), a('examine', '02T10:00:00'), a('apologize', '05T09:00:00', { newDueAt: '2026-03-12T17:00:00+07:00' }),
        a('issue_result', '11T09:00:00', { outcome: 'granted' })],
      { status: 9, dueAt: '2026-03-09T09:00:00+07:00', rescheduledDueAt: '2026-03-12T17:00:00+07:00', onTime: false, withinRescheduled: true },
    ],
    ['refused at receipt', online5, [a('submit', '01T20:00:00'), a('refuse', '02T09:00:00')], { status: 3, receivedAt: null, finishedAt: null, onTime: null }],
    [
      'sent back before receipt and resubmitted: no clock, no supplement',
      online5,
      [a('submit', '01T20:00:00'), a('request_completion', '02T08:00:00'), a('resubmit', '04T08:00:00'), a('receive', '04T09:00:00')],
      { status: 2, supplementCount: 0, receivedAt: '2026-03-04T09:00:00+07:00', originalDueAt: '2026-03-11T09:00:00+07:00' },
    ],
    ['withdrawn before receipt: not finished', online5, [a('submit', '01T20:00:00'), a('withdraw', '02T08:00:00')], { status: 7, finishedAt: null, onTime: null }],
    [
      'withdrawn during a supplement: finished then',
      direct5,
      [a('receive', '02T09:00:00'), a('examine', '02T10:00:00'), a('request_supplement', '03T09:00:00'), a('withdraw', '04T09:00:00')],
      { status: 7, finishedAt: '2026-03-04T09:00:00+07:00', pausedWorkingMinutes: 480, onTime: true },
    ],
    [
      'stopped while awaiting payment',
      direct5,
      [a('receive', '02T09:00:00'), a('examine', '02T10:00:00'), a('request_payment', '03T09:00:00'), a('stop', '04T09:00:00')],
      { status: 8, finishedAt: '2026-03-04T09:00:00+07:00' },
    ],
    [
      'the online limit applies to online dossiers',
      { processingTime: { value: 5, unit: 'working_days', skipDaysOff: false, online: { value: 3, unit: 'working_days' } }, channel: 2 },
      [a('submit', '01T20:00:00'), a('receive', '02T09:00:00')],
      { originalDueAt: '2026-03-05T09:00:00+07:00' },
    ],
    [
      'calendar days pause by elapsed time, and skip a day off at the end',
      { processingTime: { value: 10, unit: 'calendar_days', skipDaysOff: true }, channel: 1 },
      [a('receive', '02T09:00:00'), a('examine', '02T10:00:00'), a('request_supplement', '03T09:00:00'), a('submit_supplement', '04T09:00:00')],
      // 12 → 13 Mar (Fri) after one elapsed day.
      { originalDueAt: '2026-03-12T09:00:00+07:00', dueAt: '2026-03-13T09:00:00+07:00', pausedWorkingMinutes: 480 },
    ],
    [
      'months: same day next month, clamped to its end',
      { processingTime: { value: 1, unit: 'months', skipDaysOff: false }, channel: 1 },
      [{ type: 'receive', at: '2026-01-31T09:00:00+07:00' }],
      { originalDueAt: '2026-02-28T09:00:00+07:00' },
    ],
    ['no legal limit known: no due date and no on-time verdict', { channel: 1 }, [a('receive', '02T09:00:00'), a('examine', '02T10:00:00'), a('issue_result', '03T09:00:00', { outcome: 'granted' })], { dueAt: null, onTime: null }],
  ];

  it.each(paths)('%s', (_name, facts, actions, expected) => {
    const state = ok(facts, actions);
    expect({ ...replaySummary(state), outcome: state.outcome }).toMatchObject(expected);
    expect(state.version).toBe(actions.length);
  });

  it('receipt after hours starts the clock at the next working session', () => {
    const state = ok(direct5, [a('receive', '06T17:30:00')]); // Friday evening
    expect(state.originalDueAt).toBe('2026-03-13T17:00:00+07:00'); // five full days from Monday 07:00
  });
});

describe('dossier replay: refused actions', () => {
  const refused: Array<[string, DossierFacts, DossierAction[], { error: string; index: number; status: number | null }]> = [
    ['receive twice', direct5, [a('receive', '02T09:00:00'), a('receive', '02T10:00:00')], { error: 'illegal_transition', index: 1, status: 2 }],
    ['submit a counter dossier', direct5, [a('submit', '02T09:00:00')], { error: 'illegal_transition', index: 0, status: null }],
    ['receive an online dossier never submitted', online5, [a('receive', '02T09:00:00')], { error: 'illegal_transition', index: 0, status: null }],
    ['refuse after receipt', online5, [a('submit', '01T09:00:00'), a('receive', '02T09:00:00'), a('refuse', '02T10:00:00')], { error: 'illegal_transition', index: 2, status: 2 }],
    ['request a supplement before processing starts', direct5, [a('receive', '02T09:00:00'), a('request_supplement', '02T10:00:00')], { error: 'illegal_transition', index: 1, status: 2 }],
    ['issue a result straight after receipt', direct5, [a('receive', '02T09:00:00'), a('issue_result', '02T10:00:00', { outcome: 'granted' })], { error: 'illegal_transition', index: 1, status: 2 }],
    ['issue without an outcome', direct5, [a('receive', '02T09:00:00'), a('examine', '02T10:00:00'), a('issue_result', '03T10:00:00')], { error: 'missing_outcome', index: 2, status: 4 }],
    ['return a result not issued', direct5, [a('receive', '02T09:00:00'), a('examine', '02T10:00:00'), a('return_result', '03T10:00:00')], { error: 'illegal_transition', index: 2, status: 4 }],
    ['withdraw a processed dossier', direct5, [a('receive', '02T09:00:00'), a('examine', '02T10:00:00'), a('issue_result', '03T10:00:00', { outcome: 'granted' }), a('withdraw', '04T10:00:00')], { error: 'illegal_transition', index: 3, status: 9 }],
    ['stop before receipt', online5, [a('submit', '01T09:00:00'), a('request_completion', '02T09:00:00'), a('stop', '02T10:00:00')], { error: 'illegal_transition', index: 2, status: 5 }],
    ['resubmit a supplement of processing as a new dossier', direct5, [a('receive', '02T09:00:00'), a('examine', '02T10:00:00'), a('request_supplement', '02T11:00:00'), a('resubmit', '03T09:00:00')], { error: 'illegal_transition', index: 3, status: 5 }],
    ['submit a supplement nobody asked for', direct5, [a('receive', '02T09:00:00'), a('examine', '02T10:00:00'), a('submit_supplement', '02T11:00:00')], { error: 'illegal_transition', index: 2, status: 4 }],
    ['confirm a payment nobody asked for', direct5, [a('receive', '02T09:00:00'), a('examine', '02T10:00:00'), a('confirm_payment', '02T11:00:00')], { error: 'illegal_transition', index: 2, status: 4 }],
    ['anything after return', direct5, [a('receive', '02T09:00:00'), a('examine', '02T10:00:00'), a('issue_result', '03T10:00:00', { outcome: 'granted' }), a('return_result', '03T11:00:00'), a('apologize', '03T12:00:00', { newDueAt: '2026-03-20T09:00:00+07:00' })], { error: 'illegal_transition', index: 4, status: 10 }],
    ['apologize twice', direct5, [a('receive', '02T09:00:00'), a('apologize', '03T09:00:00', { newDueAt: '2026-03-12T09:00:00+07:00' }), a('apologize', '03T10:00:00', { newDueAt: '2026-03-13T09:00:00+07:00' })], { error: 'apology_limit', index: 2, status: 2 }],
    // Due Mon 9 09:00; from Fri 6 09:01 one working day ends Mon 9 09:01, after the due.
    ['apologize less than a working day before the due', direct5, [a('receive', '02T09:00:00'), a('apologize', '06T09:01:00', { newDueAt: '2026-03-12T09:00:00+07:00' })], { error: 'apology_too_late', index: 1, status: 2 }],
    ['apologize to a date not after the due', direct5, [a('receive', '02T09:00:00'), a('apologize', '03T09:00:00', { newDueAt: '2026-03-09T09:00:00+07:00' })], { error: 'invalid_reschedule', index: 1, status: 2 }],
    ['apologize without a new date', direct5, [a('receive', '02T09:00:00'), a('apologize', '03T09:00:00')], { error: 'invalid_reschedule', index: 1, status: 2 }],
    ['apologize before receipt', online5, [a('submit', '01T09:00:00'), a('apologize', '01T10:00:00', { newDueAt: '2026-03-12T09:00:00+07:00' })], { error: 'illegal_transition', index: 1, status: 1 }],
    ['an action dated before the previous one', direct5, [a('receive', '02T09:00:00'), a('examine', '01T09:00:00')], { error: 'out_of_order', index: 1, status: 2 }],
    ['an unknown action', direct5, [a('receive', '02T09:00:00'), { type: 'teleport' as ActionType, at: '2026-03-02T10:00:00+07:00' }], { error: 'illegal_transition', index: 1, status: 2 }],
    ['an unreadable time', direct5, [{ type: 'receive', at: 'yesterday' }], { error: 'invalid_time', index: 0, status: null }],
  ];

  it.each(refused)('%s', (_name, facts, actions, expected) => {
    const error = err(facts, actions);
    expect(error).toMatchObject({ ...expected, action: actions[expected.index]!.type });
  });

  it('a refused action lists what is allowed now and leaves the state as it was', () => {
    const before = ok(direct5, [a('receive', '02T09:00:00')]);
    const result = applyAction(before, a('return_result', '02T10:00:00'), direct5, cal);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.allowed).toEqual(['transfer', 'assign', 'examine', 'approve', 'apologize', 'withdraw']);
    expect(before.status).toBe(2);
    expect(before.version).toBe(1);
  });

  it('every status admits exactly the whitelisted actions (SPEC §10.1)', () => {
    const from: Record<string, DossierAction[]> = {
      null: [],
      '1': [a('submit', '01T09:00:00')],
      '1-online-none': [],
      '2': [a('receive', '02T09:00:00')],
      '4': [a('receive', '02T09:00:00'), a('examine', '02T10:00:00')],
      '5': [a('receive', '02T09:00:00'), a('examine', '02T10:00:00'), a('request_supplement', '02T11:00:00')],
      '6': [a('receive', '02T09:00:00'), a('examine', '02T10:00:00'), a('request_payment', '02T11:00:00')],
      '9': [a('receive', '02T09:00:00'), a('examine', '02T10:00:00'), a('issue_result', '02T11:00:00', { outcome: 'granted' })],
    };
    const allowedOf = (key: string, facts: DossierFacts) => allowedActions(ok(facts, from[key]!), facts);
    expect(allowedOf('null', direct5)).toEqual(['receive']);
    expect(allowedOf('1-online-none', online5)).toEqual(['submit']);
    expect(allowedOf('1', online5)).toEqual(['request_completion', 'receive', 'refuse', 'withdraw']);
    expect(allowedOf('2', direct5)).toEqual(['transfer', 'assign', 'examine', 'approve', 'apologize', 'withdraw']);
    expect(allowedOf('4', direct5)).toEqual([
      'transfer', 'assign', 'examine', 'approve', 'return_for_rework', 'request_supplement', 'request_payment', 'apologize', 'issue_result', 'withdraw', 'stop',
    ]);
    expect(allowedOf('5', direct5)).toEqual(['submit_supplement', 'apologize', 'withdraw', 'stop']);
    expect(allowedOf('6', direct5)).toEqual(['confirm_payment', 'apologize', 'issue_result', 'withdraw', 'stop']);
    expect(allowedOf('9', direct5)).toEqual(['return_result']);
  });
});

describe('dossier replay: the version workflow (process control slip)', () => {
  const facts: DossierFacts = {
    ...direct5,
    steps: [
      { kind: 'receive', budget: { value: 0.5, unit: 'working_days' } },
      { kind: 'transfer', budget: { value: 0.5, unit: 'working_days' } },
      { kind: 'assign', budget: { value: 0.5, unit: 'working_days' } },
      { kind: 'examine', budget: { value: 2, unit: 'working_days' } },
      { kind: 'approve', budget: { value: 0.5, unit: 'working_days' } },
      { kind: 'sign_issue', budget: { value: 0.5, unit: 'working_days' } },
      { kind: 'return', budget: { value: 0.5, unit: 'working_days' } },
    ],
  };
  const start = [a('receive', '02T09:00:00'), a('transfer', '02T10:00:00'), a('assign', '02T11:00:00', { assignee: 'u1' })];

  it('takes the steps in order and only the open one', () => {
    expect(err(facts, [a('receive', '02T09:00:00'), a('examine', '02T10:00:00')])).toMatchObject({ error: 'illegal_transition', allowed: expect.arrayContaining(['transfer']) });
    expect(allowedActions(ok(facts, start), facts)).toEqual(['assign', 'examine', 'request_supplement', 'request_payment', 'apologize', 'withdraw', 'stop']);
  });

  it('only the assignee examines; a reassignment hands the claim over', () => {
    expect(err(facts, [...start, a('examine', '03T09:00:00', { actor: 'u2' })])).toMatchObject({ error: 'not_assignee', index: 3 });
    const state = ok(facts, [...start, a('assign', '02T14:00:00', { assignee: 'u2' }), a('examine', '03T09:00:00', { actor: 'u2' })]);
    expect(state.assignee).toBe('u2');
    expect(state.steps.map((s) => s.kind)).toEqual(['receive', 'transfer', 'assign', 'examine', 'approve']);
  });

  it('marks each step on time or late against its own budget, and a rework goes back to examine', () => {
    const state = ok(facts, [
      ...start,
      a('examine', '06T09:00:00', { actor: 'u1' }), // budget 2 WD from 03-02 11:00 → 03-04 11:00: late
      a('return_for_rework', '06T10:00:00'),
      a('examine', '06T11:00:00', { actor: 'u1' }),
      a('approve', '06T13:30:00'),
      a('issue_result', '06T14:00:00', { outcome: 'granted' }),
      a('return_result', '06T15:00:00'),
    ]);
    expect(state.steps.map((s) => [s.kind, s.onTime, s.endedBy])).toEqual([
      ['receive', true, 'receive'],
      ['transfer', true, 'transfer'],
      ['assign', true, 'assign'],
      ['examine', false, 'examine'],
      ['approve', true, 'return_for_rework'],
      ['examine', true, 'examine'],
      ['approve', true, 'approve'],
      ['sign_issue', true, 'issue_result'],
      ['return', true, 'return_result'],
    ]);
    expect(state.steps[3]!.dueAt).toBe('2026-03-04T11:00:00+07:00');
    expect(state.currentStep).toBeNull();
    expect(state.status).toBe(10);
  });
});

describe('dossier replay: properties', () => {
  const factsArb = fc.constantFrom(direct5, online5, { ...direct5, settings: { paymentPausesClock: false } });
  /** A random legal log: at each step, one of the allowed actions, an hour or more after the last. */
  const logArb = fc.tuple(factsArb, fc.array(fc.tuple(fc.nat(1000), fc.integer({ min: 1, max: 3000 })), { minLength: 1, maxLength: 25 })).map(([facts, picks]) => {
    let state: DossierState = structuredClone(INITIAL_STATE);
    let t = Date.parse('2026-03-02T08:00:00+07:00');
    const actions: DossierAction[] = [];
    for (const [pick, minutes] of picks) {
      const allowed = allowedActions(state, facts);
      if (allowed.length === 0) break;
      t += minutes * 60_000;
      const type = allowed[pick % allowed.length]!;
      const at = new Date(t).toISOString();
      const action: DossierAction = { type, at };
      if (type === 'issue_result') action.outcome = pick % 2 ? 'granted' : 'refused';
      if (type === 'apologize') action.newDueAt = new Date(Date.parse(state.dueAt!) + 86_400_000 * 3).toISOString();
      const r = applyAction(state, action, facts, cal);
      if (!r.ok) continue; // e.g. an apology too late: skip it
      state = r.state;
      actions.push(action);
    }
    return { facts, actions };
  });

  it('replaying a prefix never contradicts the whole: settled facts stay settled', () => {
    fc.assert(
      fc.property(logArb, ({ facts, actions }) => {
        const whole = ok(facts, actions);
        for (let n = 0; n <= actions.length; n++) {
          const prefix = ok(facts, actions.slice(0, n));
          expect(prefix.version).toBe(n);
          for (const key of ['submittedAt', 'receivedAt', 'originalDueAt', 'refusedAt', 'rescheduledDueAt', 'finishedAt', 'returnedAt', 'outcome'] as const) {
            if (prefix[key] !== null) expect(whole[key]).toEqual(prefix[key]);
          }
          expect(prefix.supplementCount).toBeLessThanOrEqual(whole.supplementCount);
          expect(prefix.pausedWorkingMinutes).toBeLessThanOrEqual(whole.pausedWorkingMinutes);
          expect(whole.steps.slice(0, prefix.steps.filter((s) => s.finishedAt).length).length).toBeGreaterThanOrEqual(0);
          if (prefix.dueAt && whole.dueAt) expect(Date.parse(whole.dueAt)).toBeGreaterThanOrEqual(Date.parse(prefix.dueAt));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('every action type is either allowed or refused with the list of allowed ones, never thrown', () => {
    fc.assert(
      fc.property(logArb, fc.constantFrom(...ACTION_TYPES), ({ facts, actions }, type) => {
        const state = ok(facts, actions);
        const at = new Date(Date.parse(state.lastActionAt ?? '2026-03-02T08:00:00+07:00') + 3_600_000).toISOString();
        const r = applyAction(state, { type, at, outcome: 'granted', newDueAt: '2027-01-01T00:00:00Z' }, facts, cal);
        if (!r.ok) expect(r.error.allowed).toEqual(allowedActions(state, facts));
        else expect(allowedActions(state, facts)).toContain(type);
      }),
      { numRuns: 150 },
    );
  });
});
