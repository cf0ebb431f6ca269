import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openPglite } from './database.ts';
import { pendingMigrations } from './migrate.ts';
import { buildPgliteTemplate, findPgliteTemplate, pgliteTemplatePath } from './pglite-template.ts';

describe('the embedded database template', () => {
  it('a new data folder starts from it already migrated, and keeps its data across restarts', async () => {
    await buildPgliteTemplate();
    expect(findPgliteTemplate()).toBeDefined();
    expect(path.basename(pgliteTemplatePath())).toMatch(/^pglite-template-[0-9a-f]{16}\.tar$/);
    const dir = mkdtempSync(path.join(tmpdir(), 'motcua-template-'));
    try {
      const first = await openPglite(dir);
      expect(await pendingMigrations(first.db)).toEqual([]);
      await sql`insert into unit (id, agency_code, name_vi, name_en, kind) values ('thu', 'G99', 'Thử', 'Test', 'ministry')`.execute(first.db);
      await first.close();
      // Reopened: the folder exists now, so it is opened as it is, not replaced by the template.
      const again = await openPglite(dir);
      const rows = await sql<{ id: string }>`select id from unit`.execute(again.db);
      expect(rows.rows.map((r) => r.id)).toEqual(['thu']);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
