// Tables of the population database emulator. The emulator stands for another system (the
// national population database of the Ministry of Public Security), so its tables live in a
// PostgreSQL schema of their own, `population_emulator`, created here and never by motcua's
// migrations. motcua's modules never read them: they speak to the emulator over HTTP.
import { sql, type Kysely } from 'kysely';
import type { SyntheticCitizen } from './types.ts';

export const EMULATOR_SCHEMA = 'population_emulator';

// Any Kysely instance (motcua's, or a bare one) may host the emulator's schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

/** Creates the emulator's schema and tables if missing. Safe to call from concurrent processes. */
export async function ensureEmulatorSchema(db: AnyDb): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Two processes creating the schema at once would race on the catalog: serialize them.
    await sql`select pg_advisory_xact_lock(hashtext('population_emulator.schema'))`.execute(trx);
    await sql`create schema if not exists population_emulator`.execute(trx);
    // `record` is json (text), not jsonb: it is only ever read whole, and json loads faster.
    await sql`
      create table if not exists population_emulator.citizen (
        personal_id text not null check (personal_id ~ '^[0-9]{12}$'),
        -- generator index; null for records added by hand (tests, demos)
        idx bigint,
        old_id_number text,
        full_name text not null,
        birth_date date not null,
        record json not null
      )`.execute(trx);
    await createCitizenIndexes(trx);
    // Which seed the generated rows come from (one population per database).
    await sql`
      create table if not exists population_emulator.meta (
        key text primary key,
        value text not null
      )`.execute(trx);
  });
}

/**
 * The indexes of the citizen table (unique indexes rather than constraints, so that a bulk load
 * can drop them and this function can put them back, idempotently).
 */
export async function createCitizenIndexes(db: AnyDb): Promise<void> {
  await sql`create unique index if not exists citizen_personal_id_key on population_emulator.citizen (personal_id)`.execute(db);
  await sql`create unique index if not exists citizen_idx_key on population_emulator.citizen (idx)`.execute(db);
  await sql`
    create index if not exists citizen_old_id_idx on population_emulator.citizen (old_id_number)
    where old_id_number is not null`.execute(db);
}

/** Before a bulk load into an empty table: index maintenance row by row is what makes it slow. */
export async function dropCitizenIndexes(db: AnyDb): Promise<void> {
  await sql`drop index if exists population_emulator.citizen_personal_id_key`.execute(db);
  await sql`drop index if exists population_emulator.citizen_idx_key`.execute(db);
  await sql`drop index if exists population_emulator.citizen_old_id_idx`.execute(db);
}

export async function dropEmulatorData(db: AnyDb): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`truncate population_emulator.citizen`.execute(trx);
    await sql`delete from population_emulator.meta`.execute(trx);
  });
}

export async function countCitizens(db: AnyDb): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from population_emulator.citizen`.execute(db);
  return rows[0]!.n;
}

/** The next generator index to write: generation commits in index order, chunk by chunk. */
export async function nextGeneratedIndex(db: AnyDb): Promise<number> {
  const { rows } = await sql<{ n: number | null }>`
    select (max(idx) + 1)::bigint as n from population_emulator.citizen`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export async function readSeed(db: AnyDb): Promise<number | undefined> {
  const { rows } = await sql<{ value: string }>`
    select value from population_emulator.meta where key = 'seed'`.execute(db);
  return rows[0] ? Number(rows[0].value) : undefined;
}

export async function writeSeed(db: AnyDb, seed: number): Promise<void> {
  await sql`
    insert into population_emulator.meta (key, value) values ('seed', ${String(seed)})
    on conflict (key) do update set value = excluded.value`.execute(db);
}

/** The stored form of a person: columns for lookup, the whole record as JSON. */
export function citizenRow(c: SyntheticCitizen, generated: boolean): [string, number | null, string | null, string, string, string] {
  return [c.personalId, generated ? c.index : null, c.oldIdNumber, c.fullName, c.birthDate, JSON.stringify(c)];
}

/** Multi-row insert (PGlite, and small writes on PostgreSQL). */
export async function insertCitizens(db: AnyDb, people: SyntheticCitizen[], generated = true): Promise<void> {
  if (people.length === 0) return;
  const values = people.map((p) => {
    const [personalId, idx, oldId, fullName, birthDate, record] = citizenRow(p, generated);
    return sql`(${personalId}, ${idx}, ${oldId}, ${fullName}, ${birthDate}::date, ${record}::json)`;
  });
  await sql`
    insert into population_emulator.citizen (personal_id, idx, old_id_number, full_name, birth_date, record)
    values ${sql.join(values)}`.execute(db);
}

/** Adds or replaces one person by hand (tests and demos): not part of the generated sequence. */
export async function putCitizen(db: AnyDb, citizen: SyntheticCitizen): Promise<void> {
  const [personalId, , oldId, fullName, birthDate, record] = citizenRow(citizen, false);
  await sql`
    insert into population_emulator.citizen (personal_id, idx, old_id_number, full_name, birth_date, record)
    values (${personalId}, null, ${oldId}, ${fullName}, ${birthDate}::date, ${record}::json)
    on conflict (personal_id) do update set old_id_number = excluded.old_id_number,
      full_name = excluded.full_name, birth_date = excluded.birth_date, record = excluded.record`.execute(db);
}

export async function findCitizen(
  db: AnyDb,
  key: { personalId?: string | undefined; oldIdNumber?: string | undefined },
): Promise<SyntheticCitizen | undefined> {
  let rows: Array<{ record: SyntheticCitizen | string }> = [];
  if (key.personalId) {
    rows = (await sql<{ record: SyntheticCitizen | string }>`
      select record from population_emulator.citizen where personal_id = ${key.personalId}`.execute(db)).rows;
  } else if (key.oldIdNumber) {
    rows = (await sql<{ record: SyntheticCitizen | string }>`
      select record from population_emulator.citizen where old_id_number = ${key.oldIdNumber}
      order by personal_id limit 1`.execute(db)).rows;
  }
  const record = rows[0]?.record;
  if (record === undefined) return undefined;
  return typeof record === 'string' ? (JSON.parse(record) as SyntheticCitizen) : record;
}

/**
 * The citizens of many keys at once (the batch endpoint), keyed `id:<personal ID>` and
 * `cmnd:<old ID number>` (for a CMND shared by two records, the lowest personal ID, as findCitizen).
 */
export async function findCitizens(db: AnyDb, keys: { personalIds: string[]; oldIdNumbers: string[] }): Promise<Map<string, SyntheticCitizen>> {
  const found = new Map<string, SyntheticCitizen>();
  const parse = (record: SyntheticCitizen | string) => (typeof record === 'string' ? (JSON.parse(record) as SyntheticCitizen) : record);
  if (keys.personalIds.length > 0) {
    const { rows } = await sql<{ personal_id: string; record: SyntheticCitizen | string }>`
      select personal_id, record from population_emulator.citizen where personal_id = any(${keys.personalIds}::text[])`.execute(db);
    for (const row of rows) found.set(`id:${row.personal_id}`, parse(row.record));
  }
  if (keys.oldIdNumbers.length > 0) {
    const { rows } = await sql<{ old_id_number: string; record: SyntheticCitizen | string }>`
      select distinct on (old_id_number) old_id_number, record from population_emulator.citizen
      where old_id_number = any(${keys.oldIdNumbers}::text[]) order by old_id_number, personal_id`.execute(db);
    for (const row of rows) found.set(`cmnd:${row.old_id_number}`, parse(row.record));
  }
  return found;
}
