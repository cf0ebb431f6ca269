// Delivery of dossiers to the national portal, end to end: real dossiers taken through the API,
// the outbox and the job runner, the production client over HTTP, and the portal emulator
// listening in the same server (its received log and its state are what the tests read).
//
// The job backoff is set to zero here, so that one run of the due jobs is one retry: an outage
// "of an hour" is as many failing rounds as the default schedule makes in an hour (computed from
// the same backoff the jobs module applies), without sleeping.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { ConfigError, dvcqgEmulatorOn, loadConfig, portalSyncOn } from '../../config.ts';
import { dvcqgEmulatorOf, DVCQG_EMULATOR_PREFIX, type DvcqgEmulatorControl } from '../../emulators/dvcqg/server.ts';
import { createDossierTestApp, TEST_PROCEDURE_CODE, type DossierTestApp } from '../dossiers/testing.ts';
import { pdfSample } from '../files/testing.ts';
import { DvcqgSyncClient } from './client.ts';
import { attemptsWithin, retryWindowMs } from './service.ts';

let t: DossierTestApp;
let portal: DvcqgEmulatorControl;
let url: string;
let receiver: TestLogin;
let leader: TestLogin;
let specialist: TestLogin;
let specialist2: TestLogin;
let admin: TestLogin;
let auditor: TestLogin;
let foreignOfficer: TestLogin;

beforeAll(async () => {
  t = await createDossierTestApp({ env: { JOB_BACKOFF_MS: '0', JOB_BACKOFF_MAX_MS: '0', DVCQG_SYNC_TIMEOUT_MS: '1000' } });
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  portal = dvcqgEmulatorOf(t.app)!;
  receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
  leader = await loginAs(t.db, { kind: 'officer', username: 'lanhdao', roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] });
  specialist = await loginAs(t.db, { kind: 'officer', username: 'chuyenvien1', roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] });
  specialist2 = await loginAs(t.db, { kind: 'officer', username: 'chuyenvien2', roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] });
  admin = await loginAs(t.db, { kind: 'officer', username: 'quantri', roles: [{ role: 'admin', unitId: 'bkhcn' }] });
  auditor = await loginAs(t.db, { kind: 'officer', username: 'kiemtra', roles: [{ role: 'auditor', unitId: 'bkhcn' }] });
  foreignOfficer = await loginAs(t.db, { kind: 'officer', username: 'phapche', roles: [{ role: 'receiver', unitId: 'vu-phap-che' }] });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

beforeEach(() => {
  portal.reset();
});

interface View {
  id: string;
  code: string;
  version: number;
  status: number;
}

