import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkVersionContent } from '../../../core/catalog/check.ts';
import { findBindings } from '../../../core/eforms/prefill.ts';
import { loadConfig } from '../../../config.ts';
import { createTestDatabase, type TestDatabase } from '../../../db/testing.ts';
import { listAudit } from '../../audit/service.ts';
import { createUnitDirectory } from '../../identity/units/directory.ts';
import { seedUnits, UNIT_SEEDS } from '../../identity/module.ts';
import { createCatalogModule } from '../module.ts';
import { createDefaultPrefillSource } from '../prefill-source.ts';
import { CatalogExchangeProcedure } from '../schema.ts';
import { SEED_PROCEDURES } from './procedures.ts';
import { seedCatalog } from './seed.ts';

describe('the seed catalog (data)', () => {
  const unitIds = new Set(UNIT_SEEDS.map((u) => u.id));

  it('has at least 25 procedures with unique, well-formed codes, all marked demo', () => {
    expect(SEED_PROCEDURES.length).toBeGreaterThanOrEqual(25);
    const codes = SEED_PROCEDURES.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of SEED_PROCEDURES) {
      expect(p.code).toMatch(/^[123]\.\d{6}$/);
      expect(p.codeStatus).toBe('demo');
    }
  });

  it('keeps each unit’s procedures in that unit’s file', async () => {
    const files = import.meta.glob<Record<string, Array<{ ownerUnitId: string }>>>('./units/*.ts', { eager: true });
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(7);
    for (const [file, exports] of Object.entries(files)) {
      const unit = file.replace('./units/', '').replace('.ts', '');
      if (unit === 'common') continue;
      const procedures = Object.values(exports).flat();
      expect(procedures.length, file).toBeGreaterThan(0);
      for (const p of procedures) expect(p.ownerUnitId, file).toBe(unit);
    }
  });

  it('covers the ministry units named in the issue', () => {
    const owners = new Set(SEED_PROCEDURES.map((p) => p.ownerUnitId));
    for (const unit of ['cuc-shtt', 'vp-dang-ky-hdkhcn', 'vu-danh-gia-tham-dinh', 'cuc-atbxhn', 'tcdlcl']) expect(owners).toContain(unit);
    const names = SEED_PROCEDURES.map((p) => p.content.name);
    for (const name of ['Đăng ký sáng chế', 'Đăng ký giải pháp hữu ích', 'Đăng ký nhãn hiệu', 'Đăng ký kiểu dáng công nghiệp', 'Phê duyệt mẫu phương tiện đo']) {
      expect(names).toContain(name);
    }
  });

  it.each(SEED_PROCEDURES.map((p) => [p.code, p] as const))('%s passes the schema and every publication check', (_code, p) => {
    expect(() => CatalogExchangeProcedure.parse(p)).not.toThrow();
    const check = checkVersionContent(p.content, { knownUnitIds: unitIds });
    expect(check.errors).toEqual([]);
    expect(check.publicParts.complete).toBe(true);
    // "Free" is stated with a 0 VND line: no line would read as "fee not stated".
    expect(p.content.fees.length).toBeGreaterThan(0);
  });

  it.each(SEED_PROCEDURES.map((p) => [p.code, p] as const))('%s has an e-form bound to population or organization data', (_code, p) => {
    const sources = new Set(findBindings(p.content.eform.schema).bindings.map((b) => b.source));
    expect(sources.has('population') || sources.has('organization')).toBe(true);
  });
});

describe('seedCatalog', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedUnits(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('publishes the whole catalog once, and is a no-op afterwards', async () => {
    const catalog = createCatalogModule({
      config: loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test' }),
      db: database.db,
      units: createUnitDirectory(database.db),
      prefill: createDefaultPrefillSource(),
    });
    expect(await seedCatalog(database.db, catalog)).toBe(SEED_PROCEDURES.length);
    const audit = await listAudit(database.db, 'procedure', SEED_PROCEDURES[0]!.code);
    expect(audit[0]).toMatchObject({ actor_kind: 'system', actor_id: null, actor_label: 'seed:catalog' });
    expect(await seedCatalog(database.db, catalog)).toBe(0);
    const found = await catalog.service.search({ q: 'dang ky sang che', page: 1, pageSize: 5 });
    expect(found.items[0]!.name).toBe('Đăng ký sáng chế');
    const all = await catalog.service.search({ page: 1, pageSize: 100 });
    expect(all.total).toBe(SEED_PROCEDURES.length);
  });
});
