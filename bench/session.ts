// Benchmark: what resolving a session costs per request. The same route (/healthz) is called
// anonymously and with a live session cookie, in-process (app.inject, no network), so the
// difference is the session hook: cookie parse, SHA-256, one query (session + account + roles).
// Then again with the in-process session cache (SESSION_CACHE_MS). Goal: < 0.2 ms overhead.
//   node --import tsx bench/session.ts            (PGlite in memory)
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/session.ts
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { createTestDatabase } from '../src/db/testing.ts';
import { grantRole, insertAccount } from '../src/modules/identity/officers/store.ts';
import { seedUnits } from '../src/modules/identity/seed/units.ts';
import { openSession, SESSION_COOKIE, sessionSettings } from '../src/modules/identity/sessions/service.ts';
import { buildApp } from '../src/server.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const PER_ROUND = Number(process.env.BENCH_PER_ROUND ?? 1000);

async function run(cacheMs: number): Promise<void> {
  const database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', SESSION_CACHE_MS: String(cacheMs) });
  const app = await buildApp({ config, database });
  await app.ready();
  await seedUnits(database.db);
  const id = await insertAccount(database.db, { kind: 'officer', username: 'bench', full_name: 'Bench', unit_id: 'cuc-shtt' });
  await grantRole(database.db, id, 'cuc-shtt', 'specialist', 'bench');
  await grantRole(database.db, id, 'bo-phan-mot-cua', 'receiver', 'bench');
  const session = await openSession(database.db, sessionSettings(config), { accountId: id, method: 'password' });
  const cookie = `${SESSION_COOKIE}=${session.token}`;

  const time = async (headers: Record<string, string>): Promise<number[]> => {
    const out: number[] = [];
    for (let i = 0; i < PER_ROUND; i++) {
      const t0 = performance.now();
      const res = await app.inject({ url: '/healthz', headers });
      out.push(performance.now() - t0);
      if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
    }
    return out;
  };
  // Warm up (JIT, connection pool, query plan).
  await time({});
  await time({ cookie });
  const anon: number[] = [];
  const auth: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    anon.push(...(await time({})));
    auth.push(...(await time({ cookie })));
  }
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return { mean, p50: s[Math.floor(s.length * 0.5)]!, p99: s[Math.floor(s.length * 0.99)]! };
  };
  const a = stats(anon);
  const b = stats(auth);
  const f = (x: number) => `${x.toFixed(3)} ms`;
  console.log(
    `${database.kind.padEnd(8)} cache ${cacheMs ? `${cacheMs} ms` : 'off'}: anonymous mean ${f(a.mean)} (p50 ${f(a.p50)}, p99 ${f(a.p99)}); ` +
      `with session mean ${f(b.mean)} (p50 ${f(b.p50)}, p99 ${f(b.p99)}); ` +
      `overhead mean ${f(b.mean - a.mean)}, p50 ${f(b.p50 - a.p50)}  [${anon.length} requests each]`,
  );
  await app.close();
  await database.close();
}

console.log(`node ${process.version}; in-process requests (app.inject) to GET /healthz`);
await run(0);
await run(5000);
