// The gateway end to end over HTTP: tokens (client_secret_basic, private_key_jwt with replay),
// the call checks in order, limits, validation both ways, the log of every call, its
// verification, the administration API's audit rows, and NDXP (publish, a national service).
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { verifyLines, type ExportLine } from '../../core/lgsp/index.ts';
import { ProblemError } from '../../http/problem.ts';
import { startTestServer, type TestApp } from '../../../test/support/app.ts';
import { loginAs } from '../../../test/support/auth.ts';
import { lgspIssuer } from './module.ts';

let t: TestApp & { url: string };
const system = { system: 'test' };

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

async function token(id: string, secret: string, scope?: string) {
  const response = await fetch(`${t.url}/lgsp/oauth/token`, {
    method: 'POST',
    headers: { authorization: basic(id, secret), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) }),
  });
  return { status: response.status, body: (await response.json()) as { access_token?: string; scope?: string; error?: string } };
}

async function call(service: string, accessToken: string | undefined, body: unknown, purpose: string | null = 'administrative-procedure') {
  const response = await fetch(`${t.url}/lgsp/v1/${service}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
      ...(purpose ? { 'x-purpose': purpose } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  t = await startTestServer();
  // A provider registered as a sector module would: one call.
  t.app.lgsp.registerProvider<{ value: number }, unknown>({
    code: 'test-echo',
    name: { vi: 'Dịch vụ thử', en: 'Test service' },
    ownerUnitId: 'bkhcn',
    provider: { kind: 'internal', name: 'test registry' },
    requestSchema: { type: 'object', required: ['value'], additionalProperties: false, properties: { value: { type: 'integer' } } },
    responseSchema: { type: 'object', required: ['double'], additionalProperties: false, properties: { double: { type: 'integer' } } },
    async handler({ body }) {
      if (body.value === 404) throw new ProblemError('not_found');
      if (body.value === 500) throw new Error('provider down');
      // 13 answers outside the published schema.
      return body.value === 13 ? { double: 'thirteen' } : { double: body.value * 2 };
    },
  });
  await t.app.lgsp.admin.createConsumer(system, { id: 'partner', name: 'Hệ thống đối tác', secret: 'partner-secret-0001', services: ['test-echo', 'population-query', 'business-registry'] });
  await t.app.lgsp.admin.createConsumer(system, { id: 'slow', name: 'Hệ thống giới hạn', secret: 'slow-secret-000001', services: ['test-echo'], perMinute: 2 });
  await t.app.lgsp.admin.createConsumer(system, { id: 'other', name: 'Không được cấp quyền', secret: 'other-secret-00001', services: [] });
}, 60_000);
afterAll(() => t?.close());

describe('the token endpoint', () => {
  it('issues a token for client_secret_basic with the granted scopes', async () => {
    const { status, body } = await token('partner', 'partner-secret-0001');
    expect(status).toBe(200);
    expect(body.scope!.split(' ').sort()).toEqual(['business-registry', 'population-query', 'test-echo']);
  });

  it('refuses a wrong secret, an unknown client and a scope not granted', async () => {
    expect((await token('partner', 'wrong')).status).toBe(401);
    expect((await token('nobody', 'x')).body.error).toBe('invalid_client');
    const refused = await token('other', 'other-secret-00001', 'test-echo');
    expect([refused.status, refused.body.error]).toEqual([400, 'invalid_scope']);
  });

  it('accepts private_key_jwt once per jti, with the audience checked', async () => {
    const pair = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'c1', alg: 'ES256' };
    await t.app.lgsp.admin.createConsumer(system, { id: 'keyed', name: 'Khóa', authMethod: 'private_key_jwt', jwks: { keys: [jwk] }, services: ['test-echo'] });
    const assertion = (aud: string, jti: string) =>
      new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: 'c1' }).setIssuer('keyed').setSubject('keyed').setAudience(aud).setJti(jti).setIssuedAt().setExpirationTime('2m').sign(pair.privateKey);
    const post = async (jwt: string) =>
      fetch(`${t.url}/lgsp/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: jwt }),
      });
    const aud = `${lgspIssuer(t.config)}/oauth/token`;
    const jwt = await assertion(aud, 'a-1');
    expect((await post(jwt)).status).toBe(200);
    const replay = await post(jwt);
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { detail: string }).detail).toMatch(/jti/);
    expect((await post(await assertion('https://elsewhere.example/token', 'a-2'))).status).toBe(401);
  });
});

