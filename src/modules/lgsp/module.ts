// Assembles the data-exchange gateway (LGSP; SPEC §5): the service catalog that providers register
// into, the OAuth2 token endpoint and the calls at /lgsp/v1/{service}, the message log (its batched
// writer, the signed heads, export and verification), the administration API, metrics, and the
// adapter to the national platform (NDXP). server.ts builds it after the modules whose
// capabilities it offers (dossiers, population); a sector module registers its services with one
// call of `registerProvider`.
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { Config } from '../../config.ts';
import type { ExportLine, SignedHead, VerifyReport } from '../../core/lgsp/index.ts';
import { API_PREFIX, type Module, type ModuleDeps } from '../module.ts';
import type { DossierService } from '../dossiers/module.ts';
import type { JobsModule } from '../jobs/module.ts';
import type { PopulationModule } from '../population/module.ts';
import { CALL_PREFIX, createGateway } from './gateway.ts';
import { loadOrCreateKey, publicKeys, type GatewayKey } from './keys.ts';
import { exportLines, signHead, verifyStoredLog } from './log.ts';
import { createMessageLogWriter, type MessageLogWriter } from './log-writer.ts';
import { createGatewayMetrics } from './metrics.ts';
import { createNdxpClient, type NdxpClient } from './ndxp/adapter.ts';
import { businessRegistryProvider } from './providers/business-registry.ts';
import { dossierStatusProvider } from './providers/dossier-status.ts';
import { populationQueryProvider } from './providers/population-query.ts';
import { createServiceRegistry, type ProviderRegistration, type ServiceRegistry } from './registry.ts';
import { registerGatewayRoutes, registerLgspAdminRoutes } from './routes.ts';
import { createLgspAdmin, type LgspAdmin } from './service.ts';
import { lastHead, upsertService } from './store.ts';

export type { ProviderCall, ProviderRegistration } from './registry.ts';
export type { LgspAdmin, Caller } from './service.ts';
export { TOKEN_PATH, CALL_PREFIX } from './gateway.ts';

export const NDXP_EMULATOR_PATH = '/emulators/ndxp';

export interface LgspModule extends Module {
  /** Registers a service (one call per service version): code, owner, provider, schemas, handler. */
  registerProvider<Req, Res>(registration: ProviderRegistration<Req, Res>): void;
  registry: ServiceRegistry;
  admin: LgspAdmin;
  writer: MessageLogWriter;
  ndxp: NdxpClient;
  key(): Promise<GatewayKey>;
  /** Signs the chain head now if rows were added since the last signed head. */
  signHead(): Promise<SignedHead | undefined>;
  exportLines(range?: { from?: Date; to?: Date }): AsyncGenerator<ExportLine>;
  verify(): Promise<VerifyReport>;
  registerMetrics(registry: Registry): void;
  /** Writes the registered services' catalog rows (done when the server is ready). */
  syncCatalog(): Promise<void>;
}

export interface LgspModuleDeps extends ModuleDeps {
  jobs?: Pick<JobsModule, 'schedule'>;
  /** The capabilities offered as seeded services (absent: not offered, e.g. in the CLI). */
  dossiers?: Pick<DossierService, 'lookup'>;
  population?: Pick<PopulationModule, 'client'>;
  log?: { error(obj: object, msg: string): void };
}

/** The gateway's issuer (the `iss` of its tokens). */
export function lgspIssuer(config: Config): string {
  return config.LGSP_ISSUER ?? `${(config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '')}/lgsp`;
}

