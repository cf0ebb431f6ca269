// Demo dossiers over the seed catalog: every status, valid e-form data, logs that verify, idempotent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileEform, createEformAjv } from '../../core/eforms/index.ts';
import { createCalendarModule } from '../calendar/module.ts';
// eslint-disable-next-line local/layers -- the demo runs over the seed catalog, loaded as main.ts loads it
import { seedCatalog } from '../catalog/seed/seed.ts';
import { seedDemoDossiers } from './demo.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCatalogTestApp, type CatalogTestApp } from '../catalog/testing.ts';
import { seedUnits } from '../identity/module.ts';

let t: CatalogTestApp;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-demo-'));
  t = await createCatalogTestApp({ env: { DATA_DIR: dataDir } });
  await seedUnits(t.db);
  t.app.units.invalidate();
  expect(await seedCatalog(t.db, t.app.catalog)).toBeGreaterThan(10);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('seedDemoDossiers', () => {
  it('creates dossiers in every status that replay to their projection, with valid form data, once', async () => {
    const calendar = () => createCalendarModule({ config: t.config, db: t.db, units: t.app.units }).service.calendar();
    const deps = { db: t.db, config: t.config, catalog: t.app.catalog, units: t.app.units, calendar };
    const now = new Date('2026-11-20T10:00:00+07:00');
    expect(await seedDemoDossiers(deps, { count: 200, now })).toBe(200);
    expect(await seedDemoDossiers(deps, { count: 200, now })).toBe(0);

    const rows = await t.db.selectFrom('dossier').select(['status', 'on_time', 'version_id', 'form_data', 'procedure_code', 'received_at']).execute();
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(rows.some((r) => r.on_time === true)).toBe(true);
    expect(rows.some((r) => r.on_time === false)).toBe(true);
    expect(new Set(rows.map((r) => r.procedure_code)).size).toBeGreaterThan(10);
    expect(rows.every((r) => r.received_at === null || r.received_at.getTime() <= now.getTime())).toBe(true);

    const ajv = createEformAjv();
    for (const row of rows) {
      const pinned = await t.app.catalog.pinnedVersion(row.version_id);
      const result = compileEform(ajv, pinned!.version.content.eform).validate(row.form_data);
      expect(result.errors, `${row.procedure_code}: ${JSON.stringify(result.errors)}`).toEqual([]);
    }
    const { checked, problems } = await t.app.dossiers.service.verify();
    expect(checked).toBe(200);
    expect(problems).toEqual([]);
  }, 120_000);
});
