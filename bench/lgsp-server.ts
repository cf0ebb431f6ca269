// The server the gateway benchmark measures (its own process): the real application over PGlite
// (DATA_DIR) or PostgreSQL (DATABASE_URL), with one more provider registered as a sector module
// would (`bench-echo`, pure computation, so what is measured is the gateway) and, beside the
// gateway, the same handler behind a plain route (`POST /bench/direct`) as the baseline. Creates
// the consumer `bench` (secret BENCH_SECRET) allowed on it. Prints "ready <port>" when listening.
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedUnits } from '../src/modules/identity/seed/units.ts';
import { buildApp } from '../src/server.ts';
import type { ProviderRegistration } from '../src/modules/lgsp/module.ts';

const config = loadConfig({ ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', CATALOG_SEED: 'false', POPULATION_EMULATOR_PEOPLE: '0', DEMO_ACCOUNTS: 'false', JOB_RUNNER: 'false' });
const database = await openDatabase(config);
await migrateToLatest(database.db);
await seedUnits(database.db);
const app = await buildApp({ config, database });

const echo: ProviderRegistration<{ personalId: string; n: number }, unknown> = {
  code: 'bench-echo',
  name: { vi: 'Dịch vụ đo hiệu năng', en: 'Benchmark service' },
  ownerUnitId: 'bkhcn',
  provider: { kind: 'internal', name: 'bench' },
  requestSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['personalId', 'n'],
    properties: { personalId: { type: 'string', pattern: '^[0-9]{12}$' }, n: { type: 'integer' } },
  },
  responseSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['personalId', 'n', 'ok'],
    properties: { personalId: { type: 'string' }, n: { type: 'integer' }, ok: { type: 'boolean' } },
  },
  async handler({ body }) {
    return { personalId: body.personalId, n: body.n + 1, ok: true };
  },
};
app.lgsp.registerProvider(echo);
app.post('/bench/direct', { config: { access: 'public' }, schema: { hide: true } }, async (request) =>
  echo.handler({ body: request.body as { personalId: string; n: number }, consumerId: 'bench', purpose: 'research', requestId: request.id }),
);
await app.ready();
if (!(await app.lgsp.admin.consumers({ system: 'bench' })).some((c) => c.id === 'bench')) {
  await app.lgsp.admin.createConsumer({ system: 'bench' }, { id: 'bench', name: 'Benchmark', secret: process.env.BENCH_SECRET ?? 'bench-secret-0001', services: ['bench-echo'], perMinute: 10_000_000, perDay: 1_000_000_000 });
}
const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write(`ready ${new URL(address).port}\n`);
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
