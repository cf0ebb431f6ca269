// Run by `npm install` (the "prepare" script): builds the web app when its sources changed, and
// makes the archive of a ready embedded database so that the first `npm start` is quick.
import { buildPgliteTemplate } from '../src/db/pglite-template.ts';
import { buildWebIfStale } from './build-web-if-stale.ts';

try {
  await buildWebIfStale();
} catch (error) {
  process.stderr.write(`prepare: could not build the web app: ${(error as Error).message}\n`);
  process.exit(1);
}
try {
  const started = Date.now();
  const file = await buildPgliteTemplate();
  process.stdout.write(`embedded database template ready (${((Date.now() - started) / 1000).toFixed(1)} s): ${file}\n`);
} catch (error) {
  // Not fatal: without the archive the first start initializes the database itself.
  process.stderr.write(`prepare: no embedded database template: ${(error as Error).message}\n`);
}
