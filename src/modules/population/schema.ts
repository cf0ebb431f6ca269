// Inputs and outputs of the population module's API.
import { z } from 'zod';
import { FULL_RECORD_PARTS } from './policy.ts';

const localDate = z.iso.date().describe('Local date in Asia/Ho_Chi_Minh, YYYY-MM-DD');

export const POPULATION_SOURCE_DESCRIPTION = 'Where the data comes from: "Cơ sở dữ liệu quốc gia về dân cư"';

// ---- citizen: own data ----

/**
 * A level-1 e-ID login reads the basic part of its record; the parents, spouse, representative
 * (`relatives`) and household need population.read_own_full (level 2, Decree 69/2024/NĐ-CP).
 * They are then left out (all null / no values) and named here, with the level that shows them,
 * so the page can say so and offer to log in again at that level.
 */
const Withheld = z
  .array(z.enum(FULL_RECORD_PARTS))
  .describe('Parts left out at this login’s e-ID level; empty when the whole record is given');
const RequiredAcr = z
  .enum(['LoA1', 'LoA2'])
  .optional()
  .describe('Present when something is withheld: the e-ID level (log in again at it) that shows it');

const AddressView = z
  .object({
    provinceCode: z.string().nullable(),
    provinceName: z.string().nullable(),
    wardCode: z.string().nullable(),
    detail: z.string().nullable(),
    country: z.string().nullable(),
    text: z.string().nullable().describe('The whole address on one line'),
  })
  .meta({ id: 'PopulationAddress' });

const RelativeView = z
  .object({
    fullName: z.string().nullable(),
    personalId: z.string().nullable().describe('Masked: only the last 3 digits are shown'),
    nationality: z.string().nullable(),
  })
  .meta({ id: 'PopulationRelative' });

export const PopulationProfile = z
  .object({
    source: z.string().describe(POPULATION_SOURCE_DESCRIPTION),
    fetchedAt: z.string().describe('When the data was read from the population database (ISO 8601)'),
    personal: z.object({
      personalId: z.string(),
      oldIdNumber: z.string().nullable(),
      fullName: z.string(),
      surname: z.string().nullable(),
      middleName: z.string().nullable(),
      givenName: z.string().nullable(),
      birthDate: z.string().nullable(),
      gender: z.enum(['male', 'female']).nullable(),
      ethnicity: z.string().nullable(),
      religion: z.string().nullable(),
      nationality: z.string().nullable(),
      maritalStatus: z.string().nullable(),
      bloodType: z.string().nullable(),
    }),
    addresses: z.object({
      birthRegistrationPlace: AddressView.nullable(),
      hometown: AddressView.nullable(),
      permanentAddress: AddressView.nullable(),
      currentAddress: AddressView.nullable(),
    }),
    relatives: z.object({
      father: RelativeView.nullable(),
      mother: RelativeView.nullable(),
      spouse: RelativeView.nullable(),
      representative: RelativeView.nullable(),
    }),
    household: z.object({
      head: z
        .object({ fullName: z.string().nullable(), personalId: z.string().nullable(), relationship: z.string().nullable() })
        .nullable(),
      bookNumber: z.string().nullable(),
    }),
    masked: z.array(z.string()).describe('Prefill attribute names whose values are masked here (sensitive)'),
    withheld: Withheld,
    requiredAcr: RequiredAcr,
  })
  .meta({ id: 'PopulationProfile' });
export type PopulationProfile = z.infer<typeof PopulationProfile>;

export const PopulationPrefill = z
  .object({
    values: z.record(z.string(), z.string()).describe('Prefill attribute name → value (src/core/prefill/attributes.ts)'),
    source: z.string().describe(POPULATION_SOURCE_DESCRIPTION),
    fetchedAt: z.string(),
    withheld: Withheld,
    requiredAcr: RequiredAcr,
  })
  .meta({ id: 'PopulationPrefill' });

// ---- officer: verification ----

export const VerifyRequest = z
  .object({
    personalId: z.string().trim().regex(/^\d{12}$/, 'expects 12 digits').describe('Số định danh cá nhân'),
    fullName: z.string().trim().min(2).max(200),
    birthDate: localDate.optional(),
    birthYear: z.number().int().min(1900).max(2100).optional(),
    purpose: z.string().regex(/^[a-z][a-z0-9_]{2,63}$/).describe('A purpose code (GET /population/purposes)'),
    dossierRef: z.string().trim().min(1).max(100).optional().describe('The dossier the check is for (dossier code)'),
    unitId: z.string().min(2).max(64).optional().describe('The unit the officer acts for; default: their first receiver/specialist unit'),
  })
  .refine((v) => v.birthDate !== undefined || v.birthYear !== undefined, {
    path: ['birthDate'],
    message: 'birthDate or birthYear is required',
  })
  .meta({ id: 'PopulationVerifyRequest' });
