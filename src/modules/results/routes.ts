// HTTP routes of the results module (under /api/v1). Thin: parse, declare access, call a use case.
//
//   POST /results/verify                    public        a PDF (multipart, field "file") or JSON {code}
//   GET  /results/:code                     public        status, issuer, date, revocation
//   GET  /results/:code/file                login         the signed PDF (the dossier's applicant and officers)
//   POST /results/:code/revoke              result.revoke thu hồi, with a reason
//   GET  /results/templates/:procedureCode  result.template
//   PUT  /results/templates/:procedureCode  result.template
//   DELETE /results/templates/:procedureCode result.template  back to the default template
//   GET/PUT/DELETE /results/templates/:procedureCode/versions/:number  result.template  one version's
//   POST /results/templates/:procedureCode/preview  result.template  an unsigned PDF marked "BẢN XEM TRƯỚC"
// A procedure's template serves every version without its own; a change never touches a result
// already issued (its signed PDF is stored as issued).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ProblemError, problemSchema, zodFieldErrors } from '../../http/problem.ts';
import type { FilesModule } from '../files/module.ts';
import { ProcedureCodeParams, ResultCodeParams, ResultStatusSchema, RevokeBody, TemplateBody, TemplatePreviewBody, TemplateView, templateOfBody, VerificationSchema, VerifyCodeBody, VersionTemplateParams } from './schema.ts';
import type { ResultsService } from './service.ts';

/** Largest PDF a verification takes. */
export const VERIFY_MAX_BYTES = 20 * 1024 * 1024;

