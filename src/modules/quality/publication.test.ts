// The monthly publication over HTTP: a dossier taken through its workflow, then the month frozen
// for the ministry and every unit. The frozen figure equals the index at that time; a second
// freeze changes nothing and the store refuses to change a frozen row; the public side shows the
// frozen figures (no dossier code, applicant or officer name), and, once the data changed, today's
// recompute beside them; the XLSX reads back and the PDF's text says the same; the portal's
// published figures reconcile against the frozen month per unit and group.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { toLocalDate } from '../../core/calendar/index.ts';
import { parsePeriod, periodBounds } from '../../core/quality/index.ts';
import { systemActor } from '../audit/service.ts';
import { createDossierTestApp, SAMPLE_FORM_DATA, TEST_CITIZEN_ID, TEST_PROCEDURE_CODE, type DossierTestApp } from '../dossiers/testing.ts';
import { pdfSample } from '../files/testing.ts';
import { previousMonth, rankByTotal } from './publication.ts';

let t: DossierTestApp;
let citizen: TestLogin;
let receiver: TestLogin;
let leader: TestLogin;
let specialist: TestLogin;
let minister: TestLogin;
let dossierCode: string;
const month = toLocalDate(new Date()).slice(0, 7);
const period = parsePeriod(month);
// The month is frozen once it is over: as of the first instant of the next month.
const afterMonth = new Date(periodBounds(period).endMs);

