import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { DEMO_CONSUMER_SECRET, seedLgspDemo } from './demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('the gateway demo data', () => {
  it('creates the demo consumer and a verifiable log of calls, once, the same every time', async () => {
    const now = new Date('2026-03-10T03:00:00Z');
    expect(await seedLgspDemo(t.db, t.app.lgsp, { calls: 300, now })).toBe(300);
    expect(await seedLgspDemo(t.db, t.app.lgsp, { calls: 300, now })).toBe(0);
    const report = await t.app.lgsp.verify();
    expect(report).toMatchObject({ ok: true, rows: 300, heads: 1, unsignedTail: 0 });
    const rows = await t.db.selectFrom('lgsp_message').select(['at', 'service_code', 'outcome', 'request_digest']).orderBy('seq').execute();
    // Calls of every registered service: the seeded ones and the sector databases'.
    const services = t.app.lgsp.registry.latest().map((s) => s.code);
    expect(services).toEqual(expect.arrayContaining(['dossier-status', 'population-query', 'business-registry', 'stameq-verification']));
    expect(new Set(rows.map((r) => r.service_code))).toEqual(new Set(services));
    expect(rows.some((r) => r.outcome !== 'ok')).toBe(true);
    expect(rows.every((r) => r.at.getTime() <= now.getTime() && r.at.getTime() >= now.getTime() - 8 * 86_400_000)).toBe(true);
    // Deterministic: a second database gets the same calls.
    const other = await createTestApp();
    try {
      await seedLgspDemo(other.db, other.app.lgsp, { calls: 300, now });
      const again = await other.db.selectFrom('lgsp_message').select(['at', 'service_code', 'outcome', 'request_digest']).orderBy('seq').execute();
      expect(again).toEqual(rows);
    } finally {
      await other.close();
    }
    const response = await t.app.inject({
      method: 'POST',
      url: '/lgsp/oauth/token',
      headers: { authorization: `Basic ${Buffer.from(`demo:${DEMO_CONSUMER_SECRET}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=client_credentials',
    });
    expect(response.statusCode).toBe(200);
  });
});
