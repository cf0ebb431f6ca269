// Browser tests of the web app against the API contract it targets (web/dist, the API answered
// by the test): focus after navigation, the fee status, English names, the organization's
// profile, the population record withheld at level 1, publishing with missing public parts, and
// a 360 px phone. Needs Debian's Chromium at /usr/bin/chromium; skipped (with a warning) without it.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { permissionsOfHolder } from '../../src/core/access/permissions.ts';
import { buildEform } from '../../src/core/eforms/builder.ts';
import { buildWebIfStale } from '../../scripts/build-web-if-stale.ts';
import { expectNoAxeViolations, pageOverflow, problem, routeApi, serveWebApp, type ApiHandler } from '../support/web-static.ts';

const hasChromium = chromiumAvailable('test/e2e/web-contract.test.ts');

const WAIT = { timeout: 15_000 };
const anonymous: ApiHandler = ({ path }) => (path === '/api/v1/me' ? problem(401, 'unauthorized', 'Chưa đăng nhập') : undefined);

const UNIT = { id: 'u-vp', name: { vi: 'Văn phòng Bộ', en: 'Ministry Office' }, agencyCode: 'G12.01' };

function content(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Cấp giấy chứng nhận đăng ký hoạt động thử nghiệm',
    field: { code: 'DL', name: 'Đo lường' },
    level: 'central',
    implementingUnits: [{ unitId: UNIT.id, role: 'decides' }],
    subjects: { kinds: ['business'], origins: ['vietnamese'] },
    onlineLevel: 'full',
    fullOnlineEligible: true,
    methods: { channels: ['online', 'post'] },
    sequence: ['Nộp hồ sơ', 'Nhận kết quả'],
    processingTime: { value: 10, unit: 'working_days' },
    fees: [],
    components: [
      {
        code: 'TP1',
        name: 'Đơn đề nghị cấp giấy chứng nhận đăng ký hoạt động thử nghiệm theo mẫu quy định',
        requirement: 'required',
        originals: 1,
        copies: 0,
        acceptedFormats: ['pdf', 'docx'],
        warehouseDocumentTypes: [],
        replacedByPopulationData: false,
      },
    ],
    result: { producesDocument: true, name: 'Giấy chứng nhận' },
    steps: [],
    eform: { schema: { type: 'object', properties: {} }, uiSchema: {} },
    legalBasis: [],
    publicationDecisions: [],
    ...overrides,
  };
}

function versionView(overrides: Record<string, unknown> = {}, status = 'published', contentOverrides: Record<string, unknown> = {}) {
  return {
    id: 'p1',
    code: '1.000001',
    codeStatus: 'demo',
    ownerUnit: UNIT,
    version: {
      number: 2,
      status,
      revision: 3,
      createdAt: '2026-11-01T02:00:00Z',
      updatedAt: '2026-11-02T02:00:00Z',
      publishedAt: status === 'published' ? '2026-11-02T02:00:00Z' : null,
      supersededAt: null,
      withdrawnAt: null,
      withdrawnReason: null,
    },
    content: content(contentOverrides),
    feeTotal: 0,
    publicParts: { complete: true, missing: [], items: [] },
    units: { [UNIT.id]: { name: UNIT.name, agencyCode: UNIT.agencyCode } },
    ...overrides,
  };
}

