// The HTTP application: plugins, error handling, health, OpenAPI, module routes and the web app.
// Built by buildApp() so that tests, the bench and main.ts all run the very same server.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { jobRunnerOn, mailCatcherOn, nationalWarehouseEmulatorOn, ndxpEmulatorOn, type Config } from './config.ts';
import { toLocalDate } from './core/calendar/index.ts';
import type { Database } from './db/database.ts';
import { pendingMigrations } from './db/migrate.ts';
import { apiDocsOptions } from './http/api-docs.ts';
import { clientErrorHandler, frameworkErrors, refuseNulCharacters, sendProblem } from './http/edge.ts';
import { registerMetrics } from './http/metrics.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { ProblemError, problemBody, zodFieldErrors, type ProblemCode } from './http/problem.ts';
import { registerAccessControl, type DeclaredRoute } from './http/access.ts';
import { createUnitDirectory, type UnitDirectory } from './modules/identity/units/directory.ts';
import type { CalendarService } from './modules/calendar/service.ts';
import { createCalendarModule } from './modules/calendar/module.ts';
import { createDossiersModule, type DossiersModule } from './modules/dossiers/module.ts';
import { createFilesModule, type FilesModule } from './modules/files/module.ts';
import { createIdentifiersModule } from './modules/identifiers/module.ts';
import { registerMachineToken } from './modules/identity/credentials/machine-token.ts';
import { createIdentityModule } from './modules/identity/module.ts';
import { mountSsoEmulator, ssoEmulatorEnabled } from './emulators/sso/index.ts';
import { createPopulationModule } from './modules/population/module.ts';
import { createJobsModule, type JobsModule } from './modules/jobs/module.ts';
import { createNotificationsModule, type NotificationsModule } from './modules/notifications/module.ts';
import { createMailCatcher, type MailCatcher } from './emulators/mail/index.ts';
import { mountPopulationEmulator } from './emulators/population/server.ts';
import { createPaymentsModule, PAYGOV_CALLBACK_PATH, PAYGOV_RETURN_PATH, type PaymentsModule } from './modules/payments/module.ts';
import { mountPaymentEmulator } from './emulators/payment/server.ts';
import { createCatalogModule, type CatalogModule } from './modules/catalog/module.ts';
import { createQualityModule, installationData, type QualityModule } from './modules/quality/module.ts';
import { createFeedbackModule, type FeedbackModule } from './modules/feedback/module.ts';
import { createResultsModule, type ResultSigner, type ResultsModule } from './modules/results/module.ts';
import { createWarehouseModule, type WarehouseModule } from './modules/warehouse/module.ts';
import { mountNationalWarehouseEmulator } from './emulators/national-warehouse/server.ts';
import { createDefaultPrefillSource, populationPrefill, type PrefillSource } from './modules/catalog/prefill-source.ts';
import { createPortalSyncModule, type PortalSyncModule } from './modules/portal-sync/module.ts';
import { mountDvcqgEmulator } from './emulators/dvcqg/server.ts';
import { createLgspModule, type LgspModule } from './modules/lgsp/module.ts';
import { mountNdxpEmulator } from './emulators/ndxp/server.ts';
import { createRegistriesModule, type RegistriesModule, type SectorModule } from './modules/registries/module.ts';
import { createScienceTechModule } from './modules/science-tech/module.ts';
import { createTechMarketModule } from './modules/tech-market/module.ts';
import { createIpModule, IP_DOSSIER_READER, type IpModule } from './modules/ip/module.ts';
import { createStameqModule } from './modules/stameq/module.ts';

export interface AppDependencies {
  config: Config;
  database: Database;
  calendar?: CalendarService;
  /** Prefill values of e-form fields (default: the population module for citizens, the account for organizations). */
  catalogPrefill?: PrefillSource;
  /** The signer of issued results instead of SIGNER's (a remote signing service or an HSM behind the port). */
  resultSigner?: ResultSigner;
}

