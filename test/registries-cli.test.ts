// `motcua registries reconcile ...`: a registry reconciled against a population emulator from the
// command line, the summary on stdout, progress lines on stderr, the XLSX report read back, a
// clear refusal of bad input (nothing done), and the run made as a named officer (`--as`): their
// account in the query log and the audit, refused for one who may not reconcile.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Database } from '../src/db/database.ts';
import { startTestEmulator, TEST_API_KEY, TEST_INTEGRATION_CODE, type TestEmulator } from '../src/emulators/population/testing.ts';
import { loginAs } from './support/auth.ts';
import { cliHarness, cliTimeout } from './support/cli.ts';

const env: Record<string, string> = {};
const harness = cliHarness({ name: 'registries', env });
const cli = harness.cli;
let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ people: 60 });
  Object.assign(env, {
    POPULATION_API_URL: emu.url,
    POPULATION_API_KEY: TEST_API_KEY,
    POPULATION_INTEGRATION_CODE: TEST_INTEGRATION_CODE,
    POPULATION_RETRIES: '0',
    POPULATION_CACHE_TTL_SECONDS: '0',
    POPULATION_BATCH_SIZE: '50',
  });
  await harness.setup();
}, 120_000);
afterAll(async () => {
  await harness.teardown();
  await emu?.close();
});

async function openCliDatabase(): Promise<Database> {
  return harness.databaseUrl ? openPostgres(harness.databaseUrl, 2) : openPglite(path.join(harness.dir, 'data'));
}

