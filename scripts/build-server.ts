// Compiles the server to JavaScript under dist/ (tsconfig.build.json: no type check, imports
// rewritten to .js), copies the files read beside the modules (fonts, API docs assets), and
// stamps the build with the newest source time it saw, which bin/motcua compares before it runs
// dist/ rather than the sources. Run by `npm install` (prepare); usable as a function.
//   node --import tsx scripts/build-server.ts
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMPILED_CLI, compiledServerIsFresh, newestServerSource, SERVER_STAMP } from '../bin/source-freshness.js';
import { packageRoot } from '../src/package-root.ts';

const root = packageRoot();

/** Every file below `dir` that is not TypeScript, relative to `dir`. */
function assets(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) return assets(dir, relative);
    return entry.name.endsWith('.ts') ? [] : [relative];
  });
}

/** Builds dist/ when it is missing or older than a source. Resolves to true when it built. */
export function buildServerIfStale(options: { quiet?: boolean } = {}): boolean {
  const log = (line: string) => {
    if (!options.quiet) process.stdout.write(`${line}\n`);
  };
  if (compiledServerIsFresh(root)) {
    log('compiled server is up to date (dist/)');
    return false;
  }
  const startedAt = Date.now();
  // Read before compiling: a source edited during the build leaves the stamp older than it.
  const newest = newestServerSource(root);
  rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, encoding: 'utf8' });
  // noCheck: only syntax errors stop the emit; they are reported, and no stamp is written.
  if (run.status !== 0) throw new Error(`tsc failed:\n${run.stdout}${run.stderr}`);
  for (const file of assets(path.join(root, 'src'))) {
    const target = path.join(root, 'dist', 'src', file);
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(path.join(root, 'src', file), target);
  }
  // The compiled build-web script imports the freshness helpers by a plain .js path.
  cpSync(path.join(root, 'bin', 'source-freshness.js'), path.join(root, 'dist', 'bin', 'source-freshness.js'));
  writeFileSync(path.join(root, SERVER_STAMP), `${JSON.stringify({ newest, builtAt: new Date().toISOString() })}\n`);
  log(`compiled the server into dist/ in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (${COMPILED_CLI})`);
  return true;
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (runDirectly) {
  try {
    buildServerIfStale();
  } catch (error) {
    process.stderr.write(`build-server: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
