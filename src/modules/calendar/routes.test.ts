import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../../../test/support/app.ts';
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

describe('PUT/DELETE /api/v1/calendar/years/{year} (administrator)', () => {
  const schedule2030 = {
    sources: ['Thông báo thử nghiệm 1/TB-TEST'],
    daysOff: [
      { date: '2030-01-01', name: { vi: 'Tết Dương lịch', en: "New Year's Day" }, kind: 'holiday', source: 'TB 1' },
      { date: '2030-03-05', name: { vi: 'Nghỉ thử', en: 'Test day off' }, kind: 'swap_off', source: 'TB 1' },
    ],
    workingWeekendDays: [{ date: '2030-03-09', replaces: '2030-03-05', source: 'TB 1' }],
  };
  const put = (body: unknown, token?: string) =>
    t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2030',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      payload: body as object,
    });

  it('refuses an anonymous caller (401) and a wrong token (403), changing nothing', async () => {
    expect((await put(schedule2030)).statusCode).toBe(401);
    expect((await put(schedule2030, 'wrong-token-wrong-token-wrong')).statusCode).toBe(403);
    const del = await t.app.inject({ method: 'DELETE', url: '/api/v1/calendar/years/2030' });
    expect(del.statusCode).toBe(401);
    const body = (await t.app.inject('/api/v1/calendar/days-off?year=2030')).json();
    expect(body.origin).toBe('rules');
  });

  it('rejects an incoherent schedule with field errors and changes nothing', async () => {
    const bad = {
      ...schedule2030,
      daysOff: [...schedule2030.daysOff, { ...schedule2030.daysOff[0], date: '2029-12-31' }],
      workingWeekendDays: [{ date: '2030-03-06', source: 'x' }],
    };
    const res = await put(bad, TEST_ADMIN_TOKEN);
    expect(res.statusCode).toBe(422);
    const pointers = res.json().errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(['/body/daysOff/2/date', '/body/workingWeekendDays/0/date']);
    expect((await t.app.inject('/api/v1/calendar/days-off?year=2030')).json().origin).toBe('rules');
  });

  it('an administrator enters a year; deadlines use it at once; the change is audited; reset restores', async () => {
    // 2030-03-04 is a Monday. Before: Tue 05/03 is a working day.
    expect((await deadline('2030-03-04T07:00:00+07:00', 2, 'working_days')).due).toBe('2030-03-05T17:00:00+07:00');

    const res = await put(schedule2030, TEST_ADMIN_TOKEN);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: 2030, status: 'official', origin: 'administrator' });

    // After: Tue 05/03 is off, so the second day ends on Wed 06/03.
    expect((await deadline('2030-03-04T07:00:00+07:00', 2, 'working_days')).due).toBe('2030-03-06T17:00:00+07:00');
    // Sat 09/03 is now a working day.
    expect((await deadline('2030-03-08T17:00:00+07:00', 1, 'working_hours')).due).toBe('2030-03-09T08:00:00+07:00');

    const audit = await listAudit(t.database.db, 'calendar_year', '2030');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'calendar.year.set', actor: 'admin-token' });
    expect((audit[0]!.after as { daysOff: unknown[] }).daysOff).toHaveLength(2);

    const del = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/calendar/years/2030',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    });
    expect(del.statusCode).toBe(200);
    expect(del.json().origin).toBe('rules');
    expect((await deadline('2030-03-04T07:00:00+07:00', 2, 'working_days')).due).toBe('2030-03-05T17:00:00+07:00');
    expect(await listAudit(t.database.db, 'calendar_year', '2030')).toHaveLength(2);
  });
});
