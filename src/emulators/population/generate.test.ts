import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.ts';
import { generatePopulation, SeedMismatchError, seedEmulatorIfEmpty } from './generate.ts';
import { syntheticCitizen } from './generator.ts';
import { countCitizens, findCitizen } from './store.ts';

// PGlite: multi-row INSERTs; PostgreSQL (DATABASE_URL set): COPY through pg-copy-streams.
let database: TestDatabase;
let target: Parameters<typeof generatePopulation>[0];
beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  target = { db: database.db, kind: database.kind, url: database.url };
});
afterAll(async () => {
  await database?.close();
});

describe('generatePopulation', () => {
  it('writes people 0 … count-1 in chunks, reporting progress, with the generator’s records', async () => {
    const progress: Array<[number, number]> = [];
    const result = await generatePopulation(target, { count: 300, seed: 5, chunkSize: 128, onProgress: (d, t) => progress.push([d, t]) });
    expect(result).toMatchObject({ seed: 5, existing: 0, inserted: 300, total: 300 });
    expect(progress.at(-1)).toEqual([300, 300]);
    for (const i of [0, 127, 128, 299]) {
      const expected = syntheticCitizen(i, 5);
      expect(await findCitizen(database.db, { personalId: expected.personalId })).toEqual(expected);
    }
    const someone = syntheticCitizen(42, 5);
    if (someone.oldIdNumber) {
      expect((await findCitizen(database.db, { oldIdNumber: someone.oldIdNumber }))?.personalId).toBe(someone.personalId);
    }
  });

  it('resumes where it stopped, and does nothing when the population is complete', async () => {
    const more = await generatePopulation(target, { count: 500, seed: 5, chunkSize: 64 });
    expect(more).toMatchObject({ existing: 300, inserted: 200, total: 500 });
    const again = await generatePopulation(target, { count: 500, seed: 5 });
    expect(again).toMatchObject({ existing: 500, inserted: 0, total: 500 });
    const { rows } = await sql<{ n: number }>`select count(distinct idx)::int as n from population_emulator.citizen`.execute(database.db);
    expect(rows[0]!.n).toBe(500);
  });

  it('refuses to mix seeds unless told to start again', async () => {
    await expect(generatePopulation(target, { count: 600, seed: 6 })).rejects.toBeInstanceOf(SeedMismatchError);
    expect(await countCitizens(database.db)).toBe(500);
    const fresh = await generatePopulation(target, { count: 50, seed: 6, reset: true });
    expect(fresh).toMatchObject({ existing: 0, inserted: 50, total: 50 });
    expect(await findCitizen(database.db, { personalId: syntheticCitizen(0, 5).personalId })).toBeUndefined();
  });

  it('fills an empty emulator at start and leaves a populated one alone', async () => {
    expect(await seedEmulatorIfEmpty(target, 100, 6)).toBeUndefined();
    await sql`truncate population_emulator.citizen`.execute(database.db);
    expect(await seedEmulatorIfEmpty(target, 40, 6)).toMatchObject({ inserted: 40 });
  });

  it('rejects a count beyond the generator’s capacity', async () => {
    await expect(generatePopulation(target, { count: 1e9 })).rejects.toThrow(RangeError);
  });
});

describe('seedEmulatorIfEmpty with several instances', () => {
  it('only the instance holding the claim generates; a stale claim is taken over', async () => {
    await sql`truncate population_emulator.citizen`.execute(database.db);
    await sql`insert into population_emulator.meta (key, value) values ('startup_seed', ${new Date().toISOString()})`.execute(database.db);
    expect(await seedEmulatorIfEmpty(target, 30, 6)).toBeUndefined(); // another instance is at it
    expect(await countCitizens(database.db)).toBe(0);
    await sql`update population_emulator.meta set value = ${new Date(Date.now() - 11 * 60_000).toISOString()} where key = 'startup_seed'`.execute(database.db);
    expect(await seedEmulatorIfEmpty(target, 30, 6)).toMatchObject({ inserted: 30 });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from population_emulator.meta where key = 'startup_seed'`.execute(database.db);
    expect(rows[0]!.n).toBe(0);
  });
});
