// Zod schemas of the feedback module: ratings (the applicant's form, the kiosk, the public
// aggregate), PAKN (filing, the officers' record of a transferred one, actions, views, the public
// list) and votes. One schema feeds validation, types, the OpenAPI document and the web app.
import { z } from 'zod';
import { ProcedureCode } from '../../core/catalog/content.ts';
import { FEEDBACK_ACTION_TYPES, FEEDBACK_CLASSIFICATIONS, FEEDBACK_STATUSES, TRANSFER_SOURCES } from '../../core/feedback/index.ts';

const Localized = z.object({ vi: z.string(), en: z.string() });
const text = (max: number) => z.string().trim().min(1).max(max);
const DossierCodeParam = z.string().trim().min(5).max(60).regex(/^[0-9A-Za-z.]+-[0-9]{6}-[0-9]{4,}$/, { message: 'expects a dossier code' });
const Instant = z.iso.datetime({ offset: true });

// ---------- ratings ----------

export const RatingValueSchema = z.enum(['like', 'dislike']);

export const RatingBody = z.strictObject({
  value: RatingValueSchema,
  /** Each criterion's score, 1 (very dissatisfied) to 5 (very satisfied). */
  scores: z.record(z.string().max(40), z.number().int()),
  comment: z.string().trim().max(2000).optional(),
});
export type RatingBody = z.infer<typeof RatingBody>;

export const RatingCriterionSchema = z.object({ code: z.string(), label: Localized });

export const RatingFormSchema = z
  .object({
    dossierCode: z.string(),
    procedureName: z.string(),
    applicantName: z.string(),
    status: z.number(),
    returned: z.boolean(),
    criteria: z.array(RatingCriterionSchema),
    rating: z
      .object({
        value: RatingValueSchema,
        scores: z.record(z.string(), z.number()),
        comment: z.string().nullable(),
        channel: z.enum(['online', 'kiosk']),
        ratedAt: z.string(),
        updatedAt: z.string(),
      })
      .nullable(),
    /** Until when the rating may be given or changed (null: not yet returned, or no rating yet). */
    changeableUntil: z.string().nullable(),
    canRate: z.boolean(),
  })
  .meta({ id: 'RatingForm' });
export type RatingForm = z.infer<typeof RatingFormSchema>;

export const PublicRatingsQuery = z.strictObject({
  unit: z.string().trim().min(1).max(100).optional(),
  procedure: ProcedureCode.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

const Aggregate = {
  count: z.number(),
  likes: z.number(),
  dislikes: z.number(),
  likeRatio: z.number().nullable(),
};

export const PublicRatingsSchema = z
  .object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    ...Aggregate,
    criteria: z.array(z.object({ code: z.string(), label: Localized, average: z.number().nullable(), count: z.number() })),
    groups: z.array(z.object({ unitId: z.string(), unitName: z.string(), procedureCode: z.string(), ...Aggregate })),
  })
  .meta({ id: 'PublicRatings' });

// ---------- PAKN ----------

export const FeedbackStatusSchema = z.enum(FEEDBACK_STATUSES);
export const ClassificationSchema = z.enum(FEEDBACK_CLASSIFICATIONS);
export const AboutSchema = z.enum(['procedure', 'dossier', 'conduct']);

const Filer = z
  .strictObject({
    name: text(200),
    phone: z.string().trim().regex(/^\+?[0-9 .-]{8,20}$/, { message: 'expects a phone number' }).optional(),
    email: z.email().max(200).optional(),
    address: z.string().trim().max(300).optional(),
  })
  .refine((f) => f.phone !== undefined || f.email !== undefined, { message: 'give a phone number or an e-mail address', path: ['phone'] });

const FeedbackFields = {
  title: text(300),
  content: text(10_000),
  about: AboutSchema,
  procedureCode: ProcedureCode.optional(),
  dossierCode: DossierCodeParam.optional(),
  proposedClassification: ClassificationSchema.optional(),
  filer: Filer,
};

/** A PAKN filed by anyone through the portal. */
export const FileFeedbackBody = z.strictObject(FeedbackFields);
export type FileFeedbackBody = z.infer<typeof FileFeedbackBody>;

/** A PAKN recorded by an officer: transferred by VPCP or a ministry/province, or taken at the counter. */
export const RecordFeedbackBody = z.strictObject({
  ...FeedbackFields,
  channel: z.enum(['vpcp', 'bndp', 'counter']),
  /** When the filer first sent it (default: now). */
  receivedAt: Instant.optional(),
  transfers: z.array(z.strictObject({ source: z.enum(TRANSFER_SOURCES), transferredAt: Instant })).max(20).default([]),
  unitId: z.string().trim().min(1).max(100).optional(),
});
export type RecordFeedbackBody = z.infer<typeof RecordFeedbackBody>;

