// Benchmark of the public catalog search: a catalog of 5,000 published procedures (the seed
// catalog's 30, plus generated variants with realistic Vietnamese names, each with its e-form),
// served by motcua as its own process, on PGlite and on PostgreSQL. Measures GET /api/v1/procedures
// with autocannon for several queries (with and without diacritics, with filters) and one
// procedure's page (GET /api/v1/procedures/:code), and prints
// requests/s, p50 and p99.
//   node --import tsx bench/catalog.ts
//   BENCH_DURATION=20 BENCH_CONNECTIONS=32 BENCH_PROCEDURES=5000 node --import tsx bench/catalog.ts
//   BENCH_TARGETS=postgres BENCH_KEEP_DATABASE=1 …   (one database only; keep the PostgreSQL one to EXPLAIN)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openPglite, openPostgres, type Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createUnitDirectory } from '../src/modules/identity/units/directory.ts';
import { seedUnits } from '../src/modules/identity/seed/units.ts';
import type { CatalogExchangeProcedure } from '../src/modules/catalog/schema.ts';
import { SEED_PROCEDURES } from '../src/modules/catalog/seed/procedures.ts';
import { insertDraft, insertProcedure, markPublished } from '../src/modules/catalog/store.ts';
import { deriveColumns, snapshotUnits } from '../src/modules/catalog/views.ts';
import { startServer, stopServer, withScratchDatabase } from './support.ts';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
const total = Number(process.env.BENCH_PROCEDURES ?? 5000);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const benchTargets = (process.env.BENCH_TARGETS ?? 'pglite,postgres').split(',');
const keepDatabase = process.env.BENCH_KEEP_DATABASE === '1';

const targets = [
  { name: 'q="dang ky sang che" (no diacritics)', path: `/api/v1/procedures?q=${encodeURIComponent('dang ky sang che')}` },
  { name: 'q="Giấy phép bức xạ" (diacritics)', path: `/api/v1/procedures?q=${encodeURIComponent('Giấy phép bức xạ')}` },
  { name: 'q="cap lai" + unit=cuc-shtt (sub-units) + fee=paid', path: `/api/v1/procedures?q=${encodeURIComponent('cap lai')}&unit=cuc-shtt&fee=paid` },
  { name: 'q="chung nhan" page 5', path: `/api/v1/procedures?q=${encodeURIComponent('chung nhan')}&page=5` },
  { name: 'no q, online=full, page 10', path: '/api/v1/procedures?online=full&page=10' },
  { name: 'q=code 1.009903', path: '/api/v1/procedures?q=1.009903' },
  { name: 'the procedure page 1.009901 (its published version, ~18 KB)', path: '/api/v1/procedures/1.009901' },
];

// Name variants: what the ministry's catalog looks like (cấp, cấp lại, gia hạn, sửa đổi ... of a
// licence, certificate or registration, for a kind of applicant or a sector).
const ACTIONS = ['Cấp', 'Cấp lại', 'Gia hạn', 'Sửa đổi, bổ sung', 'Điều chỉnh', 'Thu hồi', 'Chấp thuận', 'Xác nhận'];
const OBJECTS = [
  'giấy phép tiến hành công việc bức xạ',
  'giấy chứng nhận đăng ký hoạt động khoa học và công nghệ',
  'văn bằng bảo hộ sáng chế',
  'giấy chứng nhận đăng ký nhãn hiệu',
  'giấy chứng nhận đăng ký chuyển giao công nghệ',
  'quyết định phê duyệt mẫu phương tiện đo',
  'chứng chỉ nhân viên bức xạ',
  'giấy chứng nhận đủ điều kiện kinh doanh dịch vụ đánh giá sự phù hợp',
  'thẻ kiểm định viên đo lường',
  'giấy chứng nhận doanh nghiệp khoa học và công nghệ',
  'giấy phép xuất khẩu, nhập khẩu nguồn phóng xạ',
  'giấy chứng nhận kết quả thực hiện nhiệm vụ khoa học và công nghệ',
];
const QUALIFIERS = [
  '',
  'cho tổ chức nước ngoài',
  'cho văn phòng đại diện',
  'trong lĩnh vực y tế',
  'trong lĩnh vực công nghiệp',
  'đối với doanh nghiệp nhỏ và vừa',
  'theo thủ tục rút gọn',
  'khi thay đổi địa chỉ trụ sở',
  'do bị mất, hỏng',
  'cho cơ sở nghiên cứu',
];

