// Generated dossiers carry what the warehouse module's intake records (generate.ts
// digitizationRows): every component of a counter or postal dossier recorded at its receipt, by the
// officer who received it, digitized with the four checks of Circular 01/2023 Art. 8(2), exempted,
// or replaced by population data; nothing for an online one; one row of figures per dossier. The
// digitization figures and the sync record's HoSoCoThanhPhanSoHoa over them equal what is counted
// here from the generated rows: the demo's (no officers' accounts: the synthetic receiver's
// account) and a benchmark's with a receiver's account (by COPY on PostgreSQL).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../../test/support/auth.ts';
import { toLocalDate } from '../../core/calendar/index.ts';
import { CHANNEL } from '../../core/dossiers/index.ts';
import { DIGITIZATION_CHECKS, EXEMPTIONS } from '../../core/digitization/index.ts';
import { createCalendarModule } from '../calendar/module.ts';
// eslint-disable-next-line local/layers -- the demo runs over the seed catalog, loaded as main.ts loads it
import { seedCatalog } from '../catalog/seed/seed.ts';
import { createCatalogTestApp, type CatalogTestApp } from '../catalog/testing.ts';
import { seedUnits } from '../identity/module.ts';
import { seedDemoDossiers } from './demo.ts';
import { GENERATED_RECEIVER_USERNAME } from '../identity/module.ts';
import { generateDossiers } from './generate.ts';
import { unitsOfVersion } from './service.ts';
import { DEFAULT_OFFICERS } from './synthetic.ts';

let t: CatalogTestApp;
let dataDir: string;
const now = new Date('2026-11-20T10:00:00+07:00');

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-generate-digitization-'));
  t = await createCatalogTestApp({ env: { DATA_DIR: dataDir, ...(process.env.TEST_LOG_LEVEL ? { LOG_LEVEL: process.env.TEST_LOG_LEVEL } : {}) } });
  await seedUnits(t.db);
  t.app.units.invalidate();
  expect(await seedCatalog(t.db, t.app.catalog)).toBeGreaterThan(10);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) out.set(key(row), [...(out.get(key(row)) ?? []), row]);
  return out;
}

const calendar = () => createCalendarModule({ config: t.config, db: t.db, units: t.app.units }).service.calendar();

