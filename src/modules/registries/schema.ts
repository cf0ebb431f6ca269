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