async function step(login: TestLogin, view: { id: string; version: number }, body: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${view.id}/actions`, headers: { ...login.headers, 'if-match': `"${view.version}"` }, payload: body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function submit() {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(pdfSample(7))], { type: 'application/pdf' }), 'To khai.pdf');
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const upload = await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...citizen.headers, 'content-type': request.headers.get('content-type')! }, payload: Buffer.from(await request.arrayBuffer()) });
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: citizen.headers,
    payload: { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [upload.json().id] }] },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json();
}

const drain = async () => {
  for (let i = 0; i < 20 && (await t.app.jobs.runDue()) > 0; i++);
};
const get = (url: string) => t.app.inject({ url });

beforeAll(async () => {
  t = await createDossierTestApp({ env: { JOB_BACKOFF_MS: '0', JOB_BACKOFF_MAX_MS: '0' } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  citizen = await loginAs(t.db, { kind: 'citizen', personalId: TEST_CITIZEN_ID, fullName: 'Nguyễn Thị Thu Hà', acr: 'LoA2' });
  receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
  leader = await loginAs(t.db, { kind: 'officer', username: 'lanhdao', roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] });
  specialist = await loginAs(t.db, { kind: 'officer', username: 'chuyenvien', roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] });
  minister = await loginAs(t.db, { kind: 'officer', username: 'thutruong', roles: [{ role: 'ministry_leader', unitId: 'bkhcn' }] });
  let d = await submit();
  d = await step(receiver, d, { type: 'receive' });
  d = await step(receiver, d, { type: 'transfer' });
  d = await step(leader, d, { type: 'assign', assignee: specialist.accountId });
  d = await step(specialist, d, { type: 'examine', opinion: 'Đủ điều kiện.' });
  d = await step(leader, d, { type: 'approve' });
  d = await step(leader, d, { type: 'issue_result', outcome: 'granted', summary: 'Cấp văn bằng' });
  d = await step(receiver, d, { type: 'return_result', method: 'online' });
  dossierCode = d.code;
  await drain();
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the rules of the publication', () => {
  it('freezes the month before the tick, in local time', () => {
    expect(previousMonth(new Date('2026-01-01T01:00:00+07:00'))).toBe('2025-12');
    // 18:00 UTC on 31 March is already 1 April in Hà Nội.
    expect(previousMonth(new Date('2026-03-31T18:00:00Z'))).toBe('2026-03');
  });

  it('ranks by total, equal totals sharing a rank', () => {
    const ranked = rankByTotal([{ id: 'a', total: 50 }, { id: 'b', total: 70 }, { id: 'c', total: 50 }, { id: 'd', total: 10 }], (x, y) => x.id.localeCompare(y.id));
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([['b', 1], ['a', 2], ['c', 2], ['d', 4]]);
  });
});

describe('the monthly publication', () => {
  it('publishes nothing before a month is frozen, and refuses to freeze a month not over', async () => {
    expect((await get('/api/v1/public/quality/months')).json()).toEqual({ items: [] });
    const res = await get(`/api/v1/public/quality/months/${month}`);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect((await get('/api/v1/public/quality/months/2026-13')).statusCode).toBe(422);
    await expect(t.app.quality.publication!.freeze(month, { by: systemActor('test') })).rejects.toThrow(/not over/);
  });

  it('freezes the ministry and every unit with the index at that time, once', async () => {
    const publication = t.app.quality.publication!;
    const atFreeze = await t.app.quality.facts!.index(period, {}, afterMonth);
    const first = await publication.freeze(month, { by: systemActor('test'), now: afterMonth });
    const tree = await t.app.units.tree();
    const units = tree.ids().filter((id) => tree.isActive(id) && tree.parentOf(id) !== null);
    expect(first).toEqual({ month, frozen: units.length + 1, kept: 0 });
    const row = await t.db.selectFrom('quality_publication').selectAll().where('month', '=', month).where('scope', '=', 'ministry').executeTakeFirstOrThrow();
    const frozen = row.result as typeof atFreeze;
    expect({ total: frozen.total, band: frozen.band, groups: frozen.groups, dossiers: frozen.dossiers }).toEqual({ total: atFreeze.total, band: atFreeze.band, groups: atFreeze.groups, dossiers: 1 });
    // The officers' real-time index says the same for the finished dossier.
    const api = (await t.app.inject({ url: `/api/v1/quality/index?period=${month}`, headers: minister.headers })).json();
    expect(api.total).toBe(frozen.total);

    const second = await publication.freeze(month, { by: systemActor('test'), now: new Date(afterMonth.getTime() + 86_400_000) });
    expect(second).toEqual({ month, frozen: 0, kept: units.length + 1 });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'quality.month.freeze').execute();
    expect(audit.map((a) => a.entity_id)).toEqual([month]);
    // The store refuses to change a frozen month.
    await expect(t.db.updateTable('quality_publication').set({ dossiers: 5 }).where('month', '=', month).execute()).rejects.toThrow(/never changes/);
    await expect(t.db.deleteFrom('quality_publication').where('month', '=', month).execute()).rejects.toThrow(/never changes/);
  });

  it('serves the frozen month with the units ranked, aggregate figures only', async () => {
    expect((await get('/api/v1/public/quality/months')).json().items.map((m: { month: string }) => m.month)).toEqual([month]);
    const res = await get(`/api/v1/public/quality/months/${month}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.ministry.result.dossiers).toBe(1);
    expect(body.ministry.current).toBeNull();
    const shtt = body.units.find((u: { unitId: string }) => u.unitId === 'cuc-shtt');
    expect(shtt).toMatchObject({ nameVi: expect.any(String), result: { dossiers: 1 }, current: null });
    const totals = body.units.map((u: { total: number }) => u.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(body.units[0].rank).toBe(1);
    expect(res.body).not.toContain(dossierCode);
    expect(res.body).not.toContain('Nguyễn');
    expect(res.body).not.toContain('explain');
  });

  it('drills down to a unit and a procedure', async () => {
    const res = await get(`/api/v1/public/quality/months/${month}/units/cuc-shtt?procedure=${TEST_PROCEDURE_CODE}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.result.dossiers).toBe(1);
    expect(body.procedure).toMatchObject({ code: TEST_PROCEDURE_CODE, result: { dossiers: 1 } });
    expect(body.procedure.result.groups.TDGQ.indicators['2.1']).toMatchObject({ numerator: 1, denominator: 1 });
    expect(res.body).not.toContain(dossierCode);
    expect((await get(`/api/v1/public/quality/months/${month}/units/khong-co`)).statusCode).toBe(404);
  });

  it('gives the trend of frozen months and the plan targets', async () => {
    const trend = (await get('/api/v1/public/quality/trend')).json();
    expect(trend.items).toHaveLength(1);
    expect(trend.items[0]).toMatchObject({ month, groups: { TDGQ: 20 } });
    const targets = (await get(`/api/v1/public/quality/targets?month=${month}`)).json();
    // The dossier was submitted online by the citizen.
    expect(targets.processedOnline).toMatchObject({ numerator: 1, denominator: 1, value: 100, target: 60, comparison: '>', met: true });
    expect(targets.satisfaction).toMatchObject({ target: 90, denominator: 0, value: null, met: null });
    expect(targets.resultsDigitized.target).toBe(100);
  });

  it('shows a recompute that differs beside the frozen figure, never over it', async () => {
    const d = await submit();
    await step(receiver, d, { type: 'receive' });
    await drain();
    const body = (await get(`/api/v1/public/quality/months/${month}`)).json();
    // The frozen figure stands; today's recompute is beside it.
    expect(body.ministry.result.dossiers).toBe(1);
    expect(body.ministry.current).toMatchObject({ dossiers: 2 });
    const row = await t.db.selectFrom('quality_publication').select('dossiers').where('month', '=', month).where('scope', '=', 'ministry').executeTakeFirstOrThrow();
    expect(row.dossiers).toBe(1);
    // A unit the new dossier is not in shows no recompute.
    const other = body.units.find((u: { unitId: string }) => u.unitId === 'vu-phap-che');
    expect(other.current).toBeNull();
    const trend = (await get('/api/v1/public/quality/trend')).json();
    expect(trend.items[0].total).toBe(body.ministry.result.total);
  });

  it('downloads the month as XLSX and PDF with the same figures', async () => {
    const body = (await get(`/api/v1/public/quality/months/${month}`)).json();
    const xlsx = await get(`/api/v1/public/quality/months/${month}/results.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ministry = workbook.getWorksheet('Toàn Bộ')!;
    expect(String(ministry.getCell('A2').value)).toBe(`Tổng điểm: ${body.ministry.result.total} / ${body.ministry.result.totalMax}`);
    const units = workbook.getWorksheet('Đơn vị')!;
    expect(units.rowCount).toBe(body.units.length + 1);
    expect(units.getRow(2).getCell(2).value).toBe(body.units[0].nameVi);
    expect(units.getRow(2).getCell(3).value).toBe(body.units[0].result.total);

    const pdf = await get(`/api/v1/public/quality/months/${month}/results.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'motcua-766-')), 'm.pdf');
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(text).toContain('ĐÁNH GIÁ CHẤT LƯỢNG PHỤC VỤ');
    expect(text).toContain(`xếp loại ${body.ministry.result.band}`);
    expect(text).toContain('Xếp hạng đơn vị');
    expect(text).not.toContain(dossierCode);
  });

  it('reconciles the national portal’s published figures with the frozen month, per unit and group (officers only)', async () => {
    const body = (await get(`/api/v1/public/quality/months/${month}`)).json();
    const shtt = body.units.find((u: { unitId: string }) => u.unitId === 'cuc-shtt');
    const evaluation = {
      code: 'OK',
      data: {
        overview: { departmentCode: 'G22', departmentName: 'Bộ Khoa học và Công nghệ', totalScore: body.ministry.result.total - 5, totalMaxScore: 100, groupScores: { TDGQ: 15 } },
        children: [
          { departmentCode: 'G22.10', departmentName: 'Cục Sở hữu trí tuệ', totalScore: shtt.result.total, groupScores: { TDGQ: shtt.result.groups.TDGQ.score } },
          { departmentCode: 'X99', departmentName: 'Không có', totalScore: 50, groupScores: {} },
        ],
      },
    };
    const url = `/api/v1/quality/reconciliation/${month}`;
    const refused = await t.app.inject({ method: 'POST', url, headers: leader.headers, payload: evaluation });
    expect(refused.statusCode).toBe(403);
    const res = await t.app.inject({ method: 'POST', url, headers: minister.headers, payload: evaluation });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out.basis).toBe('frozen');
    const [ministry, unit, unknown] = out.items;
    expect(ministry).toMatchObject({ departmentCode: 'G22', unitId: 'bkhcn', total: { difference: 5 }, groups: { TDGQ: { portal: 15, local: 20, difference: 5 }, CKMB: { portal: null, difference: null } } });
    expect(unit).toMatchObject({ unitId: 'cuc-shtt', total: { difference: 0 }, groups: { TDGQ: { difference: 0 } } });
    expect(unknown).toMatchObject({ unitId: null, total: { portal: 50, local: null, difference: null }, unsyncedDossiers: [] });
    expect(out).toMatchObject({ month, importedBy: expect.any(String), fileName: null, id: expect.any(String) });

    // The import is kept with what was found then, and audited; bad input keeps nothing.
    const bad = await t.app.inject({ method: 'POST', url, headers: minister.headers, payload: { data: { overview: { totalScore: 1 } } } });
    expect(bad.statusCode).toBe(422);
    const named = await t.app.inject({ method: 'POST', url: `${url}?fileName=${encodeURIComponent('danh-gia-thang.json')}`, headers: minister.headers, payload: evaluation });
    expect(named.statusCode, named.body).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/quality/reconciliations?month=${month}`, headers: minister.headers });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items;
    expect(items.map((i: { id: string }) => i.id)).toEqual([named.json().id, out.id]);
    expect(items[0]).toMatchObject({ month, fileName: 'danh-gia-thang.json', basis: 'frozen', departments: 3, unmatched: 1, largestDifference: 5, unsyncedDossiers: 0 });
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/quality/reconciliations/${out.id}`, headers: minister.headers });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(out);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/quality/reconciliations/00000000-0000-4000-8000-000000000000', headers: minister.headers })).statusCode).toBe(404);
    // Not an import's id at all: refused at the parameters, as a problem.
    const badId = await t.app.inject({ method: 'GET', url: '/api/v1/quality/reconciliations/khong-phai-ma', headers: minister.headers });
    expect(badId.statusCode).toBe(422);
    expect(badId.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/quality/reconciliations', headers: leader.headers })).statusCode).toBe(403);
    const audit = await t.db.selectFrom('audit_log').select(['entity_id']).where('action', '=', 'quality.reconciliation.import').execute();
    expect(audit.map((a) => a.entity_id).sort()).toEqual([out.id, named.json().id].sort());
    await expect(t.db.deleteFrom('quality_reconciliation').where('id', '=', out.id).execute()).rejects.toThrow(/kept as it was taken/);
  });
});
