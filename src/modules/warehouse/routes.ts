// HTTP routes of the warehouse module (under /api/v1). Thin: parse, declare access, call a use case.
//
//   GET    /me/warehouse                       the owner's documents (with their files and the dossiers that used them)
//   POST   /me/warehouse                       upload a document (multipart: the fields, then the file in "file")
//   DELETE /me/warehouse/:id                   remove a document the owner uploaded
//   GET    /me/warehouse/:id/files/:fileId     download a file of the owner's document
//   POST   /me/warehouse/national              take the owner's documents from the national portal's warehouse
//   GET    /me/warehouse/offers?procedure=     per component of a procedure, the documents that satisfy it
//   GET    /dossiers/:id/components            what was recorded per component (digitization, reuse), for those who may read the dossier
//   GET    /digitization/stats                 the digitization figures per unit and procedure
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../../core/access/index.ts';
import { requirePrincipal } from '../../http/access.ts';
import { ProblemError, problemSchema } from '../../http/problem.ts';
import type { FilesModule } from '../files/module.ts';
import { ComponentRecordSchema, OffersQuery, StatsQuery, StatsResponse, WarehouseDocumentSchema, WarehouseList, WarehouseOffers, WarehouseUploadFields } from './schema.ts';
import type { WarehouseService } from './service.ts';

const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };
const IdParams = z.object({ id: z.uuid() });

export interface WarehouseRouteDeps {
  warehouse: WarehouseService;
  files: Pick<FilesModule, 'sendFile' | 'service'>;
  /** Throws 404 unless the principal may read the dossier (the dossiers module's own rule). */
  assertCanReadDossier: (p: Principal | undefined, dossierId: string) => Promise<void>;
}

export function registerWarehouseRoutes(api: FastifyInstance, deps: WarehouseRouteDeps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const { warehouse } = deps;

  app.get(
    '/me/warehouse',
    { config: { access: 'warehouse.own' }, schema: { tags: ['warehouse'], summary: 'The data warehouse of the signed-in citizen or organization', response: { 200: WarehouseList, ...errors } } },
    async (request, reply) => reply.header('cache-control', 'no-store').send({ items: await warehouse.list(request.principal) }),
  );

  app.post(
    '/me/warehouse',
    {
      config: { access: 'warehouse.own' },
      schema: {
        tags: ['warehouse'],
        summary: 'Upload a document to one’s warehouse (multipart/form-data: documentType, title, issuer, number, issuedOn, validUntil, then the file in "file")',
        response: { 201: WarehouseDocumentSchema, 401: problemSchema, 403: problemSchema, 413: problemSchema, 415: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      if (!request.isMultipart()) {
        throw new ProblemError('unsupported_media_type', { detail: { vi: 'Hãy gửi dạng multipart/form-data.', en: 'Send multipart/form-data.' } });
      }
      const fields: Record<string, string> = {};
      let created;
      const maxBytes = deps.files.service.settings.maxBytes;
      try {
        for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 11 } })) {
          if (part.type === 'field') {
            fields[part.fieldname] = String(part.value);
            continue;
          }
          const file = part as MultipartFile;
          if (file.fieldname !== 'file' || created) {
            file.file.resume();
            continue;
          }
          const parsed = WarehouseUploadFields.safeParse(fields);
          if (!parsed.success) {
            file.file.resume();
            throw new ProblemError('validation', {
              detail: { vi: 'Thông tin giấy tờ chưa hợp lệ.', en: 'The document’s details are not valid.' },
              errors: parsed.error.issues.map((i) => ({ pointer: `/body/${i.path.join('/')}`, code: i.code, message: i.message })),
            });
          }
          const m = parsed.data;
          created = await warehouse.upload(principal, {
            source: file.file,
            declaredName: file.filename,
            truncated: () => file.file.truncated,
            meta: { documentType: m.documentType, title: m.title, issuer: m.issuer, number: m.number, issuedOn: m.issuedOn ?? null, validUntil: m.validUntil ?? null },
          });
        }
      } catch (error) {
        if (error instanceof ProblemError) throw error;
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new ProblemError('file_too_large', { detail: { vi: 'Tệp vượt quá dung lượng cho phép.', en: 'The file exceeds the size limit.' } });
        }
        throw new ProblemError('bad_request', { detail: { vi: 'Nội dung multipart không hợp lệ.', en: 'The multipart body is not valid.' } });
      }
      if (!created) {
        throw new ProblemError('validation', {
          detail: { vi: 'Hãy gửi một tệp trong trường "file".', en: 'Send one file in the "file" field.' },
          errors: [{ pointer: '/body/file', code: 'required', message: { vi: 'Cần một tệp.', en: 'A file is required.' } }],
        });
      }
      return reply.status(201).header('cache-control', 'no-store').send(created);
    },
  );

  app.delete(
    '/me/warehouse/:id',
    { config: { access: 'warehouse.own' }, schema: { tags: ['warehouse'], summary: 'Remove a document one uploaded', params: IdParams, response: { 204: z.null(), 409: problemSchema, ...errors } } },
    async (request, reply) => {
      await warehouse.remove(request.principal, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me/warehouse/:id/files/:fileId',
    { config: { access: 'warehouse.own' }, schema: { tags: ['warehouse'], summary: 'Download a file of one’s document', params: z.object({ id: z.uuid(), fileId: z.uuid() }), response: errors } },
    async (request, reply) => deps.files.sendFile(reply, await warehouse.ownFile(request.principal, request.params.id, request.params.fileId)),
  );

  app.post(
    '/me/warehouse/national',
    { config: { access: 'warehouse.own' }, schema: { tags: ['warehouse'], summary: 'Take one’s documents from the national portal’s data warehouse', response: { 200: z.object({ imported: z.number(), items: z.array(WarehouseDocumentSchema) }), 503: problemSchema, ...errors } } },
    async (request) => {
      const { imported, documents } = await warehouse.importNational(request.principal);
      return { imported, items: documents };
    },
  );

  app.get(
    '/me/warehouse/offers',
    { config: { access: 'warehouse.own' }, schema: { tags: ['warehouse'], summary: 'Per component of a procedure, one’s valid documents that satisfy it', querystring: OffersQuery, response: { 200: WarehouseOffers, ...errors } } },
    async (request) => ({ items: await warehouse.offers(request.principal, request.query.procedure) }),
  );

  app.get(
    '/dossiers/:id/components',
    { config: { access: 'login' }, schema: { tags: ['dossiers'], summary: 'What was recorded per component: digitization at receipt, reuse of warehouse documents, population data', params: IdParams, response: { 200: z.object({ items: z.array(ComponentRecordSchema) }), ...errors } } },
    async (request) => {
      await deps.assertCanReadDossier(request.principal, request.params.id);
      return { items: await warehouse.dossierComponents(request.params.id) };
    },
  );

  app.get(
    '/digitization/stats',
    { config: { access: 'digitization.read' }, schema: { tags: ['digitization'], summary: 'Digitization figures per unit and procedure for a period', querystring: StatsQuery, response: { 200: StatsResponse, ...errors } } },
    async (request) => {
      const q = request.query;
      if (q.to < q.from) {
        throw new ProblemError('validation', { detail: { vi: 'Ngày kết thúc trước ngày bắt đầu.', en: 'The end date is before the start date.' }, errors: [{ pointer: '/query/to', code: 'before_from', message: 'before from' }] });
      }
      return warehouse.stats(request.principal, q);
    },
  );
}
