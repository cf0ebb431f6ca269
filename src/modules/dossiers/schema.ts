// Request and response shapes of the dossiers API: the one definition, from which requests are
// validated, the OpenAPI document is generated and the web app takes its types.
import { z } from 'zod';
import { ProcedureCode } from '../../core/catalog/content.ts';
import { DigitizationSchema } from '../../core/digitization/index.ts';
import { ACTION_TYPES } from '../../core/dossiers/actions.ts';
import { UploadedFile } from '../files/schema.ts';

const uuid = z.uuid();
const reason = z.string().trim().min(3).max(2000);
const instant = z.iso.datetime({ offset: true });
const idNumber = z.string().trim().regex(/^[0-9A-Z-]{9,20}$/, { message: 'expects a 12-digit personal ID or a tax code' });

export const PersonSchema = z
  .strictObject({
    kind: z.enum(['citizen', 'organization']),
    idNumber,
    name: z.string().trim().min(1).max(300),
    phone: z.string().trim().regex(/^[0-9+ .-]{8,20}$/).optional(),
    email: z.email().max(200).optional(),
    address: z.string().trim().max(500).optional(),
  })
  .meta({ id: 'DossierPerson' });
export type Person = z.infer<typeof PersonSchema>;

export const ComponentFilesSchema = z.strictObject({
  code: z.string().trim().min(1).max(40),
  fileIds: z.array(uuid).max(20),
  /** Counter and postal intake: the receiver's digitization of the paper component, or the reason it is not digitized. */
  digitization: DigitizationSchema.optional(),
  /** Online intake: documents of the applicant's data warehouse reused for the component (no upload). */
  warehouseDocumentIds: z.array(uuid).max(10).optional(),
});

export const CreateDossierBody = z
  .strictObject({
    procedureCode: ProcedureCode,
    /** Online by the applicant's session (default for citizens and organizations); counter or post by a receiver. */
    channel: z.enum(['online', 'direct', 'postal']).optional(),
    /** The applicant, when a receiver takes the dossier or someone submits on the applicant's behalf. */
    applicant: PersonSchema.optional(),
    data: z.record(z.string(), z.unknown()),
    components: z.array(ComponentFilesSchema).max(100).default([]),
  })
  .meta({ id: 'CreateDossier' });
export type CreateDossierInput = z.infer<typeof CreateDossierBody>;

export const ActionBody = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('request_completion'), reason, items: z.array(z.string().trim().min(1).max(500)).max(50).optional() }),
    z.strictObject({ type: z.literal('resubmit'), data: z.record(z.string(), z.unknown()).optional(), components: z.array(ComponentFilesSchema).max(100).optional() }),
    z.strictObject({ type: z.literal('receive'), note: z.string().trim().max(2000).optional() }),
    z.strictObject({ type: z.literal('refuse'), reason }),
    z.strictObject({ type: z.literal('transfer'), unitId: z.string().regex(/^[a-z0-9-]{2,64}$/).optional(), note: z.string().trim().max(2000).optional() }),
    z.strictObject({ type: z.literal('assign'), assignee: uuid, reason: reason.optional() }),
    z.strictObject({ type: z.literal('examine'), opinion: z.string().trim().min(1).max(4000) }),
    z.strictObject({ type: z.literal('approve'), opinion: z.string().trim().max(4000).optional() }),
    z.strictObject({ type: z.literal('return_for_rework'), reason }),
    z.strictObject({ type: z.literal('request_supplement'), reason, items: z.array(z.string().trim().min(1).max(500)).min(1).max(50) }),
    z.strictObject({ type: z.literal('submit_supplement'), note: z.string().trim().max(2000).optional(), components: z.array(ComponentFilesSchema).max(100).default([]) }),
    z.strictObject({
      type: z.literal('request_payment'),
      /** Amounts of fee lines whose amount is a rate (the officer sets them); the others come from the version. */
      amounts: z.record(z.string(), z.number().int().min(0).max(1_000_000_000_000)).optional(),
    }),
    z.strictObject({ type: z.literal('confirm_payment'), receiptNumber: z.string().trim().min(1).max(60) }),
    z.strictObject({ type: z.literal('apologize'), reason, newDueAt: instant }),
    z.strictObject({ type: z.literal('issue_result'), outcome: z.enum(['granted', 'refused']), summary: z.string().trim().max(4000).optional(), fileIds: z.array(uuid).max(20).default([]) }),
    z.strictObject({ type: z.literal('return_result'), method: z.enum(['counter', 'post', 'online']).optional() }),
    z.strictObject({ type: z.literal('withdraw'), reason: reason.optional() }),
    z.strictObject({ type: z.literal('stop'), reason }),
  ])
  .meta({ id: 'DossierAction' });
