// Assembles the warehouse module: the applicant's data warehouse, digitization at receipt (the
// dossiers module calls `intake` inside its intake transaction), the national portal's warehouse
// client (default: the emulator on this server), and the digitization figures.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Principal } from '../../core/access/index.ts';
import type { DB } from '../../db/types.ts';
import { componentRecords } from './store.ts';
import type { CatalogModule } from '../catalog/module.ts';
import type { FilesModule } from '../files/module.ts';
import { API_PREFIX, type Module, type ModuleDeps } from '../module.ts';
import { createNationalWarehouseClient, type NationalWarehouseClient } from './national.ts';
import { registerWarehouseRoutes } from './routes.ts';
import { createWarehouseService, flagsByComponent, type WarehouseService } from './service.ts';

export type { IntakeComponent, IntakeInput, IntakeResult, IssuedResultInput, WarehouseService } from './service.ts';
export type { NationalWarehouseClient, NationalDocument } from './national.ts';
export { copyIntakeRows, insertIntakeRows, type IntakeRows } from './store.ts';

/** The portal flags of a dossier's components, read without the whole module (the CLI's sync export). */
export function componentFlagsReader(db: Kysely<DB>, config: Pick<Config, 'DIGITIZATION_ONLINE_FILES_FLAGGED'>) {
  return async (dossierId: string) => flagsByComponent(await componentRecords(db, dossierId), { uploadedCountsAsDigitized: config.DIGITIZATION_ONLINE_FILES_FLAGGED });
}

export const NATIONAL_WAREHOUSE_EMULATOR_PATH = '/emulators/kho-dvcqg/';

export interface WarehouseModule extends Module {
  service: WarehouseService;
}

export interface WarehouseModuleDeps extends ModuleDeps {
  files: Pick<FilesModule, 'service' | 'duplicate' | 'detachAll' | 'attach' | 'findFiles' | 'sendFile'>;
  catalog: Pick<CatalogModule, 'publishedVersion'>;
  /** Throws 404 unless the principal may read the dossier (the dossiers module's rule). */
  assertCanReadDossier: (p: Principal | undefined, dossierId: string) => Promise<void>;
  national?: NationalWarehouseClient;
  now?: () => Date;
}

/** This server's address of the in-process emulator, once it listens. */
function selfEmulatorUrl(app: () => FastifyInstance | undefined): () => string | undefined {
  return () => {
    const address = app()?.server.address();
    if (!address || typeof address === 'string') return undefined;
    const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address.includes(':') ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}${NATIONAL_WAREHOUSE_EMULATOR_PATH}`;
  };
}

export function createWarehouseModule(deps: WarehouseModuleDeps): WarehouseModule {
  const { config } = deps;
  let server: FastifyInstance | undefined;
  const national =
    deps.national ?? createNationalWarehouseClient({ baseUrl: config.NATIONAL_WAREHOUSE_URL ? () => config.NATIONAL_WAREHOUSE_URL : selfEmulatorUrl(() => server) });
  const service = createWarehouseService({
    db: deps.db,
    units: deps.units,
    files: deps.files,
    catalog: deps.catalog,
    national,
    settings: { digitizationMode: config.DIGITIZATION_AT_RECEIPT, uploadedCountsAsDigitized: config.DIGITIZATION_ONLINE_FILES_FLAGGED, refusalsAreResults: config.DIGITIZATION_REFUSALS_ARE_RESULTS },
    ...(deps.now ? { now: deps.now } : {}),
  });
  return {
    service,
    async register(app) {
      server = app;
      await app.register(
        async (api) => {
          await api.register(fastifyMultipart, { throwFileSizeLimit: true, limits: { fileSize: config.FILE_MAX_BYTES, files: 1 } });
          registerWarehouseRoutes(api, { warehouse: service, files: deps.files, assertCanReadDossier: deps.assertCanReadDossier });
        },
        { prefix: API_PREFIX },
      );
    },
  };
}
