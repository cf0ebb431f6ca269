// The content of one version of an administrative procedure (thủ tục hành chính, TTHC) as a Zod
// schema: the ONE definition. The TypeScript types (types.ts) are inferred from it, the catalog
// module validates requests and imports with it, and its OpenAPI document is generated from it.
// Zod is a pure library: no I/O here.
import { z } from 'zod';
import { PROCEDURE_CODE_PATTERN } from '../identifiers/procedure-code.ts';

export const keyCodePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

export const text = (max: number) => z.string().trim().min(1).max(max);
const localDate = z.iso.date().describe('YYYY-MM-DD');
export const keyCode = z.string().trim().regex(keyCodePattern, { message: 'expects 1–40 letters, digits, ".", "_" or "-"' });
export const unitId = z.string().regex(/^[a-z0-9-]{2,64}$/, { message: 'expects a unit id such as cuc-shtt' });
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
export const DurationSchema = duration.meta({ id: 'Duration' });

export const ProcessingTimeSchema = z
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

export const FeeLineSchema = z
  .strictObject({
    code: keyCode,
    name: text(500),
    kind: z.enum(['fee', 'charge']).describe('fee = phí, charge = lệ phí'),
    amountVnd: z.number().int().min(0).max(1_000_000_000_000).describe('Integer VND; zero allowed'),
    basis: z.string().trim().max(1000).optional().describe('How the amount is set when not flat'),
  })
  .meta({ id: 'FeeLine' });

export const AcceptedFormat = z.enum(['pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'png', 'tiff', 'xml', 'zip']);

export const DossierComponentSchema = z
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

export const WorkflowStepSchema = z
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

export const EformSchema = z
  .strictObject({
    schema: z.record(z.string(), z.unknown()).describe('JSON Schema draft 2020-12 of the form data; fields may carry x-prefill'),
    uiSchema: EformUiSchema,
  })
  .meta({ id: 'Eform' });

export const ProcedureContentSchema = z
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
    requiredAssurance: z
      .enum(['LoA1', 'LoA2'])
      .optional()
      .describe('The e-ID level an online applicant needs (Decree 69/2024); LoA1 when absent'),
    methods: z.strictObject({
      channels: z.array(z.enum(['direct', 'online', 'postal'])).max(3),
      description: z.string().trim().max(5000).optional(),
    }),
    sequence: z.array(text(3000)).max(50).describe('Trình tự thực hiện, as the applicant sees it'),
    requirements: z.string().trim().max(10_000).optional(),
    processingTime: ProcessingTimeSchema.optional(),
    fees: z.array(FeeLineSchema).max(50),
    components: z.array(DossierComponentSchema).max(100),
    result: z.strictObject({
      producesDocument: z.boolean(),
      name: z.string().trim().max(500).optional(),
      templateRef: z.string().trim().max(500).optional(),
      /** The data-warehouse document type the result is (what later procedures' components accept). */
      documentType: keyCode.optional().describe('Loại giấy tờ trong kho dữ liệu mà kết quả là (để tái sử dụng)'),
    }),
    steps: z.array(WorkflowStepSchema).max(40),
    eform: EformSchema,
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
