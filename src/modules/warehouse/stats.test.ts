// The digitization figures against hand-counted dossiers: two received (one at the counter,
// digitized and exempted; one online, received later), one submitted online and never received;
// both received ones reach a result, one with its file (electronic), one without.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { toLocalDate } from '../../core/calendar/index.ts';
import { createDossierTestApp, publishProcedure, SAMPLE_FORM_DATA, TEST_CITIZEN_ID, TEST_PROCEDURE_CODE, type DossierTestApp } from '../dossiers/testing.ts';
import { pdfSample } from '../files/testing.ts';
import { up as restoreOutcomes } from '../../db/migrations/0039-result-outcome.ts';
import { digitizationStats } from './store.ts';
import { ALL_CHECKS, multipartBody, reuseContent } from './testing.ts';

let t: DossierTestApp;
let citizen: TestLogin;
let receiver: TestLogin;
let leader: TestLogin;
let specialist: TestLogin;
let foreign: TestLogin;
let n = 0;

beforeAll(async () => {
  t = await createDossierTestApp({ content: reuseContent() });
  citizen = await loginAs(t.db, { kind: 'citizen', personalId: TEST_CITIZEN_ID, fullName: 'Nguyễn Thị Thu Hà', acr: 'LoA2' });
  receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
  leader = await loginAs(t.db, { kind: 'officer', username: 'lanhdao', roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] });
  specialist = await loginAs(t.db, { kind: 'officer', username: 'chuyenvien1', roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] });
  foreign = await loginAs(t.db, { kind: 'officer', username: 'phapche', roles: [{ role: 'unit_leader', unitId: 'vu-phap-che' }] });
}, 60_000);
afterAll(async () => {
  await t?.close();
});

