// Zod schemas of the catalog module: the content of a procedure version (validated at the edge of
// every route and of import), the admin requests, and the responses. One schema feeds validation,
// the TypeScript types and the OpenAPI document.
import { z } from 'zod';
import {
  CodeStatus,
  EformUiSchema,
  keyCode,
  LocalizedText,
  OnlineLevel,
  ProcedureCode,
  ProcedureContentSchema,
  ProcessingTimeUnit,
  text,
  unitId,
} from '../../core/catalog/content.ts';
import type { ProcedureContent as ProcedureContentType } from '../../core/catalog/types.ts';
import { FIELD_TYPES } from '../../core/eforms/builder.ts';

// The content of a version is defined once, in core (core/catalog/content.ts).
export { CodeStatus, EformUiSchema, LocalizedText, OnlineLevel, ProcedureCode, ProcessingTimeUnit };
export const ProcedureContent = ProcedureContentSchema;
export type ProcedureContent = ProcedureContentType;


// ---------- requests ----------

export const CodeParams = z.object({ code: ProcedureCode });
export const VersionParams = z.object({ code: ProcedureCode, n: z.coerce.number().int().min(1).max(100_000) });

export const SearchQuery = z.object({
  q: z.string().max(200).optional().describe('Words of the name, code, field or agency; with or without diacritics'),
  field: keyCode.optional().describe('Field code'),
  unit: unitId.optional().describe('Unit id: procedures of this unit and its sub-units'),
  subject: z.enum(['citizen', 'business', 'organization', 'vietnamese', 'overseas_vietnamese', 'foreigner']).optional(),
  online: OnlineLevel.optional(),
  fee: z
    .enum(['free', 'paid'])
    .optional()
    .describe('free: fee lines declared and all 0 VND (feeStatus free); paid: feeStatus charged. Procedures without fee lines match neither.'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const CreateProcedure = z
  .strictObject({
    code: ProcedureCode,
    codeStatus: CodeStatus.default('verified'),
    ownerUnitId: unitId.describe('The unit that owns (administers) the procedure'),
    content: ProcedureContent,
  })
  .meta({ id: 'NewProcedure' });
export type CreateProcedure = z.infer<typeof CreateProcedure>;

export const UpdateDraft = z
  .strictObject({
    content: ProcedureContent,
    revision: z.number().int().min(1).optional().describe('The revision the edit is based on; a mismatch is a 409'),
  })
  .meta({ id: 'DraftEdit' });

export const NewVersion = z
  .strictObject({ fromVersion: z.number().int().min(1).optional().describe('Copy this version (default: the latest)') })
  .meta({ id: 'NewVersionRequest' });

export const WithdrawBody = z.strictObject({ reason: text(1000) }).meta({ id: 'WithdrawRequest' });

export const PublishBody = z
  .strictObject({
    overrideReason: z
      .string()
      .trim()
      .min(10)
      .max(500)
      .describe(
        'Why the version is published although it lacks parts Decree 63/2010 Art. 8(2) requires to be public (10–500 characters); ' +
          'recorded in the audit trail. Without it such a version is refused (422 publication_incomplete with `missingParts`).',
      ),
  })
  .meta({ id: 'PublishRequest' });

export const DiffQuery = z.object({ from: z.coerce.number().int().min(1).optional().describe('Default: the previous version') });

export const ValidateBody = z
  .strictObject({
    data: z.record(z.string(), z.unknown()).describe('The form data'),
    testPrefill: z
      .record(z.string().max(100), z.string().max(2000))
      .optional()
      .describe('Administrators testing a form: prefill values to use instead of the population data'),
  })
  .meta({ id: 'FormData' });

export const SubmitBody = z
  .strictObject({ data: z.record(z.string(), z.unknown()) })
  .meta({ id: 'FormSubmissionRequest' });

export const SubmissionParams = z.object({ id: z.uuid() });

export const AdminListQuery = z.object({
  q: z.string().max(200).optional(),
  unit: unitId.optional(),
  status: z.enum(['draft', 'published', 'withdrawn']).optional().describe('draft: has a draft; published: has a published version; withdrawn: no published version'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ExportQuery = z.object({
  format: z.enum(['json', 'xlsx']).default('json'),
  unit: unitId.optional(),
  which: z.enum(['latest', 'published']).default('latest').describe('latest: the draft if any, else the newest version'),
});

export const ImportQuery = z.object({
  format: z.enum(['json', 'xlsx']).optional().describe('Default: from Content-Type'),
  publish: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

/** The lossless JSON exchange format (export and import). */
export const CatalogExchangeProcedure = z
  .strictObject({
    code: ProcedureCode,
    codeStatus: CodeStatus.default('verified'),
    ownerUnitId: unitId,
    content: ProcedureContent,
  })
  .meta({ id: 'CatalogExchangeProcedure' });
export type CatalogExchangeProcedure = z.infer<typeof CatalogExchangeProcedure>;

export const CatalogExchange = z
  .strictObject({
    format: z.literal('motcua.catalog'),
    formatVersion: z.literal(1),
    exportedAt: z.string().optional(),
    procedures: z.array(CatalogExchangeProcedure).max(10_000),
  })
  .meta({ id: 'CatalogExchange' });
export type CatalogExchange = z.infer<typeof CatalogExchange>;

// ---------- responses ----------

const Issue = z
  .object({
    severity: z.enum(['error', 'warning']),
    pointer: z.string().describe('JSON pointer into the version content (for programs)'),
    field: LocalizedText.describe('The label of the place the pointer addresses, e.g. "Kết quả thực hiện › Tên văn bản kết quả" (for people)'),
    code: z.string(),
    message: LocalizedText,
  })
  .meta({ id: 'CatalogIssue' });

const PublicParts = z
  .object({
    complete: z.boolean(),
    missing: z.array(z.string()),
    items: z.array(z.object({ part: z.string(), point: z.string(), label: LocalizedText, present: z.boolean() })),
  })
  .meta({ id: 'PublicParts' });

export const VersionStatus = z.enum(['draft', 'published', 'superseded', 'withdrawn']).meta({ id: 'VersionStatus' });

export const FeeStatus = z
  .enum(['none_declared', 'free', 'charged'])
  .describe(
    'none_declared: no fee line is declared (say the fee is not stated, not that it is free); free: fee lines declared, ' +
      'all 0 VND; charged: an amount or a rate (`basis`)',
  )
  .meta({ id: 'FeeStatus' });

const TextLang = z.enum(['vi', 'vi+en']).describe('vi: the text exists in Vietnamese only; vi+en: in both languages');

export const Translation = z
  .object({
    name: z.object({ vi: z.string(), en: z.string().nullable(), lang: TextLang }),
    parts: z
      .array(z.object({ part: z.string(), label: LocalizedText, lang: TextLang }))
      .describe('The seven public parts: whether an English reader gets them in English'),
    vietnameseOnly: z
      .array(z.object({ pointer: z.string(), field: LocalizedText }))
      .describe('Free texts of the content that exist in Vietnamese only (to mark as such in an English page)'),
  })
  .describe(
    'Which texts exist in English. The catalog is kept in Vietnamese; the name may have an English version (`nameEn`); ' +
      'coded values (channels, subjects, units, time limits) are translated by the page; free texts are Vietnamese only.',
  )
  .meta({ id: 'ProcedureTranslation' });

const UnitRef = z.object({ id: z.string(), name: LocalizedText, agencyCode: z.string() });

export const ProcedureListItem = z
  .object({
    id: z.string(),
    code: z.string(),
    codeStatus: CodeStatus,
    name: z.string().describe('Vietnamese'),
    nameEn: z.string().nullable().describe('The English name, null when the procedure has none (show `name`, Vietnamese)'),
    field: z.object({ code: z.string(), name: z.string().describe('Vietnamese only') }),
    unit: z.object({ id: z.string(), name: LocalizedText }),
    onlineLevel: OnlineLevel,
    processingTime: z.object({ value: z.number(), unit: ProcessingTimeUnit }).nullable(),
    feeTotal: z.number().int(),
    feeStatus: FeeStatus,
    versionNumber: z.number().int(),
  })
  .meta({ id: 'ProcedureListItem' });

export const ProcedureList = z
  .object({ items: z.array(ProcedureListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'ProcedureList' });

export const VersionMeta = z
  .object({
    number: z.number().int(),
    status: VersionStatus,
    revision: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedAt: z.string().nullable().describe('When the version was made public (766 indicator 1.2 input)'),
    supersededAt: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    withdrawnReason: z.string().nullable(),
  })
  .meta({ id: 'VersionMeta' });

export const ProcedureVersionView = z
  .object({
    id: z.string(),
    code: z.string(),
    codeStatus: CodeStatus,
    ownerUnit: UnitRef,
    version: VersionMeta,
    content: ProcedureContent,
    feeTotal: z.number().int(),
    feeStatus: FeeStatus,
    publicParts: PublicParts,
    translation: Translation,
    units: z.record(z.string(), z.object({ name: LocalizedText, agencyCode: z.string() })).describe('Names of the units the content refers to'),
  })
  .meta({ id: 'ProcedureVersion' });

export const VersionList = z
  .object({
    code: z.string(),
    items: z.array(
      VersionMeta.extend({ name: z.string() }),
    ),
  })
  .meta({ id: 'ProcedureVersionList' });

export const VersionDiff = z
  .object({
    code: z.string(),
    from: z.number().int(),
    to: z.number().int(),
    sections: z.array(z.object({ section: z.string(), label: LocalizedText, changes: z.number().int() })),
    changes: z.array(
      z.object({
        section: z.string(),
        path: z.string(),
        kind: z.enum(['added', 'removed', 'changed']),
        key: z.string().optional(),
        before: z.unknown().optional(),
        after: z.unknown().optional(),
      }),
    ),
  })
  .meta({ id: 'ProcedureVersionDiff' });

export const VersionCheckView = z
  .object({ publishable: z.boolean(), errors: z.array(Issue), warnings: z.array(Issue), publicParts: PublicParts })
  .meta({ id: 'ProcedureVersionCheck' });

const PrefillReport = z
  .object({
    status: z.enum(['applied', 'unavailable', 'not_applicable']),
    source: z.string().optional(),
    fields: z.array(
      z.object({
        pointer: z.string(),
        attribute: z.string(),
        source: z.enum(['population', 'account', 'organization', 'catalog']),
        editable: z.boolean(),
        overridden: z.boolean(),
      }),
    ),
    missing: z
      .array(z.object({ pointer: z.string(), attribute: z.string(), source: z.enum(['population', 'account', 'organization', 'catalog']) }))
      .describe('Bound fields that were NOT prefilled (no such value for this account, or prefill unavailable): the applicant fills them'),
    withheld: z
      .array(z.object({ pointer: z.string(), attribute: z.string() }))
      .describe('Sensitive fields left empty because the login is below the e-ID level `requiredAcr` (form.prefill_sensitive)'),
    requiredAcr: z.enum(['LoA1', 'LoA2']).optional().describe('Present when `withheld` is not empty: log in at this level to have them prefilled'),
    overrides: z.array(z.object({ pointer: z.string(), attribute: z.string(), prefilledValue: z.string(), submittedValue: z.unknown() })),
    replaced: z.array(z.object({ pointer: z.string(), attribute: z.string(), prefilledValue: z.string(), submittedValue: z.unknown() })),
  })
  .meta({ id: 'PrefillReport' });

export const ValidationResult = z
  .object({ valid: z.literal(true), data: z.record(z.string(), z.unknown()), prefill: PrefillReport })
  .meta({ id: 'FormValidationResult' });

export const SubmissionView = z
  .object({
    id: z.string(),
    procedureCode: z.string(),
    versionNumber: z.number().int(),
    versionStatus: VersionStatus,
    data: z.record(z.string(), z.unknown()),
    prefill: PrefillReport,
    createdAt: z.string(),
    validation: z
      .object({
        valid: z.boolean(),
        errors: z.array(z.object({ pointer: z.string(), code: z.string(), message: LocalizedText })),
      })
      .optional()
      .describe('The stored data re-validated under the rules of the version it was filled under'),
  })
  .meta({ id: 'FormSubmission' });

export const ImportResult = z
  .object({
    dryRun: z.boolean(),
    published: z.boolean(),
    results: z.array(
      z.object({
        code: z.string(),
        action: z.enum(['created', 'new_version', 'draft_updated', 'unchanged']),
        versionNumber: z.number().int(),
        status: VersionStatus,
        warnings: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'CatalogImportResult' });

export const AdminList = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        codeStatus: CodeStatus,
        name: z.string(),
        ownerUnitId: z.string(),
        latest: z.object({ number: z.number().int(), status: VersionStatus, updatedAt: z.string() }),
        publishedVersion: z.number().int().nullable(),
        draftVersion: z.number().int().nullable(),
        publicPartsComplete: z.boolean(),
      }),
    ),
    total: z.number().int(),
  })
  .meta({ id: 'CatalogAdminList' });

export const FieldList = z
  .object({ items: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })) })
  .meta({ id: 'CatalogFieldList' });

export const PrefillAttributeList = z
  .object({
    items: z.array(
      z.object({ name: z.string(), source: z.string(), type: z.string(), label: LocalizedText, sensitive: z.boolean() }),
    ),
    fieldTypes: z.array(z.enum(FIELD_TYPES)),
  })
  .meta({ id: 'PrefillAttributeList' });
