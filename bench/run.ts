// Benchmark: starts motcua (as its own process, as in production) on PGlite and on PostgreSQL and
// measures /healthz and the deadline endpoint with autocannon. Prints requests/s and p50/p99.
//   npm run bench                       (PostgreSQL at BENCH_DATABASE_URL or the local server)
//   BENCH_DURATION=20 BENCH_CONNECTIONS=64 npm run bench
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startServer, stopServer, withScratchDatabase } from './support.ts';

// `npm run bench -- lgsp` runs bench/lgsp.ts (the gateway's overhead) instead of the default.
if (process.argv[2] === 'lgsp') {
  await import('./lgsp.ts');
  process.exit(0);
}
// `npm run bench -- quality` runs bench/quality.ts (the 766 index from its counters) instead.
if (process.argv[2] === 'quality') {
  await import('./quality.ts');
  process.exit(0);
}

// `npm run bench -- reconcile` runs bench/reconcile.ts (a sector database against the population emulator) instead.
if (process.argv[2] === 'reconcile') {
  await import('./reconcile.ts');
  process.exit(0);
}

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const targets = [
  { name: 'GET /healthz', path: '/healthz' },
  {
    name: 'GET /api/v1/calendar/deadline (10 working days across Tết 2026)',
    path: '/api/v1/calendar/deadline?from=2026-02-10T09:00:00%2B07:00&amount=10&unit=working_days',
  },
];

async function measure(label: string, port: number): Promise<void> {
  for (const target of targets) {
    const result = await autocannon({ url: `http://127.0.0.1:${port}${target.path}`, connections, duration });
    const errors = result.errors + result.non2xx;
    console.log(
      `${label.padEnd(10)} ${target.name}\n` +
        `           ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, ` +
        `p99 ${result.latency.p99} ms, ${errors} errors/non-2xx (${connections} connections, ${duration} s)`,
    );
  }
}

console.log(`node ${process.version}; ${connections} connections; ${duration} s per endpoint`);

const dataDir = mkdtempSync(path.join(tmpdir(), 'motcua-bench-'));
try {
  const server = await startServer({ DATA_DIR: dataDir }, 3101);
  try {
    await measure('PGlite', 3101);
  } finally {
    await stopServer(server);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

await withScratchDatabase(adminUrl, 'motcua_bench', async (url) => {
  const server = await startServer({ DATABASE_URL: url }, 3102);
  try {
    await measure('PostgreSQL', 3102);
  } finally {
    await stopServer(server);
  }
});