export type ActionInput = z.infer<typeof ActionBody>;

export const ActionTypeSchema = z.enum(ACTION_TYPES);

const Localized = z.object({ vi: z.string(), en: z.string() });

export const StepRowSchema = z.object({
  kind: z.string(),
  startedAt: z.string(),
  dueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  by: z.string().nullable(),
});

export const TimelineEntrySchema = z.object({
  seq: z.number(),
  type: ActionTypeSchema,
  name: Localized,
  at: z.string(),
  actor: z.string(),
  actorKind: z.string(),
  payload: z.record(z.string(), z.unknown()),
});

export const DossierSummarySchema = z
  .object({
    id: z.string(),
    code: z.string().nullable(),
    status: z.number(),
    statusName: Localized,
    channel: z.number(),
    procedureCode: z.string(),
    procedureName: z.string(),
    applicantName: z.string(),
    applicantIdNumber: z.string(),
    unitId: z.string(),
    handlingUnitId: z.string(),
    submittedAt: z.string().nullable(),
    receivedAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    onTime: z.boolean().nullable(),
    assigneeId: z.string().nullable(),
    stepKind: z.string().nullable(),
    version: z.number(),
  })
  .meta({ id: 'DossierSummary' });

export const DossierViewSchema = DossierSummarySchema.extend({
  versionNumber: z.number(),
  lookupSecret: z.string(),
  applicant: z.record(z.string(), z.unknown()),
  submitter: z.record(z.string(), z.unknown()).nullable(),
  formData: z.record(z.string(), z.unknown()),
  components: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      requirement: z.string(),
      /** The warehouse document types that satisfy the component (a verified scan becomes one of them). */
      warehouseDocumentTypes: z.array(z.string()),
      files: z.array(z.object({ id: z.string(), name: z.string(), size: z.number(), format: z.string(), role: z.string(), scanStatus: z.string() })),
    }),
  ),
  state: z.object({
    originalDueAt: z.string().nullable(),
    rescheduledDueAt: z.string().nullable(),
    returnedAt: z.string().nullable(),
    refusedAt: z.string().nullable(),
    supplementCount: z.number(),
    pausedWorkingMinutes: z.number(),
    paused: z.enum(['supplement', 'payment']).nullable(),
    outcome: z.enum(['granted', 'refused']).nullable(),
    withinRescheduled: z.boolean().nullable(),
  }),
  steps: z.array(StepRowSchema),
  timeline: z.array(TimelineEntrySchema),
  notes: z.array(z.object({ id: z.string(), author: z.string(), text: z.string(), createdAt: z.string() })).optional(),
  allowedActions: z.array(ActionTypeSchema),
}).meta({ id: 'Dossier' });
export type DossierView = z.infer<typeof DossierViewSchema>;

/** What the officer may choose in the action forms open to them now (empty lists otherwise). */
export const ActionOptionsSchema = z
  .object({
    /** assign: the specialists whose role covers the handling unit. */
    assignees: z.array(z.object({ accountId: z.string(), name: z.string() })),
    /** transfer: the active units the dossier may be sent to. */
    units: z.array(z.object({ id: z.string(), nameVi: z.string(), nameEn: z.string() })),
    /** request_payment: the version's fee lines; a line with a basis has its amount set by the officer. */
    fees: z.array(z.object({ code: z.string(), name: z.string(), kind: z.enum(['fee', 'charge']), amountVnd: z.number().int(), basis: z.string().nullable() })),
  })
  .meta({ id: 'DossierActionOptions' });
