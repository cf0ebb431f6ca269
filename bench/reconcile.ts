// Benchmark: reconciliation of one sector database (src/modules/registries/reconcile.ts) on
// PostgreSQL. BENCH_PEOPLE registry people (default 1M) drawn from the emulator's synthetic
// citizens (whole blocks of 8, spread over the population; 2% with another name, 1% by their
// legacy CMND, 0.5% with an unknown number) are written to a scratch database; the population
// emulator runs as its own process over BENCH_POPULATION people (default 10M) kept in
// BENCH_POPULATION_DATABASE_URL (generated there once, reused by later runs); the registry is then
// reconciled in pages of 1000 with POPULATION_BATCH_SIZE=1000. Prints people/s, the seconds, and
// where they go: the population calls (HTTP to the emulator), the query log writes around them,
// and the rest (our page reads and the item/person/run writes not hidden behind the next call).
// Never pass/fail.
//   npm run bench -- reconcile
//   BENCH_PEOPLE=100000 BENCH_POPULATION=1000000 npm run bench -- reconcile
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { openPostgres } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { BLOCK_SIZE, syntheticBlock } from '../src/emulators/population/generator.ts';
import { createUnitDirectory } from '../src/modules/identity/units/directory.ts';
import { createPopulationClient, createPopulationModule } from '../src/modules/population/module.ts';
import { createRegistriesModule } from '../src/modules/registries/module.ts';
import { withScratchDatabase } from './support.ts';

const people = Number(process.env.BENCH_PEOPLE ?? 1_000_000);
const population = Number(process.env.BENCH_POPULATION ?? 10_000_000);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const populationUrl = process.env.BENCH_POPULATION_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/motcua_bench_reconcile';
const PORT = 4103;
const CODE = 'BENCH-MOTCUA';
const KEY = 'bench-population-key-0123456789';
if (people > population) throw new Error('BENCH_PEOPLE must not exceed BENCH_POPULATION');

const seconds = (ms: number) => (ms / 1000).toFixed(1);

function motcua(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['bin/motcua', ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
}

/** The emulator's database, created when missing; its people generated up to `population` (resumes). */
async function preparePopulation(): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const name = new URL(populationUrl).pathname.slice(1);
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  await admin.end();
  const t0 = performance.now();
  const child = motcua(['population', 'generate', '--count', String(population)], { DATABASE_URL: populationUrl });
  child.stdout!.pipe(process.stdout);
  const [code] = (await once(child, 'exit')) as [number];
  if (code !== 0) throw new Error(`population generate exited with ${code}`);
  console.log(`population of ${population.toLocaleString('en-US')} ready in ${seconds(performance.now() - t0)} s`);
}

/** Starts the emulator; resolves to the process and its POPULATION_API_URL. */
async function startEmulator(): Promise<{ child: ChildProcess; url: string }> {
  const child = motcua(['emulator', 'population', '--port', String(PORT), '--people', '0', '--integration-code', CODE, '--api-key', KEY], { DATABASE_URL: populationUrl });
  let out = '';
  for await (const chunk of child.stdout!) {
    out += String(chunk);
    if (/POPULATION_API_KEY/.test(out)) return { child, url: /POPULATION_API_URL=(\S+)/.exec(out)![1]! };
  }
  throw new Error(`the emulator exited: ${out}`);
}

/** Registry rows: whole blocks of 8 citizens spread evenly over the population, some altered. */
function* registryRows(): Generator<[string, string, string]> {
  const blocks = Math.ceil(people / BLOCK_SIZE);
  const step = Math.floor(population / BLOCK_SIZE / blocks);
  let j = 0;
  for (let b = 0; b < blocks && j < people; b++) {
    for (const c of syntheticBlock(b * step)) {
      if (j >= people) break;
      if (j % 50 === 1) yield [c.personalId, `${c.fullName} Văn`, c.birthDate];
      else if (j % 100 === 2 && c.oldIdNumber) yield [c.oldIdNumber, c.fullName, c.birthDate];
      else if (j % 200 === 3) yield [`0990${String(j).padStart(8, '0')}`, c.fullName, c.birthDate];
      else yield [c.personalId, c.fullName, c.birthDate];
      j++;
    }
  }
}