function generated(i: number): CatalogExchangeProcedure {
  const base = SEED_PROCEDURES[i % SEED_PROCEDURES.length]!;
  const action = ACTIONS[i % ACTIONS.length]!;
  const object = OBJECTS[Math.floor(i / ACTIONS.length) % OBJECTS.length]!;
  const qualifier = QUALIFIERS[Math.floor(i / (ACTIONS.length * OBJECTS.length)) % QUALIFIERS.length]!;
  const name = `${action} ${object}${qualifier ? ` ${qualifier}` : ''} (mẫu ${i})`;
  return { ...base, code: `2.${String(100000 + i).padStart(6, '0')}`, content: { ...base.content, name } };
}

async function populate(database: Database): Promise<void> {
  const started = performance.now();
  await migrateToLatest(database.db);
  await seedUnits(database.db);
  const snap = await snapshotUnits(createUnitDirectory(database.db));
  const all = [...SEED_PROCEDURES, ...Array.from({ length: Math.max(0, total - SEED_PROCEDURES.length) }, (_, i) => generated(i))];
  for (let from = 0; from < all.length; from += 250) {
    await database.db.transaction().execute(async (trx) => {
      for (const p of all.slice(from, from + 250)) {
        const procedure = await insertProcedure(trx, { code: p.code, codeStatus: p.codeStatus, ownerUnitId: p.ownerUnitId, createdBy: 'bench' });
        const derived = deriveColumns(p.code, p.ownerUnitId, p.content, snap);
        const draft = await insertDraft(trx, { procedureId: procedure.id, number: 1, content: p.content, derived, actor: 'bench' });
        await markPublished(trx, draft.id, 'bench', new Date());
      }
    });
  }
  // Steady state: autovacuum has cleaned the draft rows that publishing replaced.
  await sql`vacuum analyze procedure_version`.execute(database.db);
  console.log(`           ${all.length} published procedures loaded in ${Math.round((performance.now() - started) / 1000)} s`);
}

async function measure(label: string, port: number): Promise<void> {
  for (const target of targets) {
    const url = `http://127.0.0.1:${port}${target.path}`;
    const check = await (await fetch(url)).json();
    const result = await autocannon({ url, connections, duration });
    const errors = result.errors + result.non2xx;
    console.log(
      `${label.padEnd(10)} ${target.name}${check.total === undefined ? '' : ` — ${check.total} matches`}\n` +
        `           ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, ` +
        `p99 ${result.latency.p99} ms, ${errors} errors/non-2xx`,
    );
  }
}

console.log(`node ${process.version}; ${total} procedures; ${connections} connections; ${duration} s per query`);

const dataDir = mkdtempSync(path.join(tmpdir(), 'motcua-bench-catalog-'));
if (benchTargets.includes('pglite')) try {
  const database = await openPglite(dataDir);
  try {
    await populate(database);
  } finally {
    await database.close();
  }
  const server = await startServer({ DATA_DIR: dataDir }, 3111);
  try {
    await measure('PGlite', 3111);
  } finally {
    await stopServer(server);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

if (!benchTargets.includes('postgres')) process.exit(0);
await withScratchDatabase(
  adminUrl,
  'motcua_bench_catalog',
  async (url) => {
    const database = openPostgres(url, 4);
    try {
      await populate(database);
    } finally {
      await database.close();
    }
    const server = await startServer({ DATABASE_URL: url }, 3112);
    try {
      await measure('PostgreSQL', 3112);
    } finally {
      await stopServer(server);
    }
  },
  { keep: keepDatabase },
);
