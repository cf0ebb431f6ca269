// Demo data of the gateway (never in production): the consumer `demo` with the secret
// Demo@LGSP2026 (HTTP Basic), allowed on the seeded services, and a few hundred logged calls of the
// last seven days written through the real log writer (chained, then the head signed), so the
// administration page and the export show something on the first start. Deterministic: the same
// calls, outcomes and digests every time (a fixed pseudo-random sequence), dated back from today.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { LgspModule } from './module.ts';
import { findConsumer, messageCount } from './store.ts';
import { mulberry32 } from '../../core/random.ts';

export const DEMO_CONSUMER_ID = 'demo';
export const DEMO_CONSUMER_SECRET = 'Demo@LGSP2026';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const PURPOSES = ['administrative-procedure', 'administrative-procedure', 'administrative-procedure', 'reconciliation', 'inspection'];
const OUTCOMES: Array<[number, string, number]> = [
  // status, outcome, weight
  [200, 'ok', 88],
  [404, 'not_found', 5],
  [400, 'lgsp_request_invalid', 3],
  [429, 'lgsp_rate_limited', 2],
  [502, 'lgsp_provider_failed', 2],
];

/** Creates the demo consumer (if missing) and, into an empty log, `calls` logged calls. Returns the rows written. */
export async function seedLgspDemo(db: Kysely<DB>, lgsp: LgspModule, options: { calls: number; now?: Date }): Promise<number> {
  const services = lgsp.registry.latest().map((s) => s.code);
  if (!(await findConsumer(db, DEMO_CONSUMER_ID))) {
    await lgsp.admin.createConsumer({ system: 'Dữ liệu mẫu (demo)' }, { id: DEMO_CONSUMER_ID, name: 'Hệ thống mẫu (demo)', secret: DEMO_CONSUMER_SECRET, services });
  }
  if (options.calls <= 0 || services.length === 0 || (await messageCount(db)) > 0) return 0;
  const random = mulberry32(278_2025);
  const now = options.now ?? new Date();
  const start = Date.parse(`${new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10)}T00:00:00+07:00`) - 7 * 86_400_000;
  const span = now.getTime() - start;
  const totalWeight = OUTCOMES.reduce((n, [, , w]) => n + w, 0);
  const entries = Array.from({ length: options.calls }, (_, i) => {
    const service = services[Math.floor(random() * services.length)]!;
    let pick = random() * totalWeight;
    const [status, outcome] = OUTCOMES.find(([, , w]) => (pick -= w) < 0) ?? OUTCOMES[0]!;
    const request = JSON.stringify({ demo: i, service });
    const response = JSON.stringify({ demo: i, status });
    return {
      at: new Date(start + Math.floor((span * (i + random())) / options.calls)).toISOString(),
      consumerId: DEMO_CONSUMER_ID,
      serviceCode: service,
      serviceVersion: 1,
      purpose: PURPOSES[Math.floor(random() * PURPOSES.length)]!,
      requestId: `demo-${String(i + 1).padStart(5, '0')}`,
      requestDigest: sha256(request),
      responseDigest: sha256(response),
      status,
      outcome,
      requestBytes: request.length,
      responseBytes: response.length + Math.floor(random() * 400),
      latencyUs: 400 + Math.floor(random() * (service === 'dossier-status' ? 3000 : 40_000)),
    };
  });
  await lgsp.writer.appendAll(entries);
  await lgsp.signHead();
  return entries.length;
}
