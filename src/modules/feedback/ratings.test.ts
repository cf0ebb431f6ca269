// Ratings over the real API and database: the applicant's one rating per dossier and its change
// window, the counter kiosk, bad input changing nothing, the public aggregate and the 766 items.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { createFeedbackTestApp, returnedDossier, TEST_PROCEDURE_CODE, type FeedbackTestApp } from './testing.ts';

let t: FeedbackTestApp;
let otherCitizen: TestLogin;
let foreignReceiver: TestLogin;

const scores = (n: number) => ({ update_frequency: n, ease_of_search: n, access_speed: n, convenience: n, attitude: n });

beforeAll(async () => {
  t = await createFeedbackTestApp();
  otherCitizen = await loginAs(t.db, { kind: 'citizen', personalId: '001099054321', acr: 'LoA2' });
  foreignReceiver = await loginAs(t.db, { kind: 'officer', username: 'phapche', roles: [{ role: 'receiver', unitId: 'vu-phap-che' }] });
}, 120_000);
afterAll(() => t?.close());

const put = (login: TestLogin | undefined, url: string, payload: unknown) =>
  t.app.inject({ method: 'PUT', url, headers: { ...(login?.headers ?? {}), 'accept-language': 'en' }, payload: payload as object });
const ratingCount = async (dossierId: string) => Number((await sql<{ n: string }>`select count(*) as n from rating where dossier_id = ${dossierId}`.execute(t.db)).rows[0]!.n);

