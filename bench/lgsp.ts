// Benchmark of the data-exchange gateway: the overhead it adds to a provider, measured in the same
// run against the same handler behind a plain route. On PGlite and on PostgreSQL:
//   1. sequential calls (one at a time): p50/p99 of the direct route and of the gateway, and the
//      difference at p50 — what the gateway adds to one call (token check from cache, ACL,
//      purpose, limits, both schemas, the log row committed, metrics);
//   2. autocannon at BENCH_CONNECTIONS: requests/s through each.
// Never pass/fail; keep it short on a shared machine.
//   npm run bench -- lgsp
//   BENCH_DURATION=5 BENCH_CONNECTIONS=32 BENCH_SEQUENTIAL=2000 node --import tsx bench/lgsp.ts
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { withScratchDatabase } from './support.ts';

const duration = Number(process.env.BENCH_DURATION ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const sequential = Number(process.env.BENCH_SEQUENTIAL ?? 2000);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECRET = 'bench-secret-0001';

async function startBenchServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lgsp-server.ts'], {
    env: { ...process.env, ...env, BENCH_SECRET: SECRET },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const m = /^ready (\d+)$/.exec(line);
    if (m) return { child, port: Number(m[1]) };
  }
  throw new Error('the bench server did not start');
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function measure(label: string, port: number): Promise<void> {
  const base = `http://127.0.0.1:${port}`;
  const tokenResponse = await fetch(`${base}/lgsp/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`bench:${SECRET}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const body = JSON.stringify({ personalId: '001099012345', n: 1 });
  const targets: Array<{ name: string; url: string; headers: Record<string, string> }> = [
    { name: 'direct  POST /bench/direct', url: `${base}/bench/direct`, headers: { 'content-type': 'application/json' } },
    {
      name: 'gateway POST /lgsp/v1/bench-echo',
      url: `${base}/lgsp/v1/bench-echo`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': 'research' },
    },
  ];
  const p50s: number[] = [];
  for (const target of targets) {
    // Warm up, then one call at a time.
    for (let i = 0; i < 200; i++) await (await fetch(target.url, { method: 'POST', headers: target.headers, body })).arrayBuffer();
    const times: number[] = [];
    let failures = 0;
    for (let i = 0; i < sequential; i++) {
      const started = performance.now();
      const response = await fetch(target.url, { method: 'POST', headers: target.headers, body });
      await response.arrayBuffer();
      times.push(performance.now() - started);
      if (response.status !== 200) failures++;
    }
    times.sort((a, b) => a - b);
    p50s.push(quantile(times, 0.5));
    console.log(`${label.padEnd(10)} ${target.name} sequential: p50 ${quantile(times, 0.5).toFixed(3)} ms, p99 ${quantile(times, 0.99).toFixed(3)} ms (${sequential} calls, ${failures} non-200)`);
  }
  console.log(`${label.padEnd(10)} added by the gateway at p50: ${(p50s[1]! - p50s[0]!).toFixed(3)} ms`);
  for (const target of targets) {
    const result = await autocannon({ url: target.url, method: 'POST', headers: target.headers, body, connections, duration });
    console.log(
      `${label.padEnd(10)} ${target.name} ${connections} connections: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.errors + result.non2xx} errors/non-2xx (${duration} s)`,
    );
  }
}

console.log(`node ${process.version}; ${connections} connections, ${duration} s each; ${sequential} sequential calls each`);
const dataDir = mkdtempSync(path.join(tmpdir(), 'motcua-bench-lgsp-'));
try {
  const { child, port } = await startBenchServer({ DATA_DIR: dataDir });
  try {
    await measure('PGlite', port);
  } finally {
    await stop(child);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
await withScratchDatabase(adminUrl, 'motcua_bench_lgsp', async (url) => {
  const { child, port } = await startBenchServer({ DATABASE_URL: url });
  try {
    await measure('PostgreSQL', port);
  } finally {
    await stop(child);
  }
});
