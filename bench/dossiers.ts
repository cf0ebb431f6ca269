// Benchmark of dossiers, served by motcua as its own process, on PGlite and on PostgreSQL:
//  (a) counter intake throughput through the HTTP API (upload the component file, then POST
//      /api/v1/dossiers: 16 clients), against a raw SQL baseline on PostgreSQL doing the same
//      writes in one transaction per dossier with 16 node-postgres clients;
//  (b) worklist latency (p50/p99) over N generated dossiers (`generateDossiers`, COPY on PostgreSQL);
//  (c) the public lookup by code and key against /healthz.
//   node --import tsx bench/dossiers.ts
//   BENCH_DOSSIERS=200000 BENCH_PGLITE_DOSSIERS=20000 BENCH_DURATION=10 node --import tsx bench/dossiers.ts
//   10M on PostgreSQL (an hour or more of generation; keep the database to rerun):
//   BENCH_TARGETS=postgres BENCH_DOSSIERS=10000000 BENCH_KEEP_DATABASE=1 node --import tsx bench/dossiers.ts
//   then measure again on it without generating (the name the first run printed):
//   BENCH_TARGETS=postgres BENCH_REUSE_DATABASE=motcua_bench_dossiers_1234 node --import tsx bench/dossiers.ts
// Worklists are measured for a receiver at the ministry (every unit: no unit condition) and for a
// leader of the Intellectual Property Office (its sub-units: either unit of the dossier), with 16
// connections (throughput) and with one (the latency of a request on an idle server).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { loginAs } from '../test/support/auth.ts';
import { loadConfig } from '../src/config.ts';
import type { ServicePrincipal } from '../src/core/access/index.ts';
import { createWorkingCalendar, parseSessions, scheduleForYear } from '../src/core/calendar/index.ts';
import { openPglite, openPostgres, type Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { workflowContent } from '../src/modules/dossiers/testing.ts';
import { createCatalogModule } from '../src/modules/catalog/module.ts';
import { createDefaultPrefillSource } from '../src/modules/catalog/prefill-source.ts';
import { seedCatalog } from '../src/modules/catalog/seed/seed.ts';
import { generateDossiers } from '../src/modules/dossiers/generate.ts';
import { pdfSample } from '../src/modules/files/testing.ts';
import { createUnitDirectory } from '../src/modules/identity/units/directory.ts';
import { seedUnits } from '../src/modules/identity/seed/units.ts';
import { startServer, stopServer, withScratchDatabase } from './support.ts';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const clients = Number(process.env.BENCH_CLIENTS ?? 16);
const pgDossiers = Number(process.env.BENCH_DOSSIERS ?? 200_000);
const pgliteDossiers = Number(process.env.BENCH_PGLITE_DOSSIERS ?? 20_000);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const benchTargets = (process.env.BENCH_TARGETS ?? 'pglite,postgres').split(',');
const keepDatabase = process.env.BENCH_KEEP_DATABASE === '1';
const reuseDatabase = process.env.BENCH_REUSE_DATABASE;
const BENCH_CODE = '1.009999';

const catalogAdmin: ServicePrincipal = {
  kind: 'service',
  accountId: '00000000-0000-4000-8000-000000000001',
  fullName: 'bench catalog',
  method: 'token',
  permissions: ['catalog.edit', 'catalog.publish', 'catalog.read_drafts'],
};

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface Prepared {
  headers: Record<string, string>;
  /** A unit leader of cuc-shtt: worklists over its sub-units. */
  leaderHeaders: Record<string, string>;
  lookup: { code: string; key: string };
  dossiers: number;
}

/** Units, the seed catalog, the bench procedure, a receiver at the ministry, N generated dossiers. */
async function prepare(database: Database, env: Record<string, string>, count: number): Promise<Prepared> {
  const config = loadConfig({ ...process.env, ...env, LOG_LEVEL: 'silent' });
  await migrateToLatest(database.db);
  await seedUnits(database.db);
  const units = createUnitDirectory(database.db, 0);
  const catalog = createCatalogModule({ config, db: database.db, units, prefill: createDefaultPrefillSource() });
  await seedCatalog(database.db, catalog);
  const content = workflowContent();
  await catalog.service.createProcedure(catalogAdmin, { code: BENCH_CODE, codeStatus: 'demo', ownerUnitId: 'cuc-shtt', content });
  await catalog.service.publish(catalogAdmin, BENCH_CODE, 1, { overrideReason: 'Thủ tục đo hiệu năng' });
  const { receiver, leader } = await benchOfficers(database);
  const calendar = createWorkingCalendar({ sessions: parseSessions(config.WORK_SESSIONS), hoursPerDay: config.WORKING_DAY_HOURS, weeklyDaysOff: [0, 6] }, (y) => scheduleForYear(y));
  const client = database.kind === 'postgres' ? new pg.Client({ connectionString: env.DATABASE_URL }) : undefined;
  await client?.connect();
  const started = Date.now();
  try {
    await generateDossiers(
      {
        db: database.db,
        catalog,
        units,
        calendar,
        rules: { paymentPausesClock: config.DOSSIER_PAYMENT_PAUSES_CLOCK, apologyMarginWorkingDays: config.DOSSIER_APOLOGY_MARGIN_DAYS },
        codes: { format: config.DOSSIER_CODE_FORMAT, systemCode: config.DOSSIER_CODE_SYSTEM_CODE },
        ...(client ? { pg: client } : {}),
      },
      { count, seed: 42, spanDays: 365, batchSize: client ? 5000 : 1000 },
    );
  } finally {
    await client?.end();
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`           generated ${count} dossiers in ${seconds.toFixed(1)} s (${Math.round(count / seconds)}/s, ${client ? 'COPY' : 'INSERT'})`);
  if (database.kind === 'postgres') await sql`analyze`.execute(database.db);
  return prepared(database, receiver.headers, leader.headers);
}

/** The bench's officers: a receiver at the ministry (every dossier in scope) and a leader of cuc-shtt. */
async function benchOfficers(database: Database) {
  const receiver = await loginAs(database.db, { kind: 'officer', username: `bench-receiver-${randomUUID().slice(0, 8)}`, roles: [{ role: 'receiver', unitId: 'bkhcn' }] });
  const leader = await loginAs(database.db, { kind: 'officer', username: `bench-leader-${randomUUID().slice(0, 8)}`, roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] });
  return { receiver, leader };
}