async function upload(login: TestLogin): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(pdfSample(Math.floor(Math.random() * 1000)))], { type: 'application/pdf' }), 'Tờ khai.pdf');
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...login.headers, 'content-type': request.headers.get('content-type')! }, payload: Buffer.from(await request.arrayBuffer()) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** A counter dossier, received at once (status 2). */
async function intake(name = 'Trần Văn Đức'): Promise<View> {
  const fileId = await upload(receiver);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: receiver.headers,
    payload: {
      procedureCode: TEST_PROCEDURE_CODE,
      channel: 'direct',
      applicant: { kind: 'citizen', idNumber: '001203000123', name, phone: '0987654321' },
      data: { applicant: { fullName: name, personalId: '001203000123', address: 'Số 5 Lý Thường Kiệt, Hà Nội', phone: '0987654321' }, request: { title: 'Máy gặt đập liên hợp', hasPriority: false } },
      components: [{ code: 'TP01', fileIds: [fileId], digitization: { pageCount: 2, checks: { count: true, complete: true, pageOrder: true, integrity: true } } }],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function step(login: TestLogin, view: View, body: Record<string, unknown>): Promise<View> {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${view.id}/actions`, headers: { ...login.headers, 'if-match': `"${view.version}"` }, payload: body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The rest of the workflow after receipt, one action at a time. */
const WORKFLOW: Array<() => [TestLogin, Record<string, unknown>]> = [
  () => [receiver, { type: 'transfer' }],
  () => [leader, { type: 'assign', assignee: specialist.accountId }],
  () => [specialist, { type: 'examine', opinion: 'Hồ sơ đủ điều kiện.' }],
  () => [leader, { type: 'approve' }],
  () => [leader, { type: 'issue_result', outcome: 'granted', summary: 'Cấp văn bằng bảo hộ' }],
  () => [receiver, { type: 'return_result', method: 'counter' }],
];

/** Takes the workflow's step `index` (after receipt). */
function advance(view: View, index: number): Promise<View> {
  const [login, body] = WORKFLOW[index]!();
  return step(login, view, body);
}

/** Runs the due jobs until none is left (each run is one retry round: the backoff is zero). */
async function drain(): Promise<void> {
  for (let i = 0; i < 100; i++) if ((await t.app.jobs.runDue()) === 0) return;
  throw new Error('the jobs did not settle');
}

async function current(id: string) {
  const loaded = await t.app.dossiers.service.syncRecordForDelivery(id);
  const { QuaTrinhXuLy, ...record } = loaded!.record;
  return { record, history: QuaTrinhXuLy };
}

/** The portal holds the dossier's current record and its whole history, each entry once, in order. */
async function expectDelivered(view: View, options: { seeded?: boolean } = {}): Promise<void> {
  const { record, history } = await current(view.id);
  const held = portal.dossiers.get(view.code);
  expect(held, `the portal holds ${view.code}`).toBeDefined();
  expect(held!.record).toEqual(record);
  expect(held!.process).toEqual(history);
  // Every entry was applied once: the applied process requests carry the history exactly.
  const sent = portal
    .receivedFor(view.code)
    .filter((r) => r.operation === 'process' && r.applied)
    .flatMap((r) => r.items);
  expect(sent).toEqual(history);
  // One dossier, created once (by this system, or before it when seeded).
  expect(portal.receivedFor(view.code).filter((r) => r.operation === 'create' && r.applied)).toHaveLength(options.seeded ? 0 : 1);
  const status = await t.app.inject({ url: `/api/v1/dossiers/${view.id}/portal-sync`, headers: receiver.headers });
  expect(status.json()).toMatchObject({ state: 'synced', onPortal: true, attempts: 0, lastError: null, syncedSeq: view.version, processEntriesSent: history.length });
}

const operations = (code: string) => portal.receivedFor(code).map((r) => r.operation);

describe('delivery of a dossier to the national portal', () => {
  it('creates the dossier, then updates it on each later change, and shows the state to its officers', async () => {
    let d = await intake();
    await drain();
    expect(operations(d.code)).toEqual(['create', 'process']);
    d = await advance(d, 0);
    await drain();
    expect(operations(d.code)).toEqual(['create', 'process', 'update', 'process']);
    expect(portal.dossiers.get(d.code)!.versions.map((v) => v.TrangThaiHoSo)).toEqual(['2', '4']);
    await expectDelivered(d);

    const res = await t.app.inject({ url: `/api/v1/dossiers/${d.id}/portal-sync`, headers: receiver.headers });
    expect(res.statusCode, res.body).toBe(200);
    const calls = res.json().recentCalls as Array<{ operation: string; outcome: string; httpStatus: number; errorCode: string; requestDigest: string; durationMs: number }>;
    expect(calls.map((c) => c.operation)).toEqual(['process', 'update', 'process', 'create']);
    expect(calls.every((c) => c.outcome === 'ok' && c.httpStatus === 200 && c.errorCode === '0' && c.durationMs >= 0)).toBe(true);
    // The digest is of the body as sent (the emulator keeps what it received).
    const sentCreate = JSON.stringify(portal.receivedFor(d.code)[0]!.items);
    expect(calls.at(-1)!.requestDigest).toBe(createHash('sha256').update(sentCreate).digest('hex'));

    // Officers of other units do not learn of the dossier; citizens hold no such permission.
    expect((await t.app.inject({ url: `/api/v1/dossiers/${d.id}/portal-sync`, headers: foreignOfficer.headers })).statusCode).toBe(404);

    // The quality index reads what the portal holds.
    const day = 86_400_000;
    expect(await t.app.portalSync.syncedDossierCodes({ from: new Date(Date.now() - day), to: new Date(Date.now() + day) })).toContain(d.code);
    expect(await t.app.portalSync.syncedDossierCodes({ from: new Date(Date.now() + day), to: new Date(Date.now() + 2 * day) })).not.toContain(d.code);
    expect(await t.app.portalSync.isSynced(d.code)).toBe(true);
    const next = await intake();
    expect(await t.app.portalSync.isSynced(next.code)).toBe(false);
    await drain();
    expect(await t.app.portalSync.isSynced(next.code)).toBe(true);
  });

  it('turns a create the portal answers with "đã tồn tại" into an update, and never creates again', async () => {
    let d = await intake();
    const { record } = await current(d.id);
    portal.seed({ ...record, TrangThaiHoSo: '1', ChuHoSo: 'Bản ghi cũ' });
    await drain();
    const received = portal.receivedFor(d.code);
    expect(received.map((r) => r.operation)).toEqual(['create', 'update', 'process']);
    expect(received[0]!.answer).toMatchObject({ error_code: '3' });
    expect((received[0]!.answer as { message: string }).message).toContain('đã tồn tại');
    expect(received[0]!.applied).toBe(false);
    await expectDelivered(d, { seeded: true });
    const calls = (await t.app.inject({ url: `/api/v1/dossiers/${d.id}/portal-sync`, headers: receiver.headers })).json().recentCalls;
    expect(calls.map((c: { outcome: string }) => c.outcome)).toEqual(['ok', 'ok', 'exists']);
    d = await advance(d, 0);
    await drain();
    expect(operations(d.code)).toEqual(['create', 'update', 'process', 'update', 'process']);
  });

  it('sends a long process history in chunks of 10, and later only the entries not yet sent', async () => {
    let d = await intake();
    d = await advance(d, 0);
    d = await advance(d, 1);
    // Reassignments at the examine step (each with a reason) lengthen the history.
    for (let i = 0; i < 5; i++) d = await step(leader, d, { type: 'assign', assignee: (i % 2 === 0 ? specialist2 : specialist).accountId, reason: `Điều chỉnh phân công lần ${i + 1}` });
    d = await step(specialist2, d, { type: 'examine', opinion: 'Đủ điều kiện.' });
    d = await advance(d, 3);
    d = await advance(d, 4);
    await drain();
    const process = portal.receivedFor(d.code).filter((r) => r.operation === 'process');
    expect(process.map((r) => r.items.length)).toEqual([10, 1]);
    d = await advance(d, 5);
    await drain();
    expect(portal.receivedFor(d.code).filter((r) => r.operation === 'process').map((r) => r.items.length)).toEqual([10, 1, 1]);
    const calls = (await t.app.inject({ url: `/api/v1/dossiers/${d.id}/portal-sync`, headers: receiver.headers })).json().recentCalls;
    expect(calls.filter((c: { operation: string }) => c.operation === 'process').map((c: { chunkStart: number }) => c.chunkStart)).toEqual([11, 10, 0]);
    await expectDelivered(d);
    expect(portal.dossiers.get(d.code)!.process).toHaveLength(12);
  });

  it('retries refusals with error codes, showing the error meanwhile', async () => {
    portal.set({ failNext: [{ error_code: '-1', message: 'Lỗi hệ thống' }, { error_code: '500', message: 'Máy chủ đang bận' }] });
    const d = await intake();
    await t.app.jobs.runDue(); // the action's event: the delivery job is queued
    await t.app.jobs.runDue(); // attempt 1
    let status = (await t.app.inject({ url: `/api/v1/dossiers/${d.id}/portal-sync`, headers: receiver.headers })).json();
    expect(status).toMatchObject({ state: 'error', attempts: 1, lastErrorCode: '-1', retrying: true, onPortal: false });
    expect(status.lastError).toContain('Lỗi hệ thống');
    await t.app.jobs.runDue(); // attempt 2
    status = (await t.app.inject({ url: `/api/v1/dossiers/${d.id}/portal-sync`, headers: receiver.headers })).json();
    expect(status).toMatchObject({ state: 'error', attempts: 2, lastErrorCode: '500' });
    // The administrators' list of failing dossiers.
    const list = await t.app.inject({ url: '/api/v1/portal-sync?state=error', headers: admin.headers });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((i: { dossierCode: string }) => i.dossierCode)).toContain(d.code);
    expect((await t.app.inject({ url: '/api/v1/portal-sync?state=error', headers: auditor.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/portal-sync?state=error', headers: receiver.headers })).statusCode).toBe(403);
    await drain();
    expect(operations(d.code)).toEqual(['create', 'create', 'create', 'process']);
    await expectDelivered(d);
  });

  it('delivers every dossier exactly once when the portal answers random error codes', async () => {
    // mulberry32: a seeded source, so the run is the same every time.
    let seed = 7;
    portal.random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
    portal.set({ errorRate: 0.4 });
    const views: View[] = [];
    for (let i = 0; i < 3; i++) {
      let d = await intake(`Người nộp ${i}`);
      d = await advance(d, 0);
      views.push(d);
      await t.app.jobs.runDue();
    }
    await drain();
    portal.random = Math.random;
    const refused = portal.received.filter((r) => r.answer !== 'dropped' && r.answer.error_code !== '0');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => portal.knobs.errorCodes.includes((r.answer as { error_code: string }).error_code))).toBe(true);
    for (const d of views) await expectDelivered(d);
  });

  it('never makes a second dossier when the portal applies a message but its answer is lost', async () => {
    // The connection drops after the create was applied: the retry's create says "đã tồn tại".
    portal.set({ loseNextAnswers: 1 });
    let d = await intake();
    await drain();
    const received = portal.receivedFor(d.code);
    expect(received.map((r) => [r.operation, r.applied, r.answer === 'dropped' ? 'dropped' : r.answer.error_code])).toEqual([
      ['create', true, 'dropped'],
      ['create', false, '3'],
      ['update', true, '0'],
      ['process', true, '0'],
    ]);
    await expectDelivered(d);
    // An update whose answer comes after the client's time limit (1 s here) is sent again.
    portal.set({ loseNextAnswers: 1, lostAnswerDelayMs: 1500 });
    d = await advance(d, 0);
    await drain();
    const calls = (await t.app.inject({ url: `/api/v1/dossiers/${d.id}/portal-sync`, headers: receiver.headers })).json().recentCalls;
    expect(calls.slice(0, 3).map((c: { operation: string; outcome: string }) => `${c.operation}:${c.outcome}`)).toEqual(['process:ok', 'update:ok', 'update:failed']);
    expect(calls[2].message).toMatch(/no answer within 1000 ms/);
    expect([...portal.dossiers.keys()].filter((code) => code === d.code)).toHaveLength(1);
    await expectDelivered(d);
  });

  it('keeps taking dossiers while the portal is down for an hour, then delivers every one exactly once, in order', async () => {
    const defaults = loadConfig({ NODE_ENV: 'test' });
    const backoff = { backoffMs: defaults.JOB_BACKOFF_MS, backoffMaxMs: defaults.JOB_BACKOFF_MAX_MS };
    // The default schedule: the attempts it makes in an hour, and how long it keeps trying at least.
    const rounds = attemptsWithin(3_600_000, defaults.DVCQG_SYNC_MAX_ATTEMPTS, backoff);
    expect(rounds).toBeGreaterThanOrEqual(8);
    expect(rounds).toBeLessThan(defaults.DVCQG_SYNC_MAX_ATTEMPTS);
    expect(retryWindowMs(defaults.DVCQG_SYNC_MAX_ATTEMPTS, backoff).minMs).toBeGreaterThanOrEqual(10 * 3_600_000);

    portal.set({ down: true });
    const views: View[] = [];
    const progress: number[] = [];
    for (let round = 0; round < rounds; round++) {
      if (round < 3) {
        views.push(await intake(`Người nộp ${round}`));
        progress.push(0);
      }
      // Intake and processing go on: each dossier takes its next step in every round.
      for (let i = 0; i < views.length; i++) {
        if (progress[i]! < WORKFLOW.length) {
          views[i] = await advance(views[i]!, progress[i]!);
          progress[i]!++;
        }
      }
      await t.app.jobs.runDue();
    }
    expect(portal.dossiers.size).toBe(0);
    expect(portal.received).toHaveLength(0);
    expect(views.map((v) => v.status)).toEqual([10, 10, 10]);
    const first = (await t.app.inject({ url: `/api/v1/dossiers/${views[0]!.id}/portal-sync`, headers: receiver.headers })).json();
    expect(first).toMatchObject({ state: 'error', onPortal: false, retrying: true, syncedSeq: 0 });
    expect(first.attempts).toBeGreaterThanOrEqual(rounds - 2);
    expect(first.lastError).toMatch(/create: network/);

    portal.set({ down: false });
    await drain();
    for (const d of views) {
      // The latest state, once: one create and the whole history, in the log's order.
      expect(operations(d.code)).toEqual(['create', 'process']);
      await expectDelivered(d);
      const times = portal.dossiers.get(d.code)!.process.map((p) => String(p.ThoiDiemXuLy));
      expect([...times].sort()).toEqual(times);
    }
    const counts = await t.app.portalSync.counts();
    expect(counts.error).toBe(0);
    // Operations see the same in the metrics.
    const metrics = await t.app.inject({ url: '/metrics', headers: admin.headers });
    expect(metrics.body).toContain('portal_sync_dossiers{state="error"} 0');
    expect(metrics.body).toMatch(new RegExp(`portal_sync_dossiers\\{state="synced"\\} ${counts.synced}\\b`));
  });

  it('is retried on request after its job gave up', async () => {
    portal.set({ down: true });
    const d = await intake();
    await drain(); // every attempt fails, until the job gives up
    const given = (await t.app.inject({ url: `/api/v1/dossiers/${d.id}/portal-sync`, headers: receiver.headers })).json();
    expect(given).toMatchObject({ state: 'error', attempts: t.config.DVCQG_SYNC_MAX_ATTEMPTS, retrying: false });
    // The admin's retry queues a new delivery at once (also while one waits for its backoff).
    const retry = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/portal-sync/retry`, headers: admin.headers });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json()).toMatchObject({ retrying: true });
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/portal-sync/retry`, headers: receiver.headers })).statusCode).toBe(403);
    portal.set({ down: false });
    expect(await t.app.portalSync.retryAllErrors()).toBeGreaterThanOrEqual(1);
    await drain();
    await expectDelivered(d);
    expect(await t.app.portalSync.retryByCode('KHONG-CO-123')).toBe(false);
  });

  it('never runs two deliveries of one dossier at once, even with two jobs for it', async () => {
    const d = await intake();
    await t.app.jobs.runDue(); // the event: a delivery job is queued
    expect(await t.app.portalSync.retryByCode(d.code)).toBe(true); // and a second one
    portal.set({ slowMs: 300 });
    // Both jobs are due and two runners take them at once: one holds the lease, the other is refused and retried.
    await Promise.all([t.app.jobs.runDue(), t.app.jobs.runDue()]);
    const refused = await t.db.selectFrom('job').select('last_error').where('topic', '=', 'portal_sync.deliver').where('key', 'like', `${d.id}:%`).execute();
    expect(refused.map((j) => j.last_error)).toContain('Error: another delivery of this dossier is running');
    portal.set({ slowMs: 0 });
    await drain();
    expect(operations(d.code)).toEqual(['create', 'process']);
    await expectDelivered(d);
  });

  it('queues the dossiers that were never queued (stored before delivery was on, or in bulk)', async () => {
    const d = await intake();
    await drain();
    // As if the dossier had been stored before this system delivered anything.
    await t.db.deleteFrom('portal_sync').where('dossier_id', '=', d.id).execute();
    portal.reset();
    expect(await t.app.portalSync.queueUnqueued()).toBe(1);
    expect(await t.app.portalSync.queueUnqueued()).toBe(0);
    await drain();
    expect(operations(d.code)).toEqual(['create', 'process']);
    await expectDelivered(d);
  });

  it('sends the configured credential; a wrong one is refused by the portal', async () => {
    const wrong = new DvcqgSyncClient({
      url: `${url}${DVCQG_EMULATOR_PREFIX}`,
      paths: { create: t.config.DVCQG_SYNC_CREATE_PATH, update: t.config.DVCQG_SYNC_UPDATE_PATH, process: t.config.DVCQG_SYNC_PROCESS_PATH },
      token: 'not-the-issued-token-0123',
      authHeader: 'authorization',
      timeoutMs: 1000,
    });
    const answer = await wrong.send('create', [{ MaHoSo: 'X' }]);
    expect(answer).toMatchObject({ ok: false, failure: 'rejected', httpStatus: 401, errorCode: '401' });
    expect(portal.received).toHaveLength(0);
  });
});

describe('configuration of the delivery', () => {
  const caught = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (error) {
      return error as ConfigError;
    }
    return undefined;
  };
  const production = {
    NODE_ENV: 'production',
    OIDC_ISSUER: 'https://sso.example.gov.vn',
    POPULATION_API_URL: 'https://lgsp.example.gov.vn/dan-cu',
    PAYGOV_URL: 'https://paygov.example.gov.vn/api',
    PAYGOV_SECRET: 'partner-secret-0123456789',
  };

  it('names the wrong setting in one line', () => {
    for (const [variable, value] of [
      ['DVCQG_SYNC_URL', 'cong-dvc'],
      ['DVCQG_SYNC_CHUNK', '0'],
      ['DVCQG_SYNC_CREATE_PATH', 'themmoi'],
      ['DVCQG_SYNC_AUTH_HEADER', 'x key'],
      ['DVCQG_SYNC_TOKEN', 'short'],
      ['DVCQG_SYNC_MAX_ATTEMPTS', '0'],
      ['DVCQG_EMULATOR', 'maybe'],
    ] as const) {
      const error = caught({ NODE_ENV: 'test', [variable]: value });
      expect(error, variable).toBeInstanceOf(ConfigError);
      expect(error!.variable).toBe(variable);
      expect(error!.message.split('\n')).toHaveLength(1);
    }
  });

  it('needs the issued credential in production once the portal’s address is set', () => {
    expect(caught({ ...production, DVCQG_SYNC_URL: 'https://dichvucong.gov.vn/api/dongbo' })?.variable).toBe('DVCQG_SYNC_TOKEN');
    expect(caught({ ...production, DVCQG_SYNC_URL: 'https://dichvucong.gov.vn/api/dongbo', DVCQG_SYNC_TOKEN: 'motcua-dvcqg-demo-token' })?.variable).toBe('DVCQG_SYNC_TOKEN');
    expect(caught({ ...production, DVCQG_SYNC_URL: 'https://dichvucong.gov.vn/api/dongbo', DVCQG_SYNC_TOKEN: 'issued-token-0123456789' })).toBeUndefined();
    // Without an address in production: delivery is off (the start warns), never the emulator.
    expect(caught(production)).toBeUndefined();
    expect(portalSyncOn(loadConfig(production))).toBe(false);
    expect(dvcqgEmulatorOn(loadConfig(production))).toBe(false);
    expect(portalSyncOn(loadConfig({ ...production, DVCQG_SYNC_URL: 'https://dichvucong.gov.vn/api/dongbo', DVCQG_SYNC_TOKEN: 'issued-token-0123456789' }))).toBe(true);
    expect(portalSyncOn(loadConfig({ ...production, DVCQG_EMULATOR: 'true' }))).toBe(true);
    // Elsewhere the emulator stands in, unless delivery is turned off.
    expect(portalSyncOn(loadConfig({ NODE_ENV: 'development' }))).toBe(true);
    expect(portalSyncOn(loadConfig({ NODE_ENV: 'development', DVCQG_SYNC: 'false' }))).toBe(false);
  });
});

describe('the retry schedule of a delivery (the jobs module’s backoff)', () => {
  const backoff = { backoffMs: 1000, backoffMaxMs: 60_000 };
  it('lasts between the sums of the shortest and the longest jittered delays', () => {
    // Delays before attempts 2, 3, 4: nominal 1, 2, 4 s, jittered into [½, 1] of it.
    expect(retryWindowMs(4, backoff)).toEqual({ minMs: 3500, maxMs: 7000 });
    expect(retryWindowMs(1, backoff)).toEqual({ minMs: 0, maxMs: 0 });
    // The cap: from the 7th delay on (64 s nominal), 60 s.
    expect(retryWindowMs(10, backoff).minMs).toBe(500 + 1000 + 2000 + 4000 + 8000 + 16_000 + 30_000 + 30_000 + 30_000);
  });
  it('counts the attempts made within a span at the shortest delays', () => {
    expect([0, 499, 500, 1500, 1501, 3500, 1e9].map((span) => attemptsWithin(span, 4, backoff))).toEqual([1, 1, 2, 3, 3, 4, 4]);
  });
});