console.log(`node ${process.version}; ${people.toLocaleString('en-US')} registry people; population ${population.toLocaleString('en-US')}; batches of 1000`);
await preparePopulation();
const { child: emulator, url: emulatorUrl } = await startEmulator();
try {
  await withScratchDatabase(adminUrl, 'motcua_bench_reconcile_run', async (url) => {
    const database = openPostgres(url, 8);
    const { db } = database;
    try {
      await migrateToLatest(db);
      const t0 = performance.now();
      let batch: [string, string, string][] = [];
      const flush = async () => {
        await sql`
          insert into registry_person (registry, personal_id, full_name, birth_date, updated_by)
          select 'ip', v.pid, v.name, v.birth::date, 'bench'
          from unnest(${batch.map((r) => r[0])}::text[], ${batch.map((r) => r[1])}::text[], ${batch.map((r) => r[2])}::text[]) as v (pid, name, birth)
          on conflict do nothing`.execute(db);
        batch = [];
      };
      for (const row of registryRows()) {
        batch.push(row);
        if (batch.length === 20_000) await flush();
      }
      if (batch.length) await flush();
      await sql`vacuum analyze registry_person`.execute(db);
      console.log(`registry written in ${seconds(performance.now() - t0)} s`);

      const cfg = loadConfig({
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: url,
        LOG_LEVEL: 'warn',
        POPULATION_API_URL: emulatorUrl,
        POPULATION_API_KEY: KEY,
        POPULATION_INTEGRATION_CODE: CODE,
        POPULATION_BATCH_SIZE: '1000',
        POPULATION_CACHE_TTL_SECONDS: '0',
        POPULATION_TIMEOUT_MS: '30000',
      });
      // The population client and service, timed: HTTP calls, and the whole lookup (with its log rows).
      const client = createPopulationClient(cfg, () => undefined);
      let httpMs = 0;
      let lookupMs = 0;
      const queryBatch = client.queryBatch.bind(client);
      client.queryBatch = async (items) => {
        const s = performance.now();
        try {
          return await queryBatch(items);
        } finally {
          httpMs += performance.now() - s;
        }
      };
      const deps = { config: cfg, db, units: createUnitDirectory(db, cfg.UNIT_CACHE_MS) };
      const populationModule = createPopulationModule({ ...deps, client });
      const lookupManyFor = populationModule.service.lookupManyFor.bind(populationModule.service);
      populationModule.service.lookupManyFor = async (...args) => {
        const s = performance.now();
        try {
          return await lookupManyFor(...args);
        } finally {
          lookupMs += performance.now() - s;
        }
      };
      const registries = createRegistriesModule({ ...deps, population: populationModule });
      const actor = { kind: 'officer' as const, accountId: '00000000-0000-0000-0000-000000000000', name: 'Bench', officerCode: 'bench', unitId: null };
      let lastDecile = -1;
      const r0 = performance.now();
      const run = await registries.reconcile(actor, 'ip', {
        onProgress: (c) => {
          const d = Math.floor((c.done / Math.max(1, c.total)) * 10);
          if (d > lastDecile) {
            lastDecile = d;
            process.stderr.write(`  ${d * 10}% ${c.done}/${c.total} ${seconds(performance.now() - r0)} s\n`);
          }
        },
      });
      const totalMs = performance.now() - r0;
      console.log(
        `reconciled ${run.total.toLocaleString('en-US')} people in ${seconds(totalMs)} s: ${Math.round(run.total / (totalMs / 1000)).toLocaleString('en-US')} people/s ` +
          `(match ${run.match}, mismatch ${run.mismatch}, unknown_number ${run.unknown_number}, legacy_number ${run.legacy_number}, unavailable ${run.unavailable})`,
      );
      console.log(`  population calls (HTTP to the emulator)     ${seconds(httpMs)} s`);
      console.log(`  query log rows (insert + complete)          ${seconds(lookupMs - httpMs)} s`);
      console.log(`  the rest: page reads and item/person/run writes not overlapped with a call  ${seconds(totalMs - lookupMs)} s`);
    } finally {
      await database.close();
    }
  });
} finally {
  const exited = once(emulator, 'exit');
  emulator.kill('SIGTERM');
  await exited;
}
