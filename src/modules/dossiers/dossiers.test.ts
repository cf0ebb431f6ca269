// The dossier API end to end over a real database: online and counter intake, every step of the
// workflow with If-Match, supplements, payment at the counter, one apology, authorization (IDOR),
// the public lookup and the replay check of every stored dossier.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { pdfSample } from '../files/testing.ts';
import { createDossierTestApp, SAMPLE_FORM_DATA, TEST_CITIZEN_ID, TEST_PROCEDURE_CODE, type DossierTestApp } from './testing.ts';

let t: DossierTestApp;
let citizen: TestLogin;
let otherCitizen: TestLogin;
let receiver: TestLogin;
let leader: TestLogin;
let specialist: TestLogin;
let specialist2: TestLogin;
let foreignReceiver: TestLogin;
let specialistId: string;
let specialist2Id: string;

beforeAll(async () => {
  t = await createDossierTestApp();
  citizen = await loginAs(t.db, { kind: 'citizen', personalId: TEST_CITIZEN_ID, fullName: 'Nguyễn Thị Thu Hà', acr: 'LoA2' });
  otherCitizen = await loginAs(t.db, { kind: 'citizen', personalId: '001099054321', acr: 'LoA2' });
  receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
  leader = await loginAs(t.db, { kind: 'officer', username: 'lanhdao', roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] });
  specialist = await loginAs(t.db, { kind: 'officer', username: 'chuyenvien1', roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] });
  specialist2 = await loginAs(t.db, { kind: 'officer', username: 'chuyenvien2', roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] });
  foreignReceiver = await loginAs(t.db, { kind: 'officer', username: 'phapche', roles: [{ role: 'receiver', unitId: 'vu-phap-che' }, { role: 'specialist', unitId: 'vu-phap-che' }] });
  specialistId = specialist.accountId;
  specialist2Id = specialist2.accountId;
}, 60_000);

afterAll(async () => {
  await t?.close();
});

async function upload(login: TestLogin): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(pdfSample(Math.floor(Math.random() * 1000)))], { type: 'application/pdf' }), 'Tờ khai đăng ký.pdf');
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { ...login.headers, 'content-type': request.headers.get('content-type')! },
    payload: Buffer.from(await request.arrayBuffer()),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function submitOnline(login = citizen, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const fileId = await upload(login);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { ...login.headers, ...headers },
    payload: { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [fileId] }], ...extra },
  });
}

