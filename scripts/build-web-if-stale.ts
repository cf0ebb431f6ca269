// Builds the web app (web/ → web/dist) with Vite, but only when web/dist/index.html is missing or
// older than a source: anything under web/src or web/public, web/index.html, web/vite.config.ts.
// Run by `npm install` (prepare) and before the server starts; usable from tests as a function.
//   node --import tsx scripts/build-web-if-stale.ts
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { newestMtime } from '../bin/source-freshness.js';
import { packageRoot } from '../src/package-root.ts';

const repoRoot = packageRoot();
const webDir = path.join(repoRoot, 'web');
const configFile = path.join(webDir, 'vite.config.ts');
const builtIndex = path.join(webDir, 'dist', 'index.html');
const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((p) => path.join(webDir, p));

/** Whether web/dist is missing or older than its sources. */
export function webIsStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  const built = statSync(builtIndex).mtimeMs;
  return sources.some((source) => newestMtime(source) > built);
}

/** Builds web/dist when stale. Resolves to true when it built, false when it was up to date. */
export async function buildWebIfStale(options: { quiet?: boolean } = {}): Promise<boolean> {
  const log = (line: string) => {
    if (!options.quiet) process.stdout.write(`${line}\n`);
  };
  if (!webIsStale()) {
    log('web app is up to date (web/dist)');
    return false;
  }
  const startedAt = Date.now();
  const { build } = await import('vite');
  // Vite keeps a NODE_ENV it finds (vitest sets "test"), which would bundle React's development
  // build: web/dist is always a production build, whoever asks for it.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile, logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  if (!existsSync(builtIndex)) throw new Error('the Vite build finished without writing web/dist/index.html');
  log(`built the web app into web/dist in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  return true;
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;

if (runDirectly) {
  try {
    await buildWebIfStale();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`build-web-if-stale: could not build the web app: ${message}\n`);
    process.exit(1);
  }
}
