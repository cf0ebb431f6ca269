// Result templates per procedure version: a dossier's result takes its pinned version's template,
// else the procedure's, else the default; a template change never alters a result already issued;
// the editor's preview is an unsigned PDF marked "BẢN XEM TRƯỚC"; changes are audited; errors are
// given at the field in Vietnamese.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { createDossierTestApp, TEST_PROCEDURE_CODE, type DossierTestApp } from '../dossiers/testing.ts';
import { issueTestResult, resultTestLogins, type ResultTestLogins } from './testing.ts';
import { verifyPdfSignatures } from './verify-pdf.ts';

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;

let t: DossierTestApp;
let l: ResultTestLogins;
let admin: TestLogin;
let work: string;
const base = `/api/v1/results/templates/${TEST_PROCEDURE_CODE}`;

beforeAll(async () => {
  t = await createDossierTestApp();
  l = await resultTestLogins(t);
  admin = await loginAs(t.db, { kind: 'officer', username: 'quantri', roles: [{ role: 'admin', unitId: 'bkhcn' }] });
  work = await mkdtemp(path.join(tmpdir(), 'motcua-templates-'));
}, 60_000);

afterAll(async () => {
  await t?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

async function textOf(pdf: Uint8Array): Promise<string> {
  const file = path.join(work, `${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const own = (label: string) => ({ content: [{ text: `${label} {{result.code}} cấp cho {{applicant.name}}` }, { resultQr: true }] });

async function inject(method: 'GET' | 'PUT' | 'DELETE' | 'POST', url: string, payload?: unknown, login = admin) {
  return t.app.inject({ method, url, headers: login.headers, ...(payload ? { payload: payload as never } : {}) });
}

async function versionOfTestProcedure(): Promise<number> {
  const view = (await inject('GET', base)).json();
  const published = view.versions.find((v: { status: string }) => v.status === 'published');
  expect(published).toBeDefined();
  return published.number as number;
}

describe('templates per version', () => {
  it('takes the version’s template, else the procedure’s, else the default; and an issued result never changes', async () => {
    const n = await versionOfTestProcedure();
    const versionUrl = `${base}/versions/${n}`;
    const start = (await inject('GET', versionUrl)).json();
    expect(start).toMatchObject({ versionNumber: n, source: 'default', isDefault: true });

    expect((await inject('PUT', base, { template: own('MẪU THỦ TỤC') })).statusCode).toBe(200);
    const inherited = (await inject('GET', versionUrl)).json();
    expect(inherited).toMatchObject({ source: 'procedure', isDefault: true });
    expect(JSON.stringify(inherited.template)).toContain('MẪU THỦ TỤC');

    const put = await inject('PUT', versionUrl, { template: own('MẪU PHIÊN BẢN') });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ source: 'version', isDefault: false, hasProcedureTemplate: true });
    expect(put.json().versions.find((v: { number: number }) => v.number === n).hasTemplate).toBe(true);

    const first = await issueTestResult(t, l);
    if (hasPdftotext) expect(await textOf(first.pdf)).toContain(`MẪU PHIÊN BẢN ${first.code} cấp cho Nguyễn Thị Thu Hà`);

    // The version's template removed: the procedure's serves; the first result is as issued.
    expect((await inject('DELETE', versionUrl)).json()).toMatchObject({ source: 'procedure', isDefault: true });
    const second = await issueTestResult(t, l);
    if (hasPdftotext) expect(await textOf(second.pdf)).toContain(`MẪU THỦ TỤC ${second.code}`);
    const again = (await t.app.inject({ method: 'GET', url: `/api/v1/results/${first.code}/file`, headers: l.citizen.headers })).rawPayload;
    expect(Buffer.compare(again, first.pdf)).toBe(0);
    const verified = (await t.app.inject({ method: 'POST', url: '/api/v1/results/verify', payload: { code: first.code } })).json();
    expect(verified).toMatchObject({ valid: true, matchesIssued: true });

    // Back to the default everywhere.
    expect((await inject('DELETE', base)).json()).toMatchObject({ source: 'default', isDefault: true, hasProcedureTemplate: false });

    const audit = await t.db.selectFrom('audit_log').select(['entity_id', 'before', 'after']).where('action', '=', 'result.template.set').orderBy('at').execute();
    expect(audit.map((a) => a.entity_id)).toEqual([TEST_PROCEDURE_CODE, `${TEST_PROCEDURE_CODE}/${n}`, `${TEST_PROCEDURE_CODE}/${n}`, TEST_PROCEDURE_CODE]);
    expect(JSON.stringify(audit[2]!.before)).toContain('MẪU PHIÊN BẢN');
  }, 120_000);

  it('renders an HTML template: the default is HTML, a saved one is issued with its fields filled and stored as HTML', async () => {
    const n = await versionOfTestProcedure();
    const versionUrl = `${base}/versions/${n}`;
    const start = (await inject('GET', versionUrl)).json();
    expect(start).toMatchObject({ source: 'default', format: 'html', template: null });
    expect(start.html).toContain('<result-qr');

    const html = [
      '<h1>QUYẾT ĐỊNH HTML {{result.code}}</h1>',
      '<p>Cấp cho <b>{{applicant.name}}</b>: {{form.request.title}}</p>',
      '<table data-pdfmake="{\'layout\':\'noBorders\'}"><tr><td><result-qr size="80"></result-qr></td><td style="text-align:center">{{unit.name}}</td></tr></table>',
    ].join('\n');
    const put = await inject('PUT', versionUrl, { html });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ source: 'version', isDefault: false, format: 'html', html, template: null });
    const row = await t.db.selectFrom('result_template').select(['format', 'template']).where('procedure_code', '=', TEST_PROCEDURE_CODE).where('version_number', '=', n).executeTakeFirstOrThrow();
    expect(row).toEqual({ format: 'html', template: html });

    const issued = await issueTestResult(t, l);
    if (hasPdftotext) expect(await textOf(issued.pdf)).toContain(`QUYẾT ĐỊNH HTML ${issued.code} Cấp cho Nguyễn Thị Thu Hà: Thiết bị lọc nước bằng năng lượng mặt trời`);
    const verified = (await t.app.inject({ method: 'POST', url: '/api/v1/results/verify', payload: { code: issued.code } })).json();
    expect(verified).toMatchObject({ valid: true, matchesIssued: true });

    const audit = await t.db.selectFrom('audit_log').select(['after']).where('action', '=', 'result.template.set').where('entity_id', '=', `${TEST_PROCEDURE_CODE}/${n}`).orderBy('at', 'desc').executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ default: false, format: 'html', html });
    expect((await inject('DELETE', versionUrl)).json()).toMatchObject({ source: 'default', format: 'html' });
  }, 120_000);

  it('gives the problems of an HTML template with their line, and refuses a body with both or neither format', async () => {
    const n = await versionOfTestProcedure();
    const versionUrl = `${base}/versions/${n}`;
    const html = '<p>{{khong.co}}</p>\n<img src="/etc/passwd">\n<p onclick="x()" style="background:url(http://x/y)">z</p>\n<p data-pdfmake="{\'image\':\'x\'}">w</p>';
    const res = await inject('PUT', versionUrl, { html });
    expect(res.statusCode).toBe(422);
    const errors = res.json().errors as Array<{ pointer: string; code: string; message: string }>;
    expect(errors.map((e) => e.code)).toEqual(['unknown_field', 'forbidden_tag', 'forbidden_attribute', 'forbidden_style', 'forbidden_key', 'no_qr']);
    expect(errors.every((e) => e.pointer === '/body/html')).toBe(true);
    expect(errors[0]!.message).toBe('Dòng 1: Trường {{khong.co}} không có trong danh sách trường được dùng.');
    expect(errors[1]!.message).toBe('Dòng 2: Không được dùng thẻ <img> trong mẫu văn bản kết quả (chỉ văn bản, bảng, danh sách và <result-qr>).');
    expect(errors[2]!.message).toBe('Dòng 3: Không được dùng thuộc tính "onclick" trên thẻ <p>.');
    const english = await t.app.inject({ method: 'PUT', url: versionUrl, headers: { ...admin.headers, 'accept-language': 'en' }, payload: { html } });
    expect((english.json().errors as Array<{ message: string }>)[1]!.message).toBe('Line 2: <img> is not allowed in a result template.');

    for (const payload of [{ html: '<p><result-qr></result-qr></p>', template: own('X') }, {}]) {
      const both = await inject('PUT', versionUrl, payload);
      expect(both.statusCode, JSON.stringify(payload)).toBe(422);
      expect(both.json().errors[0].pointer).toBe('/body/html');
    }
    expect((await inject('GET', versionUrl)).json().source).toBe('default');
  });

  it('refuses a version that is not published and a procedure that does not exist', async () => {
    expect((await inject('GET', `${base}/versions/999`)).statusCode).toBe(404);
    expect((await inject('PUT', `${base}/versions/999`, { template: own('X') })).statusCode).toBe(404);
    expect((await inject('GET', '/api/v1/results/templates/1.999999/versions/1')).statusCode).toBe(404);
    expect((await inject('GET', `${base}/versions/abc`)).statusCode).toBe(422);
  });

  it('gives the problems of a template at their field, in Vietnamese by default', async () => {
    const n = await versionOfTestProcedure();
    const res = await inject('PUT', `${base}/versions/${n}`, { template: { content: [{ text: '{{khong.co}}' }, { image: 'x.png' }] } });
    expect(res.statusCode).toBe(422);
    const errors = res.json().errors as Array<{ pointer: string; code: string; message: string }>;
    expect(errors).toContainEqual({ pointer: '/body/template/content/0/text', code: 'unknown_field', message: 'Trường {{khong.co}} không có trong danh sách trường được dùng.' });
    expect(errors.map((e) => e.code).sort()).toEqual(['forbidden_key', 'no_qr', 'unknown_field']);
    // Nothing was stored.
    expect((await inject('GET', `${base}/versions/${n}`)).json().source).toBe('default');
  });

  it('previews a template to an unsigned PDF marked BẢN XEM TRƯỚC, with sample fields, storing nothing', async () => {
    const html = await inject('POST', `${base}/preview`, { html: '<p>XEM THỬ HTML cấp cho {{applicant.name}}</p><result-qr></result-qr>' });
    expect(html.statusCode, html.body).toBe(200);
    if (hasPdftotext) expect(await textOf(new Uint8Array(html.rawPayload))).toContain('XEM THỬ HTML cấp cho Nguyễn Văn Mẫu');
    const res = await inject('POST', `${base}/preview`, { template: own('XEM THỬ') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = new Uint8Array(res.rawPayload);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect((await verifyPdfSignatures(pdf, [])).signatures).toEqual([]);
    if (hasPdftotext) {
      const text = await textOf(pdf);
      expect(text).toContain('XEM THỬ');
      expect(text).toContain('cấp cho Nguyễn Văn Mẫu');
      expect(text.replace(/ /g, '')).toContain('BẢNXEMTRƯỚC'); // laid diagonally: pdftotext splits it
    }
    expect((await inject('GET', base)).json().source).toBe('default');
    expect((await inject('POST', `${base}/preview`, { template: { content: [] } })).statusCode).toBe(422);
    expect((await inject('POST', `${base}/preview`, { template: own('X') }, l.leader)).statusCode).toBe(403);
  }, 60_000);
});
