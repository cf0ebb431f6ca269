// Shared by the benchmarks: start motcua as its own process (as in production) and stop it.
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';

/**
 * Starts `motcua start` on 127.0.0.1:port and resolves once /readyz answers 200. Node options for
 * the server alone (a profile: `BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"`)
 * come from BENCH_SERVER_NODE_ARGS.
 */
export async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, 'bin/motcua', 'start'], {
    env: {
      ...process.env,
      // No demo data work in the background while measuring.
      CATALOG_SEED: 'false',
      POPULATION_EMULATOR_PEOPLE: '0',
      DEMO_ACCOUNTS: 'false',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server did not become ready');
}

export async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Runs `fn` with the URL of a fresh PostgreSQL database made beside `adminUrl`, dropped afterwards
 * (unless `keep`). Resolves to false, saying why, when the server cannot be reached.
 */
export async function withScratchDatabase(
  adminUrl: string,
  prefix: string,
  fn: (url: string) => Promise<void>,
  options: { keep?: boolean } = {},
): Promise<boolean> {
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`PostgreSQL  skipped: cannot connect to ${adminUrl} (${(error as Error).message})`);
    return false;
  }
  const name = `${prefix}_${process.pid}`;
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    await fn(url.toString());
    return true;
  } finally {
    if (options.keep) console.log(`kept database ${name}`);
    else await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
