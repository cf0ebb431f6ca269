// Whether the compiled server (dist/, built at `npm install` by scripts/build-server.ts) is as new
// as the sources it was built from. Plain JavaScript: bin/motcua decides with it before any
// TypeScript loader is registered, and the build scripts share it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The newest modification time (ms) of a file or of anything below a directory; 0 if absent.
 * A directory's own time counts: deleting a file changes it.
 * @param {string} target
 * @returns {number}
 */
export function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  return newest;
}

/** What the compiled server is built from, relative to the package root. */
export const SERVER_SOURCES = ['src', 'scripts/build-web-if-stale.ts', 'tsconfig.json', 'tsconfig.build.json'];
/** Written by the build: the newest source time it compiled. */
export const SERVER_STAMP = path.join('dist', 'source-stamp.json');
export const COMPILED_CLI = path.join('dist', 'src', 'cli.js');

/**
 * @param {string} root the package root
 * @returns {number}
 */
export const newestServerSource = (root) => Math.max(...SERVER_SOURCES.map((s) => newestMtime(path.join(root, s))));

/**
 * True when the compiled command line exists and no source is newer than what it was built from.
 * @param {string} root the package root
 * @returns {boolean}
 */
export function compiledServerIsFresh(root) {
  const stamp = path.join(root, SERVER_STAMP);
  if (!existsSync(stamp) || !existsSync(path.join(root, COMPILED_CLI))) return false;
  try {
    return JSON.parse(readFileSync(stamp, 'utf8')).newest >= newestServerSource(root);
  } catch {
    return false;
  }
}