export function createLgspModule(deps: LgspModuleDeps): LgspModule {
  const { config, db } = deps;
  const registry = createServiceRegistry();
  let keyPromise: Promise<GatewayKey> | undefined;
  const key = () => (keyPromise ??= loadOrCreateKey(db, config.LGSP_KEY_ALG).catch((error: unknown) => {
    keyPromise = undefined;
    throw error;
  }));

  // Signing: after LGSP_HEAD_EVERY_ROWS new rows (one signing at a time), and on the schedule.
  let signing: Promise<unknown> = Promise.resolve();
  let lastSignedSeq: number | undefined;
  const sign = (): Promise<SignedHead | undefined> => {
    const next = signing.then(async () => {
      const head = await signHead(db, await key());
      lastSignedSeq = head?.seq ?? lastSignedSeq;
      return head;
    });
    signing = next.catch((error: unknown) => deps.log?.error({ err: error }, 'could not sign the lgsp log head'));
    return next;
  };
  const writer = createMessageLogWriter({
    db,
    maxBatch: config.LGSP_LOG_BATCH_MAX,
    onBatch: (rows) => {
      const last = rows.at(-1)!.seq;
      void (async () => {
        lastSignedSeq ??= (await lastHead(db))?.seq ?? 0;
        if (last - lastSignedSeq >= config.LGSP_HEAD_EVERY_ROWS) await sign();
      })().catch((error: unknown) => deps.log?.error({ err: error }, 'could not sign the lgsp log head'));
    },
  });
  deps.jobs?.schedule('lgsp-sign-head', config.LGSP_HEAD_SCHEDULE, async () => {
    await sign();
  });

  let server: FastifyInstance | undefined;
  const selfOrigin = () => {
    const address = server?.server.address();
    if (!address || typeof address === 'string') return undefined;
    const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address.includes(':') ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
  };
  const ndxp = createNdxpClient({
    url: () => config.NDXP_URL ?? (selfOrigin() ? `${selfOrigin()}${NDXP_EMULATOR_PATH}` : undefined),
    apiKey: config.NDXP_API_KEY,
    agencyCode: config.NDXP_AGENCY_CODE,
    timeoutMs: config.NDXP_TIMEOUT_MS,
  });

  const metrics = createGatewayMetrics();
  const gateway = createGateway({
    db,
    key,
    registry,
    writer,
    metrics,
    settings: {
      issuer: () => lgspIssuer(config),
      tokenTtlSeconds: config.LGSP_TOKEN_TTL_SECONDS,
      tokenPerMinutePerAddress: config.LGSP_TOKEN_PER_MINUTE_PER_ADDRESS,
      purposes: config.LGSP_PURPOSES,
      defaultPerMinute: config.LGSP_DEFAULT_PER_MINUTE,
      defaultPerDay: config.LGSP_DEFAULT_PER_DAY,
      cacheMs: config.LGSP_CACHE_MS,
    },
  });
  const publicOrigin = () => (config.PUBLIC_URL ?? selfOrigin() ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
  const admin = createLgspAdmin({
    db,
    units: deps.units,
    registry,
    purposes: config.LGSP_PURPOSES,
    ndxp,
    endpointOf: (code) => `${publicOrigin()}${CALL_PREFIX}/${code}`,
    invalidate: (id) => gateway.invalidate(id),
    syncCatalog: () => syncCatalog(),
  });

  // The seeded services: a motcua capability, the population database, a national service via NDXP.
  if (deps.dossiers) registry.register(dossierStatusProvider(deps.dossiers));
  if (deps.population) registry.register(populationQueryProvider(deps.population));
  if (deps.dossiers || deps.population) registry.register(businessRegistryProvider(ndxp));

  async function syncCatalog(): Promise<void> {
    for (const s of registry.latest()) {
      const r = s.registration;
      await upsertService(db, { code: s.code, nameVi: r.name.vi, nameEn: r.name.en, ownerUnitId: r.ownerUnitId, providerKind: r.provider.kind, providerName: r.provider.name, version: s.version });
    }
  }

  return {
    registerProvider: (registration) => registry.register(registration),
    registry,
    admin,
    writer,
    ndxp,
    key,
    signHead: sign,
    exportLines: (range) => exportLines(db, range),
    verify: () => verifyStoredLog(db),
    registerMetrics: (r) => metrics.register(r),
    syncCatalog,
    async register(app) {
      server = app;
      // The key and the catalog rows at start; a database not migrated yet (readyz says so) only
      // delays them: the key is loaded on first use, the rows written by the first change.
      app.addHook('onReady', async () => {
        try {
          await key();
          await syncCatalog();
        } catch (error) {
          deps.log?.error({ err: error }, 'the data-exchange gateway could not load its key or catalog at start');
        }
      });
      // Every answered call's row is committed already; what is queued is flushed, and the head signed.
      app.addHook('onClose', async () => {
        await writer.drain();
        await sign().catch(() => undefined);
      });
      await registerGatewayRoutes(app, { gateway, jwks: async () => ({ keys: await publicKeys(db) }) });
      await app.register(async (api) => registerLgspAdminRoutes(api, { admin }), { prefix: API_PREFIX });
    },
  };
}
