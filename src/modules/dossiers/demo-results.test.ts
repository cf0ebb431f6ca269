// Signed results of the demo dossiers: after a fresh demo seeding, the finished and returned
// dossiers of procedures that produce a document carry a signed result that verifies (valid, the
// document issued under its code), named in the sync record's DanhSachGiayToKetQua and put in the
// applicant's warehouse through the listener, and counted by the digitization figures as issued
// electronically; each bears the day of its issue action, not the day it was signed; the logs
// still verify; a second pass adds nothing.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../../test/support/auth.ts';
import { toLocalDate } from '../../core/calendar/index.ts';
import { createCalendarModule } from '../calendar/module.ts';
// eslint-disable-next-line local/layers -- the demo runs over the seed catalog, loaded as main.ts loads it
import { seedCatalog } from '../catalog/seed/seed.ts';
import { createCatalogTestApp, type CatalogTestApp } from '../catalog/testing.ts';
import { seedUnits } from '../identity/module.ts';
// eslint-disable-next-line local/layers -- the demo leaders sign, as on the embedded default
import { seedDemoOfficers } from '../identity/seed/demo-officers.ts';
import { seedDemoDossiers } from './demo.ts';

let t: CatalogTestApp;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-demo-results-'));
  t = await createCatalogTestApp({ env: { DATA_DIR: dataDir, ...(process.env.TEST_LOG_LEVEL ? { LOG_LEVEL: process.env.TEST_LOG_LEVEL } : {}) } });
  await seedUnits(t.db);
  t.app.units.invalidate();
  await seedDemoOfficers(t.db);
  expect(await seedCatalog(t.db, t.app.catalog)).toBeGreaterThan(10);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('issueDemoResults', () => {
  it('gives the finished and returned demo dossiers verifiable signed results, once', async () => {
    const calendar = () => createCalendarModule({ config: t.config, db: t.db, units: t.app.units }).service.calendar();
    expect(await seedDemoDossiers({ db: t.db, config: t.config, catalog: t.app.catalog, units: t.app.units, calendar }, { count: 30, now: new Date('2026-11-20T10:00:00+07:00') })).toBe(30);

    const issued = await t.app.dossiers.issueDemoResults();
    expect(issued).toBeGreaterThan(0);
    const results = await t.db.selectFrom('result_document').select(['code', 'dossier_id', 'action_seq']).execute();
    expect(results).toHaveLength(issued);

    // Every finished or returned dossier whose issue_result granted a document has one.
    const finished = await t.db.selectFrom('dossier').select(['id', 'version_id']).where('status', 'in', [9, 10]).execute();
    let expected = 0;
    for (const d of finished) {
      const action = await t.db.selectFrom('dossier_action').select('payload').where('dossier_id', '=', d.id).where('type', '=', 'issue_result').executeTakeFirst();
      const pinned = await t.app.catalog.pinnedVersion(d.version_id);
      if ((action?.payload as { outcome?: string } | undefined)?.outcome === 'granted' && pinned!.version.content.result.producesDocument) expected++;
    }
    expect(issued).toBe(expected);

    // Each bears the day of its issue action (signed at the first start, for actions of the past).
    const auditor = await loginAs(t.db, { kind: 'officer', roles: [{ role: 'auditor', unitId: 'bkhcn' }] });
    for (const r of results) {
      const action = await t.db.selectFrom('dossier_action').select('at').where('dossier_id', '=', r.dossier_id).where('seq', '=', r.action_seq).executeTakeFirstOrThrow();
      const day = toLocalDate(new Date(action.at));
      expect(r.code, 'the code’s year is the issue’s').toContain(`-${day.slice(0, 4)}-`);
      const pdf = await t.app.inject({ url: `/api/v1/results/${encodeURIComponent(r.code)}/file`, headers: auditor.headers });
      expect(pdf.statusCode, pdf.body).toBe(200);
      const file = path.join(dataDir, `${r.code}.pdf`);
      await writeFile(file, pdf.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');
      const [y, m, d] = day.split('-');
      expect(text, r.code).toContain(`ngày ${d} tháng ${m} năm ${y}`);
    }

    for (const r of results) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/results/verify', payload: { code: r.code } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json(), r.code).toMatchObject({ valid: true, matchesIssued: true, found: true, revoked: false });
      const record = await t.app.dossiers.service.syncRecordForDelivery(r.dossier_id);
      const listed = (record!.record as { DanhSachGiayToKetQua?: Array<{ MaGiayToKetQua?: string }> }).DanhSachGiayToKetQua ?? [];
      expect(listed.map((x) => x.MaGiayToKetQua)).toContain(r.code);
    }

    // The applicant's warehouse hears of each through the same listener as a live issue.
    for (let i = 0; i < 20 && (await t.app.jobs.runDue()) > 0; i++);
    const stored = await t.db.selectFrom('warehouse_document').select('result_code').where('provenance', '=', 'issued_result').execute();
    expect(new Set(stored.map((s) => s.result_code))).toEqual(new Set(results.map((r) => r.code)));
    // The digitization figures count exactly those as results issued electronically.
    const electronic = await t.db.selectFrom('dossier_digitization').select('dossier_id').where('result_electronic', '=', true).execute();
    expect(new Set(electronic.map((e) => e.dossier_id))).toEqual(new Set(results.map((r) => r.dossier_id)));

    const { problems } = await t.app.dossiers.service.verify();
    expect(problems).toEqual([]);
    expect(await t.app.dossiers.issueDemoResults()).toBe(0);
  }, 300_000);
});
