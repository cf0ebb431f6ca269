// The folder of motcua's package.json (where node_modules, web/ and the sources are), the same
// whether this file runs from src/ through tsx or compiled under dist/src/.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | undefined;

export function packageRoot(): string {
  if (found) return found;
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'motcua') return (found = dir);
    if (path.dirname(dir) === dir) throw new Error('motcua: no package.json named motcua above this module');
  }
}
