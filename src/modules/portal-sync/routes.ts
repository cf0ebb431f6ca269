// HTTP routes of the portal-sync module (under /api/v1):
//   GET  /dossiers/:id/portal-sync         a dossier's delivery to the national portal (officers who may read it)
//   POST /dossiers/:id/portal-sync/retry   send it again now (administrators)
//   GET  /portal-sync?state=error          dossiers by delivery state, ministry-wide (administrators, auditors)
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../http/problem.ts';
import { PortalSyncListQuerySchema, PortalSyncListSchema, PortalSyncViewSchema } from './schema.ts';
import type { PortalSyncService } from './service.ts';

const IdParams = z.object({ id: z.uuid() });
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };

export function registerPortalSyncRoutes(api: FastifyInstance, deps: { portalSync: PortalSyncService }): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const { portalSync } = deps;

  app.get(
    '/dossiers/:id/portal-sync',
    {
      config: { access: 'portal_sync.read' },
      schema: {
        tags: ['dossiers'],
        summary: 'The dossier’s delivery to the national public service portal (Cổng DVCQG): state, last error, attempts, recent calls',
        params: IdParams,
        response: { 200: PortalSyncViewSchema, ...errors },
      },
    },
    async (request) => portalSync.status(request.principal, request.params.id),
  );

  app.post(
    '/dossiers/:id/portal-sync/retry',
    {
      config: { access: 'portal_sync.retry' },
      schema: {
        tags: ['dossiers'],
        summary: 'Send the dossier to the national portal again now',
        params: IdParams,
        response: { 200: PortalSyncViewSchema, ...errors },
      },
    },
    async (request) => portalSync.retry(request.principal, request.params.id),
  );

  app.get(
    '/portal-sync',
    {
      config: { access: 'portal_sync.monitor' },
      schema: {
        tags: ['dossiers'],
        summary: 'Dossiers by their delivery state to the national portal (e.g. ?state=error), ministry-wide',
        querystring: PortalSyncListQuerySchema,
        response: { 200: PortalSyncListSchema, ...errors },
      },
    },
    async (request) => portalSync.list(request.principal, request.query),
  );
}