describe('the applicant’s rating', () => {
  it('is given once per dossier after the result is returned, changed within the window, then frozen', async () => {
    const processed = await returnedDossier(t, { stopAt: 'processed' });
    const early = await put(t.citizen, `/api/v1/me/ratings/${processed.code}`, { value: 'like', scores: scores(5) });
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().code).toBe('illegal_transition');

    const d = await returnedDossier(t);
    const form = await t.app.inject({ url: `/api/v1/me/ratings/${d.code}`, headers: t.citizen.headers });
    expect(form.statusCode, form.body).toBe(200);
    expect(form.json()).toMatchObject({ dossierCode: d.code, returned: true, canRate: true, rating: null });
    expect(form.json().criteria.map((c: { code: string }) => c.code)).toEqual(['update_frequency', 'ease_of_search', 'access_speed', 'convenience', 'attitude']);

    const first = await put(t.citizen, `/api/v1/me/ratings/${d.code}`, { value: 'dislike', scores: scores(2), comment: 'Chờ lâu.' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().rating).toMatchObject({ value: 'dislike', channel: 'online', comment: 'Chờ lâu.' });
    const changed = await put(t.citizen, `/api/v1/me/ratings/${d.code}`, { value: 'like', scores: scores(4) });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().rating.value).toBe('like');
    expect(await ratingCount(d.id)).toBe(1);

    // Eight days later the rating is frozen.
    await sql`update rating set created_at = now() - interval '8 days' where dossier_id = ${d.id}`.execute(t.db);
    const late = await put(t.citizen, `/api/v1/me/ratings/${d.code}`, { value: 'dislike', scores: scores(1) });
    expect(late.statusCode).toBe(409);
    expect((await t.app.inject({ url: `/api/v1/me/ratings/${d.code}`, headers: t.citizen.headers })).json()).toMatchObject({ canRate: false, rating: { value: 'like' } });
  }, 60_000);

  it('is refused for bad input as problem+json, and nothing is stored', async () => {
    const d = await returnedDossier(t);
    const cases: unknown[] = [
      { value: 'meh', scores: scores(3) },
      { value: 'like', scores: { ...scores(3), attitude: 6 } },
      { value: 'like', scores: { update_frequency: 3 } },
      { value: 'like', scores: { ...scores(3), colour: 3 } },
      { value: 'like', scores: scores(3), comment: 'x'.repeat(2001) },
      { value: 'like', scores: scores(3), extra: true },
    ];
    for (const payload of cases) {
      const res = await put(t.citizen, `/api/v1/me/ratings/${d.code}`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.length).toBeGreaterThan(0);
    }
    expect(await ratingCount(d.id)).toBe(0);
  }, 60_000);

  it('is the applicant’s only: another citizen gets 404, an anonymous caller 401', async () => {
    const d = await returnedDossier(t);
    expect((await put(otherCitizen, `/api/v1/me/ratings/${d.code}`, { value: 'like', scores: scores(5) })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/me/ratings/${d.code}`, headers: otherCitizen.headers })).statusCode).toBe(404);
    expect((await put(undefined, `/api/v1/me/ratings/${d.code}`, { value: 'like', scores: scores(5) })).statusCode).toBe(401);
    expect(await ratingCount(d.id)).toBe(0);
  }, 60_000);
});

describe('the counter kiosk', () => {
  it('records the applicant’s rating with the officer who opened it, audited; only the receiving unit’s receivers open it', async () => {
    const d = await returnedDossier(t);
    expect((await t.app.inject({ url: `/api/v1/kiosk/ratings/${d.code}`, headers: foreignReceiver.headers })).statusCode).toBe(403);
    const open = await t.app.inject({ url: `/api/v1/kiosk/ratings/${d.code}`, headers: t.receiver.headers });
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json()).toMatchObject({ applicantName: 'Nguyễn Thị Thu Hà', canRate: true });
    const res = await put(t.receiver, `/api/v1/kiosk/ratings/${d.code}`, { value: 'like', scores: scores(5) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().rating.channel).toBe('kiosk');
    const row = await t.db.selectFrom('rating').selectAll().where('dossier_id', '=', d.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'kiosk', kiosk_officer_id: t.receiver.accountId, rater_account_id: t.citizen.accountId });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'rating.kiosk').where('entity_id', '=', row.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(t.receiver.accountId);
  }, 60_000);
});

describe('the public aggregate and the 766 items', () => {
  it('counts per unit and procedure, the like ratio and criterion averages, without personal data', async () => {
    const res = await t.app.inject({ url: `/api/v1/public/ratings?procedure=${TEST_PROCEDURE_CODE}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const rows = await t.db.selectFrom('rating').select(['value', 'scores']).execute();
    const likes = rows.filter((r) => r.value === 'like').length;
    expect(body).toMatchObject({ count: rows.length, likes, dislikes: rows.length - likes });
    expect(body.likeRatio).toBeCloseTo(likes / rows.length, 4);
    const attitude = rows.reduce((s, r) => s + r.scores.attitude!, 0) / rows.length;
    expect(body.criteria.find((c: { code: string }) => c.code === 'attitude').average).toBeCloseTo(attitude, 2);
    expect(body.groups).toEqual([expect.objectContaining({ unitId: 'cuc-shtt-sang-che', procedureCode: TEST_PROCEDURE_CODE, count: rows.length })]);
    expect(res.body).not.toContain('Nguyễn Thị Thu Hà');
    expect(res.body).not.toContain('Chờ lâu');

    // A unit above includes its sub-units; a period without ratings has null averages (not 0).
    expect((await t.app.inject({ url: '/api/v1/public/ratings?unit=cuc-shtt' })).json().count).toBe(rows.length);
    const empty = (await t.app.inject({ url: '/api/v1/public/ratings?from=2020-01-01&to=2020-01-31' })).json();
    expect(empty).toMatchObject({ count: 0, likeRatio: null });
    expect(empty.criteria.every((c: { average: number | null }) => c.average === null)).toBe(true);
    expect((await t.app.inject({ url: '/api/v1/public/ratings?from=2026-02-01&to=2026-01-01' })).statusCode).toBe(422);
    expect((await t.app.inject({ url: '/api/v1/public/ratings?unit=khong-co' })).statusCode).toBe(422);
  });

  it('exports the ratings of a period as the index’s items', async () => {
    const localDay = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
    const today = localDay(Date.now());
    const rows = await t.db.selectFrom('rating').select(['dossier_code', 'value']).orderBy('created_at').execute();
    // The rating moved eight days back (above) belongs to that day's period, not today's.
    expect(await t.app.feedback.ratingIndexItems({ from: today, to: today })).toHaveLength(rows.length - 1);
    const items = await t.app.feedback.ratingIndexItems({ from: localDay(Date.now() - 10 * 86_400_000), to: today });
    expect(items.map((i) => [i.dossierCode, i.value])).toEqual(rows.map((r) => [r.dossier_code, r.value]));
    expect(items[0]).toEqual({ dossierCode: expect.stringMatching(/-\d{6}-\d{4}$/), value: expect.stringMatching(/^(like|dislike)$/), unitId: 'cuc-shtt-sang-che', procedureCode: TEST_PROCEDURE_CODE });
    expect(await t.app.feedback.ratingIndexItems({ from: '2020-01-01', to: '2020-12-31' })).toEqual([]);
    expect(await t.app.feedback.ratingIndexItems({ from: today, to: today, unitIds: ['vu-phap-che'] })).toEqual([]);
  });
});