export type ActionOptions = z.infer<typeof ActionOptionsSchema>;
export type DossierSummary = z.infer<typeof DossierSummarySchema>;

export const WORKLISTS = ['to-receive', 'to-assign', 'assigned', 'to-approve', 'to-issue', 'to-return', 'due-soon', 'overdue', 'waiting-applicant'] as const;
export type WorklistName = (typeof WORKLISTS)[number];

export const ListQuery = z.strictObject({
  status: z.coerce.number().int().min(1).max(10).optional(),
  procedure: ProcedureCode.optional(),
  channel: z.coerce.number().int().min(1).max(3).optional(),
  code: z.string().trim().max(60).optional(),
  applicant: z.string().trim().min(2).max(100).optional(),
  receivedFrom: z.iso.date().optional(),
  receivedTo: z.iso.date().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListQueryInput = z.infer<typeof ListQuery>;

export const ListResponse = z
  .object({
    items: z.array(DossierSummarySchema),
    total: z.number().meta({ description: 'How many match, counted up to 1 000 (WORKLIST_COUNT_CAP)' }),
    totalCapped: z.boolean().meta({ description: 'The count stopped at the cap: there are at least `total`' }),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'DossierList' });

export const PublicDossierSchema = z
  .object({
    code: z.string(),
    procedureName: z.string(),
    status: z.number(),
    statusName: Localized,
    receivedAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    rescheduledDueAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'PublicDossier' });

export const NoteBody = z.strictObject({ text: z.string().trim().min(1).max(4000) });

// ---- The submission wizard's drafts (drafts.ts) ----

export const DraftParams = z.object({ code: ProcedureCode });


const DraftFields = z.strictObject({
  versionNumber: z.number().int().min(1),
  /** The wizard's step (0 form, 1 files, 2 fees, 3 review). */
  step: z.number().int().min(0).max(3),
  data: z.record(z.string(), z.unknown()),
  /** The files uploaded so far, by component code. */
  components: z.record(z.string().max(40), z.array(UploadedFile).max(20)),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_.:-]{8,200}$/),
});
export const DraftBody = DraftFields;
export type DraftInput = z.infer<typeof DraftBody>;

export const DraftSchema = DraftFields.extend({ procedureCode: z.string(), procedureName: z.string(), updatedAt: z.string() }).meta({ id: 'DossierDraft' });
export type Draft = z.infer<typeof DraftSchema>;

export const DraftSummarySchema = z.object({ procedureCode: z.string(), procedureName: z.string(), versionNumber: z.number().int(), step: z.number().int(), updatedAt: z.string() });

// The national portal's sync record, for modules that read it (the quality index's bundle).
export { HoSoDongBoDVCSchema, type HoSoDongBoDVC } from './sync-schema.ts';

/** The counter's prefill: the applicant at the counter, identified by ID number and name. */
export const CounterPrefillBody = z
  .strictObject({
    procedureCode: ProcedureCode,
    personalId: z.string().trim().regex(/^\d{12}$/, 'expects 12 digits').describe('Số định danh cá nhân of the applicant (from the card they show)'),
    fullName: z.string().trim().min(2).max(200),
    birthDate: z.iso.date().describe('Date of birth on the card, YYYY-MM-DD (the national query needs it)'),
  })
  .meta({ id: 'CounterPrefillRequest' });
export type CounterPrefillBody = z.infer<typeof CounterPrefillBody>;

export const CounterPrefillSchema = z
  .object({
    status: z.enum(['match', 'mismatch', 'not_found', 'unavailable']),
    /** Only on a match: the values of the population attributes the procedure's e-form binds (no others). */
    values: z.record(z.string(), z.string()),
    /** On a mismatch: the fields that differ, or null when the national system did not say. */
    mismatched: z.array(z.string()).nullable(),
    source: z.string(),
    fetchedAt: z.string().nullable(),
    requestId: z.string().describe('MaYeuCau of the query (see the query log)'),
    detail: z.object({ vi: z.string(), en: z.string() }).optional().describe('For unavailable: what to do (enter and verify manually)'),
  })
  .meta({ id: 'CounterPrefill' });
export type CounterPrefill = z.infer<typeof CounterPrefillSchema>;
