// Zod schemas of the catalog module: the content of a procedure version (validated at the edge of
// every route and of import), the admin requests, and the responses. One schema feeds validation,
// the TypeScript types and the OpenAPI document.
import { z } from 'zod';
import { FIELD_TYPES } from '../../core/eforms/builder.ts';
import type { ProcedureContent as ProcedureContentModel } from '../../core/catalog/types.ts';
import { PROCEDURE_CODE_PATTERN } from '../../core/identifiers/procedure-code.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const localDate = z.iso.date().describe('YYYY-MM-DD');
const keyCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, { message: 'expects 1–40 letters, digits, ".", "_" or "-"' });
const unitId = z.string().regex(/^[a-z0-9-]{2,64}$/, { message: 'expects a unit id such as cuc-shtt' });
const jsonPointer = z
  .string()
  .max(300)
  .regex(/^(\/[^/]+)+$/, { message: 'expects a JSON pointer into the form data, e.g. /applicant/fullName' });

export const LocalizedText = z.object({ vi: text(2000), en: text(2000) }).meta({ id: 'LocalizedText' });

export const ProcedureCode = z
  .string()
  .trim()
  .regex(PROCEDURE_CODE_PATTERN, { message: 'expects a national procedure code N.XXXXXX (N = 1, 2 or 3), e.g. 1.001234' })
  .describe('National procedure code (mã TTHC), N.XXXXXX');

export const CodeStatus = z
  .enum(['verified', 'demo'])
  .describe('`demo`: the code was not verified against the national TTHC database (CSDLQG TTHC)')
  .meta({ id: 'CodeStatus' });

export const ProcessingTimeUnit = z
  .enum(['working_days', 'working_hours', 'calendar_days', 'months'])
  .meta({ id: 'ProcessingTimeUnit' });

const duration = z
  .strictObject({ value: z.number().positive().max(100_000), unit: ProcessingTimeUnit })
  .refine((d) => (d.unit !== 'calendar_days' && d.unit !== 'months') || Number.isInteger(d.value), {
    path: ['value'],
    message: 'calendar days and months take a whole number',
  });
export const Duration = duration.meta({ id: 'Duration' });

