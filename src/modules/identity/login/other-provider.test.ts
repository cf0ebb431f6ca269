// "The same client code logs in against another OIDC provider configured only by environment
// variables": a second, differently configured oidc-provider (its own issuer path and port,
// standard claim names, its own acr values) serves both citizens and the ministry's officers.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestApp } from '../../../../test/support/app.ts';
import { TestBrowser, type Page } from '../../../../test/support/browser.ts';
import { isLoginPage, loginAtEmulator } from '../../../../test/support/sso.ts';
import { generateEmulatorKeys } from '../../../emulators/sso/keys.ts';
import { registerSsoEmulator } from '../../../emulators/sso/plugin.ts';
import { fixedDirectory } from '../../../emulators/sso/subjects.ts';
import { grantRole, insertAccount } from '../officers/store.ts';
import { seedUnits } from '../seed/units.ts';

let idp: FastifyInstance;
let issuer: string;
let t: TestApp & { url: string };

const citizen = {
  key: 'p:1',
  sub: 'user-7f3a',
  kind: 'person' as const,
  displayName: 'Bùi Thanh Tâm',
  description: 'công dân',
  maxAcr: 'LoA2' as const,
  claims: {
    name: 'Bùi Thanh Tâm',
    personal_id: '031094001234',
    email: 'tam.bui@example.org',
    phone_number: '0977123456',
    birthdate: '1994-02-14',
    gender: 'female',
  },
};
const staff = (key: string, username: string) => ({
  key,
  sub: `staff-${username}`,
  kind: 'person' as const,
  displayName: username,
  description: 'cán bộ',
  maxAcr: 'LoA2' as const,
  claims: { name: 'Ngô Văn Bình', preferred_username: username, email: `${username}@most.example.gov.vn` },
});

beforeAll(async () => {
  const keys = await generateEmulatorKeys();
  idp = Fastify({ logger: false });
  registerSsoEmulator(idp, {
    mountPath: '/oidc',
    settings: () => ({
      issuer,
      keys,
      demoPassword: 'idp-password',
      cookiePrefix: 'idp',
      scopes: {
        openid: ['sub'],
        profile: ['name', 'birthdate', 'gender', 'preferred_username'],
        email: ['email'],
        phone: ['phone_number'],
        national_id: ['personal_id'],
      },
      levels: [
        { value: 'urn:example:loa:1', label: 'Mức độ 1' },
        { value: 'urn:example:loa:2', label: 'Mức độ 2' },
      ],
      directory: fixedDirectory([citizen, staff('s:1', 'binh.nv'), staff('s:2', 'nguoi.la')]),
      clients: [
        {
          clientId: 'motcua-citizens',
          clientSecret: 'citizen-secret-123',
          name: 'motcua',
          redirectUris: [`${t.url}/auth/callback`],
          postLogoutRedirectUris: [`${t.url}/`],
        },
        {
          clientId: 'motcua-officers',
          clientSecret: 'officer-secret-123',
          name: 'motcua (cán bộ)',
          redirectUris: [`${t.url}/auth/officer/callback`],
          postLogoutRedirectUris: [`${t.url}/`],
        },
      ],
    }),
  });
  await idp.listen({ port: 0, host: '127.0.0.1' });
  // Another host name than motcua's 127.0.0.1, as two sites would have (browsers keep cookies per host).
  issuer = `http://localhost:${(idp.server.address() as { port: number }).port}/oidc`;
  t = await startTestServer({
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: 'motcua-citizens',
    OIDC_CLIENT_SECRET: 'citizen-secret-123',
    OIDC_SCOPES: 'openid profile email phone national_id',
    OIDC_CLAIM_MAP: JSON.stringify({
      personalId: 'personal_id',
      fullName: 'name',
      email: 'email',
      phone: 'phone_number',
      birthDate: 'birthdate',
      gender: 'gender',
    }),
    OIDC_ACR_MAP: JSON.stringify({ LoA1: 'urn:example:loa:1', LoA2: 'urn:example:loa:2' }),
    OFFICER_OIDC_ISSUER: issuer,
    OFFICER_OIDC_CLIENT_ID: 'motcua-officers',
    OFFICER_OIDC_CLIENT_SECRET: 'officer-secret-123',
    OFFICER_OIDC_CLAIM: 'preferred_username',
  });
  await seedUnits(t.db);
});
afterAll(async () => {
  await t?.close();
  await idp?.close();
});