async function act(login: TestLogin, id: string, version: number | string | undefined, body: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${id}/actions`,
    headers: { ...login.headers, 'accept-language': 'en', ...(version === undefined ? {} : { 'if-match': `"${version}"` }) },
    payload: body,
  });
}

/** Runs the outbox until nothing is due (an action's job queues the notification's job). */
async function drain() {
  for (let i = 0; i < 10 && (await t.app.jobs.runDue()) > 0; i++);
}

/** Takes an action that must succeed; returns the new view. */
async function step(login: TestLogin, view: { id: string; version: number }, body: Record<string, unknown>) {
  const res = await act(login, view.id, view.version, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('online dossier through every step of the workflow', () => {
  it('is submitted, received, transferred, assigned, examined, approved, issued and returned', async () => {
    const res = await submitOnline();
    expect(res.statusCode, res.body).toBe(201);
    let d = res.json();
    expect(d).toMatchObject({ status: 1, channel: 2, applicantIdNumber: TEST_CITIZEN_ID, version: 1, unitId: 'bo-phan-mot-cua', handlingUnitId: 'cuc-shtt-sang-che' });
    expect(d.code).toMatch(/^G22\.01\.01-\d{6}-\d{4}$/);
    expect(d.formData.applicant.fullName).toBe('Nguyễn Thị Thu Hà'); // prefilled from the population source
    expect(res.headers.etag).toBe('"1"');
    expect(d.components[0].files).toHaveLength(1);

    // The citizen may only withdraw now; the receiver sees the intake actions.
    expect(d.allowedActions).toEqual(['withdraw']);
    const asReceiver = (await t.app.inject({ url: `/api/v1/dossiers/${d.id}`, headers: receiver.headers })).json();
    expect(asReceiver.allowedActions).toEqual(['request_completion', 'receive', 'refuse', 'withdraw']);

    d = await step(receiver, d, { type: 'receive' });
    expect(d).toMatchObject({ status: 2, stepKind: 'transfer' });
    expect(d.dueAt).not.toBeNull();
    d = await step(receiver, d, { type: 'transfer' });
    expect(d).toMatchObject({ status: 4, stepKind: 'assign' });
    d = await step(leader, d, { type: 'assign', assignee: specialistId });
    expect(d).toMatchObject({ assigneeId: specialistId, stepKind: 'examine' });

    // Only the assignee examines.
    const wrong = await act(specialist2, d.id, d.version, { type: 'examine', opinion: 'Đủ điều kiện' });
    expect(wrong.statusCode).toBe(403);
    d = await step(specialist, d, { type: 'examine', opinion: 'Hồ sơ đủ điều kiện cấp văn bằng.' });
    d = await step(leader, d, { type: 'approve' });
    expect(d.stepKind).toBe('sign_issue');
    d = await step(leader, d, { type: 'issue_result', outcome: 'granted', summary: 'Cấp văn bằng bảo hộ' });
    expect(d).toMatchObject({ status: 9, onTime: true });
    d = await step(receiver, d, { type: 'return_result', method: 'online' });
    expect(d.status).toBe(10);
    expect(d.steps.map((s: { kind: string }) => s.kind)).toEqual(['receive', 'transfer', 'assign', 'examine', 'approve', 'sign_issue', 'return']);
    expect(d.timeline.map((e: { type: string }) => e.type)).toEqual(['submit', 'receive', 'transfer', 'assign', 'examine', 'approve', 'issue_result', 'return_result']);

    // The applicant sees the timeline without officers' opinions or accounts.
    const mine = (await t.app.inject({ url: `/api/v1/dossiers/${d.id}`, headers: citizen.headers })).json();
    expect(mine.timeline.find((e: { type: string }) => e.type === 'examine').payload).toEqual({});
    expect(mine.timeline.find((e: { type: string }) => e.type === 'examine').actor).toBe('Cán bộ xử lý');
    expect(mine.notes).toBeUndefined();
    const list = (await t.app.inject({ url: '/api/v1/me/dossiers', headers: citizen.headers })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(d.id);
  });

  it('a retried submit with the same Idempotency-Key returns the same dossier', async () => {
    const first = await submitOnline(citizen, {}, { 'idempotency-key': 'nop-ho-so-0001' });
    expect(first.statusCode).toBe(201);
    const again = await submitOnline(citizen, {}, { 'idempotency-key': 'nop-ho-so-0001' });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
  });

  it('refuses a submission without its required component, creating nothing', async () => {
    const before = await t.db.selectFrom('dossier').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { ...citizen.headers, 'accept-language': 'en' },
      payload: { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0].code).toBe('missing_component');
    const after = await t.db.selectFrom('dossier').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('counter intake, supplements, payment and apology', () => {
  it('a receiver takes a counter dossier in one step (status 2)', async () => {
    const fileId = await upload(receiver);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: receiver.headers,
      payload: {
        procedureCode: TEST_PROCEDURE_CODE,
        channel: 'direct',
        applicant: { kind: 'citizen', idNumber: '001203000123', name: 'Trần Văn Đức', phone: '0987654321' },
        data: { applicant: { fullName: 'Trần Văn Đức', personalId: '001203000123', address: 'Số 5 Lý Thường Kiệt, Hà Nội', phone: '0987654321' }, request: { title: 'Máy gặt đập liên hợp', hasPriority: false } },
        components: [{ code: 'TP01', fileIds: [fileId], digitization: { pageCount: 2, checks: { count: true, complete: true, pageOrder: true, integrity: true } } }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 2, channel: 1, applicantName: 'Trần Văn Đức' });
    // A citizen cannot take a counter dossier, nor a receiver of another unit.
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: foreignReceiver.headers,
      payload: { procedureCode: TEST_PROCEDURE_CODE, channel: 'direct', applicant: { kind: 'citizen', idNumber: '001203000123', name: 'Trần Văn Đức' }, data: {}, components: [] },
    });
    expect(foreign.statusCode).toBe(403);
  });

  it('pauses the clock for a supplement, takes a counter payment, and allows one apology', async () => {
    let d = (await submitOnline()).json();
    d = await step(receiver, d, { type: 'receive' });
    const originalDue = d.dueAt;
    d = await step(receiver, d, { type: 'transfer' });
    d = await step(leader, d, { type: 'assign', assignee: specialistId });
    d = await step(specialist, d, { type: 'request_supplement', reason: 'Thiếu bản mô tả sáng chế', items: ['Bản mô tả sáng chế'] });
    expect(d).toMatchObject({ status: 5, state: { paused: 'supplement', supplementCount: 1 } });
    const citizenView = (await t.app.inject({ url: `/api/v1/dossiers/${d.id}`, headers: citizen.headers })).json();
    expect(citizenView.allowedActions).toEqual(['submit_supplement', 'withdraw']);
    const fileId = await upload(citizen);
    d = await step(citizen, d, { type: 'submit_supplement', components: [{ code: 'TP01', fileIds: [fileId] }] });
    expect(d.status).toBe(4);
    expect(Date.parse(d.dueAt)).toBeGreaterThanOrEqual(Date.parse(originalDue));

    d = await step(specialist, d, { type: 'request_payment' });
    expect(d.status).toBe(6);
    expect(d.timeline.at(-1).payload).toMatchObject({ amountVnd: 150_000 });
    d = await step(receiver, d, { type: 'confirm_payment', receiptNumber: 'BL-0001234' });
    expect(d.status).toBe(4);

    const newDueAt = new Date(Date.parse(d.dueAt) + 10 * 86_400_000).toISOString();
    d = await step(specialist, d, { type: 'apologize', reason: 'Cần tra cứu thêm tình trạng kỹ thuật', newDueAt });
    expect(d.state.rescheduledDueAt).not.toBeNull();
    const twice = await act(specialist, d.id, d.version, { type: 'apologize', reason: 'Lần thứ hai', newDueAt });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ rule: 'apology_limit' });
  });
});

describe('concurrency and refused actions', () => {
  it('needs If-Match, refuses a stale version, and never lets two receivers both receive', async () => {
    const d = (await submitOnline()).json();
    expect((await act(receiver, d.id, undefined, { type: 'receive' })).statusCode).toBe(428);
    expect((await act(receiver, d.id, 99, { type: 'receive' })).statusCode).toBe(412);
    const [a, b] = await Promise.all([act(receiver, d.id, d.version, { type: 'receive' }), act(receiver, d.id, d.version, { type: 'receive' })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
    const actions = await t.db.selectFrom('dossier_action').select('type').where('dossier_id', '=', d.id).execute();
    expect(actions.map((r) => r.type)).toEqual(['submit', 'receive']);
  });

  it('an illegal transition is a 409 problem listing what is allowed, and changes nothing', async () => {
    const d = (await submitOnline()).json();
    const res = await act(receiver, d.id, d.version, { type: 'return_result' });
    expect(res.statusCode).toBe(409);
    const problem = res.json();
    expect(problem).toMatchObject({ rule: 'illegal_transition', allowedActions: ['request_completion', 'receive', 'refuse', 'withdraw'] });
    expect(problem.title).toBe('Action not allowed in the current status');
    const after = (await t.app.inject({ url: `/api/v1/dossiers/${d.id}`, headers: receiver.headers })).json();
    expect(after.version).toBe(1);
  });

  it('a reassignment needs a reason and hands the claim over', async () => {
    let d = (await submitOnline()).json();
    d = await step(receiver, d, { type: 'receive' });
    d = await step(receiver, d, { type: 'transfer' });
    d = await step(leader, d, { type: 'assign', assignee: specialistId });
    expect((await act(leader, d.id, d.version, { type: 'assign', assignee: specialist2Id })).statusCode).toBe(422);
    d = await step(leader, d, { type: 'assign', assignee: specialist2Id, reason: 'Chuyên viên 1 nghỉ phép' });
    expect(d.assigneeId).toBe(specialist2Id);
    expect((await act(specialist, d.id, d.version, { type: 'examine', opinion: 'x' })).statusCode).toBe(403);
    await step(specialist2, d, { type: 'examine', opinion: 'Đạt yêu cầu' });
  });
});

describe('the choices of the action forms', () => {
  const options = (login: TestLogin, id: string) => t.app.inject({ url: `/api/v1/dossiers/${id}/action-options`, headers: login.headers });

  it('offers the leader the specialists covering the handling unit, the receiver the units and fee lines, and nobody else anything', async () => {
    let d = (await submitOnline()).json();
    d = await step(receiver, d, { type: 'receive' });

    // The receiver may transfer now: every active unit, no assignees.
    const atReceipt = await options(receiver, d.id);
    expect(atReceipt.statusCode, atReceipt.body).toBe(200);
    const { units, assignees } = atReceipt.json();
    expect(assignees).toEqual([]);
    expect(units.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining(['cuc-shtt', 'cuc-shtt-sang-che', 'vu-phap-che']));
    expect(units.find((u: { id: string }) => u.id === 'cuc-shtt').nameVi).toMatch(/Sở hữu trí tuệ/);

    d = await step(receiver, d, { type: 'transfer' });
    const forLeader = (await options(leader, d.id)).json();
    // Both specialists of the patent division; not the legal department's specialist.
    expect(forLeader.assignees.map((o: { accountId: string }) => o.accountId).sort()).toEqual([specialistId, specialist2Id].sort());
    expect(forLeader.assignees.map((o: { accountId: string }) => o.accountId)).not.toContain(foreignReceiver.accountId);
    expect(forLeader.units).toEqual([]);
    // The receiver cannot assign: nothing to choose.
    expect((await options(receiver, d.id)).json()).toEqual({ assignees: [], units: [], fees: [] });

    // Once assigned, the specialist may ask for payment: the version's fee lines.
    d = await step(leader, d, { type: 'assign', assignee: specialistId });
    const forSpecialist = (await options(specialist, d.id)).json();
    expect(forSpecialist.fees.length).toBeGreaterThan(0);
    expect(forSpecialist.fees[0]).toMatchObject({ code: expect.any(String), kind: expect.stringMatching(/^(fee|charge)$/), amountVnd: expect.any(Number) });

    // Not an officer's page; an officer of another unit learns nothing of the dossier.
    expect((await options(citizen, d.id)).statusCode).toBe(403);
    expect((await options(foreignReceiver, d.id)).statusCode).toBe(404);
  });
});

describe('the wizard’s drafts on the server', () => {
  const draftUrl = `/api/v1/me/drafts/${TEST_PROCEDURE_CODE}`;
  const put = (login: TestLogin, body: Record<string, unknown>) => t.app.inject({ method: 'PUT', url: draftUrl, headers: login.headers, payload: body });
  const draft = (fileId: string, over: Record<string, unknown> = {}) => ({
    versionNumber: 1,
    step: 2,
    data: SAMPLE_FORM_DATA,
    components: { TP01: [{ id: fileId, name: 'Tờ khai đăng ký.pdf', size: 1234, format: 'pdf', mediaType: 'application/pdf', sha256: 'ab'.repeat(32), scanStatus: 'not_scanned' }] },
    idempotencyKey: 'nop-draft-0123456789',
    ...over,
  });

  it('keeps one draft per applicant and procedure, for its owner only, and the submission ends it', async () => {
    const fileId = await upload(citizen);
    const saved = await put(citizen, draft(fileId));
    expect(saved.statusCode, saved.body).toBe(200);
    // Saved again: still one draft, the newer content.
    expect((await put(citizen, draft(fileId, { step: 3 }))).statusCode).toBe(200);
    const got = await t.app.inject({ url: draftUrl, headers: citizen.headers });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ procedureCode: TEST_PROCEDURE_CODE, versionNumber: 1, step: 3, idempotencyKey: 'nop-draft-0123456789', components: { TP01: [{ id: fileId }] } });
    expect(got.json().procedureName).not.toBe('');
    const list = (await t.app.inject({ url: '/api/v1/me/drafts', headers: citizen.headers })).json();
    expect(list.items.filter((i: { procedureCode: string }) => i.procedureCode === TEST_PROCEDURE_CODE)).toHaveLength(1);

    // Another applicant has none; an officer has no drafts at all.
    expect((await t.app.inject({ url: draftUrl, headers: otherCitizen.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: draftUrl, headers: receiver.headers })).statusCode).toBe(403);

    // A draft of an old version, a bad body or one too large is refused and changes nothing.
    const stale = await put(citizen, draft(fileId, { versionNumber: 7, step: 0 }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().currentVersion).toBe(1);
    expect((await put(citizen, draft(fileId, { step: 9 }))).statusCode).toBe(422);
    expect((await put(citizen, draft(fileId, { data: { note: 'x'.repeat(300 * 1024) } }))).statusCode).toBe(413);
    expect((await t.app.inject({ url: draftUrl, headers: citizen.headers })).json().step).toBe(3);

    // Submitting the dossier ends the draft, in the same transaction.
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { ...citizen.headers, 'idempotency-key': 'nop-draft-0123456789' },
      payload: { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [fileId] }] },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect((await t.app.inject({ url: draftUrl, headers: citizen.headers })).statusCode).toBe(404);

    // Discarding is idempotent.
    await put(citizen, draft(fileId, { idempotencyKey: 'nop-draft-second-0001' }));
    expect((await t.app.inject({ method: 'DELETE', url: draftUrl, headers: citizen.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url: draftUrl, headers: citizen.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ url: draftUrl, headers: citizen.headers })).statusCode).toBe(404);
  });
});

describe('who sees a dossier (IDOR)', () => {
  it('only the applicant and officers of its units read it; others learn nothing', async () => {
    const d = (await submitOnline()).json();
    const get = (login?: TestLogin) => t.app.inject({ url: `/api/v1/dossiers/${d.id}`, ...(login ? { headers: login.headers } : {}) });
    expect((await get(citizen)).statusCode).toBe(200);
    expect((await get(receiver)).statusCode).toBe(200);
    expect((await get(specialist)).statusCode).toBe(200);
    expect((await get(otherCitizen)).statusCode).toBe(404);
    expect((await get(foreignReceiver)).statusCode).toBe(404);
    expect((await get()).statusCode).toBe(401);
    expect((await act(otherCitizen, d.id, d.version, { type: 'withdraw' })).statusCode).toBe(404);
    const fileId = d.components[0].files[0].id;
    expect((await t.app.inject({ url: `/api/v1/dossiers/${d.id}/files/${fileId}`, headers: otherCitizen.headers })).statusCode).toBe(404);
    const file = await t.app.inject({ url: `/api/v1/dossiers/${d.id}/files/${fileId}`, headers: receiver.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    // The search and worklists show only the units' dossiers.
    const foreignList = (await t.app.inject({ url: '/api/v1/worklists/to-receive', headers: foreignReceiver.headers })).json();
    expect(foreignList.total).toBe(0);
    const list = (await t.app.inject({ url: '/api/v1/worklists/to-receive', headers: receiver.headers })).json();
    expect(list.items.some((i: { id: string }) => i.id === d.id)).toBe(true);
    expect((await t.app.inject({ url: '/api/v1/dossiers', headers: citizen.headers })).statusCode).toBe(403);
  });
});

describe('worklists', () => {
  it('counts each worklist and pages by due date', async () => {
    const counts = (await t.app.inject({ url: '/api/v1/worklists', headers: receiver.headers })).json();
    expect(counts['to-receive']).toBeGreaterThan(0);
    expect(Object.keys(counts).sort()).toEqual(['assigned', 'due-soon', 'overdue', 'to-approve', 'to-assign', 'to-issue', 'to-receive', 'to-return', 'waiting-applicant']);
    const first = (await t.app.inject({ url: '/api/v1/worklists/to-receive?limit=1', headers: receiver.headers })).json();
    expect(first.items).toHaveLength(1);
    if (first.total > 1) {
      const second = (await t.app.inject({ url: `/api/v1/worklists/to-receive?limit=1&cursor=${first.nextCursor}`, headers: receiver.headers })).json();
      expect(second.items[0].id).not.toBe(first.items[0].id);
    }
    const assigned = (await t.app.inject({ url: '/api/v1/worklists/assigned', headers: specialist.headers })).json();
    expect(assigned.items.every((i: { assigneeId: string }) => i.assigneeId === specialistId)).toBe(true);
  });
});

describe('the portal sync record', () => {
  it('gives officers the HoSoDongBoDVC shape of a dossier, and nobody else', async () => {
    let d = (await submitOnline()).json();
    d = await step(receiver, d, { type: 'receive' });
    const res = await t.app.inject({ url: `/api/v1/dossiers/${d.id}/sync-record`, headers: receiver.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ MaHoSo: d.code, MaTTHC: TEST_PROCEDURE_CODE, KenhThucHien: '2', TrangThaiHoSo: '2' });
    expect(res.json().NgayTiepNhan).toMatch(/^\d{14}$/);
    expect((await t.app.inject({ url: `/api/v1/dossiers/${d.id}/sync-record`, headers: citizen.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/dossiers/${d.id}/sync-record`, headers: foreignReceiver.headers })).statusCode).toBe(404);
  });
});

