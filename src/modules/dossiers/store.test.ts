// The worklist count over generated dossiers: counted up to its cap, equal to a plain count of the
// same filter below it, and a dossier whose receiving and handling units are both the reader's is
// counted once (the count over either unit merges two index scans).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDossiers, listDossiers, LIST_COLUMNS, type DossierFilter } from './store.ts';
import { createDossierTestApp, generateTestDossiers, type DossierTestApp } from './testing.ts';

let t: DossierTestApp;
beforeAll(async () => {
  t = await createDossierTestApp();
  await generateTestDossiers(t, { count: 300, seed: 11, spanDays: 30, everyStatus: true });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** The same filter's matches counted without a cap, by one plain query (the oracle). */
async function plainCount(f: DossierFilter): Promise<number> {
  const ids = f.unitIds ?? [];
  const column = f.unitColumn ?? 'either';
  const unit =
    f.unitIds === undefined
      ? sql`true`
      : column === 'receiving'
        ? sql`unit_id in (${sql.join(ids)})`
        : column === 'handling'
          ? sql`handling_unit_id in (${sql.join(ids)})`
          : sql`(unit_id in (${sql.join(ids)}) or handling_unit_id in (${sql.join(ids)}))`;
  const status = f.statuses ? sql`status in (${sql.join([...f.statuses])})` : sql`true`;
  const { rows } = await sql<{ n: string }>`select count(*) as n from dossier where ${unit} and ${status}`.execute(t.db);
  return Number(rows[0]!.n);
}

describe('countDossiers', () => {
  const scopes: Array<Pick<DossierFilter, 'unitIds' | 'unitColumn'>> = [
    {},
    { unitIds: ['bo-phan-mot-cua'] },
    { unitIds: ['bo-phan-mot-cua', 'cuc-shtt', 'cuc-shtt-sang-che', 'cuc-shtt-nhan-hieu', 'cuc-shtt-kieu-dang'] },
    { unitIds: ['bo-phan-mot-cua', 'cuc-shtt-sang-che'], unitColumn: 'either' },
    { unitIds: ['bo-phan-mot-cua'], unitColumn: 'receiving' },
    { unitIds: ['cuc-shtt-sang-che'], unitColumn: 'handling' },
    { unitIds: ['vu-phap-che'] },
  ];
  const statuses: Array<readonly number[] | undefined> = [undefined, [2, 4, 5, 6], [9], [1]];

  it.each(scopes)('equals the plain count below the cap and stops at it (%o)', async (scope) => {
    for (const s of statuses) {
      const f: DossierFilter = { ...scope, ...(s ? { statuses: s } : {}) };
      const exact = await plainCount(f);
      for (const cap of [1, 7, 50, 10_000]) {
        expect(await countDossiers(t.db, f, cap), `${JSON.stringify(f)} cap ${cap}`).toBe(Math.min(exact, cap));
      }
    }
  });

  it('has dossiers that match both unit columns, so the merge is tested', async () => {
    const both = await plainCount({ unitIds: ['bo-phan-mot-cua', 'cuc-shtt-sang-che'] });
    const receiving = await plainCount({ unitIds: ['bo-phan-mot-cua', 'cuc-shtt-sang-che'], unitColumn: 'receiving' });
    const handling = await plainCount({ unitIds: ['bo-phan-mot-cua', 'cuc-shtt-sang-che'], unitColumn: 'handling' });
    expect(handling).toBeGreaterThan(0);
    expect(both).toBeLessThan(receiving + handling);
  });
});

describe('listDossiers', () => {
  it('reads only the list columns, in due order', async () => {
    const { items } = await listDossiers(t.db, { statuses: [2, 4, 5, 6] }, { limit: 20 });
    expect(items.length).toBeGreaterThan(0);
    for (const row of items) expect(Object.keys(row).sort()).toEqual([...LIST_COLUMNS].sort());
    const dues = items.map((r) => r.due_at?.getTime() ?? Infinity);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
  });
});
