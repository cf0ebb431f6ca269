import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { listAudit } from '../audit/service.ts';
import { CATALOG_XLSX_TYPE, writeCatalogWorkbook } from './excel.ts';
import type { CatalogExchange } from './schema.ts';
import { SEED_PROCEDURES } from './seed/procedures.ts';
import { createCatalogTestApp, sampleContent, type CatalogTestApp } from './testing.ts';

let t: CatalogTestApp;
let shttAdmin: TestLogin;
let ministryAdmin: TestLogin;
let auditor: TestLogin;
let citizen: TestLogin;

beforeAll(async () => {
  t = await createCatalogTestApp();
  shttAdmin = await loginAs(t.db, { kind: 'officer', roles: [{ role: 'admin', unitId: 'cuc-shtt' }] });
  ministryAdmin = await loginAs(t.db, { kind: 'officer', roles: [{ role: 'admin', unitId: 'bkhcn' }] });
  auditor = await loginAs(t.db, { kind: 'officer', roles: [{ role: 'auditor', unitId: 'cuc-shtt' }] });
  citizen = await loginAs(t.db, { kind: 'citizen', personalId: '001099012345' });
});
afterAll(async () => {
  await t?.close();
});

const exchange = (procedures: CatalogExchange['procedures']): CatalogExchange => ({ format: 'motcua.catalog', formatVersion: 1, procedures });
const ipOnly = SEED_PROCEDURES.filter((p) => p.ownerUnitId === 'cuc-shtt');

const importJson = (who: TestLogin | undefined, body: unknown, query = '') =>
  t.app.inject({ method: 'POST', url: `/api/v1/catalog/import${query}`, headers: who?.headers ?? {}, payload: body as object });

const counts = async () => {
  const p = await t.db.selectFrom('procedure').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const v = await t.db.selectFrom('procedure_version').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return [Number(p.n), Number(v.n)];
};

