// HTTP routes of the files module (under /api/v1). Thin: parse, declare access, call a use case.
//
//   POST /files       login   upload one file (multipart/form-data, field `file`)
//   GET  /files/:id   login   its bytes, for the uploader only and only until the file is
//                             attached to something (then the owner's own route serves it,
//                             with its own authorization). Anyone else gets 404, not 403.
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePrincipal } from '../../http/access.ts';
import { ProblemError, problemSchema } from '../../http/problem.ts';
import { FileParams, UploadQuery, UploadedFile } from './schema.ts';
import { fileTooLarge, type FileRow, type FilesService } from './service.ts';

export const FILE_FIELD = 'file';

const present = (row: FileRow): UploadedFile => ({
  id: row.id,
  name: row.original_name,
  size: row.size_bytes,
  format: row.format,
  mediaType: row.media_type,
  sha256: row.sha256,
  scanStatus: row.scan_status,
});

const notFound = () =>
  new ProblemError('not_found', { detail: { vi: 'Không tìm thấy tệp.', en: 'File not found.' } });

const fileMissing = () =>
  new ProblemError('validation', {
    detail: { vi: 'Hãy gửi một tệp trong trường "file".', en: 'Send one file in the "file" field.' },
    errors: [{ pointer: '/body/file', code: 'required', message: { vi: 'Cần một tệp.', en: 'A file is required.' } }],
  });

export function registerFileRoutes(api: FastifyInstance, deps: { files: FilesService }): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const { files } = deps;

  app.post(
    '/files',
    {
      config: { access: 'login' },
      schema: {
        tags: ['files'],
        summary: 'Upload a file (multipart/form-data, one file in the field "file")',
        description:
          'The format is sniffed from the content (PDF, DOC, DOCX, XLS, XLSX, JPG, PNG, TIFF, XML, ZIP); ' +
          'anything else is refused with 415. Larger than FILE_MAX_BYTES: 413, nothing kept.',
        querystring: UploadQuery,
        response: { 201: UploadedFile, 401: problemSchema, 413: problemSchema, 415: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      if (!request.isMultipart()) {
        throw new ProblemError('unsupported_media_type', {
          detail: {
            vi: 'Hãy gửi tệp dạng multipart/form-data, trong trường "file".',
            en: 'Send the file as multipart/form-data, in the field "file".',
          },
        });
      }
      let part: MultipartFile | undefined;
      try {
        part = await request.file({
          limits: { fileSize: files.settings.maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 11, headerPairs: 100 },
        });
      } catch (error) {
        throw multipartProblem(error, files.settings.maxBytes);
      }
      if (!part) throw fileMissing();
      if (part.fieldname !== FILE_FIELD) {
        part.file.destroy();
        throw fileMissing();
      }
      const upload = part;
      let row: FileRow;
      try {
        row = await files.upload({
          source: upload.file,
          declaredName: upload.filename,
          uploadedBy: principal.accountId,
          accept: request.query.accept,
          truncated: () => upload.file.truncated,
        });
      } catch (error) {
        throw multipartProblem(error, files.settings.maxBytes);
      }
      return reply.status(201).header('cache-control', 'no-store').send(present(row));
    },
  );

  app.get(
    '/files/:id',
    {
      config: { access: 'login' },
      schema: {
        tags: ['files'],
        summary: 'Download an uploaded file not yet attached (its uploader only)',
        params: FileParams,
        response: { 401: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const row = await files.findOwnUnattached(request.params.id, principal.accountId);
      if (!row) throw notFound();
      return files.sendFile(reply, row);
    },
  );
}

/** Errors of the multipart parser as problems (ours pass through). */
function multipartProblem(error: unknown, maxBytes: number): unknown {
  if (error instanceof ProblemError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return fileTooLarge(maxBytes);
  const status = (error as { statusCode?: number }).statusCode;
  if (code?.startsWith('FST_') && status !== undefined && status >= 400 && status < 500) {
    return new ProblemError('bad_request', {
      detail: { vi: 'Nội dung multipart không hợp lệ.', en: 'The multipart body is not valid.' },
    });
  }
  if (error instanceof Error && /Unexpected end of (form|multipart data)|terminated early|Malformed|Boundary not found/i.test(error.message)) {
    return new ProblemError('bad_request', {
      detail: { vi: 'Nội dung multipart không hợp lệ.', en: 'The multipart body is not valid.' },
    });
  }
  return error;
}
