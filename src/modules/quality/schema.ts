// The quality index's inputs as Zod schemas: the bundle `motcua index766 compute` reads (and the
// use case takes), and the settings file that overrides the engine's defaults. The dossiers are
// the national portal's sync records (HoSoDongBoDVC, the dossiers module's schema) with one more
// field, `syncedToPortal` (default true).
import { z } from 'zod';
import { INDICATORS, REASON_CODES, type DeepPartial, type QualitySettings } from '../../core/quality/index.ts';
import { PROCEDURE_CODE_PATTERN } from '../../core/identifiers/index.ts';
import { HoSoDongBoDVCSchema } from '../dossiers/schema.ts';

const localDate = z.iso.date();
const instant = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);

export const QualityPublicationSchema = z.strictObject({
  decidedOn: localDate.describe('date of the announcing decision (QĐ công bố)'),
  kind: z.enum(['new', 'amended', 'abolished']),
  legalBasisEffectiveFrom: localDate.describe('the latest "Ngày hiệu lực" of the legal basis'),
  publishedOn: localDate.nullable().describe('the day it was made public; null: not yet'),
});

export const QualityProcedureSchema = z.strictObject({
  code: z.string().regex(PROCEDURE_CODE_PATTERN, 'expected a procedure code such as 1.009901'),
  requiresDocumentResult: z.boolean(),
  fullOnlineEligible: z.boolean(),
  onlineLevel: z.enum(['full', 'partial']).nullable(),
  hasFees: z.boolean(),
  subjects: z.array(z.enum(['citizen', 'business', 'organization'])),
  publicPartsComplete: z.boolean(),
  publicStatus: z.enum(['published', 'published_amended', 'abolished', 'unpublished']),
  publications: z.array(QualityPublicationSchema),
  processingTime: z
    .strictObject({ value: z.number().positive(), unit: z.enum(['working_days', 'working_hours', 'calendar_days']) })
    .optional()
    .describe('maximum legal processing time, for 2.1 when a dossier has no NgayHenTra'),
});

export const QualityDossierSchema = HoSoDongBoDVCSchema.extend({
  syncedToPortal: z.boolean().default(true),
  resultInDataStore: z.boolean().optional().describe('4.4: the electronic result is in the holder’s personal data store'),
});

export const QualityFeedbackSchema = z.strictObject({
  id: z.string().min(1),
  receivedAt: instant,
  transferredAt: z.array(instant),
  rejectedAt: instant.nullable(),
  firstSupplementRequestAt: instant.nullable(),
  processedAt: instant.nullable(),
  publishedAt: instant.nullable(),
  classification: z.enum(['tthc', 'conduct']).nullable(),
  likes: count,
  dislikes: count,
  dossierCode: z.string().min(1).nullable(),
  repeatsId: z.string().min(1).nullable().optional().describe('5.3: the earlier PAKN this one repeats'),
});

export const QualityBundleSchema = z
  .strictObject({
    scope: z.strictObject({ level: z.enum(['ministry', 'province']) }),
    procedures: z.array(QualityProcedureSchema),
    dossiers: z.array(QualityDossierSchema),
    feedback: z.array(QualityFeedbackSchema),
    ratings: z.array(z.strictObject({ dossierCode: z.string().min(1), value: z.enum(['like', 'dislike']) })),
    reportCounts: z.strictObject({ bcqgReceived: count.nullable(), previousYearBcqgTotal: count.nullable() }),
  })
  .superRefine((bundle, ctx) => {
    const codes = new Set<string>();
    bundle.procedures.forEach((p, i) => {
      if (codes.has(p.code)) ctx.addIssue({ code: 'custom', path: ['procedures', i, 'code'], message: `procedure ${p.code} is listed twice` });
      codes.add(p.code);
    });
    const dossiers = new Set<string>();
    bundle.dossiers.forEach((d, i) => {
      if (dossiers.has(d.MaHoSo)) ctx.addIssue({ code: 'custom', path: ['dossiers', i, 'MaHoSo'], message: `dossier ${d.MaHoSo} is listed twice` });
      dossiers.add(d.MaHoSo);
      if (!codes.has(d.MaTTHC)) ctx.addIssue({ code: 'custom', path: ['dossiers', i, 'MaTTHC'], message: `procedure ${d.MaTTHC} is not among the bundle's procedures` });
    });
    const feedback = new Set<string>();
    bundle.feedback.forEach((f, i) => {
      if (feedback.has(f.id)) ctx.addIssue({ code: 'custom', path: ['feedback', i, 'id'], message: `feedback ${f.id} is listed twice` });
      feedback.add(f.id);
    });
  })
  .meta({ id: 'QualityBundle' });
export type QualityBundleInput = z.input<typeof QualityBundleSchema>;
export type QualityBundleParsed = z.output<typeof QualityBundleSchema>;