export function registerResultRoutes(api: FastifyInstance, deps: { results: ResultsService; files: Pick<FilesModule, 'sendFile'>; verifyRateLimit: { max: number; timeWindow: number } }): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const { results } = deps;
  // The verification upload, in this scope only: the form is read whole (at most 20 MB) and parsed
  // by the platform's own FormData parser (undici), so the JSON routes elsewhere still refuse it.
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: VERIFY_MAX_BYTES + 64 * 1024 }, (_request, body, done) => done(null, body));

  app.post(
    '/results/verify',
    {
      config: { access: 'public', rateLimit: deps.verifyRateLimit },
      schema: {
        tags: ['results'],
        summary: 'Verify a result: a PDF (multipart/form-data, field "file") or JSON {"code": "KQ-…"}',
        description: 'valid: the signatures hold and chain to a trusted root; matchesIssued: the file is byte for byte the document issued under its code; revoked: thu hồi.',
        response: { 200: VerificationSchema, 413: problemSchema, 415: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const type = request.headers['content-type'] ?? '';
      if (type.startsWith('multipart/form-data')) {
        let bytes: Buffer;
        try {
          const form = await new Request('http://localhost/', { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(request.body as Buffer) }).formData();
          const file = form.get('file');
          if (!file || typeof file === 'string') throw fileMissing();
          bytes = Buffer.from(await file.arrayBuffer());
        } catch (error) {
          if (error instanceof ProblemError) throw error;
          throw fileMissing();
        }
        if (bytes.length > VERIFY_MAX_BYTES) {
          throw new ProblemError('file_too_large', { detail: { vi: 'Tệp quá lớn (tối đa 20 MB).', en: 'The file is too large (20 MB at most).' } });
        }
        if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
          throw new ProblemError('file_type_refused', { detail: { vi: 'Tệp không phải PDF.', en: 'The file is not a PDF.' } });
        }
        return results.verifyFile(new Uint8Array(bytes));
      }
      const parsed = VerifyCodeBody.safeParse(request.body);
      if (!parsed.success) {
        throw new ProblemError('validation', {
          detail: { vi: 'Hãy gửi tệp PDF hoặc mã giấy tờ kết quả.', en: 'Send a PDF or a result code.' },
          errors: zodFieldErrors(parsed.error.issues, 'body'),
        });
      }
      return results.verifyCode(parsed.data.code);
    },
  );

  app.get(
    '/results/:code',
    {
      config: { access: 'public' },
      schema: { tags: ['results'], summary: 'The public status of a result: issuer, date, revoked and why', params: ResultCodeParams, response: { 200: ResultStatusSchema, 404: problemSchema } },
    },
    async (request) => results.status(request.params.code),
  );

  app.get(
    '/results/:code/file',
    {
      config: { access: 'login' },
      schema: { tags: ['results'], summary: 'The signed PDF of a result (the dossier’s applicant and the officers of its units)', params: ResultCodeParams },
    },
    async (request, reply) => deps.files.sendFile(reply, await results.file(request.principal, request.params.code)),
  );

  app.post(
    '/results/:code/revoke',
    {
      config: { access: 'result.revoke' },
      schema: { tags: ['results'], summary: 'Revoke (thu hồi) a result, with the reason shown on the verification page', params: ResultCodeParams, body: RevokeBody, response: { 200: ResultStatusSchema } },
    },
    async (request) => results.revoke(request.principal, request.params.code, request.body.reason, request.id),
  );

  app.get(
    '/results/templates/:procedureCode',
    {
      config: { access: 'result.template' },
      schema: { tags: ['results'], summary: 'The result template of a procedure (HTML, or pdfmake JSON, with {{fields}}), or the default', params: ProcedureCodeParams, response: { 200: TemplateView } },
    },
    async (request) => results.template(request.params.procedureCode),
  );

  app.put(
    '/results/templates/:procedureCode',
    {
      config: { access: 'result.template' },
      schema: { tags: ['results'], summary: 'Set the result template of a procedure', params: ProcedureCodeParams, body: TemplateBody, response: { 200: TemplateView } },
    },
    async (request) => results.setTemplate(request.principal, request.params.procedureCode, templateOfBody(request.body), request.id),
  );

  app.delete(
    '/results/templates/:procedureCode',
    {
      config: { access: 'result.template' },
      schema: { tags: ['results'], summary: 'Return a procedure to the default result template', params: ProcedureCodeParams, response: { 200: TemplateView } },
    },
    async (request) => results.setTemplate(request.principal, request.params.procedureCode, null, request.id),
  );

  app.get(
    '/results/templates/:procedureCode/versions/:number',
    {
      config: { access: 'result.template' },
      schema: { tags: ['results'], summary: 'The result template of one procedure version: its own, else the procedure’s, else the default', params: VersionTemplateParams, response: { 200: TemplateView, 404: problemSchema } },
    },
    async (request) => results.template(request.params.procedureCode, request.params.number),
  );

  app.put(
    '/results/templates/:procedureCode/versions/:number',
    {
      config: { access: 'result.template' },
      schema: { tags: ['results'], summary: 'Set the result template of one published procedure version', params: VersionTemplateParams, body: TemplateBody, response: { 200: TemplateView, 404: problemSchema, 422: problemSchema } },
    },
    async (request) => results.setTemplate(request.principal, request.params.procedureCode, templateOfBody(request.body), request.id, request.params.number),
  );

  app.delete(
    '/results/templates/:procedureCode/versions/:number',
    {
      config: { access: 'result.template' },
      schema: { tags: ['results'], summary: 'Remove a version’s own result template (it takes the procedure’s, or the default)', params: VersionTemplateParams, response: { 200: TemplateView, 404: problemSchema } },
    },
    async (request) => results.setTemplate(request.principal, request.params.procedureCode, null, request.id, request.params.number),
  );

  app.post(
    '/results/templates/:procedureCode/preview',
    {
      config: { access: 'result.template' },
      schema: {
        tags: ['results'],
        summary: 'Render a template with sample fields to an unsigned PDF marked "BẢN XEM TRƯỚC" (the editor’s preview; nothing is stored)',
        params: ProcedureCodeParams,
        body: TemplatePreviewBody,
        response: { 404: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const pdf = await results.previewTemplate(request.params.procedureCode, templateOfBody(request.body), request.body.versionNumber ?? null);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="xem-truoc-${request.params.procedureCode}.pdf"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(pdf) as never);
    },
  );
}

const fileMissing = () =>
  new ProblemError('validation', {
    detail: { vi: 'Hãy gửi một tệp PDF trong trường "file".', en: 'Send one PDF in the "file" field.' },
    errors: [{ pointer: '/body/file', code: 'required', message: { vi: 'Cần một tệp.', en: 'A file is required.' } }],
  });
