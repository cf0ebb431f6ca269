// Shared by the benchmarks: start motcua as its own process (as in production) and stop it.
import { spawn, type ChildProcess } from 'node:child_process';

/** Starts `motcua start` on 127.0.0.1:port and resolves once /readyz answers 200. */
export async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/motcua', 'start'], {
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
