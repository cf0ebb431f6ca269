// Schemas of the files module's routes (validation, types and the OpenAPI document).
import { z } from 'zod';
import { AcceptedFormat } from '../../core/catalog/content.ts';

export const FileFormat = AcceptedFormat.meta({ id: 'FileFormat' });

const FORMATS = AcceptedFormat.options;

export const UploadQuery = z.object({
  accept: z
    .string()
    .max(200)
    .transform((text, ctx) => {
      const names = text.split(',').map((n) => n.trim().toLowerCase()).filter(Boolean);
      const unknown = names.filter((n) => !(FORMATS as readonly string[]).includes(n));
      if (names.length === 0 || unknown.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `expects comma-separated formats among ${FORMATS.join(', ')}`,
          params: {
            vi: `Danh sách định dạng, cách nhau bởi dấu phẩy, trong số: ${FORMATS.join(', ')}.`,
            en: `Comma-separated formats among ${FORMATS.join(', ')}.`,
          },
        });
        return z.NEVER;
      }
      return [...new Set(names)] as Array<z.infer<typeof AcceptedFormat>>;
    })
    .optional()
    .describe(`The formats the file must be one of, e.g. pdf,jpg (a dossier component's accepted formats): ${FORMATS.join(', ')}`),
});
export type UploadQuery = z.infer<typeof UploadQuery>;

export const FileParams = z.object({ id: z.string().min(1).max(64) });
export type FileParams = z.infer<typeof FileParams>;

export const UploadedFile = z
  .object({
    id: z.string(),
    name: z.string().describe('The sanitized file name'),
    size: z.number().int().describe('Bytes'),
    format: FileFormat.describe('Sniffed from the content'),
    mediaType: z.string(),
    sha256: z.string().describe('Hex SHA-256 of the content'),
    scanStatus: z.enum(['not_scanned', 'clean']).describe('clean: scanned by ClamAV; not_scanned: no scanner configured (CLAMAV_URL)'),
  })
  .meta({ id: 'UploadedFile' });
export type UploadedFile = z.infer<typeof UploadedFile>;