describe('catalog import and export', () => {
  it('refuses anonymous (401), a citizen and an auditor (403), changing nothing', async () => {
    const before = await counts();
    expect((await importJson(undefined, exchange(ipOnly))).statusCode).toBe(401);
    expect((await importJson(citizen, exchange(ipOnly))).statusCode).toBe(403);
    expect((await importJson(auditor, exchange(ipOnly))).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('refuses the whole file when one procedure belongs to a unit the admin does not administer', async () => {
    const before = await counts();
    const res = await importJson(shttAdmin, exchange([...ipOnly, SEED_PROCEDURES.find((p) => p.ownerUnitId === 'tcdlcl')!]));
    expect(res.statusCode).toBe(403);
    expect(res.json().procedures).toEqual([SEED_PROCEDURES.find((p) => p.ownerUnitId === 'tcdlcl')!.code]);
    expect(await counts()).toEqual(before);
  });

  it('a dry run reports what would happen and changes nothing', async () => {
    const before = await counts();
    const res = await importJson(shttAdmin, exchange(ipOnly), '?dryRun=true&publish=true');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results).toHaveLength(ipOnly.length);
    expect(res.json().results.every((r: { action: string; status: string }) => r.action === 'created' && r.status === 'published')).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('an invalid procedure fails the whole import with errors per procedure; nothing is written', async () => {
    const before = await counts();
    const bad = structuredClone(ipOnly[1]!);
    bad.content.steps[1]!.budget = { value: 99, unit: 'months' };
    const res = await importJson(shttAdmin, exchange([ipOnly[0]!, bad]), '?publish=true');
    expect(res.statusCode).toBe(422);
    const error = res.json().importErrors[0];
    expect(error).toMatchObject({ procedure: bad.code, pointer: '/body/procedures/1/content/steps', code: 'budget_exceeds_time_limit' });
    expect(await counts()).toEqual(before);

    const malformed = await importJson(shttAdmin, { format: 'motcua.catalog', formatVersion: 1, procedures: [{ code: 'x' }] });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().errors[0].pointer).toBe('/body/procedures/0/code');
    expect(await counts()).toEqual(before);
  });

  it('imports and publishes; re-importing the same file changes nothing; a changed file makes new versions', async () => {
    const first = await importJson(shttAdmin, exchange(ipOnly), '?publish=true');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().results.map((r: { action: string }) => r.action)).toEqual(ipOnly.map(() => 'created'));
    expect((await t.app.inject(`/api/v1/procedures/${ipOnly[0]!.code}`)).statusCode).toBe(200);

    const again = await importJson(shttAdmin, exchange(ipOnly), '?publish=true');
    expect(again.json().results.every((r: { action: string }) => r.action === 'unchanged')).toBe(true);

    const changed = structuredClone(ipOnly[0]!);
    changed.content.fees[0]!.amountVnd = 200_000;
    const third = await importJson(shttAdmin, exchange([changed]));
    expect(third.json().results[0]).toMatchObject({ action: 'new_version', versionNumber: 2, status: 'draft' });
    const fourth = await importJson(shttAdmin, exchange([{ ...changed, codeStatus: 'verified' }]));
    expect(fourth.json().results[0]).toMatchObject({ action: 'unchanged', versionNumber: 2, status: 'draft' });
    const actions = (await listAudit(t.db, 'procedure', changed.code)).map((a) => a.action);
    expect(actions).toEqual(['catalog.procedure.create', 'catalog.version.publish', 'catalog.version.create', 'catalog.procedure.code_status']);
    const imports = await listAudit(t.db, 'catalog', 'import');
    expect(imports.length).toBeGreaterThanOrEqual(3);
  });

  it('exports JSON losslessly for the caller’s units (admin or auditor) and re-imports it as unchanged', async () => {
    expect((await t.app.inject('/api/v1/catalog/export')).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/catalog/export', headers: citizen.headers })).statusCode).toBe(403);
    const res = await t.app.inject({ url: '/api/v1/catalog/export?which=published', headers: auditor.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="thu-tuc-hanh-chinh-\d{4}-\d{2}-\d{2}\.json"/);
    const body = res.json() as CatalogExchange;
    expect(body.procedures.map((p) => p.code).sort()).toEqual(ipOnly.map((p) => p.code).sort());
    expect(body.procedures.find((p) => p.code === ipOnly[1]!.code)).toEqual(ipOnly[1]);
    // The latest versions (drafts included) re-import as unchanged: the export is lossless.
    const latest = (await t.app.inject({ url: '/api/v1/catalog/export', headers: auditor.headers })).json() as CatalogExchange;
    expect(latest.procedures.find((p) => p.code === ipOnly[0]!.code)!.content.fees[0]!.amountVnd).toBe(200_000);
    const back = await importJson(shttAdmin, latest);
    expect(back.json().results.filter((r: { action: string }) => r.action !== 'unchanged')).toEqual([]);
  });

  it('imports an Excel workbook (the documented template) and exports one', async () => {
    const others = SEED_PROCEDURES.filter((p) => p.ownerUnitId === 'tcdlcl');
    const xlsx = await writeCatalogWorkbook(exchange(others));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/import?publish=true',
      headers: { ...ministryAdmin.headers, 'content-type': CATALOG_XLSX_TYPE },
      payload: xlsx,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results).toHaveLength(others.length);
    const found = await t.app.inject(`/api/v1/procedures?q=${encodeURIComponent('phe duyet mau phuong tien do')}`);
    expect(found.json().items[0].name).toBe('Phê duyệt mẫu phương tiện đo');

    const out = await t.app.inject({ url: '/api/v1/catalog/export?format=xlsx&unit=tcdlcl', headers: ministryAdmin.headers });
    expect(out.statusCode).toBe(200);
    expect(out.headers['content-type']).toBe(CATALOG_XLSX_TYPE);
    expect(out.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const template = await t.app.inject('/api/v1/catalog/excel-template');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toBe(CATALOG_XLSX_TYPE);
  });

  it('reports Excel errors with sheet, row and column and writes nothing', async () => {
    const before = await counts();
    const content = sampleContent();
    content.steps[0]!.budget = { value: 300, unit: 'working_days' };
    const xlsx = await writeCatalogWorkbook(exchange([{ code: '1.777777', codeStatus: 'demo', ownerUnitId: 'cuc-shtt', content }]));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/import',
      headers: { ...shttAdmin.headers, 'content-type': CATALOG_XLSX_TYPE },
      payload: xlsx,
    });
    expect(res.statusCode).toBe(422);
    const error = res.json().importErrors[0];
    expect(error).toMatchObject({ sheet: 'Quy trình', row: 2, column: 'B', code: 'budget_exceeds_time_limit' });
    expect(res.json().errors[0].pointer).toBe('/body/sheets/Quy trình/B2');
    expect(await counts()).toEqual(before);
  });
});
