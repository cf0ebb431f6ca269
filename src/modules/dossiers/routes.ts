// HTTP routes of the dossiers module (under /api/v1): intake, the action endpoint (If-Match), the
// workspace reads and worklists, the applicant's list, files, and the public lookup by code and
// the receipt's second factor.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemError, problemSchema } from '../../http/problem.ts';
import type { FilesModule } from '../files/module.ts';
import {
  ActionBody,
  ActionOptionsSchema,
  CounterPrefillBody,
  CounterPrefillSchema,
  CreateDossierBody,
  DossierViewSchema,
  DraftBody,
  DraftParams,
  DraftSchema,
  DraftSummarySchema,
  ListQuery,
  ListResponse,
  NoteBody,
  PublicDossierSchema,
  WORKLISTS,
} from './schema.ts';
import type { CounterPrefillUseCase } from './counter-prefill.ts';
import type { DraftService } from './drafts.ts';
import { DOSSIER_SLIPS, type DossierService } from './service.ts';
import { HoSoDongBoDVCSchema } from './sync-schema.ts';

const IdParams = z.object({ id: z.uuid() });
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };

/** `If-Match: "3"` (or W/"3", or 3) → 3; absent → undefined; anything else is bad input. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) {
    throw new ProblemError('bad_request', {
      detail: { vi: 'If-Match phải là phiên bản hồ sơ, ví dụ "3".', en: 'If-Match must be the dossier version, e.g. "3".' },
    });
  }
  return Number(m[1]);
}

/** A rendered document (slip, ledger): private, never cached, never sniffed. */
function sendDocument(reply: FastifyReply, type: string, disposition: 'inline' | 'attachment', doc: { filename: string; bytes: Buffer }) {
  return reply
    .type(type)
    .header('content-disposition', `${disposition}; filename="${doc.filename}"`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(doc.bytes);
}

const idempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{8,200}$/, { message: 'expects 8–200 letters, digits, "_", ".", ":" or "-"' })
  .optional();

