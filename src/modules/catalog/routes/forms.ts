// E-form data: validation with prefill (anyone for a published version: the form page and its
// preview; a draft or test values: catalog.read_drafts), saving a form (form.submit), reading a
// saved form (its applicant, or catalog.read_drafts in the owning unit).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../http/problem.ts';
import type { CatalogRouteDeps } from '../routes.ts';
import { SubmissionParams, SubmissionView, SubmitBody, ValidateBody, ValidationResult, VersionParams } from '../schema.ts';
import { problems, tags } from './common.ts';

export function registerFormRoutes(api: FastifyInstance, deps: CatalogRouteDeps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const { forms } = deps.catalog;

  app.post(
    '/procedures/:code/versions/:n/validate',
    {
      // Public: an anonymous visitor checks a form before logging in, an officer tests one.
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Validate form data under a version; prefill-bound fields are filled and marked',
        description:
          'Published versions: anyone (a logged-in citizen or organization gets prefill; sensitive values need an e-ID at ' +
          'level 2, below it they are reported in `prefill.withheld` with `prefill.requiredAcr`). Drafts: catalog.read_drafts ' +
          'in the owning unit (test submission; `testPrefill` supplies sample values). `prefill.fields` are the fields actually ' +
          'prefilled, `prefill.missing` the bound fields left to the applicant. 422 carries per-field errors at ' +
          '/body/data/<field pointer> and the `prefill` report.',
        params: VersionParams,
        body: ValidateBody,
        response: { 200: ValidationResult, ...problems },
      },
    },
    async (request) => forms.validate(request.principal, request.params.code, request.params.n, request.body, request.id),
  );

  app.post(
    '/procedures/:code/versions/:n/submissions',
    {
      config: { access: 'form.submit' },
      schema: {
        tags,
        summary: 'Save validated form data for the logged-in citizen or organization, pinned to this version',
        params: VersionParams,
        body: SubmitBody,
        response: { 201: SubmissionView, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await forms.submit(request.principal, request.params.code, request.params.n, request.body, request.id)),
  );

  app.get(
    '/form-submissions/:id',
    {
      config: { access: 'login' },
      schema: {
        tags,
        summary: 'A saved form, re-validated under the rules of its version (its applicant, or catalog.read_drafts)',
        params: SubmissionParams,
        response: { 200: SubmissionView, 401: problemSchema, 404: problemSchema, 422: problemSchema },
      },
    },
    async (request) => forms.getSubmission(request.principal, request.params.id),
  );
}
