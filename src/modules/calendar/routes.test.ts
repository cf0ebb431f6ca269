import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../../../test/support/app.ts';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { listAudit } from '../audit/service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const deadline = async (from: string, amount: number, unit: string, extra = '') => {
  const res = await t.app.inject(
    `/api/v1/calendar/deadline?from=${encodeURIComponent(from)}&amount=${amount}&unit=${unit}${extra}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('GET /api/v1/calendar/deadline', () => {
  it.each([
    // Worked examples of the working-time rules (issue text; SPEC §10.3).
    ['2026-03-02T07:00:00+07:00', 1, 'working_days', '2026-03-02T17:00:00+07:00'],
    ['2026-03-02T09:00:00+07:00', 1, 'working_days', '2026-03-03T09:00:00+07:00'],
    ['2026-03-02T12:00:00+07:00', 1, 'working_hours', '2026-03-02T14:30:00+07:00'],
    ['2026-03-02T18:00:00+07:00', 2, 'working_hours', '2026-03-03T09:00:00+07:00'],
    // Across Tết 2026 (Mon 16 – Fri 20/02 off, CV 9859/VPCP-KGVX).
    ['2026-02-12T17:30:00+07:00', 2, 'working_days', '2026-02-23T17:00:00+07:00'],
    // Working Saturday 22/08/2026 counts; Mon 31/08 – Wed 02/09 are off (CV 8764/BNV-CVL).
    ['2026-08-21T13:30:00+07:00', 1, 'working_days', '2026-08-22T11:30:00+07:00'],
    ['2026-08-28T07:00:00+07:00', 2, 'working_days', '2026-09-03T17:00:00+07:00'],
    ['2026-03-02T10:15:00+07:00', 10, 'calendar_days', '2026-03-12T10:15:00+07:00'],
  ])('%s + %s %s = %s', async (from, amount, unit, due) => {
    expect((await deadline(from, amount, unit)).due).toBe(due);
  });

  it('moves a calendar-day due date off a day off when the rule says so', async () => {
    // 2026-02-06 + 10 days = Mon 16/02, a Tết day off → next working day Mon 23/02.
    expect((await deadline('2026-02-06T09:00:00+07:00', 10, 'calendar_days')).due).toBe('2026-02-16T09:00:00+07:00');
    expect((await deadline('2026-02-06T09:00:00+07:00', 10, 'calendar_days', '&skipDaysOff=true')).due).toBe(
      '2026-02-23T09:00:00+07:00',
    );
  });

  it('refuses a fractional number of calendar days with a field error', async () => {
    const res = await t.app.inject('/api/v1/calendar/deadline?from=2026-03-02T09:00:00%2B07:00&amount=1.5&unit=calendar_days');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ pointer: '/query/amount', message: 'Số ngày theo lịch phải là số nguyên.' });
  });

  it('refuses a start, or a due moment, outside the years the calendar supports (422, not 500)', async () => {
    for (const from of ['2199-12-31T17:30:00+07:00', '1799-12-31T09:00:00+07:00', '0001-01-01T00:00:00Z', '9999-12-31T09:00:00+07:00']) {
      for (const unit of ['working_days', 'working_hours', 'calendar_days']) {
        const res = await t.app.inject(`/api/v1/calendar/deadline?from=${encodeURIComponent(from)}&amount=1&unit=${unit}`);
        expect(res.statusCode, `${from} ${unit}: ${res.body}`).toBe(422);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().errors[0].pointer).toBe('/query/from');
      }
    }
    const skipping = await t.app.inject('/api/v1/calendar/deadline?from=2199-12-31T09:00:00%2B07:00&amount=5&unit=calendar_days&skipDaysOff=true');
    expect(skipping.statusCode, skipping.body).toBe(422);
    expect(skipping.json().errors[0].message).toContain('1800–2199');
  });

  it('lists the days off it skipped and when the clock started', async () => {
    const body = await deadline('2026-02-12T17:30:00+07:00', 2, 'working_days');
    expect(body.start).toBe('2026-02-13T07:00:00+07:00');
    const dates = body.skippedDaysOff.map((d: { date: string }) => d.date);
    expect(dates).toEqual(expect.arrayContaining(['2026-02-16', '2026-02-17', '2026-02-20']));
    expect(body.skippedDaysOff.every((d: { estimated: boolean }) => d.estimated === false)).toBe(true);
  });
});

describe('GET /api/v1/calendar/days-off', () => {
  it('gives the official 2026 schedule with its sources', async () => {
    const res = await t.app.inject('/api/v1/calendar/days-off?year=2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('official');
    expect(body.origin).toBe('bundled');
    const dates = body.daysOff.map((d: { date: string }) => d.date);
    expect(dates).toEqual(expect.arrayContaining(['2026-01-01', '2026-02-16', '2026-04-27', '2026-08-31', '2026-09-02']));
    expect(body.workingWeekendDays.map((d: { date: string }) => d.date)).toContain('2026-08-22');
  });

  it('estimates a year with no official schedule and says so', async () => {
    const body = (await t.app.inject('/api/v1/calendar/days-off?year=2031')).json();
    expect(body.status).toBe('estimated');
    expect(body.origin).toBe('rules');
    expect(body.daysOff.length).toBeGreaterThanOrEqual(11);
    expect(body.daysOff.every((d: { estimated: boolean }) => d.estimated)).toBe(true);
  });

  it('rejects a year out of range', async () => {
    const res = await t.app.inject('/api/v1/calendar/days-off?year=1800');
    expect(res.statusCode).toBe(422);
  });
});

describe('PUT/DELETE /api/v1/calendar/years/{year} (calendar.edit at the ministry)', () => {
  const schedule2030 = {
    sources: ['Thông báo thử nghiệm 1/TB-TEST'],
    daysOff: [
      { date: '2030-01-01', name: { vi: 'Tết Dương lịch', en: "New Year's Day" }, kind: 'holiday', source: 'TB 1' },
      { date: '2030-03-05', name: { vi: 'Nghỉ thử', en: 'Test day off' }, kind: 'swap_off', source: 'TB 1' },
    ],
    workingWeekendDays: [{ date: '2030-03-09', replaces: '2030-03-05', source: 'TB 1' }],
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const put = (body: unknown, headers: Record<string, string> = {}, year = 2030) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/calendar/years/${year}`, headers, payload: body as object });
  const del = (headers: Record<string, string> = {}, year = 2030) =>
    t.app.inject({ method: 'DELETE', url: `/api/v1/calendar/years/${year}`, headers });
  const originOf = async (year: number) => (await t.app.inject(`/api/v1/calendar/days-off?year=${year}`)).json().origin;
  const officer = (role: 'admin' | 'auditor' | 'receiver', unitId: string, username?: string): Promise<TestLogin> =>
    loginAs(t.db, { kind: 'officer', roles: [{ role, unitId }], ...(username ? { username } : {}) });

  it('refuses an anonymous caller (401) and a wrong token (401 problem), changing nothing', async () => {
    expect((await put(schedule2030)).statusCode).toBe(401);
    const wrong = await put(schedule2030, bearer('wrong-token-wrong-token-wrong'));
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json().code).toBe('unauthorized');
    // A wrong token is refused even on a public route: a client with a typo learns it at once.
    expect((await t.app.inject({ url: '/api/v1/calendar/days-off?year=2030', headers: bearer('nope') })).statusCode).toBe(401);
    expect((await del()).statusCode).toBe(401);
    expect((await del(bearer('wrong-token-wrong-token-wrong'))).statusCode).toBe(401);
    expect(await originOf(2030)).toBe('rules');
  });

  it('an administrator at the ministry may edit a year; a department’s administrator and other roles may not', async () => {
    const root = await officer('admin', 'bkhcn', 'quantri.bo');
    const department = await officer('admin', 'cuc-shtt');
    const auditor = await officer('auditor', 'bkhcn');
    const receiver = await officer('receiver', 'bo-phan-mot-cua');
    for (const who of [department, auditor, receiver]) {
      const res = await put(schedule2030ForYear(2032), who.headers, 2032);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    expect(await originOf(2032)).toBe('rules');
    const res = await put(schedule2030ForYear(2032), root.headers, 2032);
    expect(res.statusCode, res.body).toBe(200);
    expect(await originOf(2032)).toBe('administrator');
    const audit = await listAudit(t.db, 'calendar_year', '2032');
    expect(audit[0]).toMatchObject({ action: 'calendar.year.set', actor_kind: 'officer', actor_id: root.accountId });
    expect((await del(department.headers, 2032)).statusCode).toBe(403);
    expect((await del(root.headers, 2032)).statusCode).toBe(200);
    expect(await originOf(2032)).toBe('rules');
  });

  it('a token without calendar.edit may not edit', async () => {
    const limited = await createTestApp({ ADMIN_API_TOKEN_PERMISSIONS: 'audit.read' });
    try {
      const res = await limited.app.inject({ method: 'PUT', url: '/api/v1/calendar/years/2030', headers: bearer(TEST_ADMIN_TOKEN), payload: schedule2030 });
      expect(res.statusCode).toBe(403);
    } finally {
      await limited.close();
    }
  });

  it('rejects an incoherent schedule with field errors and changes nothing', async () => {
    const bad = {
      ...schedule2030,
      daysOff: [...schedule2030.daysOff, { ...schedule2030.daysOff[0], date: '2029-12-31' }],
      workingWeekendDays: [{ date: '2030-03-06', source: 'x' }],
    };
    const res = await put(bad, bearer(TEST_ADMIN_TOKEN));
    expect(res.statusCode).toBe(422);
    const pointers = res.json().errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(['/body/daysOff/2/date', '/body/workingWeekendDays/0/date']);
    expect((await t.app.inject('/api/v1/calendar/days-off?year=2030')).json().origin).toBe('rules');
  });

  it('the machine token enters a year; deadlines use it at once; the change is audited; reset restores', async () => {
    // 2030-03-04 is a Monday. Before: Tue 05/03 is a working day.
    expect((await deadline('2030-03-04T07:00:00+07:00', 2, 'working_days')).due).toBe('2030-03-05T17:00:00+07:00');

    const res = await put(schedule2030, bearer(TEST_ADMIN_TOKEN));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: 2030, status: 'official', origin: 'administrator' });

    // After: Tue 05/03 is off, so the second day ends on Wed 06/03.
    expect((await deadline('2030-03-04T07:00:00+07:00', 2, 'working_days')).due).toBe('2030-03-06T17:00:00+07:00');
    // Sat 09/03 is now a working day.
    expect((await deadline('2030-03-08T17:00:00+07:00', 1, 'working_hours')).due).toBe('2030-03-09T08:00:00+07:00');

    const audit = await listAudit(t.database.db, 'calendar_year', '2030');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'calendar.year.set', actor_kind: 'service', actor_id: null, actor_label: 'ADMIN_API_TOKEN' });
    expect((audit[0]!.after as { daysOff: unknown[] }).daysOff).toHaveLength(2);

    const reset = await del(bearer(TEST_ADMIN_TOKEN));
    expect(reset.statusCode).toBe(200);
    expect(reset.json().origin).toBe('rules');
    expect((await deadline('2030-03-04T07:00:00+07:00', 2, 'working_days')).due).toBe('2030-03-05T17:00:00+07:00');
    expect(await listAudit(t.database.db, 'calendar_year', '2030')).toHaveLength(2);
  });
});

function schedule2030ForYear(year: number) {
  return {
    sources: ['Thông báo thử nghiệm 2/TB-TEST'],
    daysOff: [{ date: `${year}-01-01`, name: { vi: 'Tết Dương lịch', en: "New Year's Day" }, kind: 'holiday', source: 'TB 2' }],
  };
}