async function prepared(database: Database, headers: Record<string, string>, leaderHeaders: Record<string, string>): Promise<Prepared> {
  const one = await database.db.selectFrom('dossier').select(['code', 'lookup_secret']).where('code', 'is not', null).limit(1).executeTakeFirstOrThrow();
  const { n } = await database.db.selectFrom('dossier').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { headers, leaderHeaders, lookup: { code: one.code!, key: one.lookup_secret }, dossiers: Number(n) };
}

/** (a) 16 clients each taking counter dossiers (upload + create) for `duration` seconds. */
async function submitThroughput(label: string, port: number, headers: Record<string, string>): Promise<void> {
  const base = `http://127.0.0.1:${port}`;
  const latencies: number[] = [];
  const intakeLatencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const until = Date.now() + duration * 1000;
  const worker = async (w: number) => {
    let i = 0;
    while (Date.now() < until) {
      const t0 = performance.now();
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(pdfSample(w * 100_000 + i++))], { type: 'application/pdf' }), 'Tờ khai.pdf');
      const up = await fetch(`${base}/api/v1/files`, { method: 'POST', headers, body: form });
      if (up.status !== 201) {
        firstError ??= `upload ${up.status} ${await up.text()}`;
        errors++;
        continue;
      }
      const { id } = (await up.json()) as { id: string };
      const t1 = performance.now();
      const res = await fetch(`${base}/api/v1/dossiers`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          procedureCode: BENCH_CODE,
          channel: 'direct',
          applicant: { kind: 'citizen', idNumber: '001203000123', name: 'Trần Văn Đức', phone: '0987654321' },
          data: { applicant: { fullName: 'Trần Văn Đức', personalId: '001203000123', address: 'Số 5 Lý Thường Kiệt, Hà Nội', phone: '0987654321' }, request: { title: 'Máy gặt đập liên hợp', hasPriority: false } },
          // The receiver's digitization of the paper form (DIGITIZATION_AT_RECEIPT=required).
          components: [{ code: 'TP01', fileIds: [id], digitization: { pageCount: 2, checks: { count: true, complete: true, pageOrder: true, integrity: true } } }],
        }),
      });
      const body = await res.text();
      if (res.status !== 201) {
        firstError ??= `intake ${res.status} ${body.slice(0, 300)}`;
        errors++;
      } else {
        latencies.push(performance.now() - t0);
        intakeLatencies.push(performance.now() - t1);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, w) => worker(w)));
  latencies.sort((a, b) => a - b);
  intakeLatencies.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(10)} submit (upload + POST /api/v1/dossiers, counter intake)\n` +
      `           ${(latencies.length / duration).toFixed(0)} dossiers/s, p50 ${pct(latencies, 50).toFixed(0)} ms, p99 ${pct(latencies, 99).toFixed(0)} ms (of which the intake p50 ${pct(intakeLatencies, 50).toFixed(0)} ms), ${errors} errors (${clients} clients, ${duration} s)` +
      (firstError ? `\n           first error: ${firstError}` : ''),
  );
}

/** The raw SQL baseline: the rows one counter intake's transaction writes (as its query log shows them), one transaction per dossier, 16 clients. */
async function rawBaseline(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: clients });
  pool.on('error', () => {}); // idle clients cut when the scratch database is dropped
  const { rows: [proc] } = await pool.query(`select p.id as procedure_id, v.id as version_id from procedure p join procedure_version v on v.procedure_id = p.id where p.code = $1 and v.status = 'published'`, [BENCH_CODE]);
  const { rows: [account] } = await pool.query(`select id from account where username like 'bench-receiver%' limit 1`);
  const until = Date.now() + duration * 1000;
  const latencies: number[] = [];
  const worker = async () => {
    while (Date.now() < until) {
      const t0 = performance.now();
      const c = await pool.connect();
      try {
        await c.query('begin');
        const fileId = randomUUID();
        await c.query(`insert into file (id, sha256, size_bytes, format, media_type, original_name, uploaded_by) values ($1, $2, 1000, 'pdf', 'application/pdf', 'Tờ khai.pdf', $3)`, [fileId, 'a'.repeat(64), account.id]);
        await c.query('commit');
        await c.query('begin');
        const seq = await c.query(`insert into dossier_code_sequence (unit_code, day, last_value) values ('G22.01.01', '2099-01-01', 1) on conflict (unit_code, day) do update set last_value = dossier_code_sequence.last_value + 1 returning last_value`);
        const code = `G22.01.01-990101-${String(seq.rows[0].last_value).padStart(6, '0')}`;
        const id = randomUUID();
        await c.query(
          `insert into dossier (id, code, lookup_secret, channel, procedure_id, procedure_code, version_id, unit_id, handling_unit_id, applicant_kind, applicant_id_number, applicant_name, applicant, form_data, facts, state, status, version, last_hash)
           values ($1, $2, 'ABCDEFGH', 1, $3, $4, $5, 'bo-phan-mot-cua', 'cuc-shtt-sang-che', 'citizen', '001203000123', 'Trần Văn Đức', '{}', '{}', '{}', '{}', 2, 0, $6)`,
          [id, code, proc.procedure_id, BENCH_CODE, proc.version_id, '0'.repeat(64)],
        );
        await c.query(`insert into dossier_unit (dossier_id, unit_id) values ($1, 'bo-phan-mot-cua'), ($1, 'cuc-shtt-sang-che')`, [id]);
        await c.query(`update file set attached_to = $2, attached_at = now() where id = $1`, [fileId, `dossier:${id}`]);
        await c.query(`insert into dossier_file (dossier_id, file_id, component_code, role, added_seq) values ($1, $2, 'TP01', 'component', 1)`, [id, fileId]);
        await c.query(`insert into dossier_component_record (dossier_id, component_code, added_seq, source, recorded_by, recorded_by_label, recorded_at) values ($1, 'TP01', 1, 'digitized', $2, 'bench', now())`, [id, account.id]);
        await c.query(`insert into dossier_digitization (dossier_id, unit_id, procedure_code, channel, submitted_at, received_at, has_digitized, has_reused, produces_document) values ($1, 'bo-phan-mot-cua', $2, 1, now(), now(), true, false, false)`, [id, BENCH_CODE]);
        await c.query(`insert into dossier_action (dossier_id, seq, type, at, actor_id, actor_kind, actor_label, payload, prev_hash, hash) values ($1, 1, 'receive', now(), $2, 'officer', 'bench', '{}', $3, $3)`, [id, account.id, '0'.repeat(64)]);
        // The action's outbox row (one job per dossier event; its handlers run after the commit).
        await c.query(`insert into job (topic, key, payload, max_attempts) values ('bench.raw', $1, '{}', 1)`, [id]);
        await c.query(`update dossier set status = 2, version = 1, state = '{"status":2}', received_at = now(), due_at = now(), updated_at = now() where id = $1`, [id]);
        await c.query(`insert into audit_log (actor_id, actor_kind, actor_label, action, entity, entity_id, after) values ($1, 'officer', 'bench', 'dossier.create', 'dossier', $2, '{}')`, [account.id, id]);
        await c.query('commit');
        latencies.push(performance.now() - t0);
      } finally {
        c.release();
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  await pool.end();
  latencies.sort((a, b) => a - b);
  console.log(
    `PostgreSQL raw SQL baseline (the same rows, node-postgres, one transaction per dossier + one for the file)\n` +
      `           ${(latencies.length / duration).toFixed(0)} dossiers/s, p50 ${pct(latencies, 50).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms (${clients} clients, ${duration} s)`,
  );
}

async function cannon(label: string, name: string, opts: autocannon.Options): Promise<void> {
  const connections = opts.connections ?? clients;
  const result = await autocannon({ duration, ...opts, connections });
  console.log(
    `${label.padEnd(10)} ${name}\n` +
      `           ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
      `${result.errors + result.non2xx} errors/non-2xx (${connections} connection${connections === 1 ? '' : 's'}, ${duration} s)`,
  );
}