describe('motcua registries reconcile', () => {
  it(
    'refuses bad input, reconciles a registry, prints the summary and writes the XLSX report',
    async () => {
      const unknown = await cli('registries', 'reconcile', '--registry', 'xyz');
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toBe('motcua: unknown registry xyz: give one of st, techmarket, ip, stameq\n');
      const notXlsx = await cli('registries', 'reconcile', '--registry', 'ip', '--report', path.join(harness.dir, 'out.csv'));
      expect(notXlsx.code).toBe(2);
      expect(notXlsx.stdout).toBe('');

      // Registry people: 6 as in the population database, one with another name, one unknown
      // number, and one by a legacy identity card number.
      const people = Array.from({ length: 6 }, (_, i) => emu.person(i));
      const legacy = Array.from({ length: 60 }, (_, i) => emu.person(i)).find((p) => p.oldIdNumber)!;
      const altered = emu.person(10);
      const rows = [
        ...people.map((p) => ({ personal_id: p.personalId, full_name: p.fullName, birth_date: p.birthDate })),
        { personal_id: altered.personalId, full_name: `${altered.fullName} Khác`, birth_date: altered.birthDate },
        { personal_id: '001099012345', full_name: 'Người Không Có', birth_date: '1999-01-01' },
        { personal_id: legacy.oldIdNumber!, full_name: legacy.fullName, birth_date: legacy.birthDate },
      ];
      const database = await openCliDatabase();
      try {
        await database.db
          .insertInto('registry_person')
          .values(rows.map((r) => ({ ...r, registry: 'ip' as const, updated_by: 'test' })))
          .execute();
      } finally {
        await database.close();
      }

      const report = path.join(harness.dir, 'doi-soat.xlsx');
      const run = await cli('registries', 'reconcile', '--registry', 'ip', '--report', report);
      expect(run.stderr).toMatch(/^warning: no --as <username>: the population queries are recorded under no officer account \(cli:[^)]*\)\n0% 0\/9\n/);
      expect(run.stderr).toMatch(/100% 9\/9\n$/);
      expect(run.code).toBe(0);
      const summary = /^run: ([0-9a-f-]{36})\tregistry: ip\ttotal: 9\tmatch: (\d+)\tmismatch: 1\tunknown_number: 1\tlegacy_number: 1\tunavailable: 0\tseconds: [0-9.]+\nreport: (.*)\n$/.exec(run.stdout);
      expect(summary, run.stdout).not.toBeNull();
      const matched = Number(summary![2]);
      expect(matched).toBe(rows.length - 3);
      expect(summary![3]).toBe(report);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(report);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Khớp', 'Sai lệch', 'Không có số định danh', 'Số CMND cũ', 'Không tra cứu được']);
      const values = (sheet: string) => {
        const out: unknown[][] = [];
        workbook.getWorksheet(sheet)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
        return out;
      };
      const sum = values('Tổng hợp');
      expect(sum).toContainEqual(['Mã lượt đối soát', summary![1]]);
      expect(sum).toContainEqual(['Tổng số người', 9]);
      expect(sum).toContainEqual(['Khớp', matched]);
      const header = ['Mã người', 'Họ tên', 'Số định danh', 'Kết quả', 'Trường sai lệch', 'Số định danh mới đề xuất'];
      const match = values('Khớp');
      expect(match[0]).toEqual(header);
      expect(match).toHaveLength(matched + 1);
      const mismatch = values('Sai lệch');
      expect(mismatch).toHaveLength(2);
      expect(mismatch[1]!.slice(1, 5)).toEqual([`${altered.fullName} Khác`, altered.personalId, 'Sai lệch', 'Họ tên']);
      const legacyRows = values('Số CMND cũ');
      expect([legacyRows[1]![2], legacyRows[1]![3], legacyRows[1]![5]]).toEqual([legacy.oldIdNumber, 'Số CMND cũ', legacy.personalId]);
      expect(values('Không có số định danh')[1]![2]).toBe('001099012345');
      expect(values('Không tra cứu được')).toEqual([header]);
    },
    cliTimeout(3),
  );

  it(
    'runs as a named officer who holds registry.reconcile, recorded under their account; refuses others, changing nothing',
    async () => {
      const database = await openCliDatabase();
      let auditorId: string;
      try {
        auditorId = (await loginAs(database.db, { kind: 'officer', username: 'kiemtoan-cli', fullName: 'Lê Thị Kiểm Toán', roles: [{ role: 'auditor', unitId: 'bkhcn' }] })).accountId;
        await loginAs(database.db, { kind: 'officer', username: 'chuyenvien-cli', roles: [{ role: 'specialist', unitId: 'cuc-shtt' }] });
      } finally {
        await database.close();
      }
      const runs = async () => {
        const db = await openCliDatabase();
        try {
          return (await db.db.selectFrom('registry_reconciliation_run').select(['id', 'started_by_id', 'started_by']).orderBy('started_at').execute());
        } finally {
          await db.close();
        }
      };
      const before = await runs();
      const unknown = await cli('registries', 'reconcile', '--registry', 'ip', '--as', 'khong-co-ai');
      expect([unknown.code, unknown.stderr]).toEqual([2, 'motcua: no enabled officer account khong-co-ai\n']);
      const notAllowed = await cli('registries', 'reconcile', '--registry', 'ip', '--as', 'chuyenvien-cli');
      expect(notAllowed.code).toBe(2);
      expect(notAllowed.stderr).toMatch(/^motcua: chuyenvien-cli does not hold registry\.reconcile/);
      expect(await runs()).toEqual(before);

      const run = await cli('registries', 'reconcile', '--registry', 'ip', '--as', 'KiemToan-CLI');
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(/warning/);
      const id = /^run: ([0-9a-f-]{36})\t/.exec(run.stdout)![1]!;
      const after = await runs();
      expect(after.at(-1)).toEqual({ id, started_by_id: auditorId, started_by: 'kiemtoan-cli (Lê Thị Kiểm Toán)' });
      const db = await openCliDatabase();
      try {
        const logged = await db.db.selectFrom('population_query_log').select(['account_id', 'officer_code']).where('purpose_code', '=', 'reconciliation').orderBy('id', 'desc').limit(9).execute();
        expect(logged).toHaveLength(9);
        expect(logged.every((l) => l.account_id === auditorId && l.officer_code === 'kiemtoan-cli')).toBe(true);
        const audit = await db.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', id).orderBy('id').execute();
        expect(audit).toEqual([
          { action: 'registry.reconcile.start', actor_id: auditorId },
          { action: 'registry.reconcile.finish', actor_id: auditorId },
        ]);
      } finally {
        await db.close();
      }
    },
    cliTimeout(3),
  );
});
