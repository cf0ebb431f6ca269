// Assembles the results module: the signer SIGNER names (PKCS#12 files; the development CA on the
// embedded default), the use cases, the routes, and the listeners told of each issued result
// after its commit (the outbox job `result.issued`). It implements the dossiers module's
// ResultIssuer port (`issuer`), which server.ts passes to the dossiers module.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { devCaOn } from '../../config.ts';
import type { Principal } from '../../core/access/index.ts';
import type { ResultIssuer } from '../dossiers/module.ts';
import type { FileRow, FilesModule } from '../files/module.ts';
import type { JobsModule } from '../jobs/module.ts';
import { API_PREFIX, type Module, type ModuleDeps } from '../module.ts';
import { openDevCa, type DevCa } from './dev-ca.ts';
import { registerResultRoutes } from './routes.ts';
import type { ResultIssuedEvent, ResultIssuedListener } from './schema.ts';
import { RESULT_ISSUED_TOPIC, createResultsService, type ResultsService, type ResultsServiceDeps } from './service.ts';
import { pkcs12Signer, type ResultSigner } from './signer.ts';

export type { ResultIssuedEvent, ResultIssuedListener, Verification } from './schema.ts';
export type { ResultSigner, Signer, SigningUnit } from './signer.ts';
export type { ResultsService } from './service.ts';
export { verifyPdfSignatures } from './verify-pdf.ts';

export interface ResultsModule extends Module {
  service: ResultsService;
  /** The dossiers module's port: the signed document of issue_result. */
  issuer: ResultIssuer;
  signer: ResultSigner | undefined;
  /** The development CA when it is on (made on first use; main.ts makes it at start). */
  devCa: (() => Promise<DevCa>) | undefined;
  /** Called after an issued result committed (from the outbox; at least once, keyed by the code). */
  onIssued(listener: ResultIssuedListener): void;
}

export interface ResultsModuleDeps extends ModuleDeps {
  files: Pick<FilesModule, 'service' | 'findFiles' | 'store' | 'sendFile'>;
  jobs: Pick<JobsModule, 'enqueue' | 'handle'>;
  publicUrl: () => string;
  /** The dossier's file if the principal may read it; bound to the dossiers module once it exists. */
  readableDossierFile: (p: Principal | undefined, dossierId: string, fileId: string) => Promise<FileRow>;
  /** A procedure's versions (the catalog module): templates per version need it. */
  procedureVersions?: ResultsServiceDeps['procedureVersions'];
  /** Another signer (a remote signing service, an HSM) instead of SIGNER's. */
  signer?: ResultSigner;
  now?: () => Date;
}

/** The signer SIGNER names, and the development CA when it is on. */
export async function createSigner(config: ModuleDeps['config']): Promise<{ signer: ResultSigner | undefined; devCa: (() => Promise<DevCa>) | undefined }> {
  if (config.SIGNER === 'none') return { signer: undefined, devCa: undefined };
  let opened: Promise<DevCa> | undefined;
  // Opened on first use, so building the app writes nothing to the data folder.
  const devCa = devCaOn(config)
    ? () => {
        opened ??= openDevCa(config.DATA_DIR, config.SIGNING_PKCS12_DIR ? { unitsDir: config.SIGNING_PKCS12_DIR } : {}).catch((error: unknown) => {
          opened = undefined;
          throw error;
        });
        return opened;
      }
    : undefined;
  const anchors = config.SIGNING_TRUST_ANCHORS
    ? x509.PemConverter.decode(await readFile(config.SIGNING_TRUST_ANCHORS, 'utf8')).map((der) => new Uint8Array(der))
    : [];
  const dir = config.SIGNING_PKCS12_DIR ?? path.resolve(config.DATA_DIR, 'signing', 'units');
  return { signer: pkcs12Signer({ dir, password: config.SIGNING_PKCS12_PASSWORD, anchors, ...(devCa ? { devCa } : {}) }), devCa };
}

export async function createResultsModule(deps: ResultsModuleDeps): Promise<ResultsModule> {
  const made = deps.signer ? { signer: deps.signer, devCa: undefined } : await createSigner(deps.config);
  const listeners: ResultIssuedListener[] = [];
  const service = createResultsService({
    db: deps.db,
    units: deps.units,
    files: deps.files,
    jobs: deps.jobs,
    signer: made.signer,
    codePrefix: deps.config.RESULT_CODE_PREFIX,
    place: deps.config.DOSSIER_SLIP_PLACE,
    publicUrl: deps.publicUrl,
    readableDossierFile: deps.readableDossierFile,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.procedureVersions ? { procedureVersions: deps.procedureVersions } : {}),
  });
  deps.jobs.handle<ResultIssuedEvent>(RESULT_ISSUED_TOPIC, async (event) => {
    for (const listener of listeners) await listener(event);
  });
  return {
    service,
    issuer: service.issuer,
    signer: made.signer,
    devCa: made.devCa,
    onIssued(listener) {
      listeners.push(listener);
    },
    async register(app) {
      await app.register(
        async (api) => {
          registerResultRoutes(api, { results: service, files: deps.files, verifyRateLimit: { max: 30, timeWindow: 60_000 } });
        },
        { prefix: API_PREFIX },
      );
    },
  };
}
