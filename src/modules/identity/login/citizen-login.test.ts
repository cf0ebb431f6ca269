import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestApp } from '../../../../test/support/app.ts';
import { TestBrowser, parseForms, type Page } from '../../../../test/support/browser.ts';
import { isLoginPage, loginAtEmulator, type EmulatorLogin } from '../../../../test/support/sso.ts';
import { syntheticCitizen } from '../../../emulators/population/generator.ts';
import { SYNTHETIC_ORGANIZATIONS } from '../../../emulators/sso/subjects.ts';
import { safeReturnTo } from './oidc-login.ts';

let t: TestApp & { url: string };
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

const last = (pages: Page[]) => pages[pages.length - 1]!;

/** /auth/login → emulator login page → login → back at motcua. Returns every page after the form. */
async function citizenLogin(browser: TestBrowser, query: string, login: EmulatorLogin & { acr?: string; returnTo?: string } = {}) {
  const params = new URLSearchParams();
  if (login.acr) params.set('acr', login.acr);
  if (login.returnTo) params.set('returnTo', login.returnTo);
  const pages = await browser.navigate(`${t.url}/auth/login?${params}`);
  // With a live SSO session the provider answers at once, without its login page.
  if (!isLoginPage(last(pages))) return pages;
  return loginAtEmulator(browser, last(pages), { query, ...login });
}

const callbackOf = (pages: Page[]) => {
  const page = pages.find((p) => p.url.includes('/auth/callback'));
  if (!page) throw new Error(`no callback in ${pages.map((p) => `${p.status} ${p.url}`).join(' → ')}`);
  return page;
}

const me = (browser: TestBrowser) =>
  fetch(`${t.url}/api/v1/me`, { headers: { cookie: `motcua_sid=${browser.cookie(t.url, 'motcua_sid') ?? ''}` } });

const csrf = (browser: TestBrowser) => ({ 'x-csrf-token': browser.cookie(t.url, 'motcua_csrf') ?? '' });

