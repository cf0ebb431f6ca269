// Writes the synthetic population into the emulator's tables. On PostgreSQL rows are streamed with
// COPY (pg-copy-streams); on PGlite they go in multi-row INSERTs. Rows are written in index order,
// one transaction per chunk, so an interrupted run resumes where it stopped and a second run with
// the same count does nothing.
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { BLOCK_SIZE, POPULATION_CAPACITY, syntheticBlock } from './generator.ts';
import {
  citizenRow,
  countCitizens,
  createCitizenIndexes,
  dropCitizenIndexes,
  dropEmulatorData,
  ensureEmulatorSchema,
  insertCitizens,
  nextGeneratedIndex,
  readSeed,
  writeSeed,
  type AnyDb,
} from './store.ts';
import type { SyntheticCitizen } from './types.ts';

export interface GenerateTarget {
  db: AnyDb;
  kind: 'pglite' | 'postgres';
  /** PostgreSQL connection URL: enables COPY. */
  url?: string | undefined;
}

export interface GenerateOptions {
  /** How many people the emulator should hold (indices 0 … count-1). */
  count: number;
  seed?: number;
  /** Delete everything first. */
  reset?: boolean;
  /** Rows per transaction. */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Told when the rows are in and the indexes are being built (bulk loads). */
  onIndexing?: () => void;
}

/** From this many rows into an empty table, indexes are built after the load. */
const BULK_LOAD_ROWS = 50_000;

export interface GenerateResult {
  seed: number;
  /** Generated rows present before this run. */
  existing: number;
  inserted: number;
  /** Rows in the table afterwards. */
  total: number;
  ms: number;
}

export class SeedMismatchError extends Error {
  constructor(readonly stored: number, readonly requested: number) {
    super(`the emulator holds a population generated with seed ${stored}, not ${requested}; use --reset to replace it`);
    this.name = 'SeedMismatchError';
  }
}

/** The people with indices in [from, to), block by block. */
function* people(from: number, to: number, seed: number): Generator<SyntheticCitizen> {
  for (let block = Math.floor(from / BLOCK_SIZE); block * BLOCK_SIZE < to; block++) {
    for (const person of syntheticBlock(block, seed)) {
      if (person.index >= from && person.index < to) yield person;
    }
  }
}

