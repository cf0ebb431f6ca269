// Benchmark: population queries through motcua's PopulationClient against the population database
// emulator (its own process, as a separate system would be), at concurrency 32:
//   1. the emulator called directly (fetch), every query a different person;
//   2. the client with the cache off (cold): retries, breaker, timeout, XML parsing — its overhead
//      over (1);
//   3. the client with a warm cache;
//   4. GET /api/v1/population/me through a motcua server on PostgreSQL (session, query log rows,
//      masking), cache cold and warm, with autocannon.
// Prints requests/s and p50/p99. Never pass/fail.
//   node --import tsx bench/population.ts
//   BENCH_DURATION=20 BENCH_CONCURRENCY=64 BENCH_DATABASE_URL=postgres://... node --import tsx bench/population.ts
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import { openPostgres } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { syntheticCitizen } from '../src/emulators/population/generator.ts';
import { insertAccount } from '../src/modules/identity/officers/store.ts';
import { SESSION_COOKIE, openSession } from '../src/modules/identity/sessions/service.ts';
import { PopulationClient } from '../src/modules/population/client.ts';
import { parseCongDanEnvelope } from '../src/modules/population/record.ts';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const people = Number(process.env.BENCH_PEOPLE ?? 2000);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const EMULATOR_PORT = 4102;
const SERVER_PORT = 3102;
const CODE = 'BENCH-MOTCUA';
const KEY = 'bench-population-key-0123456789';

const sample = Array.from({ length: people }, (_, i) => syntheticCitizen(i, 1));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs `task` from `concurrency` loops for `duration` seconds. */
async function loop(label: string, task: (i: number) => Promise<boolean>): Promise<void> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const end = performance.now() + duration * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const i = next++;
      const t0 = performance.now();
      const ok = await task(i);
      latencies.push(performance.now() - t0);
      if (!ok) errors++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;
  console.log(
    `${label.padEnd(44)} ${Math.round(latencies.length / seconds).toString().padStart(6)} req/s  ` +
      `mean ${mean.toFixed(2)} ms  p50 ${percentile(latencies, 50).toFixed(2)} ms  p99 ${percentile(latencies, 99).toFixed(2)} ms  ` +
      `${errors} errors`,
  );
}

async function startChild(args: string[], env: Record<string, string>, ready: RegExp | string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/motcua', ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (typeof ready === 'string') {
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(ready)).ok) return child;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    throw new Error(`${args.join(' ')} did not become ready`);
  }
  let out = '';
  for await (const chunk of child.stdout!) {
    out += String(chunk);
    if (ready.test(out)) return child;
  }
  throw new Error(`${args.join(' ')} exited: ${out}`);
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

