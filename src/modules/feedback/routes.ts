// HTTP routes of the feedback module (under /api/v1): the applicant's rating of a returned
// dossier, the counter kiosk, the public aggregate of ratings; PAKN filing (anyone), the officers'
// record, worklist, view and actions; the public's published answers and votes.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemError, problemSchema } from '../../http/problem.ts';
import {
  FeedbackActionBody,
  FeedbackListQuery,
  FeedbackListSchema,
  FeedbackReceiptSchema,
  FeedbackViewSchema,
  FileFeedbackBody,
  PublicFeedbackListSchema,
  PublicFeedbackQuery,
  PublicFeedbackSchema,
  PublicRatingsQuery,
  PublicRatingsSchema,
  RatingBody,
  RatingFormSchema,
  RecordFeedbackBody,
  VoteBody,
  VoteResultSchema,
} from './schema.ts';
import { accountVoterKey, browserVoterKey, type FeedbackService } from './service.ts';

const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const CodeParams = z.object({ code: z.string().trim().min(5).max(60) });
const IdParams = z.object({ id: z.uuid() });

/** `If-Match: "3"` (or W/"3", or 3) → 3; absent → undefined; anything else is bad input. */
function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) throw new ProblemError('bad_request', { detail: { vi: 'If-Match phải là phiên bản, ví dụ "3".', en: 'If-Match must be the version, e.g. "3".' } });
  return Number(m[1]);
}

/** The browser's voter cookie: a random value set on the first vote; only its hash is stored. */
export const VOTER_COOKIE = 'motcua_voter';
const VOTER_VALUE = /^[A-Za-z0-9_-]{22,64}$/;

function voterKeyOf(request: FastifyRequest): string | undefined {
  const p = request.principal;
  if (p && p.kind !== 'service') return accountVoterKey(p.accountId);
  const cookie = request.cookies[VOTER_COOKIE];
  return cookie && VOTER_VALUE.test(cookie) ? browserVoterKey(cookie) : undefined;
}

function ensureVoterKey(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const known = voterKeyOf(request);
  if (known) return known;
  const value = randomBytes(18).toString('base64url');
  reply.setCookie(VOTER_COOKIE, value, { path: '/api/v1/public/feedback', httpOnly: true, sameSite: 'lax', secure, maxAge: 365 * 86_400 });
  return browserVoterKey(value);
}