async function measure(label: string, port: number, prepared: Prepared): Promise<void> {
  const base = `http://127.0.0.1:${port}`;
  if (process.env.BENCH_SKIP_SUBMIT !== '1') await submitThroughput(label, port, prepared.headers);
  if (process.env.BENCH_ONLY === 'submit') return;
  const readers = [
    { who: 'ministry receiver', headers: prepared.headers },
    { who: 'cuc-shtt leader', headers: prepared.leaderHeaders },
  ];
  for (const { who, headers } of readers) {
    for (const connections of [clients, 1]) {
      for (const list of ['to-return', 'overdue']) {
        await cannon(label, `GET /api/v1/worklists/${list} (${who}; first page of 20, with total; ${prepared.dossiers} dossiers)`, { url: `${base}/api/v1/worklists/${list}`, headers, connections });
      }
      await cannon(label, `GET /api/v1/worklists (${who}; the nine counts)`, { url: `${base}/api/v1/worklists`, headers, connections });
    }
  }
  // The lookup is limited to 30 a minute per address: each request comes from another address
  // (TRUST_PROXY on, X-Forwarded-For), so the limiter's bookkeeping is measured, not its refusals.
  let n = 0;
  await cannon(label, 'GET /api/v1/public/dossiers/{code}?key= (public lookup)', {
    url: `${base}/api/v1/public/dossiers/${encodeURIComponent(prepared.lookup.code)}?key=${prepared.lookup.key}`,
    requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n++ & 255}` } }) }],
  });
  await cannon(label, 'GET /healthz', { url: `${base}/healthz` });
}

console.log(`node ${process.version}; ${clients} clients; ${duration} s per measurement`);
const serverEnv = { TRUST_PROXY: 'true' };

if (benchTargets.includes('pglite')) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'motcua-bench-dossiers-'));
  try {
    const env = { DATA_DIR: dataDir };
    const database = await openPglite(dataDir);
    let prepared: Prepared;
    try {
      prepared = await prepare(database, env, pgliteDossiers);
    } finally {
      await database.close();
    }
    const server = await startServer({ ...env, ...serverEnv }, 3111);
    try {
      await measure('PGlite', 3111, prepared);
    } finally {
      await stopServer(server);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (benchTargets.includes('postgres') && reuseDatabase) {
  const url = new URL(adminUrl);
  url.pathname = `/${reuseDatabase}`;
  const database = openPostgres(url.toString(), 4);
  let prep: Prepared;
  try {
    const { receiver, leader } = await benchOfficers(database);
    prep = await prepared(database, receiver.headers, leader.headers);
  } finally {
    await database.close();
  }
  const server = await startServer({ DATABASE_URL: url.toString(), ...serverEnv }, 3112);
  try {
    await measure('PostgreSQL', 3112, prep);
  } finally {
    await stopServer(server);
  }
  await rawBaseline(url.toString());
} else if (benchTargets.includes('postgres')) {
  await withScratchDatabase(
    adminUrl,
    'motcua_bench_dossiers',
    async (url) => {
      const database = openPostgres(url, 4);
      let prepared: Prepared;
      try {
        prepared = await prepare(database, { DATABASE_URL: url }, pgDossiers);
      } finally {
        await database.close();
      }
      const server = await startServer({ DATABASE_URL: url, ...serverEnv }, 3112);
      try {
        await measure('PostgreSQL', 3112, prepared);
      } finally {
        await stopServer(server);
      }
      await rawBaseline(url);
    },
    { keep: keepDatabase },
  );
}