describe('a call through the gateway', () => {
  let partner: string;
  beforeAll(async () => {
    partner = (await token('partner', 'partner-secret-0001')).body.access_token!;
  });

  it('answers the provider’s result, with the log row’s number', async () => {
    const r = await call('test-echo', partner, { value: 21 });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ double: 42 });
    expect(Number(r.headers.get('x-lgsp-seq'))).toBeGreaterThan(0);
  });

  it.each([
    ['no token', undefined, { value: 1 }, 'administrative-procedure', 401, 'lgsp_invalid_token'],
    ['no purpose', 'partner', { value: 1 }, null, 400, 'lgsp_purpose_required'],
    ['an unknown purpose', 'partner', { value: 1 }, 'curiosity', 400, 'lgsp_purpose_required'],
    ['a body outside the schema', 'partner', { value: 'x' }, 'research', 400, 'lgsp_request_invalid'],
    ['a provider’s answer outside the schema', 'partner', { value: 13 }, 'research', 502, 'lgsp_response_invalid'],
    ['a provider’s failure', 'partner', { value: 500 }, 'research', 502, 'lgsp_provider_failed'],
    ['a provider’s not found', 'partner', { value: 404 }, 'research', 404, 'not_found'],
  ])('%s: a problem+json', async (_name, who, body, purpose, status, code) => {
    const r = await call('test-echo', who ? partner : undefined, body, purpose);
    expect([r.status, r.body.code]).toEqual([status, code]);
    expect(r.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('refuses a service outside the token’s scope and the ACL', async () => {
    const other = (await token('other', 'other-secret-00001')).body.access_token!;
    const r = await call('test-echo', other, { value: 1 });
    expect([r.status, r.body.code]).toEqual([403, 'lgsp_not_allowed']);
    expect((await call('no-such-service', partner, {})).status).toBe(404);
  });

  it('answers 429 with Retry-After past the per-minute limit', async () => {
    const slow = (await token('slow', 'slow-secret-000001')).body.access_token!;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call('test-echo', slow, { value: i })).status);
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    // The third is refused unless the minute turned between the calls.
    const third = await call('test-echo', slow, { value: 9 });
    if (third.status === 429) {
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(third.body.code).toBe('lgsp_rate_limited');
    } else expect(statuses[2]).toBe(429);
  });

  it('stops a disabled consumer’s token at once on this instance', async () => {
    const before = await call('test-echo', partner, { value: 2 });
    expect(before.status).toBe(200);
    await t.app.lgsp.admin.updateConsumer(system, 'partner', { enabled: false });
    expect((await call('test-echo', partner, { value: 2 })).status).toBe(401);
    await t.app.lgsp.admin.updateConsumer(system, 'partner', { enabled: true });
    expect((await call('test-echo', partner, { value: 2 })).status).toBe(200);
  });

  it('refuses the calls of a service an administrator disabled, and answers again once enabled', async () => {
    await t.app.lgsp.admin.setServiceEnabled(system, 'test-echo', false);
    expect((await call('test-echo', partner, { value: 3 })).status).toBe(403);
    await t.app.lgsp.admin.setServiceEnabled(system, 'test-echo', true);
    expect((await call('test-echo', partner, { value: 3 })).status).toBe(200);
  });

  it('queries the population database through its client', async () => {
    const r = await call('population-query', partner, { personalId: '001099012345', fullName: 'Nguyễn Văn A', birthYear: 1999 });
    expect(r.status).toBe(200);
    expect(['found', 'not_found', 'mismatch']).toContain(r.body.status);
  });

  it('calls a national service through NDXP and publishes the ministry’s services to it', async () => {
    const r = await call('business-registry', partner, { taxCode: '0101234567' });
    expect(r.status).toBe(200);
    expect(r.body.taxCode).toBe('0101234567');
    expect((await call('business-registry', partner, { taxCode: '0101234000' })).status).toBe(404);
    const published = await t.app.lgsp.admin.publishToNdxp(system);
    expect(published).toBeGreaterThanOrEqual(2);
    const catalog = await fetch(`${t.url}/emulators/ndxp/catalog`, { headers: { authorization: `Bearer ${t.config.NDXP_API_KEY}`, 'x-agency-code': t.config.NDXP_AGENCY_CODE } });
    const codes = ((await catalog.json()) as { services: { code: string; endpoint: string }[] }).services.map((s) => s.code);
    expect(codes).toEqual(expect.arrayContaining(['dossier-status', 'test-echo']));
    expect(codes).not.toContain('business-registry');
  });
});