describe('citizen login through the national SSO emulator', () => {
  it('runs the authorization code flow with PKCE, creates the account from the claims and opens a LoA2 session', async () => {
    const citizen = syntheticCitizen(2);
    const browser = new TestBrowser();
    const pages = await citizenLogin(browser, citizen.personalId, { acr: 'LoA2', level: 'LoA2', returnTo: '/ho-so-cua-toi?trang=2' });
    // The authorization request carried PKCE S256, state, nonce and acr_values.
    const authorize = new URL((await browser.request(`${t.url}/auth/login?acr=LoA2`)).headers.get('location')!);
    expect(authorize.pathname).toBe('/emulators/sso/oauth2/authorize');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('acr_values')).toBe('LoA2');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();

    const back = callbackOf(pages);
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/ho-so-cua-toi?trang=2');
    const res = await me(browser);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      kind: 'citizen',
      personalId: citizen.personalId,
      fullName: citizen.fullName,
      acr: 'LoA2',
      method: 'vneid',
    });
    const account = await t.db.selectFrom('account').selectAll().where('personal_id', '=', citizen.personalId).executeTakeFirstOrThrow();
    expect(account).toMatchObject({ kind: 'citizen', phone: citizen.phone, email: citizen.email });
    expect(account.tech_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(account.profile).toMatchObject({ birthDate: citizen.birthDate, gender: citizen.gender });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', account.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['account.create']);
    expect(audit[0]).toMatchObject({ actor_kind: 'system', actor_id: null });
    expect(audit[0]!.actor_label).toMatch(/^sso:http/);
  });

  it('a later login updates name, phone and e-mail from the claims, and rotates the session', async () => {
    const citizen = syntheticCitizen(3);
    const browser = new TestBrowser();
    await citizenLogin(browser, citizen.personalId);
    const firstSid = browser.cookie(t.url, 'motcua_sid')!;
    await t.db
      .updateTable('account')
      .set({ full_name: 'Tên cũ', phone: '0900000000', email: null })
      .where('personal_id', '=', citizen.personalId)
      .execute();
    const second = await citizenLogin(browser, citizen.personalId);
    expect(second.some(isLoginPage)).toBe(false); // the SSO session was reused
    expect(callbackOf(second).status).toBe(303);
    const account = await t.db.selectFrom('account').selectAll().where('personal_id', '=', citizen.personalId).executeTakeFirstOrThrow();
    expect(account).toMatchObject({ full_name: citizen.fullName, phone: citizen.phone, email: citizen.email });
    expect(browser.cookie(t.url, 'motcua_sid')).not.toBe(firstSid);
    const old = await fetch(`${t.url}/api/v1/me`, { headers: { cookie: `motcua_sid=${firstSid}` } });
    expect(old.status).toBe(401);
    expect(await t.db.selectFrom('account').select('id').where('personal_id', '=', citizen.personalId).execute()).toHaveLength(1);
  });

  it('an organization (LoaiTaiKhoan "2") gets an organization account keyed by its tax code', async () => {
    const org = SYNTHETIC_ORGANIZATIONS[1]!;
    const browser = new TestBrowser();
    await citizenLogin(browser, org.taxCode, { tab: 'organization' });
    expect(await (await me(browser)).json()).toMatchObject({ kind: 'organization', taxCode: org.taxCode, fullName: org.name });
  });

  it('refuses a login that comes back below the level asked for (downgraded request)', async () => {
    const browser = new TestBrowser();
    const start = await browser.request(`${t.url}/auth/login?acr=LoA2`);
    const tampered = new URL(start.headers.get('location')!, t.url);
    tampered.searchParams.set('acr_values', 'LoA1');
    const page = await browser.go(tampered.href);
    const pages = await loginAtEmulator(browser, page, { level: 'LoA1' });
    const back = last(pages);
    expect(back.status).toBe(403);
    expect(JSON.parse(back.body)).toMatchObject({ code: 'insufficient_assurance', requiredAcr: 'LoA2', acr: 'LoA1' });
    expect(browser.cookie(t.url, 'motcua_sid')).toBeUndefined();
  });

  it('refuses a callback without its login cookie, with a wrong state, or replayed', async () => {
    const browser = new TestBrowser();
    const pages = await citizenLogin(browser, '', {});
    const callback = callbackOf(pages).url;
    // Replayed: the login state was used up.
    const replay = await browser.request(callback);
    expect(replay.status).toBe(400);
    expect(JSON.parse(replay.body).code).toBe('login_failed');

    // A callback for another browser's login (login CSRF): no matching login cookie.
    const victim = new TestBrowser();
    const attacker = new TestBrowser();
    const start = await attacker.request(`${t.url}/auth/login`);
    const page = await attacker.go(new URL(start.headers.get('location')!, t.url).href);
    const attackerPages = await attacker.navigate(page.url); // the login page again
    const form = await loginAtEmulator(attacker, last(attackerPages));
    const attackerCallback = form.find((p) => p.url.includes('/auth/callback'))!;
    expect(attackerCallback.status).toBe(303); // the attacker's own browser logs in...
    const stolen = await victim.request(attackerCallback.url);
    expect(stolen.status).toBe(400); // ...but the same callback in another browser does not.

    // Wrong state with a valid login cookie.
    const b2 = new TestBrowser();
    await b2.request(`${t.url}/auth/login`);
    const wrong = await b2.request(`${t.url}/auth/callback?code=abc&state=forged`);
    expect(wrong.status).toBe(400);
    expect(JSON.parse(wrong.body).code).toBe('login_failed');
  });

  it('reports a cancelled login', async () => {
    const browser = new TestBrowser();
    const page = await browser.go(`${t.url}/auth/login`);
    const form = parseForms(page.body, page.url).find((f) => /\/login$/.test(f.action))!;
    const pages = await browser.navigate(form.action.replace(/\/login$/, '/abort'), { method: 'POST', body: new URLSearchParams() });
    const back = last(pages);
    expect(back.status).toBe(400);
    expect(JSON.parse(back.body)).toMatchObject({ code: 'login_failed', detail: 'Bạn đã hủy đăng nhập.' });
  });

  it('never redirects outside motcua after login (open-redirect safe returnTo)', async () => {
    const browser = new TestBrowser();
    const pages = await citizenLogin(browser, '', { returnTo: '//evil.example/phish' });
    expect(callbackOf(pages).headers.get('location')).toBe('/');
  });

  it.each(['/.//evil.example', '/x/..//evil.example', '/%2e//evil.example'])(
    'checks the normalized returnTo, not the raw string: %s comes back to /',
    async (returnTo) => {
      const browser = new TestBrowser();
      const pages = await citizenLogin(browser, '', { returnTo });
      expect(callbackOf(pages).headers.get('location')).toBe('/');
    },
  );
});