async function file(login: TestLogin): Promise<string> {
  const body = await multipartBody({}, { bytes: pdfSample(++n), name: 'tep.pdf' });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...login.headers, 'content-type': body.contentType }, payload: body.payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function act(login: TestLogin, d: { id: string; version: number }, body: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/actions`, headers: { ...login.headers, 'if-match': `"${d.version}"` }, payload: body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function toResult(d: { id: string; version: number }, resultFiles: string[], outcome: 'granted' | 'refused' = 'granted', assignee = specialist) {
  d = await act(receiver, d, { type: 'transfer' });
  d = await act(leader, d, { type: 'assign', assignee: assignee.accountId });
  d = await act(assignee, d, { type: 'examine', opinion: outcome === 'granted' ? 'Đủ điều kiện' : 'Không đủ điều kiện' });
  d = await act(leader, d, { type: 'approve' });
  return act(leader, d, { type: 'issue_result', outcome, ...(outcome === 'granted' ? { fileIds: resultFiles } : { summary: 'Không đáp ứng điều kiện bảo hộ' }) });
}

const today = () => toLocalDate(new Date());

describe('GET /api/v1/digitization/stats', () => {
  it('counts per unit and procedure what was hand-counted', async () => {
    const counter = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: receiver.headers,
      payload: {
        procedureCode: TEST_PROCEDURE_CODE,
        channel: 'direct',
        applicant: { kind: 'citizen', idNumber: '001203000123', name: 'Trần Văn Đức' },
        data: { applicant: { fullName: 'Trần Văn Đức', personalId: '001203000123', address: 'Số 5 Lý Thường Kiệt, Hà Nội', phone: '0987654321' }, request: { title: 'Máy gặt', hasPriority: false } },
        components: [
          { code: 'TP01', fileIds: [await file(receiver)], digitization: { pageCount: 2, checks: ALL_CHECKS } },
          { code: 'TP02', fileIds: [], digitization: { exemption: 'shown_only' } },
        ],
      },
    });
    expect(counter.statusCode, counter.body).toBe(201);
    const online = async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: citizen.headers, payload: { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [await file(citizen)] }, { code: 'TP02', fileIds: [await file(citizen)] }] } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const b = await act(receiver, await online(), { type: 'receive' });
    await online(); // submitted, never received: not counted

    await toResult(counter.json(), [await file(leader)]);
    await toResult(b, []);
    for (let i = 0; i < 10 && (await t.app.jobs.runDue()) > 0; i++);

    const q = `from=${today()}&to=${today()}`;
    const res = await t.app.inject({ url: `/api/v1/digitization/stats?${q}`, headers: leader.headers });
    expect(res.statusCode, res.body).toBe(200);
    // Hand count: received 2 (counter + online b); digitized components in both (TP01 scanned; b's
    // uploads count, DIGITIZATION_ONLINE_FILES_FLAGGED=true); no reuse; TP03 replaced by population
    // data in both; results 2 (both granted, the procedure produces a document), both electronic:
    // issue_result signs the result document itself, whether or not the officer adds files.
    const expected = { dossiers: 2, digitized: 2, reused: 0, populationReplaced: 2, results: 2, electronicResults: 2 };
    expect(res.json().items).toEqual([{ unitId: 'cuc-shtt-sang-che', procedureCode: TEST_PROCEDURE_CODE, ...expected }]);
    expect(res.json().total).toEqual(expected);

    // Another procedure, another period, a unit with none: nothing.
    expect((await t.app.inject({ url: `/api/v1/digitization/stats?${q}&procedure=1.000001`, headers: leader.headers })).json().total.dossiers).toBe(0);
    expect((await t.app.inject({ url: '/api/v1/digitization/stats?from=2020-01-01&to=2020-01-31', headers: leader.headers })).json().items).toEqual([]);
    // The leader of another unit sees none of these, and may not ask for a unit they do not cover.
    expect((await t.app.inject({ url: `/api/v1/digitization/stats?${q}`, headers: foreign.headers })).json().items).toEqual([]);
    expect((await t.app.inject({ url: `/api/v1/digitization/stats?${q}&unit=cuc-shtt`, headers: foreign.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/digitization/stats?${q}`, headers: citizen.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/digitization/stats?from=${today()}&to=2020-01-01`, headers: leader.headers })).statusCode).toBe(422);
  }, 60_000);

  it('counts per unit and per procedure apart; reuse from the warehouse; a refusal is no result; a procedure without a result document has none', async () => {
    // A second procedure, processed by another unit (trademarks), whose result is not a document.
    const NO_DOCUMENT = '1.009904';
    await publishProcedure(
      t,
      NO_DOCUMENT,
      reuseContent({
        implementingUnits: [
          { unitId: 'bo-phan-mot-cua', role: 'receives' },
          { unitId: 'cuc-shtt', role: 'decides' },
          { unitId: 'cuc-shtt-nhan-hieu', role: 'processes' },
        ],
        result: { producesDocument: false, name: 'Thông báo kết quả' },
      }),
    );
    const trademarks = await loginAs(t.db, { kind: 'officer', username: 'chuyenvien.nhanhieu', roles: [{ role: 'specialist', unitId: 'cuc-shtt-nhan-hieu' }] });
    const before = async () => (await t.app.inject({ url: `/api/v1/digitization/stats?from=${today()}&to=${today()}`, headers: leader.headers })).json();
    const base = await before();
    const counter = async (code: string, idNumber: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: receiver.headers,
        payload: {
          procedureCode: code,
          channel: 'direct',
          applicant: { kind: 'citizen', idNumber, name: 'Lê Văn Nam' },
          data: { applicant: { fullName: 'Lê Văn Nam', personalId: idNumber, address: 'Số 9 Tràng Tiền, Hà Nội', phone: '0987654322' }, request: { title: 'Nhãn hiệu', hasPriority: false } },
          components: [
            { code: 'TP01', fileIds: [await file(receiver)], digitization: { pageCount: 1, checks: ALL_CHECKS } },
            { code: 'TP02', fileIds: [], digitization: { exemption: 'shown_only' } },
          ],
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    // 1. Patents: refused after review.
    const refused = await counter(TEST_PROCEDURE_CODE, '001203000124');
    await toResult(refused, [], 'refused');
    // 2. Patents: online, TP02 reused from the citizen's warehouse, granted.
    const body = await multipartBody({ documentType: 'VBBH-SHCN', title: 'Văn bằng bảo hộ số 12345', issuer: 'Cục Sở hữu trí tuệ', number: '12345', issuedOn: '2023-04-01' }, { bytes: pdfSample(++n), name: 'vbbh.pdf' });
    const doc = await t.app.inject({ method: 'POST', url: '/api/v1/me/warehouse', headers: { ...citizen.headers, 'content-type': body.contentType }, payload: body.payload });
    expect(doc.statusCode, doc.body).toBe(201);
    const online = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: citizen.headers, payload: { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [await file(citizen)] }, { code: 'TP02', fileIds: [], warehouseDocumentIds: [doc.json().id] }] } });
    expect(online.statusCode, online.body).toBe(201);
    await toResult(await act(receiver, online.json(), { type: 'receive' }), []);
    // 3. Trademarks (the procedure without a result document): granted.
    await toResult(await counter(NO_DOCUMENT, '001203000125'), [], 'granted', trademarks);
    for (let i = 0; i < 10 && (await t.app.jobs.runDue()) > 0; i++);

    const now = await before();
    const row = (items: Array<Record<string, unknown>>, unitId: string, procedureCode: string) => items.find((i) => i.unitId === unitId && i.procedureCode === procedureCode);
    const zero = { dossiers: 0, digitized: 0, reused: 0, populationReplaced: 0, results: 0, electronicResults: 0 };
    const patentsBefore = row(base.items, 'cuc-shtt-sang-che', TEST_PROCEDURE_CODE) ?? { unitId: 'cuc-shtt-sang-che', procedureCode: TEST_PROCEDURE_CODE, ...zero };
    const plus = (r: Record<string, unknown>, d: Partial<typeof zero>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? v + ((d as Record<string, number>)[k] ?? 0) : v]));
    // Hand count. Patents: 2 more received, both with digitized components, 1 reused, TP03
    // replaced by population data in both; 1 more result (the grant; the refusal is none), electronic.
    expect(row(now.items, 'cuc-shtt-sang-che', TEST_PROCEDURE_CODE)).toEqual(plus(patentsBefore, { dossiers: 2, digitized: 2, reused: 1, populationReplaced: 2, results: 1, electronicResults: 1 }));
    // Trademarks: 1 received, digitized, TP03 replaced; its procedure produces no document: no result counted.
    expect(row(now.items, 'cuc-shtt-nhan-hieu', NO_DOCUMENT)).toEqual({ unitId: 'cuc-shtt-nhan-hieu', procedureCode: NO_DOCUMENT, dossiers: 1, digitized: 1, reused: 0, populationReplaced: 1, results: 0, electronicResults: 0 });
    expect(now.total).toEqual(plus(base.total, { dossiers: 3, digitized: 3, reused: 1, populationReplaced: 3, results: 1, electronicResults: 1 }));
    // The refusal is kept with its outcome; counted as a result only where the installation says so
    // (DIGITIZATION_REFUSALS_ARE_RESULTS), as a result without an electronic document.
    expect(await t.db.selectFrom('dossier_digitization').select(['result_outcome', 'result_electronic']).where('dossier_id', '=', refused.id).executeTakeFirstOrThrow()).toEqual({ result_outcome: 'refused', result_electronic: false });
    const day = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000), unitIds: ['cuc-shtt-sang-che'], procedureCode: TEST_PROCEDURE_CODE };
    const [without, withRefusals] = [(await digitizationStats(t.db, { ...day, refusalsAreResults: false })).results, (await digitizationStats(t.db, { ...day, refusalsAreResults: true })).results];
    expect(withRefusals.map((r) => [Number(r.results) - Number(without[0]!.results), Number(r.electronic) - Number(without[0]!.electronic)])).toEqual([[1, 0]]);
    // Migration 0039 over the state 0037 left (no outcome column, the refusal's date cleared):
    // grants keep their date as 'granted', the refusal comes back from the dossier's log.
    const before0039 = await t.db.selectFrom('dossier_digitization').select(['dossier_id', 'result_issued_at', 'result_outcome', 'result_electronic']).orderBy('dossier_id').execute();
    await sql`alter table dossier_digitization drop column result_outcome`.execute(t.db);
    await sql`update dossier_digitization set result_issued_at = null where dossier_id = ${refused.id}`.execute(t.db);
    await restoreOutcomes(t.db as never);
    const after0039 = await t.db.selectFrom('dossier_digitization').select(['dossier_id', 'result_issued_at', 'result_outcome', 'result_electronic']).orderBy('dossier_id').execute();
    const refusedAt = await t.db.selectFrom('dossier_action').select('at').where('dossier_id', '=', refused.id).where('type', '=', 'issue_result').executeTakeFirstOrThrow();
    expect(after0039.find((r) => r.dossier_id === refused.id)).toEqual({ dossier_id: refused.id, result_issued_at: refusedAt.at, result_outcome: 'refused', result_electronic: false });
    expect(after0039.filter((r) => r.dossier_id !== refused.id)).toEqual(before0039.filter((r) => r.dossier_id !== refused.id));
    // One unit at a time.
    const trademarksOnly = (await t.app.inject({ url: `/api/v1/digitization/stats?from=${today()}&to=${today()}&unit=cuc-shtt-nhan-hieu`, headers: leader.headers })).json();
    expect(trademarksOnly.items.map((i: { unitId: string }) => i.unitId)).toEqual(['cuc-shtt-nhan-hieu']);
  }, 120_000);
});
