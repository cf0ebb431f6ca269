// HTTP routes of the national science and technology database (under /api/v1/registries/st).
//
//   GET  /registries/st/programmes                          S&T programmes (public)
//   GET  /registries/st/public/organizations[?q&field&kind&province&status]   S&T organizations (public)
//   GET  /registries/st/public/organizations/:id            one organization (public)
//   GET  /registries/st/public/tasks[?q&level&status&field&hostOrgId]         S&T tasks, the investigator by name only (public)
//   GET  /registries/st/public/tasks/:id                    one task (public)
//   GET  /registries/st/tasks[?…]                           officers: tasks with their persons and link status (registry.read)
//   GET  /registries/st/tasks/:id                           officers: one task (registry.read)
//   POST /registries/st/tasks                               record a task (registry.edit)
//   PUT  /registries/st/tasks/:id                           correct a task or move its status (registry.edit)
//   GET  /registries/st/researchers[?q&field&degree&organizationId&linkStatus]  officers: researchers (registry.read)
//   GET  /registries/st/researchers/:id                     officers: one researcher with their tasks (registry.read)
//   POST /registries/st/researchers                         record a researcher (registry.edit)
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemSchema } from '../../http/problem.ts';
import {
  IdParams,
  OrganizationQuery,
  ProgrammeList,
  PublicOrganizationList,
  PublicOrganizationSchema,
  PublicTaskList,
  PublicTaskSchema,
  ResearcherInput,
  ResearcherList,
  ResearcherQuery,
  ResearcherViewSchema,
  TaskInput,
  TaskList,
  TaskQuery,
  TaskViewSchema,
} from './schema.ts';
import type { ScienceTechService } from './service.ts';

const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };
const P = '/registries/st';
const tags = ['registries'];

export function registerScienceTechRoutes(api: FastifyInstance, service: ScienceTechService): void {
  const app = api.withTypeProvider<ZodTypeProvider>();

  app.get(`${P}/programmes`, { config: { access: 'public' }, schema: { tags, summary: 'S&T programmes', response: { 200: ProgrammeList } } }, async () => ({ items: await service.programmes() }));

  app.get(
    `${P}/public/organizations`,
    { config: { access: 'public' }, schema: { tags, summary: 'S&T organizations and their registration (Decree 08/2014/NĐ-CP)', querystring: OrganizationQuery, response: { 200: PublicOrganizationList, ...errors } } },
    async (request) => service.publicOrganizations(request.query),
  );

  app.get(
    `${P}/public/organizations/:id`,
    { config: { access: 'public' }, schema: { tags, summary: 'One S&T organization', params: IdParams, response: { 200: PublicOrganizationSchema, ...errors } } },
    async (request) => service.publicOrganization(request.params.id),
  );

  app.get(
    `${P}/public/tasks`,
    { config: { access: 'public' }, schema: { tags, summary: 'S&T tasks (the principal investigator by name only)', querystring: TaskQuery, response: { 200: PublicTaskList, ...errors } } },
    async (request) => service.publicTasks(request.query),
  );

  app.get(
    `${P}/public/tasks/:id`,
    { config: { access: 'public' }, schema: { tags, summary: 'One S&T task', params: IdParams, response: { 200: PublicTaskSchema, ...errors } } },
    async (request) => service.publicTask(request.params.id),
  );

  app.get(
    `${P}/tasks`,
    { config: { access: 'registry.read' }, schema: { tags, summary: 'S&T tasks with their persons and link status', querystring: TaskQuery, response: { 200: TaskList, ...errors } } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await service.listTasks(request.principal, request.query)),
  );

  app.get(
    `${P}/tasks/:id`,
    { config: { access: 'registry.read' }, schema: { tags, summary: 'One S&T task with its persons', params: IdParams, response: { 200: TaskViewSchema, ...errors } } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await service.getTask(request.principal, request.params.id)),
  );

  app.post(
    `${P}/tasks`,
    { config: { access: 'registry.edit' }, schema: { tags, summary: 'Record an S&T task (its persons checked with the population database)', body: TaskInput, response: { 201: TaskViewSchema, 409: problemSchema, ...errors } } },
    async (request, reply) => reply.status(201).header('cache-control', 'no-store').send(await service.createTask(request.principal, request.body, request.id)),
  );

  app.put(
    `${P}/tasks/:id`,
    { config: { access: 'registry.edit' }, schema: { tags, summary: 'Correct an S&T task or move its status', params: IdParams, body: TaskInput, response: { 200: TaskViewSchema, 409: problemSchema, ...errors } } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await service.updateTask(request.principal, request.params.id, request.body, request.id)),
  );

  app.get(
    `${P}/researchers`,
    { config: { access: 'registry.read' }, schema: { tags, summary: 'Researchers with their link status', querystring: ResearcherQuery, response: { 200: ResearcherList, ...errors } } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await service.listResearchers(request.principal, request.query)),
  );

  app.get(
    `${P}/researchers/:id`,
    { config: { access: 'registry.read' }, schema: { tags, summary: 'One researcher with their tasks', params: IdParams, response: { 200: ResearcherViewSchema, ...errors } } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await service.getResearcher(request.principal, request.params.id)),
  );

  app.post(
    `${P}/researchers`,
    { config: { access: 'registry.edit' }, schema: { tags, summary: 'Record a researcher (checked with the population database)', body: ResearcherInput, response: { 201: ResearcherViewSchema, 409: problemSchema, ...errors } } },
    async (request, reply) => reply.status(201).header('cache-control', 'no-store').send(await service.createResearcher(request.principal, request.body, request.id)),
  );
}