const last = (pages: Page[]) => pages[pages.length - 1]!;
const me = async (browser: TestBrowser) =>
  fetch(`${t.url}/api/v1/me`, { headers: { cookie: `motcua_sid=${browser.cookie(t.url, 'motcua_sid') ?? ''}` } });

describe('another OpenID Connect provider, configured by environment variables only', () => {
  it('is used instead of the built-in emulator', async () => {
    const res = await fetch(`${t.url}/emulators/sso/.well-known/openid-configuration`);
    expect(res.status).toBe(404);
    const start = await new TestBrowser().request(`${t.url}/auth/login?acr=LoA2`);
    const location = new URL(start.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`${issuer}/oauth2/authorize`);
    expect(location.searchParams.get('acr_values')).toBe('urn:example:loa:2');
    expect(location.searchParams.get('scope')).toBe('openid profile email phone national_id');
    expect(location.searchParams.get('client_id')).toBe('motcua-citizens');
  });

  it('logs a citizen in with standard claim names mapped by OIDC_CLAIM_MAP and acr by OIDC_ACR_MAP', async () => {
    const browser = new TestBrowser();
    const page = await browser.go(`${t.url}/auth/login?acr=LoA2`);
    expect(isLoginPage(page)).toBe(true);
    const pages = await loginAtEmulator(browser, page, { query: 'Bùi', level: 'urn:example:loa:2', password: 'idp-password' });
    expect(pages.find((p) => p.url.startsWith(`${t.url}/auth/callback`))!.status).toBe(303);
    expect(await (await me(browser)).json()).toMatchObject({
      kind: 'citizen',
      personalId: '031094001234',
      fullName: 'Bùi Thanh Tâm',
      acr: 'LoA2',
    });
    const account = await t.db.selectFrom('account').selectAll().where('personal_id', '=', '031094001234').executeTakeFirstOrThrow();
    expect(account).toMatchObject({ email: 'tam.bui@example.org', phone: '0977123456', oidc_issuer: issuer, oidc_subject: 'user-7f3a' });
    expect(account.profile).toMatchObject({ birthDate: '1994-02-14', gender: 'female' });
  });
});

describe('officers through the ministry’s provider (OFFICER_OIDC_*)', () => {
  it('maps the login to an existing officer by username; never creates one', async () => {
    const id = await insertAccount(t.db, { kind: 'officer', username: 'binh.nv', full_name: 'Ngô Văn Bình', unit_id: 'cuc-shtt' });
    await grantRole(t.db, id, 'cuc-shtt', 'specialist', 'test');
    const browser = new TestBrowser();
    const page = await browser.go(`${t.url}/auth/officer/oidc/login?returnTo=/can-bo`);
    const pages = await loginAtEmulator(browser, page, { query: 'binh.nv', password: 'idp-password', level: 'urn:example:loa:1' });
    const callback = pages.find((p) => p.url.startsWith(`${t.url}/auth/officer/callback`))!;
    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe('/can-bo');
    expect(await (await me(browser)).json()).toMatchObject({
      kind: 'officer',
      username: 'binh.nv',
      method: 'oidc',
      roles: [{ role: 'specialist', unitId: 'cuc-shtt' }],
    });

    // Logging out ends the session at the ministry's provider too.
    const logout = await browser.request(`${t.url}/auth/logout`, {
      method: 'POST',
      headers: { 'x-csrf-token': browser.cookie(t.url, 'motcua_csrf')! },
    });
    expect(logout.status).toBe(303);
    const end = new URL(logout.headers.get('location')!);
    expect(`${end.origin}${end.pathname}`).toBe(`${issuer}/oauth2/logout`);
    expect(end.searchParams.get('client_id') ?? end.searchParams.get('id_token_hint')).toBeTruthy();
    expect((await me(browser)).status).toBe(401);

    const stranger = new TestBrowser();
    const page2 = await stranger.go(`${t.url}/auth/officer/oidc/login`);
    const refused = last(await loginAtEmulator(stranger, page2, { query: 'nguoi.la', password: 'idp-password', level: 'urn:example:loa:1' }));
    expect(refused.status).toBe(403);
    expect(stranger.cookie(t.url, 'motcua_sid')).toBeUndefined();
    expect(await t.db.selectFrom('account').select('id').where('username', '=', 'nguoi.la').execute()).toHaveLength(0);
  });
});
