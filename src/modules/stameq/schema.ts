// Schemas of the stameq module's routes (validation, types and the OpenAPI document).
import { z } from 'zod';
import { PersonInputSchema, PersonViewSchema } from '../registries/schema.ts';
import { ANNOUNCEMENT_KINDS, BODY_FIELDS, BODY_KINDS, VERIFICATION_RESULTS } from '../../core/stameq/index.ts';

const localDate = z.iso.date();
const taxCode = z.string().trim().regex(/^[0-9]{10}([0-9]{3})?$/, 'expects a 10- or 13-digit tax code');

export { PersonInputSchema, PersonViewSchema, type PersonView } from '../registries/schema.ts';

export const InstrumentTypeSchema = z.object({ code: z.string(), name: z.object({ vi: z.string(), en: z.string() }), cycleMonths: z.number(), legalBasis: z.string() });
export const InstrumentTypeList = z.object({ items: z.array(InstrumentTypeSchema) }).meta({ id: 'StameqInstrumentTypes' });

export const ListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(BODY_KINDS).optional(),
  field: z.enum(BODY_FIELDS).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ListQuery = z.infer<typeof ListQuery>;

const bodyCore = {
  id: z.string(),
  registrationNo: z.string(),
  name: z.string(),
  kind: z.enum(BODY_KINDS),
  fields: z.array(z.string()),
  scope: z.string(),
  address: z.string(),
  province: z.string(),
  status: z.enum(['active', 'suspended', 'revoked']),
  effect: z.enum(['effective', 'expired', 'suspended', 'revoked']),
  registeredOn: z.string(),
  validUntil: z.string().nullable(),
  headName: z.string().nullable().describe('The head of the body (name only)'),
};
export const PublicBodySchema = z.object(bodyCore).meta({ id: 'StameqPublicBody' });
export const PublicBodyList = z.object({ total: z.number(), items: z.array(PublicBodySchema) }).meta({ id: 'StameqPublicBodies' });

const announcementCore = {
  id: z.string(),
  announcementNo: z.string(),
  kind: z.enum(ANNOUNCEMENT_KINDS),
  product: z.string(),
  standardCode: z.string(),
  orgName: z.string(),
  orgTaxCode: z.string().nullable(),
  orgAddress: z.string(),
  receivingAgency: z.string(),
  announcedOn: z.string(),
  status: z.enum(['valid', 'withdrawn']),
  certificateNo: z.string().nullable(),
  bodyName: z.string().nullable(),
};
export const PublicAnnouncementSchema = z.object(announcementCore).meta({ id: 'StameqPublicAnnouncement' });
export const PublicAnnouncementList = z.object({ total: z.number(), items: z.array(PublicAnnouncementSchema) }).meta({ id: 'StameqPublicAnnouncements' });

const verificationCore = {
  stampNo: z.string(),
  certificateNo: z.string(),
  instrumentType: z.object({ code: z.string(), name: z.object({ vi: z.string(), en: z.string() }) }),
  model: z.string(),
  manufacturer: z.string(),
  serialNo: z.string(),
  bodyName: z.string(),
  bodyRegistrationNo: z.string(),
  verifiedOn: z.string(),
  validUntil: z.string().nullable(),
  result: z.enum(VERIFICATION_RESULTS),
  status: z.enum(['valid', 'expired', 'failed']).describe('On today’s date (Asia/Ho_Chi_Minh)'),
};
/** What anyone holding the stamp may read: never the owner. */
export const PublicVerificationSchema = z.object(verificationCore).meta({ id: 'StameqPublicVerification' });

export const VerificationViewSchema = z
  .object({
    id: z.string(),
    ...verificationCore,
    bodyId: z.string(),
    owner: z.object({ kind: z.enum(['organization', 'person']), orgName: z.string().nullable(), taxCode: z.string().nullable(), person: PersonViewSchema.nullable() }),
    location: z.string(),
    unitId: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .meta({ id: 'StameqVerification' });
export type VerificationView = z.infer<typeof VerificationViewSchema>;
export const VerificationList = z.object({ total: z.number(), items: z.array(VerificationViewSchema) }).meta({ id: 'StameqVerifications' });

export const VerificationQuery = z.strictObject({
  q: z.string().trim().max(100).optional().describe('Stamp, certificate or serial number, owner name'),
  instrumentType: z.string().regex(/^[a-z0-9-]{2,40}$/).optional(),
  status: z.enum(['valid', 'expired', 'failed']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type VerificationQuery = z.infer<typeof VerificationQuery>;

export const VerificationInput = z.strictObject({
  certificateNo: z.string().trim().min(3).max(40),
  stampNo: z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9./-]{2,39}$/, 'letters, digits, . / -'),
  instrumentType: z.string().regex(/^[a-z0-9-]{2,40}$/),
  model: z.string().trim().max(100).default(''),
  manufacturer: z.string().trim().max(200).default(''),
  serialNo: z.string().trim().min(1).max(60),
  owner: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('organization'), orgName: z.string().trim().min(1).max(300), taxCode: taxCode.nullable().optional() }),
    z.strictObject({ kind: z.literal('person'), person: PersonInputSchema }),
  ]),
  location: z.string().trim().max(500).default(''),
  bodyId: z.uuid(),
  verifiedOn: localDate,
  validUntil: localDate.nullable().optional().describe('Absent for a pass: the longest the cycle allows'),
  result: z.enum(VERIFICATION_RESULTS),
  unitId: z.string().regex(/^[a-z0-9-]{2,64}$/).optional(),
});
export type VerificationInput = z.infer<typeof VerificationInput>;

export const IdParams = z.object({ id: z.uuid() });
export const StampParams = z.object({ stampNo: z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9./-]{2,39}$/) });