const reason = text(4000);
export const FeedbackActionBody = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('record_transfer'), source: z.enum(TRANSFER_SOURCES), transferredAt: Instant, note: z.string().trim().max(1000).optional() }),
  z.strictObject({ type: z.literal('classify'), classification: ClassificationSchema }),
  z.strictObject({ type: z.literal('reject'), reason }),
  z.strictObject({ type: z.literal('request_supplement'), reason }),
  z.strictObject({ type: z.literal('supplement'), text: text(10_000) }),
  z.strictObject({ type: z.literal('start_processing') }),
  z.strictObject({ type: z.literal('draft_answer'), answer: text(20_000) }),
  z.strictObject({ type: z.literal('approve'), answer: text(20_000).optional() }),
  z.strictObject({ type: z.literal('return_answer'), reason }),
  z.strictObject({ type: z.literal('publish') }),
]);
export type FeedbackActionBody = z.infer<typeof FeedbackActionBody>;

const Deadlines = z.object({
  anchor: z.string().nullable(),
  reject: z.string().nullable(),
  firstSupplement: z.string().nullable(),
  process: z.string().nullable(),
  publish: z.string().nullable(),
  current: z.object({ kind: z.enum(['process', 'publish']), dueAt: z.string() }).nullable(),
});

export const FeedbackSummarySchema = z
  .object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    about: AboutSchema,
    channel: z.string(),
    status: FeedbackStatusSchema,
    statusName: Localized,
    classification: ClassificationSchema.nullable(),
    proposedClassification: ClassificationSchema.nullable(),
    unitId: z.string(),
    unitName: z.string(),
    procedureCode: z.string().nullable(),
    dossierCode: z.string().nullable(),
    receivedAt: z.string(),
    dueAt: z.string().nullable(),
    dueKind: z.enum(['process', 'publish']).nullable(),
    overdue: z.boolean(),
    version: z.number(),
  })
  .meta({ id: 'FeedbackSummary' });

export const FeedbackViewSchema = FeedbackSummarySchema.extend({
  content: z.string(),
  filer: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable(), address: z.string().nullable() }),
  transfers: z.array(z.object({ source: z.enum(TRANSFER_SOURCES), at: z.string() })),
  draftAnswer: z.string().nullable(),
  answer: z.string().nullable(),
  rejectReason: z.string().nullable(),
  deadlines: Deadlines,
  timeliness: z.object({ rejectOnTime: z.boolean().nullable(), firstSupplementOnTime: z.boolean().nullable(), processOnTime: z.boolean().nullable(), publishOnTime: z.boolean().nullable() }),
  likes: z.number(),
  dislikes: z.number(),
  history: z.array(z.object({ seq: z.number(), type: z.string(), name: Localized, at: z.string(), actor: z.string(), payload: z.record(z.string(), z.unknown()) })),
  allowedActions: z.array(z.enum(FEEDBACK_ACTION_TYPES)),
}).meta({ id: 'Feedback' });
export type FeedbackView = z.infer<typeof FeedbackViewSchema>;

export const FeedbackListQuery = z.strictObject({
  status: FeedbackStatusSchema.optional(),
  due: z.enum(['overdue', 'due-soon']).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type FeedbackListQuery = z.infer<typeof FeedbackListQuery>;

export const FeedbackListSchema = z.object({ items: z.array(FeedbackSummarySchema), total: z.number() }).meta({ id: 'FeedbackList' });

/** What a filer gets back: the code to quote. */
export const FeedbackReceiptSchema = z.object({ id: z.string(), code: z.string(), status: FeedbackStatusSchema, receivedAt: z.string() }).meta({ id: 'FeedbackReceipt' });

export const PublicFeedbackSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    content: z.string(),
    about: AboutSchema,
    classification: ClassificationSchema.nullable(),
    unitName: z.string(),
    procedureCode: z.string().nullable(),
    receivedAt: z.string(),
    answer: z.string(),
    publishedAt: z.string(),
    likes: z.number(),
    dislikes: z.number(),
    /** This caller's vote (account or browser), if any. */
    myVote: RatingValueSchema.nullable(),
  })
  .meta({ id: 'PublicFeedback' });
export type PublicFeedback = z.infer<typeof PublicFeedbackSchema>;

export const PublicFeedbackQuery = z.strictObject({
  unit: z.string().trim().min(1).max(100).optional(),
  procedure: ProcedureCode.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const PublicFeedbackListSchema = z.object({ items: z.array(PublicFeedbackSchema.omit({ myVote: true })), total: z.number() }).meta({ id: 'PublicFeedbackList' });

export const VoteBody = z.strictObject({ value: RatingValueSchema });
export const VoteResultSchema = z.object({ likes: z.number(), dislikes: z.number(), myVote: RatingValueSchema });

// ---------- the 766 index's bundle items ----------

export interface FeedbackIndexItem {
  id: string;
  receivedAt: string;
  transferredAt: string[];
  rejectedAt: string | null;
  firstSupplementRequestAt: string | null;
  /** When the answer was approved (entered "chờ công khai"). */
  processedAt: string | null;
  publishedAt: string | null;
  classification: 'tthc' | 'conduct' | null;
  likes: number;
  dislikes: number;
  dossierCode: string | null;
  unitId: string;
  procedureCode: string | null;
}

export interface RatingIndexItem {
  dossierCode: string;
  value: 'like' | 'dislike';
  unitId: string;
  procedureCode: string;
}
