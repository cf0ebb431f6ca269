// Run by `npm install` (the "prepare" script): builds the web app and compiles the server when
// their sources changed, and makes the archive of a ready embedded database so that the first
// `npm start` is quick.
import { buildPgliteTemplate } from '../src/db/pglite-template.ts';
import { buildServerIfStale } from './build-server.ts';
import { buildWebIfStale } from './build-web-if-stale.ts';

try {
  await buildWebIfStale();
} catch (error) {
  process.stderr.write(`prepare: could not build the web app: ${(error as Error).message}\n`);
  process.exit(1);
}
try {
  buildServerIfStale();
} catch (error) {
  // Not fatal: bin/motcua runs the sources through tsx without a compiled server.
  process.stderr.write(`prepare: the server was not compiled: ${(error as Error).message}\n`);
}
try {
  const started = Date.now();
  const file = await buildPgliteTemplate();
  process.stdout.write(`embedded database template ready (${((Date.now() - started) / 1000).toFixed(1)} s): ${file}\n`);
} catch (error) {
  // Not fatal: without the archive the first start initializes the database itself.
  process.stderr.write(`prepare: no embedded database template: ${(error as Error).message}\n`);
}