describe('safeReturnTo', () => {
  it.each([
    ['/thu-tuc/1.001234?buoc=2#top', '/thu-tuc/1.001234?buoc=2#top'],
    ['/', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['thu-tuc', '/'],
    ['/auth/logout', '/'],
    ['/a\nb', '/'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    // Paths that normalize to a scheme-relative URL.
    ['/.//evil.example', '/'],
    ['/x/..//evil.example', '/'],
    ['/%2e//evil.example', '/'],
    ['/./x/../\\evil.example', '/'],
    // A normalized path is what is kept.
    ['/thu-tuc/./a/../1.001234', '/thu-tuc/1.001234'],
    ['/x/../auth/logout', '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });
});

describe('logout', () => {
  it('by default also ends the SSO session (RP-initiated logout with client_id, no ID token in the URL)', async () => {
    const browser = new TestBrowser();
    await citizenLogin(browser, '');
    const res = await browser.request(`${t.url}/auth/logout`, { method: 'POST', headers: csrf(browser) });
    expect(res.status).toBe(303);
    const endSession = new URL(res.headers.get('location')!);
    expect(endSession.pathname).toBe('/emulators/sso/oauth2/logout');
    expect(endSession.searchParams.get('id_token_hint')).toBeNull();
    expect(endSession.searchParams.get('client_id')).toBe(t.config.SSO_EMULATOR_CLIENT_ID);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${t.url}/`);
    expect(browser.cookie(t.url, 'motcua_sid')).toBeUndefined();
    // The emulator asks to confirm; confirming returns to motcua.
    const confirm = await browser.go(endSession.href);
    const form = parseForms(confirm.body, confirm.url)[0]!;
    const data = new URLSearchParams(form.fields.map((f) => [f.name, f.value]));
    data.set('logout', 'yes');
    const done = await browser.navigate(form.action, { method: 'POST', body: data });
    expect(done[0]!.headers.get('location')).toBe(`${t.url}/`);
    // Logging in again asks for the account again.
    expect(isLoginPage(await browser.go(`${t.url}/auth/login`))).toBe(true);
  });

  it('with everywhere=0 closes only the local session (JSON answer for the web app)', async () => {
    const browser = new TestBrowser();
    await citizenLogin(browser, '');
    const res = await browser.request(`${t.url}/auth/logout?everywhere=0`, {
      method: 'POST',
      headers: { ...csrf(browser), accept: 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ redirectTo: '/' });
    expect((await me(browser)).status).toBe(401);
    // The SSO session is still there: the next login goes straight back to motcua.
    const again = await browser.navigate(`${t.url}/auth/login`);
    expect(again.some(isLoginPage)).toBe(false);
    expect(callbackOf(again).status).toBe(303);
  });

  it('needs the CSRF token of a live session', async () => {
    const browser = new TestBrowser();
    await citizenLogin(browser, '');
    const res = await browser.request(`${t.url}/auth/logout`, { method: 'POST' });
    expect(res.status).toBe(403);
    expect((await me(browser)).status).toBe(200);
  });
});
