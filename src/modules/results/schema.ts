// Zod schemas of the results module: the verification answer, the public status of a result,
// revocation and templates.
import { z } from 'zod';
import { HTML_TEMPLATE_MAX, RESULT_CODE_PATTERN, type ResultTemplate } from '../../core/results/index.ts';

export const ResultCodeParams = z.object({ code: z.string().trim().toUpperCase().regex(RESULT_CODE_PATTERN, 'not a result code') });
export const ProcedureCodeParams = z.object({ procedureCode: z.string().regex(/^[123]\.\d{6}$/, 'not a procedure code') });

export const VerifyCodeBody = z.strictObject({ code: z.string().trim().toUpperCase().regex(RESULT_CODE_PATTERN, 'not a result code') });

const unit = z.object({ id: z.string(), name: z.string() });

export const VerificationSchema = z
  .object({
    valid: z.boolean().describe('Every signature verifies, the signer chains to a trusted root, and the last signature covers the whole file'),
    signedBy: z.string().nullable().describe('The signer certificate’s common name'),
    signedAt: z.string().nullable().describe('The signing time the signature claims (PAdES B-B: not a timestamp)'),
    matchesIssued: z.boolean().describe('The file is, byte for byte, the document this system issued under the code'),
    revoked: z.boolean(),
    revokedReason: z.string().nullable(),
    revokedAt: z.string().nullable(),
    code: z.string().nullable().describe('MaGiayToKetQua'),
    found: z.boolean().describe('The code is one this system issued'),
    issuerUnit: unit.nullable(),
    issuedAt: z.string().nullable(),
    documentName: z.string().nullable(),
    legallyValid: z.boolean().describe('False when the certificate is the development CA’s (chỉ dùng thử nghiệm)'),
    signatureLevel: z.literal('PAdES-B-B').nullable(),
    problems: z.array(z.string()),
  })
  .meta({ id: 'ResultVerification' });
export type Verification = z.infer<typeof VerificationSchema>;

export const ResultStatusSchema = z
  .object({
    code: z.string(),
    status: z.enum(['issued', 'revoked']),
    documentName: z.string(),
    issuerUnit: unit,
    issuedAt: z.string(),
    procedureCode: z.string(),
    signedBy: z.string(),
    legallyValid: z.boolean(),
    revokedAt: z.string().nullable(),
    revokedReason: z.string().nullable(),
  })
  .meta({ id: 'ResultStatus' });
export type ResultStatus = z.infer<typeof ResultStatusSchema>;

export const RevokeBody = z.strictObject({ reason: z.string().trim().min(5).max(2000) });

export const VersionTemplateParams = ProcedureCodeParams.extend({ number: z.coerce.number().int().min(1).max(1_000_000) });

/** An HTML template (what the editor writes) or a pdfmake document definition: one of the two. */
const TemplateSource = {
  html: z.string().min(1).max(HTML_TEMPLATE_MAX).optional().describe('An HTML template with {{fields}} and <result-qr></result-qr>'),
  template: z.record(z.string(), z.unknown()).optional().describe('A pdfmake document definition with {{fields}} and {"resultQr": true}'),
};
const oneSource = (b: { html?: string | undefined; template?: Record<string, unknown> | undefined }) => (b.html === undefined) !== (b.template === undefined);
const ONE_SOURCE = {
  path: ['html'],
  params: { vi: 'Gửi đúng một mẫu: "html" (mẫu HTML) hoặc "template" (định nghĩa pdfmake).', en: 'Send exactly one template: "html" (an HTML template) or "template" (a pdfmake definition).' },
};
export const TemplateBody = z.strictObject(TemplateSource).refine(oneSource, ONE_SOURCE);
export const TemplatePreviewBody = z
  .strictObject({
    ...TemplateSource,
    /** The version whose name the sample fields take; absent: the procedure's. */
    versionNumber: z.number().int().min(1).max(1_000_000).optional(),
  })
  .refine(oneSource, ONE_SOURCE);
/** The template a body carries (the schema lets through exactly one of the two). */
export const templateOfBody = (b: { html?: string | undefined; template?: Record<string, unknown> | undefined }): ResultTemplate =>
  b.html !== undefined ? { format: 'html', html: b.html } : { format: 'pdfmake', definition: b.template ?? {} };

export const TemplateView = z.object({
  procedureCode: z.string(),
  procedureName: z.string().nullable(),
  /** Null: the procedure's template (every version). */
  versionNumber: z.number().int().nullable(),
  /** The format of the template results of this scope are rendered from (set here or inherited). */
  format: z.enum(['html', 'pdfmake']),
  /** That template when it is HTML, else null. */
  html: z.string().nullable(),
  /** That template when it is a pdfmake definition, else null. */
  template: z.record(z.string(), z.unknown()).nullable(),
  /** Where `template` comes from: set for the version, for the procedure, or the default. */
  source: z.enum(['version', 'procedure', 'default']),
  /** Nothing is set at this level (the template shown is inherited). */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  fields: z.record(z.string(), z.object({ vi: z.string(), en: z.string() })),
  hasProcedureTemplate: z.boolean(),
  /** The versions a template may be set for (published, superseded) and whether each has its own. */
  versions: z.array(z.object({ number: z.number().int(), status: z.string(), hasTemplate: z.boolean() })),
}).meta({ id: 'ResultTemplate' });
export type TemplateView = z.infer<typeof TemplateView>;

/** What the applicant's data warehouse (and others) hear after an issued result committed. */
export interface ResultIssuedEvent {
  resultCode: string;
  dossierId: string;
  dossierCode: string;
  applicant: { kind: 'citizen' | 'organization'; idNumber: string; name: string; accountId: string | null };
  procedureCode: string;
  /** The signed PDF: its file id and SHA-256. */
  fileId: string;
  sha256: string;
  issuedAt: string;
  documentName: string;
  /** The warehouse document type of the result (the catalog's result.documentType), when set. */
  documentType: string | null;
  issuerUnit: { id: string; name: string };
  /** The account that approved and signed. */
  issuedBy: string;
}
export type ResultIssuedListener = (event: ResultIssuedEvent) => Promise<void>;
