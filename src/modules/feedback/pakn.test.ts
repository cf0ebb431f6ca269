// PAKN over the real API and database: filing (anonymous and logged in), officers' record of a
// transferred PAKN, every lifecycle action allowed or refused with who may take it, If-Match,
// the append-only history and audit, deadlines over holidays, the public answers and votes,
// the escalation job (each due item once) and the 766 index's items.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { createFeedbackTestApp, returnedDossier, TEST_PROCEDURE_CODE, type FeedbackTestApp } from './testing.ts';

let t: FeedbackTestApp;
let foreignSpecialist: TestLogin;
let otherCitizen: TestLogin;

beforeAll(async () => {
  t = await createFeedbackTestApp({ env: { FEEDBACK_PUBLIC_WRITES_PER_MINUTE: '30' } });
  foreignSpecialist = await loginAs(t.db, { kind: 'officer', username: 'phapche', roles: [{ role: 'specialist', unitId: 'vu-phap-che' }] });
  otherCitizen = await loginAs(t.db, { kind: 'citizen', personalId: '001099054321', acr: 'LoA2' });
}, 120_000);
afterAll(() => t?.close());

const filing = {
  title: 'Thời gian giải quyết quá dài',
  content: 'Hồ sơ đăng ký sáng chế của tôi chờ quá lâu so với quy định.',
  about: 'procedure',
  procedureCode: TEST_PROCEDURE_CODE,
  proposedClassification: 'tthc',
  filer: { name: 'Hoàng Văn Phản', phone: '0912 345 678' },
};

async function file(payload: Record<string, unknown> = filing, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: '/api/v1/public/feedback', headers: { 'accept-language': 'en', ...headers }, payload });
}

