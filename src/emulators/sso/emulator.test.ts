import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseForms, TestBrowser, type Page } from '../../../test/support/browser.ts';
import { loadConfig } from '../../config.ts';
import { checkPersonalId } from '../../core/identifiers/index.ts';
import { defaultCitizenSource, FIXTURE_CITIZENS, fixtureCitizenSource, storedCitizenSource } from './citizens.ts';
import { loadOrCreateEmulatorKeys } from './keys.ts';
import { startStandaloneSsoEmulator } from './index.ts';
import { citizenSubject, nationalDirectory, SYNTHETIC_ORGANIZATIONS, techIdOf } from './subjects.ts';

const RP = 'http://rp.invalid';
const REDIRECT = `${RP}/auth/callback`;
let emulator: Awaited<ReturnType<typeof startStandaloneSsoEmulator>>;
let dataDir: string;
let client: oidc.Configuration;
const config = () =>
  loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, SSO_EMULATOR_DEMO_PASSWORD: 'mat-khau-thu' });

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'sso-emu-'));
  emulator = await startStandaloneSsoEmulator({
    port: 0,
    host: '127.0.0.1',
    relyingParties: [RP],
    config: config(),
    logLevel: 'silent',
    directory: nationalDirectory(fixtureCitizenSource()),
  });
  const port = (emulator.app.server.address() as { port: number }).port;
  // The issuer is fixed before the first request: build it from the port we got.
  expect(emulator.issuer).toBe(`http://localhost:${port}`);
  client = await oidc.discovery(new URL(emulator.issuer), 'motcua', 'motcua-emulator-secret', undefined, {
    execute: [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks],
  });
});
afterAll(async () => {
  await emulator?.app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Started {
  verifier: string;
  state: string;
  nonce: string;
  page: Page;
}

/** Starts an authorization request and follows it to the emulator's login page (or back to the RP). */
async function authorize(browser: TestBrowser, params: Record<string, string> = {}): Promise<Started> {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(client, {
    redirect_uri: REDIRECT,
    scope: 'openid',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...params,
  });
  return { verifier, state, nonce, page: await follow(browser, url.href) };
}

/** Follows redirects within the emulator; stops at a page or at a redirect to the RP. */
async function follow(browser: TestBrowser, url: string, init: Parameters<TestBrowser['request']>[1] = {}): Promise<Page> {
  let page = await browser.request(url, init);
  while (page.status >= 300 && page.status < 400) {
    const next = new URL(page.headers.get('location')!, page.url).href;
    if (next.startsWith(RP)) return page;
    page = await browser.request(next);
  }
  return page;
}

async function login(browser: TestBrowser, page: Page, values: Record<string, string>): Promise<Page> {
  const form = parseForms(page.body, page.url).find((f) => /\/login$/.test(f.action))!;
  expect(form, page.body).toBeDefined();
  const body = new URLSearchParams({ tab: 'person', password: 'mat-khau-thu', level: 'LoA1', ...values });
  return follow(browser, form.action, { method: 'POST', body });
}

async function exchange(started: Started, redirect: Page) {
  const location = new URL(redirect.headers.get('location')!);
  return oidc.authorizationCodeGrant(client, location, {
    pkceCodeVerifier: started.verifier,
    expectedState: started.state,
    expectedNonce: started.nonce,
    idTokenExpected: true,
  });
}

describe('discovery', () => {
  it('publishes the national SSO endpoints, levels, claims and PKCE S256', () => {
    const meta = client.serverMetadata();
    expect(meta.authorization_endpoint).toBe(`${emulator.issuer}/oauth2/authorize`);
    expect(meta.token_endpoint).toBe(`${emulator.issuer}/oauth2/token`);
    expect(meta.userinfo_endpoint).toBe(`${emulator.issuer}/oauth2/userinfo`);
    expect(meta.end_session_endpoint).toBe(`${emulator.issuer}/oauth2/logout`);
    expect(meta.acr_values_supported).toEqual(['LoA1', 'LoA2']);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    expect(meta.claims_supported).toEqual(expect.arrayContaining(['SoDinhDanh', 'HoVaTen', 'LoaiTaiKhoan', 'MaSoThue', 'TechID', 'acr']));
  });
});

describe('authorization code flow', () => {
  it('refuses a request without PKCE', async () => {
    const url = new URL(client.serverMetadata().authorization_endpoint!);
    url.search = new URLSearchParams({ client_id: 'motcua', response_type: 'code', scope: 'openid', redirect_uri: REDIRECT, state: 's' }).toString();
    const res = await new TestBrowser().request(url.href);
    const location = new URL(res.headers.get('location')!);
    expect(location.origin).toBe(RP);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('logs a citizen in at level 2: signed ID token with acr, userinfo with the SPEC §4.3 claims', async () => {
    const browser = new TestBrowser();
    const started = await authorize(browser, { acr_values: 'LoA2' });
    expect(started.page.status).toBe(200);
    expect(started.page.body).toContain('<html lang="vi">');
    expect(started.page.body).toContain('Mật khẩu dùng thử');
    const citizen = FIXTURE_CITIZENS[1]!;
    const redirect = await login(browser, started.page, { subject: `c:${citizen.personalId}`, level: 'LoA2' });
    const tokens = await exchange(started, redirect);
    const idToken = tokens.claims()!;
    expect(idToken.acr).toBe('LoA2');
    expect(idToken.sub).toBe(techIdOf('c', citizen.personalId));
    const info = await oidc.fetchUserInfo(client, tokens.access_token, idToken.sub);
    expect(info).toMatchObject({
      SoDinhDanh: citizen.personalId,
      HoVaTen: 'Trần Thị Mỹ Linh',
      NgayThangNamSinh: '19920725',
      GioiTinh: 2,
      LoaiTaiKhoan: '1',
      SoDienThoai: citizen.phone,
      ThuDienTu: citizen.email,
      ThuongTru: '45 đường Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh',
      NoiOHienNay: '45 đường Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh',
      TechID: idToken.sub,
    });
    expect(checkPersonalId(String(info.SoDinhDanh)).valid).toBe(true);
  });

  it('an organization logs in with LoaiTaiKhoan "2", its tax code and name', async () => {
    const browser = new TestBrowser();
    const started = await authorize(browser, { acr_values: 'LoA1' });
    const orgPage = await follow(browser, `${started.page.url}?tab=organization`);
    expect(orgPage.body).toContain(SYNTHETIC_ORGANIZATIONS[0]!.name);
    const org = SYNTHETIC_ORGANIZATIONS[2]!;
    const redirect = await login(browser, orgPage, { tab: 'organization', subject: `o:${org.taxCode}` });
    const tokens = await exchange(started, redirect);
    const info = await oidc.fetchUserInfo(client, tokens.access_token, tokens.claims()!.sub);
    expect(info).toMatchObject({ LoaiTaiKhoan: '2', MaSoThue: org.taxCode, TenDoanhNghiep: org.name });
  });

  it('a level-2 request is not satisfied by a level-1 login, nor by a level-1 SSO session', async () => {
    const browser = new TestBrowser();
    const strict = await authorize(browser, { acr_values: 'LoA2' });
    // The page offers level 1 disabled; a forged level-1 submission is refused.
    const levelInputs = parseForms(strict.page.body, strict.page.url)
      .find((f) => /\/login$/.test(f.action))!
      .fields.filter((f) => f.name === 'level');
    expect(levelInputs.find((f) => f.value === 'LoA1')!.disabled).toBe(true);
    const refused = await login(browser, strict.page, { subject: 'c:001085012345', level: 'LoA1' });
    expect(refused.status).toBe(422);
    expect(refused.body).toContain('yêu cầu tài khoản định danh điện tử mức độ 2');

    // Log in at level 1, then ask for level 2: the SSO session is not reused.
    const browser2 = new TestBrowser();
    const first = await authorize(browser2, { acr_values: 'LoA1' });
    await exchange(first, await login(browser2, first.page, { subject: 'c:001085012345', level: 'LoA1' }));
    const again = await authorize(browser2, { acr_values: 'LoA1' });
    expect(again.page.status).toBe(303); // SSO session reused at the same level
    const higher = await authorize(browser2, { acr_values: 'LoA2' });
    expect(higher.page.status).toBe(200);
    expect(higher.page.body).toContain('Mức độ định danh tối thiểu');
    const tokens = await exchange(higher, await login(browser2, higher.page, { subject: 'c:001085012345', level: 'LoA2' }));
    expect(tokens.claims()!.acr).toBe('LoA2');
  });

  it('a child under 6 has a level-1 account only (Decree 69/2024 Art. 7)', async () => {
    const browser = new TestBrowser();
    const started = await authorize(browser, { acr_values: 'LoA1 LoA2' });
    const refused = await login(browser, started.page, { subject: 'c:001321000777', level: 'LoA2' });
    expect(refused.status).toBe(422);
    expect(refused.body).toContain('chỉ có mức độ 1');
  });

  it('refuses a wrong password and lets the user cancel', async () => {
    const browser = new TestBrowser();
    const started = await authorize(browser);
    const wrong = await login(browser, started.page, { subject: 'c:001085012345', password: 'sai' });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toContain('Mật khẩu không đúng');
    const form = parseForms(started.page.body, started.page.url).find((f) => /\/login$/.test(f.action))!;
    const cancelled = await follow(browser, form.action.replace(/\/login$/, '/abort'), { method: 'POST', body: new URLSearchParams({}) });
    const location = new URL(cancelled.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe(started.state);
  });

  it('searches citizens by ID number prefix and by name without diacritics', async () => {
    const browser = new TestBrowser();
    const started = await authorize(browser);
    const byName = await follow(browser, `${started.page.url}?q=${encodeURIComponent('dang minh')}`);
    expect(byName.body).toContain('Đặng Minh Tuấn');
    expect(byName.body).not.toContain('Trần Thị Mỹ Linh');
    const byId = await follow(browser, `${started.page.url}?q=0791`);
    expect(byId.body).toContain('Trần Thị Mỹ Linh');
    expect(byId.body).not.toContain('Đặng Minh Tuấn');
  });
});

describe('RP-initiated logout', () => {
  it('ends the SSO session and returns to the registered address', async () => {
    const browser = new TestBrowser();
    const started = await authorize(browser);
    const tokens = await exchange(started, await login(browser, started.page, { subject: 'c:048201003210' }));
    const endUrl = oidc.buildEndSessionUrl(client, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: `${RP}/` });
    const confirm = await follow(browser, endUrl.href);
    expect(confirm.status).toBe(200);
    expect(confirm.body).toContain('Đăng xuất');
    const form = parseForms(confirm.body, confirm.url)[0]!;
    const data = new URLSearchParams(form.fields.map((f) => [f.name, f.value]));
    data.set('logout', 'yes');
    const done = await follow(browser, form.action, { method: 'POST', body: data });
    expect(done.headers.get('location')).toBe(`${RP}/`);
    // No SSO session any more: the next request shows the login page.
    const next = await authorize(browser);
    expect(next.page.status).toBe(200);
    expect(next.page.body).toContain('Đăng nhập bằng tài khoản định danh điện tử');
  });
});

describe('keys', () => {
  it('are generated once and kept in the data folder', async () => {
    const file = path.join(dataDir, 'k', 'keys.json');
    const a = await loadOrCreateEmulatorKeys(file);
    const b = await loadOrCreateEmulatorKeys(file);
    expect(b.jwks.keys[0]!.kid).toBe(a.jwks.keys[0]!.kid);
    const memory = await loadOrCreateEmulatorKeys();
    expect(memory.jwks.keys[0]!.kid).not.toBe(a.jwks.keys[0]!.kid);
  });
});

describe('citizens of the population emulator', () => {
  it('come from its generator when present: valid ID numbers, searchable, adult ones may use level 2', async () => {
    const { source, origin } = await defaultCitizenSource({ count: 50 });
    expect(origin).toBe('generator');
    const first = await source.search('', 50);
    expect(first).toHaveLength(50);
    for (const c of first) expect(checkPersonalId(c.personalId).valid).toBe(true);
    const someone = first[3]!;
    expect((await source.search(someone.personalId, 5)).map((c) => c.personalId)).toContain(someone.personalId);
    expect(await source.findByPersonalId(someone.personalId)).toEqual(someone);
    const subject = citizenSubject(someone, new Date('2026-01-01T00:00:00Z'));
    expect(subject.claims.SoDinhDanh).toBe(someone.personalId);
    const age = 2026 - Number(someone.birthDate.slice(0, 4));
    if (age > 6) expect(subject.maxAcr).toBe('LoA2');
  });
});

describe('citizens stored by the population emulator', () => {
  it('are searched in its table when it has rows; the fallback answers before that', async () => {
    const { createTestDatabase } = await import('../../db/testing.ts');
    const { ensureEmulatorSchema, insertCitizens, putCitizen } = await import('../population/store.ts');
    const { syntheticCitizen } = await import('../population/generator.ts');
    const database = await createTestDatabase({ migrate: false });
    try {
      const source = storedCitizenSource(database.db, fixtureCitizenSource());
      // No schema yet: the fixed list answers.
      expect((await source.search('0791', 5)).map((c) => c.fullName)).toEqual(['Trần Thị Mỹ Linh']);
      await ensureEmulatorSchema(database.db);
      const people = Array.from({ length: 40 }, (_, i) => syntheticCitizen(i, 1));
      await insertCitizens(database.db, people);
      await putCitizen(database.db, FIXTURE_CITIZENS[4]!);
      const fresh = storedCitizenSource(database.db, fixtureCitizenSource());
      const target = people[17]!;
      expect((await fresh.search(target.personalId.slice(0, 8), 50)).map((c) => c.personalId)).toContain(target.personalId);
      const byName = await fresh.search('dang minh tuan', 10);
      expect(byName.map((c) => c.personalId)).toEqual(['036060001122']);
      expect(await fresh.search('', 5)).toHaveLength(5);
      expect((await fresh.findByPersonalId(target.personalId))?.fullName).toBe(target.fullName);
    } finally {
      await database.close();
    }
  });
});