describe('the message log', () => {
  it('has a row for every call, and verifies with its signed head', async () => {
    await t.app.lgsp.writer.drain();
    const rows = await t.db.selectFrom('lgsp_message').select(['seq', 'outcome', 'consumer_id', 'purpose']).orderBy('seq').execute();
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.some((r) => r.outcome === 'lgsp_invalid_token' && r.consumer_id === null)).toBe(true);
    expect(rows.some((r) => r.outcome === 'lgsp_purpose_required' && r.purpose === null)).toBe(true);
    const head = await t.app.lgsp.signHead();
    expect(head?.seq).toBe(rows.at(-1)!.seq);
    const report = await t.app.lgsp.verify();
    expect(report).toMatchObject({ ok: true, rows: rows.length, heads: 1, unsignedTail: 0 });
    const lines: ExportLine[] = [];
    for await (const line of t.app.lgsp.exportLines()) lines.push(line);
    expect(await verifyLines(lines)).toMatchObject({ ok: true });
  });

  it('refuses updates and deletes of a row', async () => {
    await expect(sql`update lgsp_message set status = 200 where seq = 1`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from lgsp_message where seq = 1`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('is read by officers holding lgsp.audit, filtered and paged', async () => {
    const auditor = await loginAs(t.db, { kind: 'officer', username: 'kiemtoan', roles: [{ role: 'auditor', unitId: 'bkhcn' }] });
    const page = await t.app.inject({ url: '/api/v1/lgsp/log?consumer=partner&limit=3', headers: auditor.headers });
    expect(page.statusCode).toBe(200);
    const body = page.json() as { items: { consumerId: string; seq: number }[]; nextBefore: number };
    expect(body.items).toHaveLength(3);
    expect(body.items.every((i) => i.consumerId === 'partner')).toBe(true);
    const next = (await t.app.inject({ url: `/api/v1/lgsp/log?consumer=partner&limit=3&before=${body.nextBefore}`, headers: auditor.headers })).json() as { items: { seq: number }[] };
    expect(next.items[0]!.seq).toBeLessThan(body.items.at(-1)!.seq);
    const stats = (await t.app.inject({ url: '/api/v1/lgsp/stats', headers: auditor.headers })).json() as { rows: { serviceCode: string; calls: number; errors: number }[] };
    expect(stats.rows.find((r) => r.serviceCode === 'test-echo')!.errors).toBeGreaterThan(0);
    // An auditor reads; changing needs lgsp.admin.
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/lgsp/consumers/partner', headers: auditor.headers, payload: { enabled: false } })).statusCode).toBe(403);
  });

  it('exports Prometheus metrics per service and consumer', async () => {
    const admin = await loginAs(t.db, { kind: 'officer', username: 'qtmetrics', roles: [{ role: 'auditor', unitId: 'bkhcn' }] });
    const text = (await t.app.inject({ url: '/metrics', headers: admin.headers })).body;
    expect(text).toMatch(/lgsp_calls_total\{service="test-echo",consumer="partner",status_class="2xx"\} \d+/);
    expect(text).toMatch(/lgsp_call_duration_seconds_bucket\{le="0.005",service="test-echo",consumer="partner"\}/);
  });
});

describe('administration', () => {
  it('creates, rotates and grants through the API, each change audited', async () => {
    const admin = await loginAs(t.db, { kind: 'officer', username: 'qtlgsp', roles: [{ role: 'admin', unitId: 'bkhcn' }] });
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/lgsp/consumers', headers: admin.headers, payload: { id: 'cong-dvcqg', name: 'Cổng Dịch vụ công quốc gia', services: ['dossier-status'] } });
    expect(created.statusCode).toBe(201);
    const { clientSecret } = created.json() as { clientSecret: string };
    expect((await token('cong-dvcqg', clientSecret)).status).toBe(200);
    const rotated = (await t.app.inject({ method: 'POST', url: '/api/v1/lgsp/consumers/cong-dvcqg/secret', headers: admin.headers })).json() as { clientSecret: string };
    expect((await token('cong-dvcqg', clientSecret)).status).toBe(401);
    expect((await token('cong-dvcqg', rotated.clientSecret)).status).toBe(200);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/lgsp/consumers/cong-dvcqg/services/test-echo', headers: admin.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/lgsp/consumers/cong-dvcqg/services/nope', headers: admin.headers })).statusCode).toBe(422);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/lgsp/consumers/cong-dvcqg/services/dossier-status', headers: admin.headers })).statusCode).toBe(200);
    const actions = (await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', 'cong-dvcqg').orderBy('id').execute()).map((r) => r.action);
    expect(actions).toEqual(['lgsp.consumer.create', 'lgsp.consumer.secret.rotate', 'lgsp.acl.grant', 'lgsp.acl.revoke']);
    const services = (await t.app.inject({ url: '/api/v1/lgsp/services', headers: admin.headers })).json() as { items: { code: string; consumers: string[] }[] };
    expect(services.items.find((s) => s.code === 'test-echo')!.consumers).toContain('cong-dvcqg');
  });
});

describe('the token endpoint per client address', () => {
  it('answers 429 with Retry-After past the address’s requests of the minute, whatever client ids it tries', async () => {
    const s = await startTestServer({ LGSP_TOKEN_PER_MINUTE_PER_ADDRESS: '3' });
    try {
      const ask = (id: string) =>
        fetch(`${s.url}/lgsp/oauth/token`, {
          method: 'POST',
          headers: { authorization: basic(id, 'guess'), 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ grant_type: 'client_credentials' }),
        });
      const statuses: number[] = [];
      for (const id of ['a1', 'a2', 'a3', 'a4']) statuses.push((await ask(id)).status);
      // Four different client ids, each failing once: only the address limit stops the fourth
      // (unless the minute turned between the requests: then the next one is stopped).
      const last = statuses[3] === 429 ? statuses : [...statuses.slice(1), (await ask('a5')).status];
      expect(last.slice(0, 2)).toEqual([401, 401]);
      expect(last.at(-1)).toBe(429);
      const refused = await ask('a6');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as { code: string }).code).toBe('lgsp_rate_limited');
    } finally {
      await s.close();
    }
  });
});