/** A value in PostgreSQL's COPY text format. */
function copyText(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

async function copyRange(client: pg.Client, from: number, to: number, seed: number, onRows: (n: number) => void): Promise<void> {
  await client.query('begin');
  try {
    const stream = client.query(
      copyStreams.from(
        'copy population_emulator.citizen (personal_id, idx, old_id_number, full_name, birth_date, record) from stdin',
      ),
    );
    const finished = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    let buffer = '';
    let rows = 0;
    for (const person of people(from, to, seed)) {
      buffer += `${citizenRow(person, true).map(copyText).join('\t')}\n`;
      rows++;
      if (buffer.length >= 1 << 20) {
        stream.write(buffer);
        buffer = '';
        onRows(rows);
        rows = 0;
        // Keep generating while PostgreSQL works through what was sent (both cores busy), but
        // never hold more than a few megabytes in memory.
        if (stream.writableLength > 8 << 20) await Promise.race([once(stream, 'drain'), finished]);
      }
    }
    stream.end(buffer);
    await finished;
    onRows(rows);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
}

async function insertRange(db: AnyDb, from: number, to: number, seed: number, onRows: (n: number) => void): Promise<void> {
  await db.transaction().execute(async (trx) => {
    let batch: SyntheticCitizen[] = [];
    for (const person of people(from, to, seed)) {
      batch.push(person);
      if (batch.length === 500) {
        await insertCitizens(trx, batch);
        onRows(batch.length);
        batch = [];
      }
    }
    await insertCitizens(trx, batch);
    onRows(batch.length);
  });
}

/** Makes the emulator hold people 0 … count-1 of population `seed`. */
export async function generatePopulation(target: GenerateTarget, options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(options.count) || options.count < 0 || options.count > POPULATION_CAPACITY) {
    throw new RangeError(`count must be an integer in [0, ${POPULATION_CAPACITY}], got ${options.count}`);
  }
  await ensureEmulatorSchema(target.db);
  if (options.reset) await dropEmulatorData(target.db);
  const existing = await nextGeneratedIndex(target.db);
  const stored = await readSeed(target.db);
  if (stored !== undefined && stored !== seed && existing > 0) throw new SeedMismatchError(stored, seed);
  await writeSeed(target.db, seed);

  const todo = Math.max(0, options.count - existing);
  let done = 0;
  const onRows = (n: number) => {
    done += n;
    options.onProgress?.(done, todo);
  };
  if (todo > 0) {
    const useCopy = target.kind === 'postgres' && target.url !== undefined;
    const chunk = options.chunkSize ?? (useCopy ? 250_000 : 5_000);
    // A large load into an empty table builds its indexes once at the end (several times
    // faster than maintaining them row by row). Interrupted, the next run puts them back.
    const bulk = useCopy && (await countCitizens(target.db)) === 0 && todo >= BULK_LOAD_ROWS;
    if (bulk) await dropCitizenIndexes(target.db);
    const client = useCopy ? new pg.Client({ connectionString: target.url }) : undefined;
    await client?.connect();
    try {
      for (let from = existing; from < options.count; from += chunk) {
        const to = Math.min(options.count, from + chunk);
        if (client) await copyRange(client, from, to, seed, onRows);
        else await insertRange(target.db, from, to, seed, onRows);
      }
    } finally {
      await client?.end();
    }
    if (bulk) {
      options.onIndexing?.();
      await createCitizenIndexes(target.db);
      await sql`analyze population_emulator.citizen`.execute(target.db);
    }
  }
  return { seed, existing, inserted: done, total: await countCitizens(target.db), ms: performance.now() - started };
}

/**
 * At start: fills an empty emulator with `count` people; does nothing when it holds anyone. Of
 * several instances starting at once on one PostgreSQL database, one generates (a claim row in
 * the emulator's meta table; a claim older than 10 minutes is taken over).
 */
export async function seedEmulatorIfEmpty(
  target: GenerateTarget,
  count: number,
  seed: number,
  options: Pick<GenerateOptions, 'chunkSize' | 'onProgress'> = {},
): Promise<GenerateResult | undefined> {
  await ensureEmulatorSchema(target.db);
  if (count === 0 || (await countCitizens(target.db)) > 0) return undefined;
  const claimed = await sql<{ key: string }>`
    insert into population_emulator.meta (key, value) values ('startup_seed', ${new Date().toISOString()})
    on conflict (key) do update set value = excluded.value
      where population_emulator.meta.value::timestamptz < now() - interval '10 minutes'
    returning key`.execute(target.db);
  if (claimed.rows.length === 0) return undefined;
  try {
    if ((await countCitizens(target.db)) > 0) return undefined;
    return await generatePopulation(target, { count, seed, ...options });
  } finally {
    await sql`delete from population_emulator.meta where key = 'startup_seed'`.execute(target.db);
  }
}

/** A progress bar on a terminal (redrawn in place), or a line every 10 % otherwise. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): {
  update: (done: number, total: number) => void;
  finish: () => void;
} {
  const started = performance.now();
  let lastDraw = 0;
  let lastDecile = -1;
  const fmt = (n: number) => n.toLocaleString('en-US');
  const line = (done: number, total: number) => {
    const ratio = total === 0 ? 1 : done / total;
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? Math.max(0, (total - done) / rate) : 0;
    const width = 30;
    const filled = Math.round(ratio * width);
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(ratio * 100).toFixed(1).padStart(5)}% ${fmt(done)}/${fmt(total)} ${fmt(Math.round(rate))}/s ETA ${eta.toFixed(0)}s`;
  };
  return {
    update(done, total) {
      if (stream.isTTY) {
        const now = performance.now();
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        stream.write(`\r${line(done, total)}`);
      } else {
        const decile = total === 0 ? 10 : Math.floor((done / total) * 10);
        if (decile !== lastDecile) {
          lastDecile = decile;
          stream.write(`${line(done, total)}\n`);
        }
      }
    },
    finish() {
      if (stream.isTTY && lastDraw > 0) stream.write('\n');
      lastDraw = 0;
    },
  };
}
