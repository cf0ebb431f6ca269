// Assembles the population module: the client of the national population database (or the
// emulator this server mounts), the use cases over it, and their routes. server.ts builds it with
// the one unit directory; the catalog module takes its citizen data for e-form prefill.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import { API_PREFIX, type Module, type ModuleDeps } from '../module.ts';
import { PopulationClient } from './client.ts';
import { registerPopulationRoutes } from './routes.ts';
import { createPopulationService, type PopulationService } from './service.ts';

// What other modules use of population (through this file only).
export { POPULATION_SOURCE, toPrefillValues } from './prefill.ts';
export type { Actor as PopulationActor, PopulationService } from './service.ts';
export { UNAVAILABLE_DETAIL as POPULATION_UNAVAILABLE_DETAIL } from './service.ts';
export type { PopulationRecord } from './record.ts';

export const EMULATOR_PATH = '/emulators/population/';

/** The client of the configured population service (default: the emulator on this server). */
export function createPopulationClient(config: Config, selfUrl: () => string | undefined): PopulationClient {
  return new PopulationClient({
    url: config.POPULATION_API_URL ?? selfUrl,
    integrationCode: config.POPULATION_INTEGRATION_CODE,
    apiKey: config.POPULATION_API_KEY,
    serviceCode: config.POPULATION_SERVICE_CODE,
    timeoutMs: config.POPULATION_TIMEOUT_MS,
    retries: config.POPULATION_RETRIES,
    breakerFailures: config.POPULATION_BREAKER_FAILURES,
    breakerOpenMs: config.POPULATION_BREAKER_OPEN_MS,
    cacheTtlMs: config.POPULATION_CACHE_TTL_SECONDS * 1000,
    cacheMaxEntries: config.POPULATION_CACHE_MAX_ENTRIES,
    batchSize: config.POPULATION_BATCH_SIZE,
    concurrency: config.POPULATION_CONCURRENCY,
  });
}

/** This server's own address (for the in-process emulator), once it listens. */
export function selfUrlOf(app: () => FastifyInstance | undefined): () => string | undefined {
  return () => {
    const address = app()?.server.address();
    if (!address || typeof address === 'string') return undefined;
    const host =
      address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address.includes(':') ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}${EMULATOR_PATH}`;
  };
}

export interface PopulationModule extends Module {
  service: PopulationService;
  client: PopulationClient;
}

export function createPopulationModule(deps: ModuleDeps & { client?: PopulationClient }): PopulationModule {
  // The default client reaches the emulator on this server, whose address is known once it listens.
  let server: FastifyInstance | undefined;
  const client = deps.client ?? createPopulationClient(deps.config, selfUrlOf(() => server));
  const service = createPopulationService({ db: deps.db, client, units: deps.units });
  return {
    service,
    client,
    async register(app) {
      server = app;
      await app.register(async (api) => registerPopulationRoutes(api, { population: service }), { prefix: API_PREFIX });
    },
  };
}
