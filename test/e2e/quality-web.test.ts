// Browser test of the public 766 page against the real server: a dossier taken through its
// workflow, its month frozen, then anyone (no login) reads /danh-gia-chat-luong — the ministry's
// total and band, the six groups, the units ranked, the targets, the trend's table beside its
// chart — and goes by keyboard to a unit's drill-down and a procedure's live figures. axe-core
// finds no violation at 360 px and at 1280 px on each page. Needs Debian's Chromium at
// /usr/bin/chromium; skipped without it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts';
import { toLocalDate } from '../../src/core/calendar/index.ts';
import { parsePeriod, periodBounds } from '../../src/core/quality/index.ts';
import { systemActor } from '../../src/modules/audit/service.ts';
import { pdfSample } from '../../src/modules/files/testing.ts';
import { createDossierTestApp, SAMPLE_FORM_DATA, TEST_CITIZEN_ID, TEST_PROCEDURE_CODE, type DossierTestApp } from '../../src/modules/dossiers/testing.ts';
import { multipartBody } from '../../src/modules/warehouse/testing.ts';
import { checkBothWidths, chromiumAvailable, closeBrowserAndServer, openBrowser, type BrowserSession } from '../support/chromium.ts';
import { loginAs, type TestLogin } from '../support/auth.ts';

const hasChromium = chromiumAvailable('test/e2e/quality-web.test.ts');
const WAIT = { timeout: 30_000 };
const month = toLocalDate(new Date()).slice(0, 7);

describe.skipIf(!hasChromium)('the public 766 page in Chromium', () => {
  let t: DossierTestApp;
  let url: string;
  let pages: BrowserSession;

  const open = (width: number): Promise<Page> => pages.open(undefined, width);

  beforeAll(async () => {
    await buildWebIfStale({ quiet: true });
    t = await createDossierTestApp({ env: { JOB_BACKOFF_MS: '0', JOB_BACKOFF_MAX_MS: '0' } });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const citizen = await loginAs(t.db, { kind: 'citizen', personalId: TEST_CITIZEN_ID, fullName: 'Nguyễn Thị Thu Hà', acr: 'LoA2' });
    const receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
    const leader = await loginAs(t.db, { kind: 'officer', username: 'lanhdao', roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] });
    const specialist = await loginAs(t.db, { kind: 'officer', username: 'chuyenvien', roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] });
    const body = await multipartBody({}, { bytes: pdfSample(7), name: 'tep.pdf' });
    const fileId = (await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...citizen.headers, 'content-type': body.contentType }, payload: body.payload })).json().id as string;
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: citizen.headers, payload: { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [fileId] }] } });
    let d = created.json();
    const step = async (login: TestLogin, action: Record<string, unknown>) => {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/actions`, headers: { ...login.headers, 'if-match': `"${d.version}"` }, payload: action });
      expect(res.statusCode, res.body).toBe(200);
      d = res.json();
    };
    await step(receiver, { type: 'receive' });
    await step(receiver, { type: 'transfer' });
    await step(leader, { type: 'assign', assignee: specialist.accountId });
    await step(specialist, { type: 'examine', opinion: 'Đủ điều kiện.' });
    await step(leader, { type: 'approve' });
    await step(leader, { type: 'issue_result', outcome: 'granted', summary: 'Cấp văn bằng' });
    await step(receiver, { type: 'return_result', method: 'online' });
    for (let i = 0; i < 20 && (await t.app.jobs.runDue()) > 0; i++);
    await t.app.quality.publication!.freeze(month, { by: systemActor('test'), now: new Date(periodBounds(parsePeriod(month)).endMs) });
    pages = await openBrowser(url);
  }, 240_000);

  afterAll(async () => {
    await closeBrowserAndServer(pages, t);
  });

  it('shows the published month to anyone, and drills down by keyboard to a unit and a procedure', { timeout: 240_000 }, async () => {
    const page = await open(360);
    await page.goto(`${url}/danh-gia-chat-luong`);
    await page.getByRole('heading', { level: 1, name: 'Đánh giá chất lượng phục vụ' }).waitFor(WAIT);
    await page.getByRole('heading', { level: 2, name: 'Xếp hạng các đơn vị' }).waitFor(WAIT);
    await page.getByText('Tiến độ giải quyết').first().waitFor(WAIT);
    await page.getByText('Hồ sơ được xử lý trực tuyến').first().waitFor(WAIT);
    await page.getByRole('heading', { level: 2, name: 'Diễn biến qua các tháng' }).waitFor(WAIT);
    await page.getByText('Tổng điểm và điểm các nhóm qua 12 tháng đã công bố gần nhất').waitFor(WAIT);
    expect(await page.locator('svg.quality-chart').getAttribute('aria-hidden')).toBe('true');
    expect(await page.getByRole('link', { name: 'Tải kết quả (PDF)' }).getAttribute('href')).toBe(`/api/v1/public/quality/months/${month}/results.pdf`);
    await checkBothWidths(page, 'the published month');

    // By keyboard: focus the unit's link and follow it.
    const link = page.getByRole('link', { name: 'Cục Sở hữu trí tuệ' }).first();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByText(/Kết quả đã chốt của đơn vị/).waitFor(WAIT);
    expect(new URL(page.url()).pathname).toBe('/danh-gia-chat-luong/cuc-shtt');
    await page.getByLabel('Thủ tục', { exact: true }).selectOption(TEST_PROCEDURE_CODE);
    await page.getByText(`Số liệu trực tiếp của thủ tục ${TEST_PROCEDURE_CODE} tại đơn vị trong tháng.`).waitFor(WAIT);
    await checkBothWidths(page, 'a unit’s month with a procedure');
    await page.close();
  });
});
