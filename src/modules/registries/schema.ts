// Schemas shared by the sector modules' routes (validation, types and the OpenAPI document): a
// person as a sector record names them, and as an officer sees them with their link to the
// national population database.
import { z } from 'zod';

/** A person named on a sector record: checked with the population database when written. */
export const PersonInputSchema = z.strictObject({
  personalId: z.string().trim().regex(/^([0-9]{12}|[0-9]{9})$/, 'expects 12 digits (or a 9-digit CMND)').describe('Số định danh cá nhân'),
  fullName: z.string().trim().min(1).max(200),
  birthDate: z.iso.date().nullable().optional(),
});
export type PersonInputSchema = z.infer<typeof PersonInputSchema>;

/** A sector's person as officers see them, with the outcome of the last check with the population database. */
export const PersonViewSchema = z.object({
  id: z.string(),
  personalId: z.string(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  link: z.object({
    status: z.enum(['unverified', 'verified', 'mismatch', 'not_found', 'legacy_id', 'unavailable']),
    mismatched: z.array(z.string()),
    suggestedId: z.string().nullable(),
    checkedAt: z.string().nullable(),
  }),
});
export type PersonView = z.infer<typeof PersonViewSchema>;

// ---- Reconciliation with the population database, and corrections (routes.ts) ----

const OUTCOMES = ['match', 'mismatch', 'unknown_number', 'legacy_number', 'unavailable'] as const;

export const RegistryParams = z.strictObject({ registry: z.enum(['st', 'techmarket', 'ip', 'stameq']) });
export const RunParams = z.strictObject({ id: z.uuid() });
export const PersonParams = z.strictObject({ id: z.uuid() });

export const RunSchema = z.object({
  id: z.string(),
  registry: z.enum(['st', 'techmarket', 'ip', 'stameq']),
  state: z.enum(['running', 'finished', 'failed']),
  /** Failed because the instance running it stopped (no heartbeat): start it again. */
  interrupted: z.boolean(),
  startedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  counts: z.object({
    total: z.number().int(),
    done: z.number().int(),
    match: z.number().int(),
    mismatch: z.number().int(),
    unknown_number: z.number().int(),
    legacy_number: z.number().int(),
    unavailable: z.number().int(),
  }),
});
export type RunView = z.infer<typeof RunSchema>;
export const RunList = z.object({ items: z.array(RunSchema) });
export const RunStarted = z.object({ id: z.string(), registry: z.enum(['st', 'techmarket', 'ip', 'stameq']), state: z.literal('running') });

export const RunItemsQuery = z.strictObject({
  outcome: z.enum(OUTCOMES).optional(),
  /** The last person id of the previous page (keyset). */
  after: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const RunItemSchema = z.object({
  personId: z.string(),
  personalId: z.string(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  outcome: z.enum(OUTCOMES),
  fields: z.array(z.string()),
  suggestedId: z.string().nullable(),
});
export const RunItemList = z.object({ items: z.array(RunItemSchema), next: z.string().nullable() });

/** An officer's correction of a person (from a reconciliation report or otherwise). */
export const PersonCorrection = PersonInputSchema.extend({
  reason: z.string().trim().min(1).max(500).optional().describe('Lý do đính chính'),
  /** The run whose report the correction comes from (the change is then recorded as from reconciliation). */
  runId: z.uuid().optional(),
});
export type PersonCorrection = z.infer<typeof PersonCorrection>;
