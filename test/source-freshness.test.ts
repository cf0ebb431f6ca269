// bin/motcua runs the compiled server only when no source is newer than what it was built from:
// an edited, added or deleted source, or a missing build, sends it back to the sources (tsx).
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPILED_CLI, compiledServerIsFresh, newestServerSource, SERVER_STAMP } from '../bin/source-freshness.js';

const root = mkdtempSync(path.join(tmpdir(), 'motcua-freshness-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const at = (file: string, seconds: number) => utimesSync(path.join(root, file), seconds, seconds);
const stamp = () => writeFileSync(path.join(root, SERVER_STAMP), JSON.stringify({ newest: newestServerSource(root) }));

describe('the compiled server is fresh', () => {
  it('only while no source is newer than its stamp', () => {
    mkdirSync(path.join(root, 'src', 'db'), { recursive: true });
    writeFileSync(path.join(root, 'src', 'cli.ts'), '');
    writeFileSync(path.join(root, 'src', 'db', 'a.ts'), '');
    for (const f of ['src/cli.ts', 'src/db/a.ts', 'src/db', 'src']) at(f, 1_000_000);
    expect(compiledServerIsFresh(root)).toBe(false); // nothing built
    mkdirSync(path.join(root, path.dirname(COMPILED_CLI)), { recursive: true });
    writeFileSync(path.join(root, COMPILED_CLI), '');
    expect(compiledServerIsFresh(root)).toBe(false); // built, not stamped
    stamp();
    expect(compiledServerIsFresh(root)).toBe(true);

    at('src/db/a.ts', 1_000_100); // an edit
    expect(compiledServerIsFresh(root)).toBe(false);
    stamp();
    expect(compiledServerIsFresh(root)).toBe(true);

    rmSync(path.join(root, 'src', 'db', 'a.ts')); // a deletion changes the directory's time
    at('src/db', 1_000_200);
    expect(compiledServerIsFresh(root)).toBe(false);
    stamp();
    writeFileSync(path.join(root, SERVER_STAMP), 'not json');
    expect(compiledServerIsFresh(root)).toBe(false);
  });
});
