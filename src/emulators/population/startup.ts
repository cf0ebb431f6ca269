// At `npm start`: the in-process emulator gets its synthetic people (POPULATION_EMULATOR_PEOPLE,
// 10,000 by default) when its tables are empty. Generated after the server listens, in small
// transactions, so that start-up is not delayed (about 1 s for 10,000 people on PGlite).
import { performance } from 'node:perf_hooks';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { seedEmulatorIfEmpty } from './generate.ts';
import { populationEmulatorEnabled } from './server.ts';

export function seedPopulationInBackground(log: FastifyBaseLogger, config: Config, database: Database): Promise<void> {
  if (!populationEmulatorEnabled(config) || config.POPULATION_EMULATOR_PEOPLE === 0) return Promise.resolve();
  const started = performance.now();
  return seedEmulatorIfEmpty(
    { db: database.db, kind: database.kind, url: config.DATABASE_URL },
    config.POPULATION_EMULATOR_PEOPLE,
    config.POPULATION_EMULATOR_SEED,
    { chunkSize: 1000 },
  ).then(
    (result) => {
      if (result) {
        log.info(
          { people: result.inserted, seed: result.seed, ms: Math.round(performance.now() - started) },
          'population database emulator: synthetic population generated',
        );
      }
    },
    (error: unknown) => log.error({ err: error }, 'population database emulator: could not generate the synthetic population'),
  );
}
