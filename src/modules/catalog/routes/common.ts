// Shared by the catalog's route groups.
import type { FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { contentFieldLabel } from '../../../core/catalog/field-labels.ts';
import type { ProcedureContent } from '../../../core/catalog/types.ts';
import { ProblemError, problemSchema, zodFieldErrors } from '../../../http/problem.ts';

export const tags = ['catalog'];
export const adminTags = ['catalog-admin'];

export const problems = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };

/**
 * Routes that take a version's content validate it with `attachValidation` and call this first:
 * a bad value of the content is reported with the label of its field ("Phí, lệ phí › dòng 1 ›
 * Số tiền (đồng): …") in the message, and its pointer kept as the error's `pointer`.
 */
export function throwIfInvalid(request: FastifyRequest): void {
  const error = request.validationError;
  if (!error) return;
  if (!hasZodFastifySchemaValidationErrors(error)) throw error;
  const part = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body');
  const validation = error.validation as ReadonlyArray<{ keyword: string; instancePath: string; message?: string; params: unknown }>;
  const issues = validation.map((v) => ({
    ...(v.params as object),
    code: v.keyword,
    path: v.instancePath.split('/').filter(Boolean),
    message: v.message ?? '',
  }));
  const content = (request.body as { content?: ProcedureContent } | undefined)?.content;
  const errors = zodFieldErrors(issues, part).map((e) => {
    const inContent = /^\/body\/content(\/.*)?$/.exec(e.pointer);
    if (!inContent) return e;
    const field = contentFieldLabel(inContent[1] ?? '', content && typeof content === 'object' ? content : undefined);
    return { ...e, message: { vi: `${field.vi}: ${e.message.vi}`, en: `${field.en}: ${e.message.en}` } };
  });
  throw new ProblemError('validation', { detail: { vi: 'Một số trường không hợp lệ.', en: 'Some fields are not valid.' }, errors });
}