console.log(`node ${process.version}; concurrency ${concurrency}; ${duration} s per scenario; ${people} people`);
const emulator = await startChild(
  ['emulator', 'population', '--port', String(EMULATOR_PORT), '--people', String(people), '--memory', '--integration-code', CODE, '--api-key', KEY],
  {},
  /POPULATION_API_KEY=/,
);
const url = `http://127.0.0.1:${EMULATOR_PORT}/`;
try {
  const body = (i: number) => {
    const p = sample[i % people]!;
    return JSON.stringify({
      HoVaTen: p.fullName,
      SoDinhDanh: p.personalId,
      SoCMND: '',
      NgayThangNam: p.birthDate.replaceAll('-', ''),
      Nam: '',
      MaTichHop: CODE,
      MaDVC: 'BKHCN',
      MaCanBo: 'bench',
      MaYeuCau: `bench-${i}`,
    });
  };
  // Warm the emulator's own buffers once.
  await loop('(warm-up) emulator, direct', async (i) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: body(i) })).ok);

  await loop('emulator, direct fetch (no client)', async (i) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: body(i) });
    const json = (await res.json()) as { error_code: string };
    return json.error_code === '0';
  });

  const client = (cacheTtlMs: number) =>
    new PopulationClient({
      url,
      integrationCode: CODE,
      apiKey: KEY,
      serviceCode: 'BKHCN',
      timeoutMs: 5000,
      retries: 2,
      breakerFailures: 100,
      breakerOpenMs: 10_000,
      cacheTtlMs,
      cacheMaxEntries: 10_000,
    });
  const query = (i: number) => {
    const p = sample[i % people]!;
    return { personalId: p.personalId, fullName: p.fullName, birthDate: p.birthDate };
  };
  // The client's own cost, without network or emulator: a canned answer.
  const canned = await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: body(0) })).text();
  await loop('answer parsing alone (JSON + SOAP XML)', async () => {
    const json = JSON.parse(canned) as { message: string };
    return parseCongDanEnvelope(json.message).length === 1;
  });
  const offline = new PopulationClient({
    url,
    integrationCode: CODE,
    apiKey: KEY,
    serviceCode: 'BKHCN',
    timeoutMs: 5000,
    retries: 2,
    breakerFailures: 100,
    breakerOpenMs: 10_000,
    cacheTtlMs: 0,
    cacheMaxEntries: 0,
    fetch: async () => new Response(canned, { status: 200, headers: { 'content-type': 'application/json' } }),
  });
  await loop('PopulationClient, canned answer (no network)', async () => (await offline.query(query(0), { requestId: 'x', officerCode: 'bench' })).status === 'found');

  const cold = client(0);
  await loop('PopulationClient, cache off (cold)', async (i) => (await cold.query(query(i), { requestId: `c-${i}`, officerCode: 'bench' })).status === 'found');
  const warm = client(600_000);
  for (let i = 0; i < people; i++) await warm.query(query(i), { requestId: `w-${i}`, officerCode: 'bench' });
  await loop('PopulationClient, cache warm', async (i) => (await warm.query(query(i), { requestId: `h-${i}`, officerCode: 'bench' })).status === 'found');

  // 4. Through a motcua route (PostgreSQL: the bench needs to open a session in the database).
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`GET /api/v1/population/me: skipped, cannot connect to ${adminUrl} (${(error as Error).message})`);
    process.exit(0);
  }
  const dbName = `motcua_bench_pop_${process.pid}`;
  await admin.query(`create database ${dbName}`);
  try {
    const dbUrl = new URL(adminUrl);
    dbUrl.pathname = `/${dbName}`;
    const database = openPostgres(dbUrl.toString(), 2);
    await migrateToLatest(database.db);
    const p = sample[7]!;
    const accountId = await insertAccount(database.db, { kind: 'citizen', personal_id: p.personalId, full_name: p.fullName });
    const session = await openSession(database.db, { idleMs: 3_600_000, absoluteMs: 3_600_000, secure: false }, { accountId, method: 'vneid', acr: 'LoA2' });
    await database.close();
    for (const [label, ttl] of [
      ['cache off', '0'],
      ['cache warm', '60'],
    ] as const) {
      const server = await startChild(
        ['start'],
        {
          DATABASE_URL: dbUrl.toString(),
          PORT: String(SERVER_PORT),
          HOST: '127.0.0.1',
          POPULATION_API_URL: url,
          POPULATION_API_KEY: KEY,
          POPULATION_INTEGRATION_CODE: CODE,
          POPULATION_CACHE_TTL_SECONDS: ttl,
          POPULATION_BREAKER_FAILURES: '100',
          DEMO_ACCOUNTS: 'false',
        },
        `http://127.0.0.1:${SERVER_PORT}/readyz`,
      );
      try {
        const result = await autocannon({
          url: `http://127.0.0.1:${SERVER_PORT}/api/v1/population/me`,
          connections: concurrency,
          duration,
          headers: { cookie: `${SESSION_COOKIE}=${session.token}` },
        });
        console.log(
          `${`GET /api/v1/population/me, ${label}`.padEnd(44)} ${Math.round(result.requests.average).toString().padStart(6)} req/s  ` +
            `p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  ${result.errors + result.non2xx} errors/non-2xx`,
        );
      } finally {
        await stop(server);
      }
    }
  } finally {
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
} finally {
  await stop(emulator);
}
