// HTTP routes of the standards, metrology and quality database (under /api/v1/registries/stameq).
//
//   GET  /registries/stameq/instrument-types                  the Group 2 measuring instruments and their cycles (public)
//   GET  /registries/stameq/public/bodies[?q&kind&field]      registered bodies (public)
//   GET  /registries/stameq/public/bodies/:id                 one body (public)
//   GET  /registries/stameq/public/announcements[?q]          conformity announcements (public)
//   GET  /registries/stameq/public/verifications/:stampNo     the validity of a verification stamp, without its owner (public)
//   GET  /registries/stameq/verifications[?q&instrumentType&status]   officers: verifications with their owners (registry.read)
//   GET  /registries/stameq/verifications/:id                 officers: one verification (registry.read)
//   POST /registries/stameq/verifications                     record a verification (registry.edit)
//   PUT  /registries/stameq/verifications/:id                 correct a verification (registry.edit)
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemSchema } from '../../http/problem.ts';
import {
  IdParams,
  InstrumentTypeList,
  ListQuery,
  PublicAnnouncementList,
  PublicBodyList,
  PublicBodySchema,
  PublicVerificationSchema,
  StampParams,
  VerificationInput,
  VerificationList,
  VerificationQuery,
  VerificationViewSchema,
} from './schema.ts';
import type { StameqService } from './service.ts';

const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };
const P = '/registries/stameq';
const tags = ['registries'];

export function registerStameqRoutes(api: FastifyInstance, service: StameqService): void {
  const app = api.withTypeProvider<ZodTypeProvider>();

  app.get(`${P}/instrument-types`, { config: { access: 'public' }, schema: { tags, summary: 'Group 2 measuring instruments and their verification cycles', response: { 200: InstrumentTypeList } } }, async () => ({
    items: await service.instrumentTypes(),
  }));

  app.get(
    `${P}/public/bodies`,
    { config: { access: 'public' }, schema: { tags, summary: 'Registered certification, testing, inspection and verification bodies', querystring: ListQuery, response: { 200: PublicBodyList, ...errors } } },
    async (request) => service.publicBodies(request.query),
  );

  app.get(
    `${P}/public/bodies/:id`,
    { config: { access: 'public' }, schema: { tags, summary: 'One registered body', params: IdParams, response: { 200: PublicBodySchema, ...errors } } },
    async (request) => service.publicBody(request.params.id),
  );

  app.get(
    `${P}/public/announcements`,
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Conformity announcements (hợp chuẩn, hợp quy)', querystring: ListQuery.pick({ q: true, limit: true, offset: true }), response: { 200: PublicAnnouncementList, ...errors } },
    },
    async (request) => service.publicAnnouncements(request.query),
  );

  app.get(
    `${P}/public/verifications/:stampNo`,
    { config: { access: 'public' }, schema: { tags, summary: 'Whether a verification stamp is valid (never its owner)', params: StampParams, response: { 200: PublicVerificationSchema, ...errors } } },
    async (request) => service.publicVerification(request.params.stampNo),
  );

  app.get(
    `${P}/verifications`,
    { config: { access: 'registry.read' }, schema: { tags, summary: 'Verifications with their owners and link status', querystring: VerificationQuery, response: { 200: VerificationList, ...errors } } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await service.listVerifications(request.principal, request.query)),
  );

  app.get(
    `${P}/verifications/:id`,
    { config: { access: 'registry.read' }, schema: { tags, summary: 'One verification with its owner', params: IdParams, response: { 200: VerificationViewSchema, ...errors } } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await service.getVerification(request.principal, request.params.id)),
  );

  app.post(
    `${P}/verifications`,
    { config: { access: 'registry.edit' }, schema: { tags, summary: 'Record a verification (the owner person checked with the population database)', body: VerificationInput, response: { 201: VerificationViewSchema, 409: problemSchema, ...errors } } },
    async (request, reply) => reply.status(201).header('cache-control', 'no-store').send(await service.createVerification(request.principal, request.body, request.id)),
  );

  app.put(
    `${P}/verifications/:id`,
    { config: { access: 'registry.edit' }, schema: { tags, summary: 'Correct a verification', params: IdParams, body: VerificationInput, response: { 200: VerificationViewSchema, 409: problemSchema, ...errors } } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await service.updateVerification(request.principal, request.params.id, request.body, request.id)),
  );
}

