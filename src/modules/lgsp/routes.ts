// HTTP routes of the gateway.
// Consumer systems (access 'client': the route authenticates them itself):
//   POST /lgsp/oauth/token                 OAuth2 client credentials (client_secret_basic or private_key_jwt)
//   POST /lgsp/v1/{service}[/{version}]    a call of a service (Bearer access token, X-Purpose)
//   GET  /lgsp/jwks.json                   the gateway's public keys (public)
// Officers (under /api/v1/lgsp; lgsp.audit reads, lgsp.admin changes; every change audited):
//   GET   /services, PATCH /services/{code}
//   GET   /consumers, POST /consumers, PATCH /consumers/{id}, POST /consumers/{id}/secret
//   PUT   /consumers/{id}/services/{service}, DELETE the same (the ACL)
//   GET   /log (paged by seq, filtered), GET /stats, POST /ndxp/publish
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Principal } from '../../core/access/index.ts';
import { problemSchema } from '../../http/problem.ts';
import { CALL_PREFIX, TOKEN_PATH, type Gateway } from './gateway.ts';
import {
  AclParams,
  ConsumerCreate,
  ConsumerCreated,
  ConsumerItem,
  ConsumerList,
  ConsumerParams,
  ConsumerPatch,
  LogPage,
  LogQuery,
  PublishResult,
  SecretRotated,
  ServiceItem,
  ServiceList,
  ServiceParams,
  ServicePatch,
  Stats,
  StatsQuery,
} from './schema.ts';
import type { LgspAdmin } from './service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };

/** The consumer-facing routes, at the server's root (their own content parsing: the raw bytes are digested). */
export async function registerGatewayRoutes(app: FastifyInstance, deps: { gateway: Gateway; jwks: () => Promise<unknown> }): Promise<void> {
  await app.register(async (gw) => {
    gw.removeAllContentTypeParsers();
    gw.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    gw.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    gw.post(TOKEN_PATH, { schema: { hide: true }, config: { access: 'client' } }, (request, reply) => deps.gateway.token(request, reply));
    gw.post(`${CALL_PREFIX}/:service`, { schema: { hide: true }, config: { access: 'client' } }, (request, reply) =>
      deps.gateway.call(request as never, reply),
    );
    gw.post(`${CALL_PREFIX}/:service/:version`, { schema: { hide: true }, config: { access: 'client' } }, (request, reply) =>
      deps.gateway.call(request as never, reply),
    );
    gw.get('/lgsp/jwks.json', { schema: { hide: true }, config: { access: 'public' } }, async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return deps.jwks();
    });
  });
}

export function registerLgspAdminRoutes(api: FastifyInstance, deps: { admin: LgspAdmin }): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const { admin } = deps;
  const caller = (request: { principal?: Principal; id: string }) => ({ principal: request.principal, requestId: request.id });
  const tags = ['lgsp'];

  app.get('/lgsp/services', { schema: { tags, summary: 'The data-sharing services and who may call them', response: { 200: ServiceList, ...errors } }, config: { access: 'lgsp.audit' } }, (request) =>
    admin.services(caller(request)),
  );
  app.patch(
    '/lgsp/services/:code',
    { schema: { tags, summary: 'Enable or disable a service', params: ServiceParams, body: ServicePatch, response: { 200: ServiceItem, ...errors } }, config: { access: 'lgsp.admin' } },
    (request) => admin.setServiceEnabled(caller(request), request.params.code, request.body.enabled),
  );
  app.get('/lgsp/consumers', { schema: { tags, summary: 'Consumer systems', response: { 200: ConsumerList, ...errors } }, config: { access: 'lgsp.audit' } }, async (request) => ({
    items: await admin.consumers(caller(request)),
  }));
  app.post(
    '/lgsp/consumers',
    { schema: { tags, summary: 'Register a consumer system (the secret is shown once)', body: ConsumerCreate, response: { 201: ConsumerCreated, ...errors } }, config: { access: 'lgsp.admin' } },
    async (request, reply) => reply.code(201).send(await admin.createConsumer(caller(request), request.body)),
  );
  app.patch(
    '/lgsp/consumers/:id',
    { schema: { tags, summary: 'Change, disable or enable a consumer', params: ConsumerParams, body: ConsumerPatch, response: { 200: ConsumerItem, ...errors } }, config: { access: 'lgsp.admin' } },
    (request) => admin.updateConsumer(caller(request), request.params.id, request.body),
  );
  app.post(
    '/lgsp/consumers/:id/secret',
    { schema: { tags, summary: 'Rotate a consumer’s secret (shown once)', params: ConsumerParams, response: { 200: SecretRotated, ...errors } }, config: { access: 'lgsp.admin' } },
    (request) => admin.rotateSecret(caller(request), request.params.id),
  );
  app.put(
    '/lgsp/consumers/:id/services/:service',
    { schema: { tags, summary: 'Allow a consumer to call a service', params: AclParams, response: { 200: ConsumerItem, ...errors } }, config: { access: 'lgsp.admin' } },
    (request) => admin.grant(caller(request), request.params.id, request.params.service),
  );
  app.delete(
    '/lgsp/consumers/:id/services/:service',
    { schema: { tags, summary: 'Revoke a consumer’s access to a service', params: AclParams, response: { 200: ConsumerItem, ...errors } }, config: { access: 'lgsp.admin' } },
    (request) => admin.revoke(caller(request), request.params.id, request.params.service),
  );
  app.get(
    '/lgsp/log',
    { schema: { tags, summary: 'The message log, newest first (paged by seq)', querystring: LogQuery, response: { 200: LogPage, ...errors } }, config: { access: 'lgsp.audit' } },
    (request) => {
      const q = request.query;
      return admin.log(caller(request), {
        limit: q.limit,
        ...(q.before !== undefined ? { before: q.before } : {}),
        ...(q.from ? { from: new Date(q.from) } : {}),
        ...(q.to ? { to: new Date(q.to) } : {}),
        ...(q.consumer ? { consumerId: q.consumer } : {}),
        ...(q.service ? { serviceCode: q.service } : {}),
        ...(q.purpose ? { purpose: q.purpose } : {}),
        ...(q.outcome ? { outcome: q.outcome } : {}),
      });
    },
  );
  app.get(
    '/lgsp/stats',
    { schema: { tags, summary: 'Calls, errors and latency per service and consumer; the log’s signed head', querystring: StatsQuery, response: { 200: Stats, ...errors } }, config: { access: 'lgsp.audit' } },
    (request) => admin.stats(caller(request), request.query.hours),
  );
  app.post(
    '/lgsp/ndxp/publish',
    { schema: { tags, summary: 'Publish the ministry’s services to the national platform (NDXP)', response: { 200: PublishResult, ...errors, 502: problemSchema } }, config: { access: 'lgsp.admin' } },
    async (request) => ({ published: await admin.publishToNdxp(caller(request)) }),
  );
}
