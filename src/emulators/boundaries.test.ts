// The emulators stand for other systems (the national SSO, the population database): they must
// work without motcua's modules, and what they need of each other is an explicit import.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.dirname(new URL(import.meta.url).pathname);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

describe('the emulators', () => {
  const files = sources(ROOT);

  it('import nothing from src/modules', () => {
    const offenders = files.filter((file) => /from\s+['"][./]*\/modules\/|import\(\s*['"][./]*\/modules\//.test(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('load no module through a computed path at run time', () => {
    // import('./x.ts') with a literal is fine (a lazy load of a known file); import(someUrl) hides a dependency.
    const offenders = files.filter((file) => /\bimport\(\s*(?!['"])/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
