// HTTP routes of the intellectual property database (under /api/v1/registries/ip).
//
//   GET  /registries/ip/public/applications[?q&kind&status&class]   published applications and granted titles (public)
//   GET  /registries/ip/public/applications/:applicationNo          one published application (public)
//   GET  /registries/ip/public/titles/:titleNo                      a title's validity, holder and expiry (public)
//   GET  /registries/ip/applications[?q&kind&status&class]          officers: applications with their persons (registry.read)
//   GET  /registries/ip/applications/:id                            officers: one application (registry.read)
//   POST /registries/ip/applications                                record an application (registry.edit)
//   POST /registries/ip/applications/:id/status                     move an application on; a grant records its title (registry.edit)
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemSchema } from '../../http/problem.ts';
import { ApplicationInput, ApplicationList, ApplicationNoParams, ApplicationViewSchema, IdParams, ListQuery, PublicApplicationList, PublicApplicationSchema, PublicTitleSchema, StatusInput, TitleNoParams } from './schema.ts';
import type { IpService } from './service.ts';

const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };
const P = '/registries/ip';
const tags = ['registries'];

export function registerIpRoutes(api: FastifyInstance, service: IpService): void {
  const app = api.withTypeProvider<ZodTypeProvider>();

  app.get(
    `${P}/public/applications`,
    { config: { access: 'public' }, schema: { tags, summary: 'Published industrial property applications and granted titles', querystring: ListQuery, response: { 200: PublicApplicationList, ...errors } } },
    async (request) => service.publicApplications(request.query),
  );

  app.get(
    `${P}/public/applications/:applicationNo`,
    { config: { access: 'public' }, schema: { tags, summary: 'One published application', params: ApplicationNoParams, response: { 200: PublicApplicationSchema, ...errors } } },
    async (request) => service.publicApplication(request.params.applicationNo),
  );

  app.get(
    `${P}/public/titles/:titleNo`,
    { config: { access: 'public' }, schema: { tags, summary: 'A protection title: validity, holder (name only) and end of protection', params: TitleNoParams, response: { 200: PublicTitleSchema, ...errors } } },
    async (request) => service.publicTitle(request.params.titleNo),
  );

  app.get(
    `${P}/applications`,
    { config: { access: 'registry.read' }, schema: { tags, summary: 'Applications with their applicants, inventors, representatives and link status', querystring: ListQuery, response: { 200: ApplicationList, ...errors } } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await service.listApplications(request.principal, request.query)),
  );

  app.get(
    `${P}/applications/:id`,
    { config: { access: 'registry.read' }, schema: { tags, summary: 'One application with its persons', params: IdParams, response: { 200: ApplicationViewSchema, ...errors } } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await service.getApplication(request.principal, request.params.id)),
  );

  app.post(
    `${P}/applications`,
    {
      config: { access: 'registry.edit' },
      schema: { tags, summary: 'Record an application (its persons checked with the population database)', body: ApplicationInput, response: { 201: ApplicationViewSchema, 409: problemSchema, ...errors } },
    },
    async (request, reply) => reply.status(201).header('cache-control', 'no-store').send(await service.createApplication(request.principal, request.body, request.id)),
  );

  app.post(
    `${P}/applications/:id/status`,
    {
      config: { access: 'registry.edit' },
      schema: { tags, summary: 'Move an application through examination; a grant records the title', params: IdParams, body: StatusInput, response: { 200: ApplicationViewSchema, 409: problemSchema, ...errors } },
    },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await service.changeStatus(request.principal, request.params.id, request.body, request.id)),
  );
}