export const ProcessingTime = z
  .strictObject({
    value: z.number().positive().max(100_000).describe('Limit for direct submission (and online unless `online` is set)'),
    unit: ProcessingTimeUnit,
    skipDaysOff: z.boolean().describe('calendar_days only: a due day that is off moves to the next working day'),
    online: duration.optional().describe('Limit for online submission where it differs'),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((d) => (d.unit !== 'calendar_days' && d.unit !== 'months') || Number.isInteger(d.value), {
    path: ['value'],
    message: 'calendar days and months take a whole number',
  })
  .meta({ id: 'ProcessingTime' });

export const OnlineLevel = z.enum(['full', 'partial']).describe('toàn trình / một phần (Decree 42/2022 Art. 11)').meta({ id: 'OnlineLevel' });
export const SubjectKind = z.enum(['citizen', 'business', 'organization']);
export const SubjectOrigin = z.enum(['vietnamese', 'overseas_vietnamese', 'foreigner']);

export const FeeLine = z
  .strictObject({
    code: keyCode,
    name: text(500),
    kind: z.enum(['fee', 'charge']).describe('fee = phí, charge = lệ phí'),
    amountVnd: z.number().int().min(0).max(1_000_000_000_000).describe('Integer VND; zero allowed'),
    basis: z.string().trim().max(1000).optional().describe('How the amount is set when not flat'),
  })
  .meta({ id: 'FeeLine' });

export const AcceptedFormat = z.enum(['pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'png', 'tiff', 'xml', 'zip']);

export const DossierComponent = z
  .strictObject({
    code: keyCode,
    name: text(1000),
    requirement: z.enum(['required', 'conditional']),
    condition: z.string().trim().max(1000).optional(),
    originals: z.number().int().min(0).max(100),
    copies: z.number().int().min(0).max(100),
    acceptedFormats: z.array(AcceptedFormat).max(10),
    warehouseDocumentTypes: z.array(keyCode).max(20).describe('Document types of the citizen data warehouse that satisfy it'),
    replacedByPopulationData: z.boolean(),
    templateRef: z.string().trim().max(500).optional(),
  })
  .refine((c) => c.originals + c.copies > 0, { path: ['originals'], message: 'at least one original or copy' })
  .meta({ id: 'DossierComponent' });

export const StepKind = z.enum(['receive', 'transfer', 'assign', 'examine', 'approve', 'sign_issue', 'return']).meta({ id: 'StepKind' });

export const WorkflowStep = z
  .strictObject({
    kind: StepKind,
    name: z.string().trim().max(300).optional(),
    role: z.enum(['receiver', 'specialist', 'unit_leader', 'ministry_leader']),
    unitId: unitId.optional(),
    budget: duration,
  })
  .meta({ id: 'WorkflowStep' });

export const UiCondition = z
  .strictObject({
    field: jsonPointer,
    equals: z.json().optional(),
    in: z.array(z.json()).max(100).optional(),
    notEmpty: z.boolean().optional(),
  })
  .refine((c) => [c.equals !== undefined, c.in !== undefined, c.notEmpty !== undefined].filter(Boolean).length === 1, {
    message: 'give exactly one of equals, in, notEmpty',
  })
  .meta({ id: 'UiCondition' });

export const UiField = z
  .strictObject({
    label: LocalizedText,
    help: LocalizedText.optional(),
    placeholder: LocalizedText.optional(),
    widget: z
      .enum(['text', 'textarea', 'number', 'date', 'email', 'tel', 'select', 'radio', 'checkbox', 'checkboxes', 'hidden'])
      .optional(),
    options: z
      .array(z.strictObject({ value: z.union([z.string(), z.number(), z.boolean()]), label: LocalizedText }))
      .max(500)
      .optional(),
    visibleIf: UiCondition.optional(),
    errorMessages: z.record(z.string().max(40), LocalizedText).optional(),
  })
  .meta({ id: 'UiField' });

export const UiSection = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/),
    title: LocalizedText,
    description: LocalizedText.optional(),
    fields: z.array(jsonPointer).max(500),
    visibleIf: UiCondition.optional(),
  })
  .meta({ id: 'UiSection' });

export const EformUiSchema = z
  .strictObject({
    version: z.literal(1),
    sections: z.array(UiSection).max(50),
    fields: z.record(jsonPointer, UiField),
  })
  .describe('Layout of the form: sections, order, bilingual labels/help, widgets, conditional display')
  .meta({ id: 'EformUiSchema' });

export const Eform = z
  .strictObject({
    schema: z.record(z.string(), z.unknown()).describe('JSON Schema draft 2020-12 of the form data; fields may carry x-prefill'),
    uiSchema: EformUiSchema,
  })
  .meta({ id: 'Eform' });

export const ProcedureContent = z
  .strictObject({
    name: text(500),
    nameEn: z.string().trim().max(500).optional(),
    field: z.strictObject({ code: keyCode, name: text(200) }).describe('Lĩnh vực'),
    level: z.enum(['central', 'provincial', 'district', 'commune']).describe('Cấp thực hiện'),
    implementingUnits: z
      .array(z.strictObject({ unitId, role: z.enum(['decides', 'receives', 'processes', 'coordinates']) }))
      .max(20)
      .describe('Cơ quan thực hiện'),
    subjects: z.strictObject({ kinds: z.array(SubjectKind).max(3), origins: z.array(SubjectOrigin).max(3) }),
    onlineLevel: OnlineLevel,
    fullOnlineEligible: z.boolean(),
    methods: z.strictObject({
      channels: z.array(z.enum(['direct', 'online', 'postal'])).max(3),
      description: z.string().trim().max(5000).optional(),
    }),
    sequence: z.array(text(3000)).max(50).describe('Trình tự thực hiện, as the applicant sees it'),
    requirements: z.string().trim().max(10_000).optional(),
    processingTime: ProcessingTime.optional(),
    fees: z.array(FeeLine).max(50),
    components: z.array(DossierComponent).max(100),
    result: z.strictObject({
      producesDocument: z.boolean(),
      name: z.string().trim().max(500).optional(),
      templateRef: z.string().trim().max(500).optional(),
    }),
    steps: z.array(WorkflowStep).max(40),
    eform: Eform,
    legalBasis: z
      .array(
        z.strictObject({
          number: text(100),
          title: text(1000),
          issuedOn: localDate.optional(),
          effectiveFrom: localDate,
        }),
      )
      .max(50),
    publicationDecisions: z
      .array(
        z.strictObject({
          number: text(100),
          decidedOn: localDate,
          kind: z.enum(['new', 'amended', 'abolished']),
          publishedOn: localDate.optional(),
        }),
      )
      .max(50),
  })
  .meta({ id: 'ProcedureContent' });
export type ProcedureContent = z.infer<typeof ProcedureContent>;

// The Zod schema and the core model must describe the same data.
type Assert<T extends true> = T;
export type ContentMatchesModel = Assert<ProcedureContent extends ProcedureContentModel ? true : false>;

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
