// Assembles the portal-sync module: the client of the national portal's dossier sync API
// (default: the emulator this server mounts at /emulators/dvcqg), the delivery job on the jobs
// module, the listener of the dossiers' events, and the routes. server.ts builds it after the
// dossiers module; the quality index reads `syncedDossierCodes` / `isSynced`.
import type { FastifyInstance } from 'fastify';
import { Gauge, type Registry } from 'prom-client';
import { portalSyncOn, type Config } from '../../config.ts';
import type { DossiersModule } from '../dossiers/module.ts';
import type { JobLogger, JobsModule } from '../jobs/module.ts';
import { API_PREFIX, type Module, type ModuleDeps } from '../module.ts';
import { DvcqgSyncClient } from './client.ts';
import { registerPortalSyncRoutes } from './routes.ts';
import { createPortalSyncService, DELIVER_TOPIC, type DeliverJob, type PortalSyncService, type PortalSyncSettings } from './service.ts';

export type { PortalSyncService } from './service.ts';
export type { PortalSyncState } from './tables.ts';
export { DvcqgSyncClient, type SyncAnswer, type SyncOperation } from './client.ts';

export const DVCQG_EMULATOR_PATH = '/emulators/dvcqg';

/** The client of the configured portal (default: the emulator on this server, once it listens). */
export function createDvcqgSyncClient(config: Config, server: () => FastifyInstance | undefined): DvcqgSyncClient {
  return new DvcqgSyncClient({
    url:
      config.DVCQG_SYNC_URL ??
      (() => {
        const address = server()?.server.address();
        if (!address || typeof address === 'string') return undefined;
        const host =
          address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address.includes(':') ? `[${address.address}]` : address.address;
        return `http://${host}:${address.port}${DVCQG_EMULATOR_PATH}`;
      }),
    paths: { create: config.DVCQG_SYNC_CREATE_PATH, update: config.DVCQG_SYNC_UPDATE_PATH, process: config.DVCQG_SYNC_PROCESS_PATH },
    token: config.DVCQG_SYNC_TOKEN,
    authHeader: config.DVCQG_SYNC_AUTH_HEADER,
    timeoutMs: config.DVCQG_SYNC_TIMEOUT_MS,
  });
}

export interface PortalSyncModule extends Module, PortalSyncService {
  service: PortalSyncService;
  client: DvcqgSyncClient;
  settings: PortalSyncSettings;
  /** Adds the gauge of dossiers by delivery state (alert on `portal_sync_dossiers{state="error"}`). */
  registerMetrics(registry: Registry): void;
}

export interface PortalSyncModuleDeps extends ModuleDeps {
  dossiers: Pick<DossiersModule, 'service'>;
  jobs: Pick<JobsModule, 'enqueue' | 'handle'>;
  client?: DvcqgSyncClient;
  log?: Pick<JobLogger, 'warn'>;
}

export function createPortalSyncModule(deps: PortalSyncModuleDeps): PortalSyncModule {
  const { config } = deps;
  let server: FastifyInstance | undefined;
  const client = deps.client ?? createDvcqgSyncClient(config, () => server);
  const settings: PortalSyncSettings = {
    enabled: portalSyncOn(config),
    chunkSize: config.DVCQG_SYNC_CHUNK,
    maxAttempts: config.DVCQG_SYNC_MAX_ATTEMPTS,
    // Every call of a delivery may take the time limit: a dossier with a long history makes several.
    leaseMs: Math.max(config.JOB_LEASE_MS, config.DVCQG_SYNC_TIMEOUT_MS * 20),
  };
  if (config.DVCQG_SYNC && !settings.enabled) {
    deps.log?.warn({}, 'DVCQG_SYNC_URL is not set: dossiers are not delivered to the national public service portal (Cổng DVCQG)');
  }
  const service = createPortalSyncService({
    db: deps.db,
    units: deps.units,
    client,
    jobs: deps.jobs,
    dossiers: deps.dossiers.service,
    settings,
  });
  deps.dossiers.service.onEvent((db, event) => service.onDossierEvent(db, event));
  deps.jobs.handle<DeliverJob>(DELIVER_TOPIC, (job, ctx) => service.deliver(job, ctx));
  return {
    ...service,
    service,
    client,
    settings,
    registerMetrics(registry) {
      new Gauge({
        name: 'portal_sync_dossiers',
        help: 'Dossiers by their delivery state to the national public service portal (Cổng DVCQG)',
        labelNames: ['state'] as const,
        registers: [registry],
        async collect() {
          const counts = await service.counts();
          for (const state of ['pending', 'synced', 'error'] as const) this.set({ state }, counts[state]);
        },
      });
    },
    async register(app) {
      server = app;
      await app.register(async (api) => registerPortalSyncRoutes(api, { portalSync: service }), { prefix: API_PREFIX });
    },
  };
}