describe('generated dossiers and digitization at receipt', () => {
  it('record the paper components of counter and postal dossiers at receipt, none of online ones, and the figures count them', async () => {
    // The demo: logs without officers' accounts.
    expect(await seedDemoDossiers({ db: t.db, config: t.config, catalog: t.app.catalog, units: t.app.units, calendar }, { count: 200, now })).toBe(200);
    const synthetic = await t.db.selectFrom('account').select(['id', 'kind', 'full_name', 'password_hash', 'disabled_at']).where('username', '=', GENERATED_RECEIVER_USERNAME).executeTakeFirstOrThrow();
    expect(synthetic).toMatchObject({ kind: 'officer', full_name: 'Nguyễn Thị Lan', password_hash: null, disabled_at: expect.any(Date) });
    expect(await t.db.selectFrom('role_grant').select('role').where('account_id', '=', synthetic.id).execute()).toEqual([]);

    // A benchmark's: the receiver's account given (COPY on PostgreSQL).
    const receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', fullName: 'Nguyễn Thị Lan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
    const client = t.database.url ? new pg.Client({ connectionString: t.database.url }) : undefined;
    await client?.connect();
    try {
      const written = await generateDossiers(
        {
          db: t.db,
          catalog: t.app.catalog,
          units: t.app.units,
          calendar: await calendar(),
          rules: { paymentPausesClock: t.config.DOSSIER_PAYMENT_PAUSES_CLOCK, apologyMarginWorkingDays: t.config.DOSSIER_APOLOGY_MARGIN_DAYS },
          codes: { format: t.config.DOSSIER_CODE_FORMAT, systemCode: t.config.DOSSIER_CODE_SYSTEM_CODE },
          officers: { ...DEFAULT_OFFICERS, receiver: { ...DEFAULT_OFFICERS.receiver, id: receiver.accountId } },
          ...(client ? { pg: client } : {}),
        },
        { count: 150, seed: 3, spanDays: 42, now, batchSize: 40 },
      );
      expect(written).toBe(150);
    } finally {
      await client?.end();
    }

    const dossiers = await t.db.selectFrom('dossier').select(['id', 'channel', 'version_id', 'procedure_code', 'received_at']).execute();
    expect(dossiers).toHaveLength(350);
    const records = await t.db.selectFrom('dossier_component_record').selectAll().execute();
    const figures = await t.db.selectFrom('dossier_digitization').selectAll().execute();
    const actions = await t.db.selectFrom('dossier_action').select(['dossier_id', 'type', 'at', 'actor_id', 'actor_label', 'payload']).orderBy('dossier_id').orderBy('seq').execute();
    const recordsOf = groupBy(records, (r) => r.dossier_id);
    const actionsOf = groupBy(actions, (a) => a.dossier_id);
    const figuresOf = new Map(figures.map((f) => [f.dossier_id, f]));
    expect(figures).toHaveLength(dossiers.length);

    let paper = 0;
    let online = 0;
    for (const d of dossiers) {
      const { procedure, version } = (await t.app.catalog.pinnedVersion(d.version_id))!;
      const content = version.content;
      const own = recordsOf.get(d.id) ?? [];
      const log = actionsOf.get(d.id)!;
      const receipt = log.find((a) => a.type === 'receive');
      const figure = figuresOf.get(d.id)!;
      const result = log.find((a) => a.type === 'issue_result');
      // Counted at the unit that handles the dossier, as intake counts it.
      expect(figure).toMatchObject({ unit_id: unitsOfVersion(content, procedure.ownerUnitId).handling, procedure_code: d.procedure_code, channel: d.channel, has_reused: false, produces_document: content.result.producesDocument, result_electronic: false });
      expect(figure.received_at?.getTime() ?? null, d.procedure_code).toBe(d.received_at?.getTime() ?? null);
      expect(figure.result_issued_at?.getTime() ?? null).toBe(result ? new Date(result.at).getTime() : null);
      expect(figure.result_outcome).toBe((result?.payload as { outcome?: string } | undefined)?.outcome ?? null);

      if (d.channel === CHANNEL.online) {
        online++;
        expect(own, 'an online dossier: nothing recorded at a counter').toEqual([]);
        expect(figure).toMatchObject({ has_digitized: false, population_replaced: 0 });
        continue;
      }
      paper++;
      // A counter or postal dossier is received when taken in: recorded by its receiver, then.
      expect(receipt).toBeDefined();
      expect(d.received_at).not.toBeNull();
      for (const r of own) {
        expect(r).toMatchObject({ added_seq: 1, recorded_by: receipt!.actor_id, recorded_by_label: receipt!.actor_label, warehouse_document_id: null, result_code: null });
        expect(new Date(r.recorded_at).getTime()).toBe(new Date(receipt!.at).getTime());
        const component = content.components.find((c) => c.code === r.component_code);
        expect(component, r.component_code).toBeDefined();
        if (r.source === 'digitized') {
          expect(r.page_count).toBeGreaterThanOrEqual(1);
          expect(r.page_count).toBeLessThanOrEqual(40);
          expect(r.checks).toEqual(Object.fromEntries(DIGITIZATION_CHECKS.map((c) => [c, true])));
          expect(r.exemption).toBeNull();
        } else if (r.source === 'exempt') {
          expect(EXEMPTIONS).toContain(r.exemption);
          expect(r).toMatchObject({ page_count: null, checks: null });
        } else {
          expect(r.source).toBe('population_data');
          expect(component!.replacedByPopulationData).toBe(true);
        }
      }
      // Every required component is recorded, and every one the population database replaces.
      for (const c of content.components) {
        if (c.requirement === 'required' || c.replacedByPopulationData) expect(own.map((r) => r.component_code), `${d.procedure_code} ${c.code}`).toContain(c.code);
      }
      expect(figure.has_digitized).toBe(own.some((r) => r.source === 'digitized'));
      expect(figure.population_replaced).toBe(own.filter((r) => r.source === 'population_data').length);
      expect(new Date(figure.submitted_at).getTime()).toBe(new Date(receipt!.at).getTime());
    }
    expect(paper).toBeGreaterThan(50);
    expect(online).toBeGreaterThan(50);
    // The demo's are recorded under the synthetic receiver's account, the benchmark's under the receiver's.
    const recorders = new Set(records.map((r) => r.recorded_by));
    expect(recorders).toEqual(new Set([synthetic.id, receiver.accountId]));
    expect(new Set(records.filter((r) => r.recorded_by === synthetic.id).map((r) => r.recorded_by_label))).toEqual(new Set([`${GENERATED_RECEIVER_USERNAME} (Nguyễn Thị Lan)`]));
    // Most papers are digitized; a few are exempted.
    const exempt = records.filter((r) => r.source === 'exempt').length;
    const digitized = records.filter((r) => r.source === 'digitized').length;
    expect(exempt).toBeGreaterThan(0);
    expect(exempt).toBeLessThan(digitized / 5);

    // The figures (warehouse stats, and the totals the quality module's plan targets read), counted
    // here from the dossiers, their logs and their component records.
    const from = '2026-09-01';
    const to = toLocalDate(now);
    const received = dossiers.filter((d) => d.received_at !== null);
    const expected = {
      dossiers: received.length,
      digitized: received.filter((d) => (recordsOf.get(d.id) ?? []).some((r) => r.source === 'digitized')).length,
      reused: 0,
      populationReplaced: records.filter((r) => r.source === 'population_data').length,
      results: 0,
      electronicResults: 0,
    };
    // Results: issue_result of a procedure that produces a document, a grant (and a refusal too
    // when DIGITIZATION_REFUSALS_ARE_RESULTS says so).
    const outcomes = t.config.DIGITIZATION_REFUSALS_ARE_RESULTS ? ['granted', 'refused'] : ['granted'];
    for (const d of dossiers) {
      const { content } = (await t.app.catalog.pinnedVersion(d.version_id))!.version;
      const result = actionsOf.get(d.id)!.find((a) => a.type === 'issue_result');
      if (content.result.producesDocument && result && outcomes.includes((result.payload as { outcome?: string }).outcome ?? '')) expected.results++;
    }
    expect(expected.dossiers).toBeGreaterThan(0);
    expect(expected.digitized).toBeGreaterThan(0);
    expect(expected.results).toBeGreaterThan(0);
    const auditor = await loginAs(t.db, { kind: 'officer', roles: [{ role: 'auditor', unitId: 'bkhcn' }] });
    const res = await t.app.inject({ url: `/api/v1/digitization/stats?from=${from}&to=${to}`, headers: auditor.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toEqual(expected);
    expect(await t.app.warehouse.service.digitizationTotals({ from, to })).toEqual({ dossiers: expected.dossiers, digitized: expected.digitized, results: expected.results, electronicResults: 0 });

    // The sync record the portal and the quality index read: a component digitized, or none.
    let flagged = 0;
    for (const d of dossiers) {
      const record = (await t.app.dossiers.service.syncRecordForDelivery(d.id))?.record;
      const want = (recordsOf.get(d.id) ?? []).some((r) => r.source === 'digitized') ? '1' : '0';
      expect(record?.HoSoCoThanhPhanSoHoa, d.id).toBe(want);
      if (want === '1') flagged++;
    }
    expect(flagged).toBe(expected.digitized);

    // What an officer reads of a dossier's components.
    const sample = records.find((r) => r.source === 'digitized')!;
    const shown = await t.app.warehouse.service.dossierComponents(sample.dossier_id);
    expect(shown.find((c) => c.componentCode === sample.component_code)).toMatchObject({ source: 'digitized', pageCount: sample.page_count, flags: { digitized: true } });

    const { problems } = await t.app.dossiers.service.verify();
    expect(problems).toEqual([]);
  }, 300_000);
});