export type App = FastifyInstance & {
  /** The routes and the access each declares (the authorization matrix test reads it). */
  declaredRoutes: DeclaredRoute[];
  units: UnitDirectory;
  /** The catalog module (main.ts seeds the catalog through it). */
  catalog: CatalogModule;
  /** The files module (the dossiers module and the CLI take files through it). */
  files: FilesModule;
  /** The payments module (its use cases, for the modules that take payments and for tests). */
  payments: PaymentsModule;
  /** The dossiers module (intake, actions, reads; the payment listener and the CLI use it). */
  dossiers: DossiersModule;
  /** The quality index (Decision 766) over the installation's data. */
  quality: QualityModule;
  /** Ratings and PAKN (the quality index reads its bundle items through it). */
  feedback: FeedbackModule;
  /** The outbox and job runner, notifications, and the mail catcher when mail goes to it. */
  jobs: JobsModule;
  notifications: NotificationsModule;
  mailCatcher: MailCatcher | undefined;
  /** Delivery of dossiers to the national portal (its state for officers and the quality index). */
  portalSync: PortalSyncModule;
  /** Signed electronic results (the dossiers module issues through it; onIssued for listeners). */
  results: ResultsModule;
  /** The data-exchange gateway (sector modules register their services through it). */
  lgsp: LgspModule;
  /** The warehouse module (the applicant's data warehouse, digitization; results are recorded through it). */
  warehouse: WarehouseModule;
  /** The people of the sector databases and their link to the population database. */
  registries: RegistriesModule;
  /** The four sector databases (science and technology, technology market, IP, standards/metrology/quality). */
  sectors: SectorModule[];
};

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export async function buildApp(deps: AppDependencies): Promise<App> {
  const { config, database } = deps;
  const app = Fastify({
    logger:
      config.LOG_LEVEL === 'silent'
        ? false
        : { level: config.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    // Keep a caller's request id (from a gateway) when it is well-formed; otherwise make one. The
    // header is read here only (requestIdHeader off), so request.id — which the audit trail and
    // the population query log record — is always well-formed.
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      // Probes and scrapes every few seconds would drown the log.
      disableRequestLogging: (request) => ['/healthz', '/readyz', '/metrics'].includes(request.url),
    }),
    bodyLimit: config.BODY_LIMIT_BYTES,
    // A request (headers and body) must arrive within REQUEST_TIMEOUT_MS: a slowly sent body
    // cannot hold a connection. Node enforces it only when given at creation (with headersTimeout
    // not above it), checking every connectionsCheckingInterval.
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    connectionTimeout: config.CONNECTION_TIMEOUT_MS,
    keepAliveTimeout: config.KEEP_ALIVE_TIMEOUT_MS,
    http: {
      requestTimeout: config.REQUEST_TIMEOUT_MS,
      headersTimeout: Math.min(60_000, config.REQUEST_TIMEOUT_MS),
      connectionsCheckingInterval: Math.min(30_000, Math.max(50, Math.floor(config.REQUEST_TIMEOUT_MS / 4))),
    },
    // Router and connection errors are problems too (src/http/edge.ts), not Fastify's JSON.
    frameworkErrors,
    clientErrorHandler,
    trustProxy: config.TRUST_PROXY,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  const units = createUnitDirectory(database.db, config.UNIT_CACHE_MS);
  const declaredRoutes = registerAccessControl(app, { tree: units.tree });
  app.decorate('declaredRoutes', declaredRoutes);
  app.decorate('units', units);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body is refused with 415 rather than half-understood.
  app.removeContentTypeParser('text/plain');
  // A NUL character in a body, query string or path parameter is refused with 422.
  refuseNulCharacters(app);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Graceful shutdown: idle keep-alive connections are closed at once (forceCloseConnections:
  // 'idle'); a request still in flight finishes and its response closes its connection, so
  // close() resolves as soon as the last one is answered.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only when the service is reached over https: over plain http it is meaningless at best.
    ...(config.PUBLIC_URL?.startsWith('https:') ? {} : { strictTransportSecurity: false }),
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    // problem+json, or the error page for a person in a browser (not under /api).
    const send = (code: ProblemCode, options: Parameters<typeof problemBody>[2] = {}) => sendProblem(request, reply, code, options);
    if (error instanceof ProblemError) {
      return send(error.code, {
        ...(error.detailText !== undefined ? { detail: error.detailText } : {}),
        ...(error.fieldErrors ? { errors: error.fieldErrors } : {}),
        ...(error.extensions ? { extensions: error.extensions } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const part = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body');
      const issues = error.validation.map((v) => ({
        ...(v.params as object),
        code: v.keyword,
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message ?? '',
      }));
      return send('validation', {
        detail: { vi: 'Một số trường không hợp lệ.', en: 'Some fields are not valid.' },
        errors: zodFieldErrors(issues, part),
      });
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send('unsupported_media_type', {
          detail: { vi: 'Hãy gửi dữ liệu dạng application/json.', en: 'Send the body as application/json.' },
        });
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send('bad_request', {
          detail: {
            vi: 'Độ dài nội dung không khớp với tiêu đề Content-Length.',
            en: 'The body length does not match the Content-Length header.',
          },
        });
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send('payload_too_large', {
          detail: {
            vi: `Giới hạn là ${config.BODY_LIMIT_BYTES} byte.`,
            en: `The limit is ${config.BODY_LIMIT_BYTES} bytes.`,
          },
        });
    }
    const status = error.statusCode ?? 500;
    if (status === 400 || (error instanceof SyntaxError && status < 500)) {
      return send('malformed_body', {
        detail: { vi: 'Không đọc được nội dung JSON.', en: 'The JSON body could not be parsed.' },
      });
    }
    if (status === 404) return send('not_found');
    if (status === 405) return send('method_not_allowed');
    if (status === 429) return send('too_many_requests');
    if (status === 503) return send('unavailable');
    if (status >= 400 && status < 500) return send('malformed_body', { detail: error.message });
    request.log.error({ err: error }, 'unhandled error');
    return send('internal', {
      detail: {
        vi: `Đã có lỗi xảy ra. Mã yêu cầu: ${request.id}.`,
        en: `Something went wrong. Request id: ${request.id}.`,
      },
    });
  });

  const metrics = registerMetrics(app, database.poolStats);

  await app.register(fastifyCookie);
  const identity = createIdentityModule({ config, db: database.db, units });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'motcua API',
        description:
          'Hệ thống thông tin giải quyết thủ tục hành chính — API. Errors are RFC 9457 problem details ' +
          '(application/problem+json); titles follow Accept-Language (vi default, en).',
        version: '1',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Administrative token (ADMIN_API_TOKEN)' },
        },
      },
      tags: [
        { name: 'calendar', description: 'Working-time calendar and deadlines' },
        { name: 'identifiers', description: 'Identifiers defined by law' },
        { name: 'identity', description: 'Login, sessions, officers and units' },
        { name: 'catalog', description: 'Procedure catalog (TTHC), versions, e-form validation and submissions' },
        { name: 'catalog-admin', description: 'Procedure administration: drafts, publication, import and export' },
        { name: 'payments', description: 'Online payment through the national payment platform (PayGov)' },
        { name: 'dossiers', description: 'Dossiers (hồ sơ TTHC): intake, processing, worklists, public lookup' },
        { name: 'feedback', description: 'Ratings of returned dossiers and feedback (phản ánh, kiến nghị)' },
        { name: 'health', description: 'Liveness and readiness' },
        { name: 'results', description: 'Signed electronic results: verification, revocation, templates' },
        { name: 'lgsp', description: 'Data-exchange gateway (LGSP): services, consumer systems, the message log' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, apiDocsOptions());
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());

  // Sessions (the principal of every request, CSRF), /auth/* and the identity API.
  await identity.register(app);
  // After the session: a machine client's bearer token (a wrong one is a 401).
  registerMachineToken(app, {
    token: config.ADMIN_API_TOKEN,
    permissions: config.ADMIN_API_TOKEN_PERMISSIONS,
    metricsToken: config.METRICS_TOKEN,
  });

  const healthSchema = z.object({ status: z.string(), database: z.string().optional() });
  app.get(
    '/healthz',
    {
      schema: { tags: ['health'], summary: 'The process is alive', response: { 200: healthSchema } },
      config: { access: 'public' },
    },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'The database is reachable and its schema is current',
        response: { 200: healthSchema },
      },
      config: { access: 'public' },
    },
    async () => {
      try {
        await sql`select 1`.execute(database.db);
      } catch {
        throw new ProblemError('unavailable', {
          detail: { vi: 'Không kết nối được cơ sở dữ liệu.', en: 'The database is not reachable.' },
        });
      }
      const pending = await pendingMigrations(database.db);
      if (pending.length > 0) {
        throw new ProblemError('unavailable', {
          detail: {
            vi: `Cơ sở dữ liệu chưa được cập nhật (${pending.join(', ')}).`,
            en: `Database migrations pending: ${pending.join(', ')}.`,
          },
        });
      }
      return { status: 'ready', database: database.kind };
    },
  );

  const moduleDeps = { config, db: database.db, units };
  // Jobs first: other modules register their handlers and enqueue in their transactions. The
  // runner starts when the server is ready and stops, letting running jobs finish, on close.
  const jobs = createJobsModule({ ...moduleDeps, log: app.log });
  jobs.registerMetrics(metrics);
  if (jobRunnerOn(config)) app.addHook('onReady', async () => jobs.start());
  app.addHook('onClose', async () => jobs.stop());
  // Without SMTP_URL (outside production) mail goes to the catcher at /emulators/mail.
  const mailCatcher = mailCatcherOn(config) ? createMailCatcher() : undefined;
  const notifications = createNotificationsModule({ ...moduleDeps, jobs, log: app.log, ...(mailCatcher ? { mailTransport: mailCatcher.transport } : {}) });
  app.decorate('jobs', jobs);
  app.decorate('notifications', notifications);
  app.decorate('mailCatcher', mailCatcher);
  mailCatcher?.mount(app);
  const calendar = createCalendarModule({ ...moduleDeps, ...(deps.calendar ? { service: deps.calendar } : {}) });
  const identifiers = createIdentifiersModule(moduleDeps);
  const population = createPopulationModule(moduleDeps);
  const payments = createPaymentsModule(moduleDeps);
  const files = createFilesModule({ ...moduleDeps, jobs, log: app.log });
  const catalog = createCatalogModule({
    ...moduleDeps,
    prefill: deps.catalogPrefill ?? createDefaultPrefillSource(populationPrefill(population.service), identity.accountContact),
  });
  // Results before dossiers: issue_result signs through it; its file route asks the dossiers
  // module who may read a dossier's file, bound once that module exists.
  let dossiersRef: DossiersModule | undefined;
  const results = await createResultsModule({
    ...moduleDeps,
    ...(deps.resultSigner ? { signer: deps.resultSigner } : {}),
    files,
    jobs,
    publicUrl: identity.publicUrl,
    readableDossierFile: (p, dossierId, fileId) => dossiersRef!.service.readableFile(p, dossierId, fileId),
    procedureVersions: async (code) => {
      const found = await catalog.versionsOf(code);
      const latest = found?.versions.findLast((v) => v.status === 'published') ?? found?.versions.at(-1);
      return found && { name: latest?.content.name ?? code, versions: found.versions.map((v) => ({ number: v.number, status: v.status, name: v.content.name })) };
    },
  });
  const warehouse = createWarehouseModule({
    ...moduleDeps,
    files,
    catalog,
    assertCanReadDossier: async (p, id) => {
      await dossiers.service.get(p, id);
    },
  });
  const dossiers = createDossiersModule({
    ...moduleDeps,
    resultIssuer: results.issuer,
    calendar,
    catalog,
    files,
    payments,
    jobs,
    notifications,
    contact: identity.accountContact,
    officersCovering: identity.officersCovering,
    publicUrl: identity.publicUrl,
    componentIntake: warehouse.service,
    componentFlags: (id) => warehouse.service.componentFlags(id),
    population: population.service,
  });
  dossiers.service.onEvent((db, event) => warehouse.service.onDossierEvent(db, event));
  // Every issued result lands in its holder's data warehouse (Decree 45/2020 Art. 16), reusable
  // by a later dossier whose component accepts its document type.
  results.onIssued(async (issued) => {
    await warehouse.service.recordIssuedResult(database.db, {
      ownerKind: issued.applicant.kind,
      ownerIdentifier: issued.applicant.idNumber,
      documentType: issued.documentType ?? `KQ.${issued.procedureCode}`,
      title: issued.documentName,
      issuer: issued.issuerUnit.name,
      number: issued.resultCode,
      issuedOn: toLocalDate(new Date(issued.issuedAt)),
      fileId: issued.fileId,
      resultCode: issued.resultCode,
      dossierId: issued.dossierId,
      recordedBy: issued.issuedBy,
    });
  });
  const portalSync = createPortalSyncModule({ ...moduleDeps, dossiers, jobs, log: app.log });
  portalSync.registerMetrics(metrics);
  const feedback = createFeedbackModule({ ...moduleDeps, calendar, catalog, dossiers, jobs, notifications, officersCovering: identity.officersCovering });
  // The index reads the installation's modules; its counters follow every dossier action and every
  // acknowledgement of the national portal (a job queued in the same transaction, applied after it commits).
  const quality = createQualityModule({
    calendar,
    units,
    officerUnits: identity.officerUnits,
    officersIn: identity.officersIn,
    jobs,
    targets: {
      ratings: async (range) => feedback.service.publicRatings(range),
      digitization: (range) => warehouse.service.digitizationTotals(range),
    },
    ...installationData({ scopeLevel: config.INDEX766_SCOPE_LEVEL, db: database.db, jobs, catalog, dossiers, portalSync, feedback }),
  });
  dossiersRef = dossiers;
  // The data-exchange gateway offers dossiers' and population's capabilities to other systems.
  const lgsp = createLgspModule({ ...moduleDeps, jobs, dossiers: dossiers.service, population, log: app.log });
  lgsp.registerMetrics(metrics);
  // The sector databases (plan tasks 15–18): their people linked to the population database
  // through one module, each offering its services through the gateway.
  const registries = createRegistriesModule({ ...moduleDeps, population });
  const sectorDeps = { ...moduleDeps, people: registries.people, lgsp, population };
  const sectors: SectorModule[] = [createScienceTechModule(sectorDeps), createTechMarketModule(sectorDeps), createIpModule(sectorDeps), createStameqModule(sectorDeps)];
  // A protection title issued by an IP procedure (1.009901–1.009904) is recorded in the IP
  // database (plan task 17), its subject and classes read from the dossier's form.
  const ip = sectors.find((s): s is IpModule => s.registry === 'ip')!;
  results.onIssued((issued) => ip.recordIssuedResult(issued, (id) => dossiers.service.get(IP_DOSSIER_READER, id)));
  for (const module of [calendar, identifiers, population, files, payments, catalog, dossiers, results, portalSync, feedback, quality, lgsp, warehouse, registries, ...sectors]) await module.register(app);
  app.decorate('registries', registries);
  app.decorate('sectors', sectors);
  app.decorate('warehouse', warehouse);
  app.decorate('catalog', catalog);
  app.decorate('files', files);
  app.decorate('payments', payments);
  app.decorate('dossiers', dossiers);
  app.decorate('quality', quality);
  app.decorate('portalSync', portalSync);
  app.decorate('feedback', feedback);
  app.decorate('results', results);
  app.decorate('lgsp', lgsp);

  // The national population database emulator at /emulators/population/, unless a real service is configured.
  await mountPopulationEmulator(app, { config, db: database.db });
  // The national payment platform emulator at /emulators/payment/, unless a real platform is configured.
  await mountPaymentEmulator(app, { config, callbackPath: PAYGOV_CALLBACK_PATH, returnPath: PAYGOV_RETURN_PATH });
  // The national portal's dossier sync API emulator at /emulators/dvcqg/, unless a real portal is configured.
  await mountDvcqgEmulator(app, { config });

  // The national data-sharing platform emulator at /emulators/ndxp/, unless a real platform is configured.
  if (ndxpEmulatorOn(config)) await mountNdxpEmulator(app, { agencies: { [config.NDXP_AGENCY_CODE]: config.NDXP_API_KEY } });

  // The national portal's data warehouse emulator at /emulators/kho-dvcqg/, unless a real one is configured.
  if (nationalWarehouseEmulatorOn(config)) await mountNationalWarehouseEmulator(app);

  // The national SSO emulator at /emulators/sso/, unless another provider is configured.
  if (ssoEmulatorEnabled(config)) mountSsoEmulator(app, config, identity.publicUrl, database.db);

  const webApp = await registerWebApp(app, path.resolve(config.WEB_DIST_DIR));

  app.setNotFoundHandler((request, reply) => {
    if (webApp && isPagePath(request.method, request.url)) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(request, reply, 'not_found', {
      detail: { vi: `Không có tài nguyên ${request.method} ${request.url}.`, en: `No resource at ${request.method} ${request.url}.` },
    });
  });

  return app as unknown as App;
}

/** Serves the built web app at `/`. Hashed assets are cached for a year; pages are revalidated. */
async function registerWebApp(app: FastifyInstance, dist: string): Promise<boolean> {
  if (!existsSync(path.join(dist, 'index.html'))) {
    app.log.warn({ dist }, 'web app not built; run npm run build:web');
    return false;
  }
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    index: ['index.html'],
    setHeaders: (res, filePath) => {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}

/** A page address (no file name, not an API path) that client-side routing handles. */
function isPagePath(method: string, url: string): boolean {
  const pathname = url.split('?')[0] ?? '/';
  return (
    (method === 'GET' || method === 'HEAD') &&
    !/^\/(api|problems|emulators|auth)(\/|$)/.test(pathname) &&
    // A file name ends in an extension that starts with a letter (.js, .css); a procedure code
    // in a page address (/thu-tuc/1.009901) does not make it a file.
    !/\.[A-Za-z][A-Za-z0-9]{0,7}$/.test(pathname)
  );
}