const known = new Set(INDICATORS.map((i) => i.id));
const workingDays = z.number().int().min(0).max(60);
const byLevel = z.strictObject({ ministry: workingDays, province: workingDays }).partial();

/** A settings file: any part of the engine's settings (core/quality/settings.ts); the rest keeps its default. */
export const QualitySettingsSchema = z
  .strictObject({
    indicators: z
      .record(z.string(), z.strictObject({ points: z.number().min(0).max(100), target: z.number().gt(0).max(100) }).partial())
      .refine((r) => Object.keys(r).every((k) => known.has(k)), { message: `unknown indicator (known: ${[...known].join(', ')})` }),
    dossierScope: z.enum(['synced', 'all']),
    publication: z.strictObject({ announceLeadWorkingDays: byLevel, publishWithinWorkingDays: byLevel, mustPublish: z.enum(['deadline_passed', 'literal']) }).partial(),
    sync: z.strictObject({ localCountStandsInForBcqg: z.boolean(), customPeriodFallback: z.enum(['prorate_days', 'none']) }).partial(),
    processing: z.strictObject({ dueDate: z.enum(['before_first_supplement', 'synced']), maxSupplementsOnTime: z.number().int().min(0), hoursPerWorkingDay: z.number().positive().max(24) }).partial(),
    fullOnline: z.strictObject({ requireFullLevel: z.boolean(), requireResult: z.strictObject({ '3.3': z.boolean(), '3.4': z.boolean() }).partial() }).partial(),
    digitization: z
      .strictObject({
        resultPopulation: z.enum(['received', 'finished']),
        reuseFlags: z.array(z.enum(['HoSoCoThanhPhanSoHoa', 'DuocSoHoa', 'DuocTaiSuDung'])),
        resultInDataStore: z.boolean(),
        populationDatabaseCodes: z.array(z.string().min(1)),
      })
      .partial(),
    feedback: z
      .strictObject({
        rejectWithin: workingDays,
        supplementRequestWithin: workingDays,
        processWithin: workingDays,
        publishWithin: workingDays,
        inProgressWithin: workingDays,
        deadlineArithmetic: z.enum(['dates', 'working_time']),
        repeatRule: z.enum(['linked', 'same_dossier']),
      })
      .partial(),
    satisfaction: z.strictObject({ population: z.enum(['processed', 'received']) }).partial(),
    bands: z.array(z.strictObject({ min: z.number().min(0), label: z.string().min(1) })).min(1),
    bandBasis: z.enum(['score', 'percent_of_max']),
  })
  .partial()
  .meta({ id: 'QualitySettings' });

// The schema and the engine's type describe the same object.
export type QualitySettingsInput = z.output<typeof QualitySettingsSchema>;
const _sameShape: DeepPartial<QualitySettings> = {} as QualitySettingsInput;
void _sameShape;

// ---- The HTTP API: the index of a scope and a period, computed from the installation's data ----

const ReasonSchema = z.array(z.object({ code: z.enum(REASON_CODES), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }));
const IndicatorExplainSchema = z.object({
  numerator: z.array(z.string()),
  denominator: z.array(z.string()),
  reasons: z.record(z.string(), z.string()).describe('why, in English'),
  reasonCodes: z.record(z.string(), ReasonSchema).describe('the same reasons as codes with their values, to say in any language'),
  note: z.string().optional(),
  noteCodes: ReasonSchema.optional(),
});

export const IndicatorResultSchema = z.object({
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  ratio: z.number().nullable(),
  target: z.number(),
  max: z.number(),
  score: z.number().nullable(),
  average: z.object({ value: z.number().nullable(), unit: z.enum(['working_days', 'working_hours', 'calendar_days']).nullable() }).optional(),
  explain: IndicatorExplainSchema.optional(),
});

const GroupResultSchema = z.object({ score: z.number().nullable(), max: z.number(), indicators: z.record(z.string(), IndicatorResultSchema) });

export const IndexResultSchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    total: z.number(),
    totalMax: z.number(),
    band: z.string(),
    groups: z.object({ CKMB: GroupResultSchema, TDGQ: GroupResultSchema, CLGQ: GroupResultSchema, TTTT: GroupResultSchema, MDSH: GroupResultSchema, MDHL: GroupResultSchema }),
    scope: z.object({ unitId: z.string().nullable(), procedureCode: z.string().nullable(), officerId: z.string().nullable(), dossiers: z.number().int() }),
    /** An officer's scope: the workflow steps they finished in the period, and which were late. */
    officer: z
      .object({
        steps: z.object({ finished: z.number().int(), onTime: z.number().int(), late: z.number().int(), ratio: z.number().nullable() }),
        lateSteps: z.array(z.object({ dossierCode: z.string(), step: z.string(), dueAt: z.string(), finishedAt: z.string() })),
      })
      .optional(),
  })
  .meta({ id: 'QualityIndex' });
export type IndexResultView = z.infer<typeof IndexResultSchema>;