export function registerDossierRoutes(
  api: FastifyInstance,
  deps: { dossiers: DossierService; drafts: DraftService; counterPrefill: CounterPrefillUseCase; files: Pick<FilesModule, 'sendFile'>; lookupRateLimit: { max: number; timeWindow: number } },
): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const { dossiers } = deps;

  app.post(
    '/dossiers',
    {
      config: { access: 'login' },
      schema: {
        tags: ['dossiers'],
        summary: 'Submit a dossier online (applicant) or take a counter/postal dossier (receiver)',
        description:
          'Online: the session’s citizen or organization is the applicant (or the submitter on behalf of `applicant`); ' +
          'status 1. Counter and post: a receiver of the receiving unit identifies the applicant and receives in one step; status 2. ' +
          'A retried online submit with the same Idempotency-Key returns the first dossier (200).',
        headers: z.object({ 'idempotency-key': idempotencyKey }),
        body: CreateDossierBody,
        response: { 200: DossierViewSchema, 201: DossierViewSchema, ...errors },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const result = await dossiers.create(request.principal, request.body, { ...(key ? { idempotencyKey: key } : {}), requestId: request.id });
      reply.header('etag', `"${result.dossier.version}"`).header('location', `/api/v1/dossiers/${result.dossier.id}`);
      return reply.code(result.created ? 201 : 200).send(result.dossier);
    },
  );

  app.get(
    '/dossiers',
    {
      config: { access: 'dossier.read' },
      schema: { tags: ['dossiers'], summary: 'Search the dossiers of one’s units (sorted by due date)', querystring: ListQuery, response: { 200: ListResponse, ...errors } },
    },
    async (request) => dossiers.search(request.principal, request.query),
  );

  app.get(
    '/dossiers/:id',
    {
      config: { access: 'login' },
      schema: { tags: ['dossiers'], summary: 'A dossier: state, form data, components, timeline and the actions allowed now', params: IdParams, response: { 200: DossierViewSchema, ...errors } },
    },
    async (request, reply) => {
      const view = await dossiers.get(request.principal, request.params.id);
      reply.header('etag', `"${view.version}"`).header('cache-control', 'private, no-store');
      return view;
    },
  );

  app.post(
    '/dossiers/counter-prefill',
    {
      config: { access: 'dossier.receive' },
      schema: {
        tags: ['dossiers'],
        summary: 'Fill a counter intake’s e-form from the national population database (receiver)',
        description:
          'The applicant at the counter is identified by the ID number, name and date of birth on the card they show. On a match ' +
          'the answer holds the values of the population attributes the procedure’s published e-form binds, and ' +
          'no others; a mismatch or an unknown number holds none. Only a receiver of the procedure’s receiving ' +
          'unit; every query is in the population query log (purpose counter_intake). status "unavailable": enter ' +
          'and verify the details manually.',
        body: CounterPrefillBody,
        response: { 200: CounterPrefillSchema, ...errors },
      },
    },
    async (request) => deps.counterPrefill(request.principal, request.body, request.id),
  );

  app.post(
    '/dossiers/:id/actions',
    {
      config: { access: 'login' },
      schema: {
        tags: ['dossiers'],
        summary: 'Take an action on a dossier (If-Match: the version it was decided on)',
        description: 'A stale version is 412 and changes nothing; an action the status or step does not allow is 409 `illegal_transition` listing `allowedActions`.',
        params: IdParams,
        headers: z.object({ 'if-match': z.string().max(20).optional() }),
        body: ActionBody,
        response: { 200: DossierViewSchema, ...errors, 409: problemSchema, 412: problemSchema, 428: problemSchema },
      },
    },
    async (request, reply) => {
      const view = await dossiers.act(request.principal, request.params.id, parseIfMatch(request.headers['if-match']), request.body, { requestId: request.id });
      reply.header('etag', `"${view.version}"`);
      return view;
    },
  );

  app.post(
    '/dossiers/:id/notes',
    {
      config: { access: 'workspace.use' },
      schema: {
        tags: ['dossiers'],
        summary: 'Add an internal note (officers only; the applicant never sees it)',
        params: IdParams,
        body: NoteBody,
        response: { 201: z.object({ id: z.string(), author: z.string(), text: z.string(), createdAt: z.string() }), ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await dossiers.addNote(request.principal, request.params.id, request.body.text)),
  );

  app.get(
    '/dossiers/:id/files/:fileId',
    {
      config: { access: 'login' },
      schema: { tags: ['dossiers'], summary: 'A file of the dossier (the applicant and officers of its units), as an attachment', params: z.object({ id: z.uuid(), fileId: z.uuid() }) },
    },
    async (request, reply) => deps.files.sendFile(reply, await dossiers.readableFile(request.principal, request.params.id, request.params.fileId)),
  );

  app.get(
    '/dossiers/:id/slips/:slip',
    {
      config: { access: 'login' },
      schema: {
        tags: ['dossiers'],
        summary: 'A slip of the dossier as PDF: 01 receipt, 02 supplement, 03 refusal, 04 apology, 05 control slip, stop notice',
        params: z.object({ id: z.uuid(), slip: z.enum(DOSSIER_SLIPS.map((k) => `${k}.pdf`) as [string, ...string[]]) }),
      },
    },
    async (request, reply) => {
      const kind = request.params.slip.replace(/\.pdf$/, '') as (typeof DOSSIER_SLIPS)[number];
      const slip = await dossiers.slip(request.principal, request.params.id, kind);
      return sendDocument(reply, 'application/pdf', 'inline', slip);
    },
  );

  app.get(
    '/dossiers/:id/action-options',
    {
      config: { access: 'workspace.use' },
      schema: {
        tags: ['dossiers'],
        summary: 'The choices of the action forms open to the officer now (assignees, units, fee lines)',
        params: IdParams,
        response: { 200: ActionOptionsSchema, ...errors },
      },
    },
    async (request) => dossiers.actionOptions(request.principal, request.params.id),
  );

  app.get(
    '/dossiers/:id/sync-record',
    {
      config: { access: 'dossier.read' },
      schema: {
        tags: ['dossiers'],
        summary: 'The dossier as the national portal’s sync record (HoSoDongBoDVC)',
        description: 'Dates as yyyyMMddHHmmss in Asia/Ho_Chi_Minh; QuaTrinhXuLy from the action log. Codes marked UNCONFIRMED in the spec are configuration-free guesses documented in sync-record.ts.',
        params: IdParams,
        response: { 200: HoSoDongBoDVCSchema, ...errors },
      },
    },
    async (request) => dossiers.syncRecord(request.principal, request.params.id),
  );

  app.get(
    '/dossier-ledger',
    {
      config: { access: 'dossier.read' },
      schema: {
        tags: ['dossiers'],
        summary: 'The dossier ledger (Sổ theo dõi hồ sơ, Mẫu 06) of a unit for a period, as PDF or XLSX',
        querystring: z.strictObject({ unitId: z.string().regex(/^[a-z0-9-]{2,64}$/), from: z.iso.date(), to: z.iso.date(), format: z.enum(['pdf', 'xlsx']).default('pdf') }),
      },
    },
    async (request, reply) => {
      const ledger = await dossiers.ledger(request.principal, request.query);
      const type = request.query.format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return sendDocument(reply, type, 'attachment', ledger);
    },
  );

  app.post(
    '/dossiers/:id/payment',
    {
      config: { access: 'dossier.submit' },
      schema: {
        tags: ['dossiers'],
        summary: 'Start paying the requested fees online (the applicant): the payment platform’s page to go to',
        params: IdParams,
        response: { 200: z.object({ reference: z.string(), paymentUrl: z.string() }), ...errors, 409: problemSchema, 502: problemSchema, 503: problemSchema },
      },
    },
    async (request) => dossiers.startPayment(request.principal, request.params.id, request.ip),
  );

  app.get(
    '/worklists',
    {
      config: { access: 'dossier.read' },
      schema: { tags: ['dossiers'], summary: 'The count of each worklist of one’s units (counted up to 1 000, WORKLIST_COUNT_CAP: a count of 1 000 means at least that many)', response: { 200: z.record(z.enum(WORKLISTS), z.number()), ...errors } },
    },
    async (request) => dossiers.worklistCounts(request.principal, WORKLISTS),
  );

  app.get(
    '/worklists/:name',
    {
      config: { access: 'dossier.read' },
      schema: {
        tags: ['dossiers'],
        summary: 'A worklist of the workspace (sorted by due date; keyset pages)',
        params: z.object({ name: z.enum(WORKLISTS) }),
        querystring: ListQuery,
        response: { 200: ListResponse, ...errors },
      },
    },
    async (request) => dossiers.worklist(request.principal, request.params.name, request.query),
  );

  app.get(
    '/me/dossiers',
    {
      config: { access: 'dossier.submit' },
      schema: { tags: ['dossiers'], summary: 'The applicant’s own dossiers (Hồ sơ của tôi)', response: { 200: z.object({ items: ListResponse.shape.items }), ...errors } },
    },
    async (request) => dossiers.mine(request.principal),
  );

  app.get(
    '/public/dossiers/:code',
    {
      config: { access: 'public', rateLimit: deps.lookupRateLimit },
      schema: {
        tags: ['dossiers'],
        summary: 'Public lookup of a dossier by its code and the lookup key printed on the receipt',
        description: 'Nothing personal: the procedure, the status and the dates. Rate-limited per address.',
        params: z.object({ code: z.string().max(60) }),
        querystring: z.object({ key: z.string().trim().min(4).max(20) }),
        response: { 200: PublicDossierSchema, 404: problemSchema, 422: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return dossiers.lookup(request.params.code, request.query.key);
    },
  );

  // ---- The submission wizard's drafts (one per applicant and procedure) ----
  const { drafts } = deps;
  app.get(
    '/me/drafts',
    {
      config: { access: 'dossier.submit' },
      schema: { tags: ['dossiers'], summary: 'The applicant’s unfinished submissions (bản nháp)', response: { 200: z.object({ items: z.array(DraftSummarySchema) }), ...errors } },
    },
    async (request) => drafts.list(request.principal),
  );

  app.get(
    '/me/drafts/:code',
    {
      config: { access: 'dossier.submit' },
      schema: { tags: ['dossiers'], summary: 'The applicant’s draft of a procedure’s submission', params: DraftParams, response: { 200: DraftSchema, ...errors } },
    },
    async (request) => drafts.get(request.principal, request.params.code),
  );

  app.put(
    '/me/drafts/:code',
    {
      config: { access: 'dossier.submit' },
      schema: {
        tags: ['dossiers'],
        summary: 'Keep the draft of a procedure’s submission (on the version published now)',
        params: DraftParams,
        body: DraftBody,
        response: { 200: z.object({ updatedAt: z.string() }), 409: problemSchema, 413: problemSchema, ...errors },
      },
    },
    async (request) => drafts.save(request.principal, request.params.code, request.body),
  );

  app.delete(
    '/me/drafts/:code',
    {
      config: { access: 'dossier.submit' },
      schema: { tags: ['dossiers'], summary: 'Discard the draft of a procedure’s submission', params: DraftParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await drafts.remove(request.principal, request.params.code);
      return reply.status(204).send(null);
    },
  );
}