async function act(login: TestLogin, id: string, version: number | undefined, body: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/feedback/${id}/actions`,
    headers: { ...login.headers, 'accept-language': 'en', ...(version === undefined ? {} : { 'if-match': `"${version}"` }) },
    payload: body,
  });
}

async function view(login: TestLogin, id: string) {
  const res = await t.app.inject({ url: `/api/v1/feedback/${id}`, headers: login.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function step(login: TestLogin, id: string, body: Record<string, unknown>) {
  const before = await view(login, id);
  const res = await act(login, id, before.version, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const tableCounts = async () => {
  const n = async (table: 'feedback' | 'feedback_event' | 'audit_log') => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.db)).rows[0]!.n);
  return { feedback: await n('feedback'), events: await n('feedback_event'), audit: await n('audit_log') };
};

describe('filing a PAKN', () => {
  it('is open to anyone with a contact, routed to the procedure’s unit', async () => {
    const res = await file();
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: expect.stringMatching(/^PAKN-\d{4}-\d{6}$/), status: 'received' });
    const v = await view(t.leader, res.json().id);
    expect(v).toMatchObject({ unitId: 'cuc-shtt', status: 'received', proposedClassification: 'tthc', classification: null, filer: { phone: '0912345678' }, dueKind: 'process' });
    expect(v.history.map((h: { type: string }) => h.type)).toEqual(['receive']);
  });

  it('refuses bad input as problem+json and stores nothing', async () => {
    const before = await tableCounts();
    const bad: Record<string, unknown>[] = [
      { ...filing, filer: { name: 'Không liên lạc' } },
      { ...filing, filer: { name: 'A', email: 'not-mail' } },
      { ...filing, about: 'weather' },
      { ...filing, title: '' },
      { ...filing, procedureCode: '1.999999' },
      { ...filing, about: 'dossier', procedureCode: undefined, dossierCode: 'G22.01.01-260101-9999' },
      { ...filing, about: 'dossier', procedureCode: undefined },
      { ...filing, unexpected: 1 },
    ];
    for (const payload of bad) {
      const res = await file(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await tableCounts()).toEqual(before);
  });

  it('about a dossier goes to its handling unit and keeps its code', async () => {
    const d = await returnedDossier(t);
    const res = await file({ ...filing, about: 'dossier', procedureCode: undefined, dossierCode: d.code }, t.citizen.headers);
    expect(res.statusCode, res.body).toBe(201);
    const v = await view(t.specialist, res.json().id);
    expect(v).toMatchObject({ unitId: 'cuc-shtt-sang-che', dossierCode: d.code, procedureCode: TEST_PROCEDURE_CODE });
    // The logged-in filer reads it; another citizen does not.
    expect((await t.app.inject({ url: `/api/v1/feedback/${v.id}`, headers: t.citizen.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/v1/feedback/${v.id}`, headers: otherCitizen.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/feedback/${v.id}`, headers: foreignSpecialist.headers })).statusCode).toBe(404);
  }, 60_000);
});

describe('the lifecycle', () => {
  it('goes received → processing → approved by a leader → published, each step in the history and the audit', async () => {
    const { id } = (await file()).json();
    // A specialist of the procedure's unit? The unit is cuc-shtt: its sub-unit's specialist does not cover it.
    expect((await act(t.specialist, id, undefined, { type: 'start_processing' })).statusCode).toBe(404);
    const handler = await loginAs(t.db, { kind: 'officer', username: 'xuly', roles: [{ role: 'specialist', unitId: 'cuc-shtt' }] });
    let v = await step(handler, id, { type: 'classify', classification: 'conduct' });
    v = await step(handler, id, { type: 'start_processing' });
    expect(v.allowedActions).toEqual(['record_transfer', 'classify', 'request_supplement', 'draft_answer']);
    v = await step(handler, id, { type: 'draft_answer', answer: 'Cục đã rà soát và đẩy nhanh hồ sơ.' });
    // The handler cannot approve; the leader can.
    expect((await act(handler, id, v.version, { type: 'approve' })).statusCode).toBe(403);
    const leaderView = await view(t.leader, id);
    expect(leaderView.allowedActions).toContain('approve');
    v = await step(t.leader, id, { type: 'approve' });
    expect(v).toMatchObject({ status: 'approved', answer: 'Cục đã rà soát và đẩy nhanh hồ sơ.', dueKind: 'publish' });
    // Not public before publication.
    expect((await t.app.inject({ url: `/api/v1/public/feedback/${id}` })).statusCode).toBe(404);
    v = await step(handler, id, { type: 'publish' });
    expect(v).toMatchObject({ status: 'published', dueAt: null, timeliness: { processOnTime: true, publishOnTime: true } });
    expect(v.history.map((h: { type: string }) => h.type)).toEqual(['receive', 'classify', 'start_processing', 'draft_answer', 'approve', 'publish']);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity', '=', 'feedback').where('entity_id', '=', id).orderBy('id').execute();
    expect(audit.map((a) => a.actor_id)).toEqual([handler.accountId, handler.accountId, handler.accountId, t.leader.accountId, handler.accountId]);

    const pub = await t.app.inject({ url: `/api/v1/public/feedback/${id}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ answer: 'Cục đã rà soát và đẩy nhanh hồ sơ.', likes: 0, dislikes: 0, myVote: null });
    expect(pub.body).not.toContain('0912345678');
    expect(pub.body).not.toContain('Hoàng Văn Phản');
    expect((await t.app.inject({ url: '/api/v1/public/feedback' })).json().items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('refuses what the status does not allow (409, with the actions allowed), a stale version, and changes nothing', async () => {
    const { id } = (await file()).json();
    const handler = await loginAs(t.db, { kind: 'officer', username: 'xuly2', roles: [{ role: 'receiver', unitId: 'cuc-shtt' }] });
    const before = await view(handler, id);
    const refused = [
      { type: 'publish' },
      { type: 'draft_answer', answer: 'x' },
      { type: 'supplement', text: 'x' },
    ];
    for (const body of refused) {
      const res = await act(handler, id, before.version, body);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({ code: 'illegal_transition', allowedActions: ['record_transfer', 'classify', 'reject', 'request_supplement', 'start_processing'] });
    }
    expect((await act(t.leader, id, before.version, { type: 'approve' })).json().code).toBe('illegal_transition');
    expect((await act(t.leader, id, before.version, { type: 'return_answer', reason: 'x' })).json().code).toBe('illegal_transition');
    // A leader's action is not a handler's.
    expect((await act(handler, id, before.version, { type: 'return_answer', reason: 'x' })).statusCode).toBe(403);
    expect((await act(handler, id, before.version + 5, { type: 'start_processing' })).statusCode).toBe(409);
    expect((await act(handler, id, before.version, { type: 'reject' })).statusCode).toBe(422);
    expect((await act(handler, id, before.version, { type: 'record_transfer', source: 'vpcp', transferredAt: '2099-01-01T00:00:00Z' })).statusCode).toBe(422);
    const after = await view(handler, id);
    expect(after.version).toBe(before.version);
    expect(after.history).toEqual(before.history);

    // Reject, with a reason: final.
    const rejected = await step(handler, id, { type: 'reject', reason: 'Nội dung không thuộc phạm vi giải quyết.' });
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: 'Nội dung không thuộc phạm vi giải quyết.', allowedActions: [], timeliness: { rejectOnTime: true } });
    expect((await act(handler, id, rejected.version, { type: 'start_processing' })).statusCode).toBe(409);
  });

  it('asks the filer for more and goes back where it was when supplied, by the officer or the logged-in filer', async () => {
    const { id } = (await file(filing, t.citizen.headers)).json();
    const handler = await loginAs(t.db, { kind: 'officer', username: 'xuly3', roles: [{ role: 'specialist', unitId: 'cuc-shtt' }] });
    await step(handler, id, { type: 'start_processing' });
    let v = await step(handler, id, { type: 'request_supplement', reason: 'Đề nghị cung cấp mã hồ sơ.' });
    expect(v).toMatchObject({ status: 'supplement_requested', dueAt: null });
    // Another citizen may not supply; the filer may.
    expect((await act(otherCitizen, id, v.version, { type: 'supplement', text: 'x' })).statusCode).toBe(404);
    const citizenView = (await t.app.inject({ url: `/api/v1/feedback/${id}`, headers: t.citizen.headers })).json();
    expect(citizenView.allowedActions).toEqual(['supplement']);
    const res = await act(t.citizen, id, v.version, { type: 'supplement', text: 'Mã hồ sơ G22.01.01-260301-0001.' });
    expect(res.statusCode, res.body).toBe(200);
    v = res.json();
    expect(v).toMatchObject({ status: 'processing', dueKind: 'process', timeliness: { firstSupplementOnTime: true } });
    // A leader may return an approved answer for rework.
    await step(handler, id, { type: 'classify', classification: 'tthc' });
    await step(handler, id, { type: 'draft_answer', answer: 'Bản dự thảo.' });
    await step(t.leader, id, { type: 'approve', answer: 'Bản trả lời do lãnh đạo sửa.' });
    v = await step(t.leader, id, { type: 'return_answer', reason: 'Cần bổ sung căn cứ.' });
    expect(v).toMatchObject({ status: 'processing', answer: null, draftAnswer: 'Bản trả lời do lãnh đạo sửa.' });
  });
});