export const QualityScopesSchema = z
  .object({
    ministry: z.boolean().describe('the caller reads the whole ministry’s index'),
    units: z.array(z.object({ id: z.string(), nameVi: z.string(), nameEn: z.string(), depth: z.number().int().describe('depth in the ministry’s tree, 0 for a root unit') })).describe('units whose index (with their sub-units) the caller reads, in tree order'),
    officers: z.array(z.object({ accountId: z.string(), fullName: z.string() })).describe('officers holding a role in those units, whose scores the caller reads'),
  })
  .meta({ id: 'QualityScopes' });
export type QualityScopes = z.infer<typeof QualityScopesSchema>;

export const IndexQuery = z.strictObject({
  period: z.string().max(20).optional().describe('2026-03, 2026-Q1 or 2026; or from/to'),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  unit: z.string().regex(/^[a-z0-9-]{2,64}$/).optional().describe('a unit with its sub-units; absent, the whole ministry'),
  procedure: z.string().regex(PROCEDURE_CODE_PATTERN).optional(),
  officer: z.uuid().optional().describe('an officer account: the dossiers where they finished a step, and their steps on time'),
  explain: z.enum(['true', 'false']).default('false').describe('add the dossiers, procedures and PAKN behind every figure'),
});

// ---- The public side of the monthly publication (aggregate figures only) ----

const PublicIndicatorSchema = IndicatorResultSchema.omit({ explain: true });
const PublicGroupSchema = z.object({ score: z.number().nullable(), max: z.number(), indicators: z.record(z.string(), PublicIndicatorSchema) });

export const PublishedIndexSchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    total: z.number(),
    totalMax: z.number(),
    band: z.string(),
    groups: z.object({ CKMB: PublicGroupSchema, TDGQ: PublicGroupSchema, CLGQ: PublicGroupSchema, TTTT: PublicGroupSchema, MDSH: PublicGroupSchema, MDHL: PublicGroupSchema }),
    dossiers: z.number().int().describe('dossiers the figures counted'),
  })
  .meta({ id: 'QualityPublishedIndex' });
export type PublishedIndexView = z.infer<typeof PublishedIndexSchema>;

export const MonthParam = z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).describe('2026-03') });

export const PublishedMonthsSchema = z.object({ items: z.array(z.object({ month: z.string(), frozenAt: z.iso.datetime() })) }).meta({ id: 'QualityPublishedMonths' });

export const PublishedMonthSchema = z
  .object({
    month: z.string(),
    frozenAt: z.iso.datetime(),
    ministry: z.object({ result: PublishedIndexSchema, current: PublishedIndexSchema.nullable().describe('today’s recompute, when it differs from the frozen figure') }),
    units: z.array(
      z.object({ rank: z.number().int(), unitId: z.string(), nameVi: z.string(), nameEn: z.string(), total: z.number(), result: PublishedIndexSchema, current: PublishedIndexSchema.nullable() }),
    ),
  })
  .meta({ id: 'QualityPublishedMonth' });

export const PublishedUnitMonthSchema = z
  .object({
    month: z.string(),
    unit: z.object({ id: z.string(), nameVi: z.string(), nameEn: z.string() }),
    frozenAt: z.iso.datetime(),
    result: PublishedIndexSchema,
    current: PublishedIndexSchema.nullable(),
    procedures: z.array(z.string()),
    procedure: z.object({ code: z.string(), result: PublishedIndexSchema }).nullable().describe('the procedure’s figures for the unit, live from the counters'),
  })
  .meta({ id: 'QualityPublishedUnitMonth' });

const groupScores = z.object({ CKMB: z.number().nullable(), TDGQ: z.number().nullable(), CLGQ: z.number().nullable(), TTTT: z.number().nullable(), MDSH: z.number().nullable(), MDHL: z.number().nullable() });
export const PublishedTrendSchema = z
  .object({ unitId: z.string().nullable(), items: z.array(z.object({ month: z.string(), total: z.number(), totalMax: z.number(), band: z.string(), groups: groupScores })) })
  .meta({ id: 'QualityPublishedTrend' });

const TargetSchema = z.object({
  value: z.number().nullable().describe('%'),
  target: z.number(),
  comparison: z.enum(['>', '>=']),
  met: z.boolean().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});
export const PlanTargetsSchema = z
  .object({ period: z.object({ from: z.string(), to: z.string() }), satisfaction: TargetSchema, resultsDigitized: TargetSchema, processedOnline: TargetSchema })
  .meta({ id: 'QualityPlanTargets' });

export const UnitQuery = z.strictObject({ unit: z.string().regex(/^[a-z0-9-]{2,64}$/).optional() });
export const TargetsQuery = z.strictObject({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(), unit: z.string().regex(/^[a-z0-9-]{2,64}$/).optional() });
export const ProcedureQuery = z.strictObject({ procedure: z.string().regex(PROCEDURE_CODE_PATTERN).optional() });