describe.skipIf(!hasChromium)('web app against its API contract', () => {
  let site: Awaited<ReturnType<typeof serveWebApp>>;
  let browser: Browser;
  let context: BrowserContext;
  const pageErrors: string[] = [];

  async function open(handler: ApiHandler, viewport = { width: 1280, height: 900 }, locale = 'vi-VN'): Promise<Page> {
    await context?.close();
    context = await browser.newContext({ locale, viewport });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await routeApi(page, handler);
    return page;
  }

  beforeAll(async () => {
    await buildWebIfStale({ quiet: true });
    site = await serveWebApp();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await site?.close();
  });

  it('moves focus to the new page’s heading after an in-app navigation', async () => {
    const page = await open(anonymous);
    await page.goto(site.url);
    await page.locator('h1').first().waitFor(WAIT);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tính hạn giải quyết' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), WAIT).toBe('H1');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('hạn');
  });

  it('says when no fee is published (not "free"), and that the details are in Vietnamese only in English', async () => {
    const handler: ApiHandler = (r) => anonymous(r) ?? (r.path === '/api/v1/procedures/1.000001' ? { body: versionView() } : undefined);
    const page = await open(handler);
    await page.goto(`${site.url}/thu-tuc/1.000001`);
    await page.locator('#procedure-fee').waitFor(WAIT);
    expect(await page.locator('#procedure-fee').textContent()).toBe('Chưa công bố thông tin phí, lệ phí');
    expect(await page.locator('#fees-status').textContent()).toBe('Chưa công bố thông tin phí, lệ phí');
    expect(await page.locator('main').textContent()).not.toContain('Không mất phí');
    await expectNoAxeViolations(page, 'a procedure without fee lines');

    // Really free: the server says so.
    const free: ApiHandler = (r) =>
      anonymous(r) ?? (r.path === '/api/v1/procedures/1.000001' ? { body: versionView({ feeStatus: 'free' }) } : undefined);
    const page2 = await open(free);
    await page2.goto(`${site.url}/thu-tuc/1.000001`);
    await page2.locator('#procedure-fee').waitFor(WAIT);
    expect(await page2.locator('#procedure-fee').textContent()).toBe('Không mất phí');

    // English: the English name where there is one; otherwise the Vietnamese text, said so.
    const english: ApiHandler = (r) =>
      anonymous(r) ??
      (r.path === '/api/v1/procedures/1.000001' ? { body: versionView({}, 'published', { nameEn: 'Registration of testing activities' }) } : undefined);
    const page3 = await open(english, undefined, 'en-GB');
    await page3.goto(`${site.url}/thu-tuc/1.000001`);
    await page3.evaluate(() => window.localStorage.setItem('motcua.language', 'en'));
    await page3.getByRole('button', { name: /English|Tiếng Anh|EN/i }).first().click().catch(() => undefined);
    await expect.poll(() => page3.locator('html').getAttribute('lang'), WAIT).toBe('en');
    await expect.poll(() => page3.locator('h1').textContent(), WAIT).toBe('Registration of testing activities');
    expect(await page3.locator('#procedure-vi-only').textContent()).toContain('Vietnamese only');
    expect(await page3.locator('#procedure-fee').textContent()).toBe('No fee information published');
    await expectNoAxeViolations(page3, 'a procedure in English');
  });

  it('gives an organization its own profile page instead of a refusal', async () => {
    const me = { kind: 'organization', accountId: 'o1', taxCode: '0101234567', fullName: 'Công ty TNHH Ánh Dương', acr: 'LoA2', method: 'vneid', roles: [] };
    const page = await open(({ path }) => (path === '/api/v1/me' ? { body: me } : undefined));
    await page.goto(`${site.url}/ho-so-ca-nhan`);
    await page.locator('#organization-account').waitFor(WAIT);
    const text = await page.locator('main').textContent();
    expect(text).toContain('Hồ sơ tổ chức');
    expect(text).toContain('0101234567');
    expect(text).toContain('Công ty TNHH Ánh Dương');
    expect(text).toContain('mức độ 2');
    expect(text).not.toContain('403');
    await expectNoAxeViolations(page, 'the organization profile');
  });

  it('reads the population record by POST with the CSRF token, and asks for a level-2 login when it is withheld', async () => {
    // What the server answers a level-1 login (src/modules/population/schema.ts PopulationProfile):
    // the basic part, the relatives and household left out and named.
    const levelOneProfile = {
      source: 'Cơ sở dữ liệu quốc gia về dân cư',
      fetchedAt: '2026-12-01T03:00:00.000Z',
      personal: {
        personalId: '001099012345', oldIdNumber: null, fullName: 'Nguyễn Thị Thu Hà', birthDate: '1999-04-02', gender: 'female',
        ethnicity: 'Kinh', religion: null, nationality: 'Việt Nam', maritalStatus: null, bloodType: null,
      },
      addresses: { birthRegistrationPlace: null, hometown: null, permanentAddress: null, currentAddress: null },
      relatives: { father: null, mother: null, spouse: null, representative: null },
      household: { head: null, bookNumber: null },
      masked: [],
      withheld: ['relatives', 'household'],
      requiredAcr: 'LoA2',
    };
    const me = { kind: 'citizen', accountId: 'c1', personalId: '001099012345', fullName: 'Nguyễn Thị Thu Hà', acr: 'LoA1', method: 'vneid', roles: [] };
    const calls: Array<{ method: string; csrf: string | undefined }> = [];
    const page = await open(({ path, method, headers }) => {
      if (path === '/api/v1/me') return { body: me };
      if (path === '/api/v1/population/me') {
        calls.push({ method, csrf: headers['x-csrf-token'] });
        return method === 'POST' ? { body: levelOneProfile } : problem(405, 'method_not_allowed', 'Method not allowed');
      }
      return undefined;
    });
    await context.addCookies([{ name: 'motcua_csrf', value: 'csrf-123', url: site.url }]);
    await page.goto(`${site.url}/ho-so-ca-nhan`);
    await page.locator('#population-withheld').waitFor(WAIT);
    expect(calls[0]).toEqual({ method: 'POST', csrf: 'csrf-123' });
    const href = await page.locator('#population-login-again').getAttribute('href');
    expect(href).toMatch(/^\/auth\/login\?acr=LoA2/);
    expect(await page.locator('#population-withheld').textContent()).toContain('mức độ 2');
    // The basic part is still shown beside the notice.
    expect(await page.locator('#population-profile').textContent()).toContain('Nguyễn Thị Thu Hà');
    await expectNoAxeViolations(page, 'the withheld population record');
  });

  it('shows the population query log in full at 1280 px and stacked on a 360 px phone, with unit names from /me', async () => {
    const me = {
      kind: 'officer',
      accountId: 'a1',
      username: 'auditor.vp',
      fullName: 'Trần Văn Kiểm',
      acr: null,
      method: 'password+totp',
      roles: [{ role: 'auditor', unitId: 'u-vp', unitNameVi: 'Văn phòng Bộ', unitNameEn: 'Ministry Office' }],
      // What the server computes from the one table (src/core/access): the web app reads these, not the roles.
      permissions: permissionsOfHolder('auditor'),
      ministryPermissions: [],
    };
    const row = (key: string | null, label: string) => ({
      key,
      label,
      code: key ? 'G12.01' : null,
      total: 1234567,
      sent: 1200000,
      cacheHits: 34567,
      found: 1000000,
      notFound: 200000,
      mismatch: 30000,
      unavailable: 4567,
      distinctSubjects: 987654,
    });
    const entry = (id: number) => ({
      id,
      at: '2026-11-20T03:04:05Z',
      requestId: `req-0f3c2a9e-5b1d-4c7a-9e2f-${String(id).padStart(12, '0')}`,
      actorKind: 'officer',
      actorName: 'Nguyễn Thị Tiếp Nhận Hồ Sơ',
      officerCode: 'tiepnhan.vp',
      unitId: 'u-vp',
      purpose: 'dossier_verification',
      dossierRef: 'HS-2026-000123',
      subjectPersonalId: '001099012345',
      result: 'found',
      failureReason: null,
      source: 'cache',
    });
    const handler: ApiHandler = ({ path }) => {
      if (path === '/api/v1/me') return { body: me };
      if (path === '/api/v1/admin/units') return problem(403, 'forbidden', 'Không có quyền');
      if (path === '/api/v1/population/purposes') return { body: [] };
      if (path === '/api/v1/population/query-log/report')
        return { body: { from: '2026-11-01', to: '2026-11-30', groupBy: 'unit', rows: [row('u-vp', 'Văn phòng Bộ'), row(null, '')], totals: row('t', '') } };
      if (path === '/api/v1/population/query-log') return { body: { items: [entry(1), entry(2)], nextBefore: null } };
      return undefined;
    };
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 360, height: 740 },
    ]) {
      // An American browser: dates are still shown and typed day/month/year, as the page's language has them.
      const page = await open(handler, viewport, 'en-US');
      await page.goto(`${site.url}/quan-tri/nhat-ky-tra-cuu-dan-cu`);
      await page.locator('#log-table').waitFor(WAIT);
      expect(await page.locator('#log-from').inputValue()).toMatch(/^01\/\d{2}\/\d{4}$/);
      await page.locator('#report-table').waitFor(WAIT);
      expect(await pageOverflow(page), `page wider than ${viewport.width} px`).toBeLessThanOrEqual(0);
      for (const table of ['#report-table', '#log-table']) {
        // Every cell is inside the screen (nothing cut off), or the table scrolls in its own region.
        const clipped = await page.evaluate((selector) => {
          const region = document.querySelector(selector)!.parentElement!;
          const box = region.getBoundingClientRect();
          const scrolls = region.scrollWidth > region.clientWidth && getComputedStyle(region).overflowX === 'auto';
          const outside = [...document.querySelectorAll(`${selector} td, ${selector} th`)].filter((c) => {
            const r = c.getBoundingClientRect();
            return r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1);
          }).length;
          return { scrolls, outside };
        }, table);
        if (viewport.width === 360) expect(clipped, `${table} at 360 px`).toEqual({ scrolls: false, outside: 0 });
        else expect(clipped.outside === 0 || clipped.scrolls, `${table} at 1280 px`).toBe(true);
      }
      // The unit's name from the grants of /me, not its id.
      expect(await page.locator('#log-table').textContent()).toContain('Văn phòng Bộ');
      expect(await page.locator('#log-table').textContent()).not.toContain('u-vp');
      await expectNoAxeViolations(page, `the query log at ${viewport.width} px`);
    }
  });

  it('asks before publishing, lists the missing public parts, and publishes anyway only with a reason', async () => {
    const me = {
      kind: 'officer',
      accountId: 'ad1',
      username: 'admin.vp',
      fullName: 'Lê Quản Trị',
      acr: null,
      method: 'password+totp',
      roles: [{ role: 'admin', unitId: UNIT.id, unitNameVi: UNIT.name.vi, unitNameEn: UNIT.name.en }],
      permissions: permissionsOfHolder('admin'),
      ministryPermissions: [],
    };
    const draft = versionView({}, 'draft');
    const publishBodies: unknown[] = [];
    const handler: ApiHandler = ({ path, method, body }) => {
      if (path === '/api/v1/me') return { body: me };
      if (path === '/api/v1/admin/units')
        return { body: { roots: [{ id: UNIT.id, parentId: null, nameVi: UNIT.name.vi, nameEn: UNIT.name.en, agencyCode: UNIT.agencyCode, kind: 'office', sortOrder: 0, active: true, children: [] }] } };
      if (path === '/api/v1/procedures/1.000001/versions/2') return { body: draft };
      if (path === '/api/v1/procedures/1.000001/versions/2/check')
        return {
          body: {
            publishable: true,
            errors: [],
            warnings: [{ severity: 'warning', pointer: '/result/name', code: 'short', message: { vi: 'Tên kết quả ngắn.', en: 'Short result name.' } }],
            publicParts: { complete: false, missing: ['legalBasis'], items: [] },
          },
        };
      if (path === '/api/v1/catalog/prefill-attributes') return { body: { items: [], fieldTypes: [] } };
      if (path === '/api/v1/procedures/1.000001/versions/2/publish' && method === 'POST') {
        publishBodies.push(body ?? null);
        const reason = (body as { overrideReason?: string } | null)?.overrideReason;
        if (!reason)
          return problem(422, 'publication_incomplete', 'Thiếu thông tin bắt buộc phải công khai', {
            missingParts: [
              { part: 'legalBasis', label: { vi: 'Căn cứ pháp lý', en: 'Legal basis' } },
              { part: 'fees', label: { vi: 'Phí, lệ phí', en: 'Fees and charges' } },
            ],
          });
        return { body: versionView({}, 'published') };
      }
      return undefined;
    };
    const page = await open(handler);
    await page.goto(`${site.url}/quan-tri/thu-tuc/1.000001/phien-ban/2`);
    await page.getByRole('tab', { name: 'Kiểm tra và công bố' }).click(WAIT);
    // The check names the field, not its JSON pointer.
    await expect.poll(() => page.locator('.cat-check-result').textContent(), WAIT).toContain('Kết quả thực hiện — tên kết quả');
    expect(await page.locator('.cat-check-result').textContent()).not.toContain('/result/name');

    // First press: a question, nothing sent.
    await page.getByRole('button', { name: 'Công bố phiên bản 2' }).click();
    expect(publishBodies).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Công bố');
    await page.getByRole('button', { name: 'Công bố', exact: true }).click();

    // 422 publication_incomplete: the missing parts, and "publish anyway" with a reason.
    await page.locator('#publish-incomplete').waitFor(WAIT);
    expect(await page.locator('#publish-missing-parts li').allTextContents()).toEqual(['Căn cứ pháp lý', 'Phí, lệ phí']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('publish-incomplete-title');
    await expectNoAxeViolations(page, 'publishing with missing parts');
    await page.getByLabel(/Lý do công bố dù còn thiếu/).fill('ngắn');
    await page.getByRole('button', { name: 'Công bố dù còn thiếu' }).click();
    await expect.poll(() => page.locator('#override-reason-error').textContent(), WAIT).toContain('từ 10 đến 500 ký tự');
    expect(publishBodies).toHaveLength(1);
    const reason = 'Căn cứ pháp lý đang được Vụ Pháp chế rà soát, bổ sung trong tuần.';
    await page.getByLabel(/Lý do công bố dù còn thiếu/).fill(reason);
    await page.getByRole('button', { name: 'Công bố dù còn thiếu' }).click();
    await expect.poll(() => page.locator('#publish-result').textContent(), WAIT).toContain('Đã công bố phiên bản 2');
    expect(publishBodies).toEqual([null, { overrideReason: reason }]);
  });

  it('on a 360 px phone: the header takes at most a quarter of the screen, the filters fold away, nothing overflows', async () => {
    const items = Array.from({ length: 3 }, (_, i) => ({
      id: `p${i}`,
      code: `1.00000${i}`,
      codeStatus: 'demo',
      name: `Thủ tục thử nghiệm số ${i}`,
      field: { code: 'DL', name: 'Đo lường' },
      unit: { id: UNIT.id, name: UNIT.name },
      onlineLevel: 'full',
      processingTime: { value: 5, unit: 'working_days' },
      feeTotal: i === 0 ? 0 : 150000,
      ...(i === 0 ? { feeStatus: 'none_declared' } : { feeStatus: 'charged' }),
      versionNumber: 1,
    }));
    const handler: ApiHandler = (r) =>
      anonymous(r) ??
      (r.path === '/api/v1/procedures'
        ? { body: { items, total: 3, page: 1, pageSize: 100 } }
        : r.path === '/api/v1/catalog/fields'
          ? { body: { items: [{ code: 'DL', name: 'Đo lường', count: 3 }] } }
          : r.path === '/api/v1/procedures/1.000001'
            ? { body: versionView() }
            : undefined);
    const page = await open(handler, { width: 360, height: 740 });
    await page.goto(`${site.url}/thu-tuc`);
    await page.locator('#catalog-results-title').waitFor(WAIT);
    const header = await page.evaluate(() => document.querySelector('header')!.getBoundingClientRect().height);
    expect(header).toBeLessThanOrEqual(740 / 4);
    // The filters are folded: the results start on the first screen.
    expect(await page.locator('details.cat-catalog-filters').getAttribute('open')).toBeNull();
    expect(await page.locator('#filter-field').isVisible()).toBe(false);
    const resultsTop = await page.evaluate(() => document.querySelector('#catalog-results-title')!.getBoundingClientRect().top);
    expect(resultsTop).toBeLessThan(740);
    await page.locator('details.cat-catalog-filters > summary').click();
    expect(await page.locator('#filter-field').isVisible()).toBe(true);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    expect(await page.locator('.cat-procedure-card').first().textContent()).toContain('Chưa công bố thông tin phí, lệ phí');
    await expectNoAxeViolations(page, 'the catalog on a phone');

    // The components table stacks: every column is on the screen.
    await page.goto(`${site.url}/thu-tuc/1.000001`);
    await page.locator('#components-table').waitFor(WAIT);
    const outside = await page.evaluate(
      () =>
        [...document.querySelectorAll('#components-table td, #components-table tbody th')].filter((c) => {
          const r = c.getBoundingClientRect();
          return r.right > document.documentElement.clientWidth + 1;
        }).length,
    );
    expect(outside).toBe(0);
    expect(await page.getByRole('table', { name: 'Bảng thành phần hồ sơ' }).getByRole('row').count()).toBe(2);
    await expectNoAxeViolations(page, 'a procedure on a phone');
  });

  it('promises only the prefill that happens: no phone or e-mail "from the login account", and the notice once a personal field shows', async () => {
    const eform = buildEform({
      sections: [{ id: 'main', title: { vi: 'Thông tin', en: 'Details' } }],
      fields: [
        {
          path: 'who',
          section: 'main',
          type: 'select',
          label: { vi: 'Người nộp', en: 'Applicant' },
          options: [
            { value: 'self', label: { vi: 'Tôi tự nộp', en: 'Myself' } },
            { value: 'company', label: { vi: 'Doanh nghiệp', en: 'A company' } },
          ],
        },
        { path: 'fullName', section: 'main', type: 'text', label: { vi: 'Họ và tên', en: 'Full name' }, prefill: 'fullName', visibleIf: { field: 'who', equals: 'self' } },
        { path: 'phone', section: 'main', type: 'text', label: { vi: 'Số điện thoại', en: 'Phone' }, prefill: 'phone', prefillEditable: true },
        { path: 'procedure', section: 'main', type: 'text', label: { vi: 'Thủ tục', en: 'Procedure' }, prefill: 'catalog.procedureName' },
      ],
    });
    const me = { kind: 'citizen', accountId: 'c1', personalId: '001099012345', fullName: 'Nguyễn Thị Thu Hà', acr: 'LoA2', method: 'vneid', roles: [] };
    const handler: ApiHandler = ({ path }) => {
      if (path === '/api/v1/me') return { body: me };
      if (path === '/api/v1/procedures/1.000001') return { body: versionView({}, 'published', { eform }) };
      if (path === '/api/v1/population/me/prefill')
        return { body: { values: { fullName: 'Nguyễn Thị Thu Hà', phone: '0912345678' }, source: 'CSDLQGDC', fetchedAt: '2026-11-20T03:00:00Z' } };
      return undefined;
    };
    const page = await open(handler);
    await page.goto(`${site.url}/thu-tuc/1.000001/nop-truc-tuyen`);
    await page.getByLabel('Số điện thoại').waitFor(WAIT);
    // The phone is the applicant's to type: not filled, not said to come from the account.
    expect(await page.getByLabel('Số điện thoại').inputValue()).toBe('');
    expect(await page.locator('main').textContent()).not.toContain('tài khoản đăng nhập');
    // No personal field on the screen yet (the procedure's own name is not "your details").
    expect(await page.locator('#prefill-applied').count()).toBe(0);
    await page.getByLabel('Người nộp').selectOption({ label: 'Tôi tự nộp' });
    await page.locator('#prefill-applied').waitFor(WAIT);
    expect(await page.getByLabel(/Họ và tên/).inputValue()).toBe('Nguyễn Thị Thu Hà');
    await expectNoAxeViolations(page, 'the online form with prefill');
  });

  it('raised no page error', () => {
    expect(pageErrors).toEqual([]);
  });
});