export function registerFeedbackRoutes(api: FastifyInstance, deps: { feedback: FeedbackService; publicWriteLimit: { max: number; timeWindow: number }; secureCookies: boolean }): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const { feedback } = deps;

  // ---------- ratings ----------
  app.get(
    '/me/ratings/:code',
    {
      config: { access: 'dossier.submit' },
      schema: { tags: ['feedback'], summary: 'The rating form of one’s own dossier: the criteria, one’s rating and until when it can change', params: CodeParams, response: { 200: RatingFormSchema, ...errors } },
    },
    async (request) => feedback.ratingForm(request.principal, request.params.code, 'online'),
  );

  app.put(
    '/me/ratings/:code',
    {
      config: { access: 'dossier.submit' },
      schema: {
        tags: ['feedback'],
        summary: 'Rate one’s own returned dossier (like or dislike, each criterion 1–5); change it within RATING_CHANGE_DAYS',
        params: CodeParams,
        body: RatingBody,
        response: { 200: RatingFormSchema, 201: RatingFormSchema, ...errors },
      },
    },
    async (request, reply) => {
      const r = await feedback.rate(request.principal, request.params.code, request.body, 'online', request.id);
      return reply.code(r.created ? 201 : 200).send(r.form);
    },
  );

  app.get(
    '/kiosk/ratings/:code',
    {
      config: { access: 'rating.kiosk' },
      schema: { tags: ['feedback'], summary: 'Counter kiosk: open the rating form of a dossier of one’s receiving unit', params: CodeParams, response: { 200: RatingFormSchema, ...errors } },
    },
    async (request) => feedback.ratingForm(request.principal, request.params.code, 'kiosk'),
  );

  app.put(
    '/kiosk/ratings/:code',
    {
      config: { access: 'rating.kiosk' },
      schema: {
        tags: ['feedback'],
        summary: 'Counter kiosk: record the applicant’s rating, given at the counter (the officer who opened the kiosk is recorded)',
        params: CodeParams,
        body: RatingBody,
        response: { 200: RatingFormSchema, 201: RatingFormSchema, ...errors },
      },
    },
    async (request, reply) => {
      const r = await feedback.rate(request.principal, request.params.code, request.body, 'kiosk', request.id);
      return reply.code(r.created ? 201 : 200).send(r.form);
    },
  );

  app.get(
    '/public/ratings',
    {
      config: { access: 'public' },
      schema: {
        tags: ['feedback'],
        summary: 'Anonymous aggregate of ratings: counts, like ratio, per-criterion averages, per unit and procedure',
        description: '`unit` includes its sub-units; `from`/`to` are local dates (Asia/Ho_Chi_Minh), inclusive, of the rating.',
        querystring: PublicRatingsQuery,
        response: { 200: PublicRatingsSchema, 422: problemSchema },
      },
    },
    async (request) => feedback.publicRatings(request.query),
  );

  // ---------- PAKN: the public ----------
  app.post(
    '/public/feedback',
    {
      config: { access: 'public', rateLimit: deps.publicWriteLimit },
      schema: {
        tags: ['feedback'],
        summary: 'File a PAKN (phản ánh, kiến nghị) about a procedure, a dossier or an officer’s conduct; anyone, with a phone or e-mail',
        body: FileFeedbackBody,
        response: { 201: FeedbackReceiptSchema, 422: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await feedback.file(request.principal, request.body)),
  );

  app.get(
    '/public/feedback',
    {
      config: { access: 'public' },
      schema: { tags: ['feedback'], summary: 'Published answers to PAKN (newest first)', querystring: PublicFeedbackQuery, response: { 200: PublicFeedbackListSchema, 422: problemSchema } },
    },
    async (request) => feedback.publicList(request.query),
  );

  app.get(
    '/public/feedback/:id',
    {
      config: { access: 'public' },
      schema: { tags: ['feedback'], summary: 'A published answer, with its likes and dislikes and this caller’s vote', params: IdParams, response: { 200: PublicFeedbackSchema, 404: problemSchema } },
    },
    async (request) => feedback.publicGet(request.params.id, voterKeyOf(request)),
  );

  app.put(
    '/public/feedback/:id/vote',
    {
      config: { access: 'public', rateLimit: deps.publicWriteLimit },
      schema: {
        tags: ['feedback'],
        summary: 'Like or dislike a published answer: one vote per account, or per browser (a cookie), changeable',
        params: IdParams,
        body: VoteBody,
        response: { 200: VoteResultSchema, 404: problemSchema, 422: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => feedback.vote(request.params.id, ensureVoterKey(request, reply, deps.secureCookies), request.body.value),
  );

  // ---------- PAKN: officers ----------
  app.post(
    '/feedback',
    {
      config: { access: 'feedback.handle' },
      schema: {
        tags: ['feedback'],
        summary: 'Record a PAKN transferred by the Government Office (VPCP) or a ministry/province (BNĐP), or taken at the counter',
        body: RecordFeedbackBody,
        response: { 201: FeedbackReceiptSchema, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await feedback.record(request.principal, request.body, request.id)),
  );

  app.get(
    '/feedback',
    {
      config: { access: 'feedback.read' },
      schema: { tags: ['feedback'], summary: 'The PAKN of one’s units, by current deadline', querystring: FeedbackListQuery, response: { 200: FeedbackListSchema, ...errors } },
    },
    async (request) => feedback.list(request.principal, request.query),
  );

  app.get(
    '/feedback/:id',
    {
      config: { access: 'login' },
      schema: { tags: ['feedback'], summary: 'A PAKN: content, filer, deadlines, history and the actions allowed now (officers of its unit, or its filer)', params: IdParams, response: { 200: FeedbackViewSchema, ...errors } },
    },
    async (request, reply) => {
      const view = await feedback.get(request.principal, request.params.id);
      reply.header('etag', `"${view.version}"`).header('cache-control', 'private, no-store');
      return view;
    },
  );

  app.post(
    '/feedback/:id/actions',
    {
      config: { access: 'login' },
      schema: {
        tags: ['feedback'],
        summary: 'Take an action on a PAKN (If-Match: the version it was decided on)',
        description: 'A stale version is 409 and changes nothing; an action the status does not allow is 409 `illegal_transition` listing `allowedActions`.',
        params: IdParams,
        headers: z.object({ 'if-match': z.string().max(20).optional() }),
        body: FeedbackActionBody,
        response: { 200: FeedbackViewSchema, ...errors },
      },
    },
    async (request, reply) => {
      const view = await feedback.act(request.principal, request.params.id, parseIfMatch(request.headers['if-match']), request.body, request.id);
      reply.header('etag', `"${view.version}"`);
      return view;
    },
  );
}