export type VerifyRequest = z.infer<typeof VerifyRequest>;

export const VerifyField = z.enum(['personalId', 'fullName', 'birthDate', 'birthYear']);

export const VerifyResponse = z
  .object({
    status: z.enum(['match', 'mismatch', 'not_found', 'unavailable']),
    fields: z.array(z.object({ field: VerifyField, match: z.boolean() })),
    detail: z.string().optional().describe('For unavailable: what to do (verify manually)'),
    requestId: z.string().describe('MaYeuCau of the query (see the query log)'),
    source: z.string().describe(POPULATION_SOURCE_DESCRIPTION),
    checkedAt: z.string(),
  })
  .meta({ id: 'PopulationVerifyResult' });
export type VerifyResponse = z.infer<typeof VerifyResponse>;

// ---- purposes ----

export const Purpose = z
  .object({
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    actorKind: z.enum(['citizen', 'officer']),
    requiresDossierRef: z.boolean(),
    legalBasis: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'PopulationPurpose' });

export const PurposeParams = z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{2,63}$/) });

export const PurposeEntry = z
  .object({
    nameVi: z.string().trim().min(3).max(300),
    nameEn: z.string().trim().min(3).max(300),
    actorKind: z.enum(['citizen', 'officer']),
    requiresDossierRef: z.boolean().default(false),
    legalBasis: z.string().trim().max(500).nullable().default(null),
    active: z.boolean().default(true),
  })
  .meta({ id: 'PopulationPurposeEntry' });
export type PurposeEntry = z.infer<typeof PurposeEntry>;

// ---- query log ----

const csvFormat = z.enum(['json', 'csv']).optional().describe('csv: text/csv (also chosen by Accept: text/csv)');

export const QueryLogQuery = z.object({
  from: localDate.optional(),
  to: localDate.optional(),
  unitId: z.string().min(2).max(64).optional(),
  accountId: z.uuid().optional(),
  purpose: z.string().max(64).optional(),
  result: z.enum(['pending', 'found', 'not_found', 'mismatch', 'unavailable']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  before: z.coerce.number().int().min(1).optional().describe('Cursor: entries with a smaller id'),
  format: csvFormat,
});
export type QueryLogQuery = z.infer<typeof QueryLogQuery>;

export const QueryLogEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    requestId: z.string(),
    actorKind: z.enum(['citizen', 'officer']),
    accountId: z.string(),
    actorName: z.string(),
    officerCode: z.string().nullable(),
    unitId: z.string().nullable(),
    purpose: z.string(),
    dossierRef: z.string().nullable(),
    subjectPersonalId: z.string().nullable(),
    result: z.enum(['pending', 'found', 'not_found', 'mismatch', 'unavailable']),
    failureReason: z.string().nullable(),
    errorCode: z.string().nullable(),
    source: z.enum(['network', 'cache']).nullable(),
    latencyMs: z.number().int().nullable(),
  })
  .meta({ id: 'PopulationQueryLogEntry' });

export const QueryLogPage = z
  .object({ items: z.array(QueryLogEntry), nextBefore: z.number().int().nullable() })
  .meta({ id: 'PopulationQueryLogPage' });

export const ReportQuery = z
  .object({
    from: localDate,
    to: localDate,
    groupBy: z.enum(['unit', 'officer']).default('unit'),
    format: csvFormat,
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'to must not be before from' });
export type ReportQuery = z.infer<typeof ReportQuery>;

export const ReportRow = z
  .object({
    key: z.string().nullable().describe('Unit id or account id; null: citizens querying their own data'),
    label: z.string(),
    code: z.string().nullable().describe('Agency code of the unit, or the officer’s username'),
    total: z.number().int(),
    sent: z.number().int().describe('Queries sent to the population database'),
    cacheHits: z.number().int(),
    found: z.number().int(),
    notFound: z.number().int(),
    mismatch: z.number().int(),
    unavailable: z.number().int(),
    distinctSubjects: z.number().int(),
  })
  .meta({ id: 'PopulationReportRow' });

export const Report = z
  .object({ from: z.string(), to: z.string(), groupBy: z.enum(['unit', 'officer']), rows: z.array(ReportRow), totals: ReportRow })
  .meta({ id: 'PopulationQueryReport' });