describe('transferred PAKN and deadlines', () => {
  it('records a VPCP transfer with its dates; the windows count from the latest transfer in working days, over holidays', async () => {
    const handler = await loginAs(t.db, { kind: 'officer', username: 'xuly4', roles: [{ role: 'receiver', unitId: 'cuc-shtt' }] });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: handler.headers,
      payload: {
        ...filing,
        channel: 'vpcp',
        receivedAt: '2026-04-20T02:00:00Z',
        transfers: [{ source: 'vpcp', transferredAt: '2026-04-29T02:00:00Z' }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = await view(handler, res.json().id);
    // From Wed 29/04/2026 09:00: 30/04, 01/05 and the weekend are days off.
    expect(v.deadlines).toMatchObject({ anchor: '2026-04-29T02:00:00.000Z', reject: '2026-05-05T02:00:00.000Z', firstSupplement: '2026-05-08T02:00:00.000Z', process: '2026-05-22T02:00:00.000Z' });
    expect(v).toMatchObject({ channel: 'vpcp', transfers: [{ source: 'vpcp', at: '2026-04-29T02:00:00.000Z' }], overdue: true });
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', v.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['feedback.create']);

    // A transfer needs its date; a citizen cannot record; another unit's officer cannot record here.
    const noDate = await t.app.inject({ method: 'POST', url: '/api/v1/feedback', headers: handler.headers, payload: { ...filing, channel: 'bndp' } });
    expect(noDate.statusCode).toBe(422);
    const foreign = await t.app.inject({ method: 'POST', url: '/api/v1/feedback', headers: foreignSpecialist.headers, payload: { ...filing, channel: 'counter' } });
    expect(foreign.statusCode).toBe(403);

    // The worklist lists it as overdue.
    const list = await t.app.inject({ url: '/api/v1/feedback?due=overdue', headers: handler.headers });
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(v.id);
    expect((await t.app.inject({ url: '/api/v1/feedback', headers: foreignSpecialist.headers })).json().items).toEqual([]);
  });

  it('escalates each due PAKN once, to its handlers and leaders, however often the job runs', async () => {
    await sql`update account set email = 'lanh.dao@example.vn' where id = ${t.leader.accountId}`.execute(t.db);
    const handler = await loginAs(t.db, { kind: 'officer', username: 'xuly5', roles: [{ role: 'specialist', unitId: 'cuc-shtt' }] });
    await sql`update account set email = 'xu.ly@example.vn' where id = ${handler.accountId}`.execute(t.db);
    const { id, code } = (await file()).json();
    const v = await view(handler, id);
    const later = new Date(Date.parse(v.dueAt) + 3_600_000);
    const jobs = async () => Number((await sql<{ n: string }>`select count(*) as n from job where payload::text like ${`%${code}%`}`.execute(t.db)).rows[0]!.n);
    expect(await t.app.feedback.escalate(later)).toBeGreaterThan(0);
    const queued = await jobs();
    expect(queued).toBeGreaterThanOrEqual(2);
    await t.app.feedback.escalate(later);
    await t.app.feedback.escalate(new Date(later.getTime() + 600_000));
    expect(await jobs()).toBe(queued);
    for (let i = 0; i < 10 && (await t.app.jobs.runDue()) > 0; i++);
    const mails = t.app.mailCatcher!.messages().filter((m) => m.subject.includes(code));
    expect(mails.filter((m) => m.to.includes('lanh.dao@example.vn'))).toHaveLength(1);
    expect(mails.filter((m) => m.to.includes('xu.ly@example.vn'))).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Quá hạn');
  });
});

describe('votes on published answers', () => {
  it('one per browser or account, changeable; rate-limited', async () => {
    const { id } = (await file()).json();
    const handler = await loginAs(t.db, { kind: 'officer', username: 'xuly6', roles: [{ role: 'specialist', unitId: 'cuc-shtt' }] });
    await step(handler, id, { type: 'start_processing' });
    await step(handler, id, { type: 'classify', classification: 'tthc' });
    await step(handler, id, { type: 'draft_answer', answer: 'Trả lời.' });
    await step(t.leader, id, { type: 'approve' });
    await step(handler, id, { type: 'publish' });

    const vote = (value: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'PUT', url: `/api/v1/public/feedback/${id}/vote`, headers, payload: { value } });
    const first = await vote('like');
    expect(first.statusCode, first.body).toBe(200);
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toMatch(/^motcua_voter=/);
    expect(first.json()).toEqual({ likes: 1, dislikes: 0, myVote: 'like' });
    expect((await vote('like', { cookie })).json()).toEqual({ likes: 1, dislikes: 0, myVote: 'like' });
    expect((await vote('dislike', { cookie })).json()).toEqual({ likes: 0, dislikes: 1, myVote: 'dislike' });
    expect((await vote('like', t.citizen.headers)).json()).toEqual({ likes: 1, dislikes: 1, myVote: 'like' });
    expect((await t.app.inject({ url: `/api/v1/public/feedback/${id}`, headers: { cookie } })).json().myVote).toBe('dislike');
    expect((await vote('love', { cookie })).statusCode).toBe(422);
    // Votes only on published answers.
    const unpublished = (await file()).json().id;
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/public/feedback/${unpublished}/vote`, payload: { value: 'like' } })).statusCode).toBe(404);

    const items = await t.app.feedback.feedbackIndexItems({ from: '2026-01-01', to: '2099-12-31' });
    const item = items.find((i) => i.id === id)!;
    expect(item).toEqual({
      id,
      receivedAt: expect.any(String),
      transferredAt: [],
      rejectedAt: null,
      firstSupplementRequestAt: null,
      processedAt: expect.any(String),
      publishedAt: expect.any(String),
      classification: 'tthc',
      likes: 1,
      dislikes: 1,
      dossierCode: null,
      unitId: 'cuc-shtt',
      procedureCode: TEST_PROCEDURE_CODE,
    });
    const transferred = items.find((i) => i.transferredAt.length > 0)!;
    expect(transferred).toMatchObject({ receivedAt: '2026-04-20T02:00:00.000Z', transferredAt: ['2026-04-29T02:00:00.000Z'], processedAt: null });
    expect(await t.app.feedback.feedbackIndexItems({ from: '2020-01-01', to: '2020-12-31' })).toEqual([]);
  });

  it('stops a flood of anonymous writes from one address', async () => {
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await file()).statusCode;
    expect(last).toBe(429);
  });
});