describe('escalations', () => {
  it('tell the unit leader once when a step is overdue, however often the schedule runs', async () => {
    await sql`update account set email = 'lanh.dao@example.vn' where id = ${leader.accountId}`.execute(t.db);
    let d = (await submitOnline()).json();
    d = await step(receiver, d, { type: 'receive' });
    d = await step(receiver, d, { type: 'transfer' });
    const later = new Date(Date.parse(d.steps.at(-1).dueAt) + 3_600_000);
    t.app.mailCatcher?.clear();
    expect(await t.app.dossiers.escalate(later)).toBeGreaterThan(0);
    await t.app.dossiers.escalate(later);
    await drain();
    const mails = t.app.mailCatcher!.messages().filter((m) => m.to.includes('lanh.dao@example.vn') && m.subject.includes(d.code));
    expect(mails).toHaveLength(1);
  });
});

describe('public lookup', () => {
  it('shows the status and dates for the code and the key, and nothing personal', async () => {
    const d = (await submitOnline()).json();
    const res = await t.app.inject({ url: `/api/v1/public/dossiers/${d.code}?key=${d.lookupSecret}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ code: d.code, procedureName: expect.any(String), status: 1, statusName: { vi: 'Mới đăng ký', en: 'Submitted' }, receivedAt: null, dueAt: null, rescheduledDueAt: null, finishedAt: null });
    expect(res.body).not.toContain(TEST_CITIZEN_ID);
    expect((await t.app.inject({ url: `/api/v1/public/dossiers/${d.code}?key=WRONGKEY` })).statusCode).toBe(404);
  });
});

describe('motcua dossiers verify', () => {
  it('finds every stored log consistent, then the altered row and the altered projection', async () => {
    const service = t.app.dossiers.service;
    const clean = await service.verify();
    expect(clean.checked).toBeGreaterThan(5);
    expect(clean.problems).toEqual([]);

    const victim = (await submitOnline()).json();
    await sql`update dossier_action set payload = '{"forged":true}' where dossier_id = ${victim.id} and seq = 1`.execute(t.db);
    const other = (await submitOnline()).json();
    await sql`update dossier set due_at = now() where id = ${other.id}`.execute(t.db);
    const found = await service.verify();
    expect(found.problems.map((p) => [p.dossierId, p.kind]).sort()).toEqual(
      [
        [victim.id, 'chain_broken'],
        [other.id, 'projection_differs'],
      ].sort(),
    );
    // Put them back for the other tests.
    await sql`delete from dossier_file where dossier_id in (${victim.id}, ${other.id})`.execute(t.db);
    await sql`delete from dossier_unit where dossier_id in (${victim.id}, ${other.id})`.execute(t.db);
    await sql`delete from dossier_action where dossier_id in (${victim.id}, ${other.id})`.execute(t.db);
    await sql`delete from dossier where id in (${victim.id}, ${other.id})`.execute(t.db);
  });
});

describe('slips, notifications and online payment', () => {
  it('prints the receipt (Mẫu 01) as a PDF with the Vietnamese text intact, and e-mails the applicant', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { writeFile } = await import('node:fs/promises');
    const fileId = await upload(receiver);
    t.app.mailCatcher?.clear();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: receiver.headers,
      payload: {
        procedureCode: TEST_PROCEDURE_CODE,
        channel: 'postal',
        applicant: { kind: 'citizen', idNumber: '001203000777', name: 'Lê Thị Hương Giang', email: 'huong.giang@example.vn' },
        data: { applicant: { fullName: 'Lê Thị Hương Giang', personalId: '001203000777', address: 'Số 7 Hàng Bài, Hà Nội', phone: '0912000777' }, request: { title: 'Bộ lọc khí thải', hasPriority: false } },
        components: [{ code: 'TP01', fileIds: [fileId], digitization: { pageCount: 2, checks: { count: true, complete: true, pageOrder: true, integrity: true } } }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json();
    const pdf = await t.app.inject({ url: `/api/v1/dossiers/${d.id}/slips/01.pdf`, headers: receiver.headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const file = `${t.dataDir}/01.pdf`;
    await writeFile(file, pdf.rawPayload);
    const { stdout } = await promisify(execFile)('pdftotext', ['-layout', file, '-']);
    expect(stdout).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(stdout).toContain(d.code);
    expect(stdout).toContain('Lê Thị Hương Giang');
    // No supplement was requested: no such slip yet.
    expect((await t.app.inject({ url: `/api/v1/dossiers/${d.id}/slips/02.pdf`, headers: receiver.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/dossiers/${d.id}/slips/01.pdf`, headers: otherCitizen.headers })).statusCode).toBe(404);

    await drain();
    const mail = t.app.mailCatcher!.messages().find((m) => m.to.includes('huong.giang@example.vn'));
    expect(mail?.subject).toContain(d.code);
    expect(mail?.text).toContain(d.lookupSecret);
    expect(mail?.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`${d.code}-01.pdf`, 'application/pdf']]);
  });

  it('prints the unit’s ledger (Mẫu 06) for a period as PDF and XLSX, for its officers only', async () => {
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const url = `/api/v1/dossier-ledger?unitId=bo-phan-mot-cua&from=${today}&to=${today}`;
    const pdf = await t.app.inject({ url, headers: receiver.headers });
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await t.app.inject({ url: `${url}&format=xlsx`, headers: receiver.headers });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await t.app.inject({ url, headers: foreignReceiver.headers })).statusCode).toBe(403);
  });

  it('the applicant pays online; the verified callback confirms the payment on the dossier once', async () => {
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    let d = (await submitOnline()).json();
    d = await step(receiver, d, { type: 'receive' });
    d = await step(receiver, d, { type: 'transfer' });
    d = await step(leader, d, { type: 'assign', assignee: specialistId });
    d = await step(specialist, d, { type: 'request_payment' });
    expect(d.status).toBe(6);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/payment`, headers: otherCitizen.headers })).statusCode).toBe(404);
    const started = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/payment`, headers: citizen.headers });
    expect(started.statusCode, started.body).toBe(200);
    const paymentUrl: string = started.json().paymentUrl;
    expect(paymentUrl.startsWith(url)).toBe(true);
    const page = await (await fetch(paymentUrl)).text();
    const form = /<form method="post" action="([^"]+)">/.exec(page)!;
    const answer = await fetch(new URL(form[1]!, paymentUrl), { method: 'POST', body: new URLSearchParams({ hanhDong: 'pay' }), redirect: 'manual' });
    expect(answer.status).toBe(303);
    await drain();
    const after = (await t.app.inject({ url: `/api/v1/dossiers/${d.id}`, headers: citizen.headers })).json();
    expect(after.status).toBe(4);
    expect(after.timeline.at(-1)).toMatchObject({ type: 'confirm_payment', actorKind: 'system' });
    const back = await fetch(new URL(answer.headers.get('location')!, url), { redirect: 'manual' });
    expect(back.headers.get('location')).toBe(`/ho-so/${d.id}?payment=paid`);
    const again = (await t.app.inject({ url: `/api/v1/dossiers/${d.id}`, headers: citizen.headers })).json();
    expect(again.version).toBe(after.version);
  });
});
