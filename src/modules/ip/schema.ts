// Schemas of the ip module's routes (validation, types and the OpenAPI document).
import { z } from 'zod';
import { PersonInputSchema, PersonViewSchema } from '../registries/schema.ts';
import { APPLICATION_NO_PATTERN, APPLICATION_STATUSES, IP_KINDS, TITLE_STATUSES } from '../../core/ip/index.ts';

const localDate = z.iso.date();
const taxCode = z.string().trim().regex(/^[0-9]{10}([0-9]{3})?$/, 'expects a 10- or 13-digit tax code');
const localized = z.object({ vi: z.string(), en: z.string() });

export { PersonInputSchema, PersonViewSchema, type PersonView } from '../registries/schema.ts';

const validity = z.enum(['valid', 'expired', 'terminated', 'invalidated']).describe('On today’s date (Asia/Ho_Chi_Minh)');

const titleCore = {
  titleNo: z.string(),
  grantedOn: z.string(),
  expiresOn: z.string().describe('The end of protection (Law on IP Art. 93), after the renewals'),
  renewals: z.number(),
  status: z.enum(TITLE_STATUSES),
  validity,
  resultCode: z.string().nullable().describe('The motcua result the title was issued under'),
};

/** What anyone may read of a title: the holder's name, never their identifiers. */
export const PublicTitleSchema = z
  .object({
    ...titleCore,
    kind: z.enum(IP_KINDS),
    kindName: localized,
    applicationNo: z.string(),
    filingDate: z.string(),
    subject: z.string(),
    classes: z.array(z.string()),
    holderName: z.string(),
  })
  .meta({ id: 'IpPublicTitle' });
export type PublicTitle = z.infer<typeof PublicTitleSchema>;

const applicationCore = {
  applicationNo: z.string(),
  kind: z.enum(IP_KINDS),
  kindName: localized,
  filingDate: z.string(),
  priorityDate: z.string().nullable(),
  priorityNo: z.string().nullable(),
  priorityCountry: z.string().nullable(),
  subject: z.string().describe('Title of the invention, the mark, or the product bearing the design'),
  abstract: z.string(),
  classes: z.array(z.string()).describe('IPC, Nice or Locarno classes'),
  status: z.enum(APPLICATION_STATUSES),
  statusDate: z.string(),
  publishedOn: z.string().nullable(),
  applicantCountry: z.string(),
  representativeFirm: z.string().nullable(),
};

/** A published application as the Industrial Property Gazette shows it: names, never identifiers. */
export const PublicApplicationSchema = z
  .object({
    ...applicationCore,
    applicantName: z.string(),
    inventorNames: z.array(z.string()),
    representativeName: z.string().nullable(),
    title: z.object(titleCore).nullable(),
  })
  .meta({ id: 'IpPublicApplication' });
export type PublicApplication = z.infer<typeof PublicApplicationSchema>;
export const PublicApplicationList = z.object({ total: z.number(), items: z.array(PublicApplicationSchema) }).meta({ id: 'IpPublicApplications' });

export const ApplicationViewSchema = z
  .object({
    id: z.string(),
    ...applicationCore,
    applicant: z.object({
      kind: z.enum(['person', 'organization']),
      name: z.string(),
      orgName: z.string().nullable(),
      taxCode: z.string().nullable(),
      address: z.string(),
      person: PersonViewSchema.nullable(),
    }),
    inventors: z.array(PersonViewSchema),
    representative: PersonViewSchema.nullable(),
    title: z.object({ ...titleCore, id: z.string(), holderName: z.string(), holder: PersonViewSchema.nullable() }).nullable(),
    dossierCode: z.string().nullable(),
    unitId: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .meta({ id: 'IpApplication' });
export type ApplicationView = z.infer<typeof ApplicationViewSchema>;
export const ApplicationList = z.object({ total: z.number(), items: z.array(ApplicationViewSchema) }).meta({ id: 'IpApplications' });

export const ListQuery = z.strictObject({
  q: z.string().trim().max(100).optional().describe('Application or title number, subject, applicant'),
  kind: z.enum(IP_KINDS).optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  class: z.string().trim().max(20).optional().describe('One IPC, Nice or Locarno class'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const ApplicationInput = z.strictObject({
  applicationNo: z.string().trim().regex(APPLICATION_NO_PATTERN, 'expects 1-2026-01234').optional().describe('Absent: the next number of the kind and year'),
  kind: z.enum(IP_KINDS),
  filingDate: localDate,
  priority: z.strictObject({ date: localDate, number: z.string().trim().min(1).max(50), country: z.string().trim().min(2).max(100) }).optional(),
  subject: z.string().trim().min(1).max(500),
  abstract: z.string().trim().max(5000).default(''),
  classes: z.array(z.string().trim().min(1).max(20)).max(45).default([]),
  applicant: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('person'), person: PersonInputSchema, address: z.string().trim().max(500).default('') }),
    z.strictObject({
      kind: z.literal('organization'),
      orgName: z.string().trim().min(1).max(300),
      taxCode: taxCode.nullable().optional(),
      address: z.string().trim().max(500).default(''),
      country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/).default('VN'),
    }),
  ]),
  inventors: z.array(PersonInputSchema).max(20).default([]),
  representative: z.strictObject({ person: PersonInputSchema, firm: z.string().trim().min(1).max(300).optional() }).optional(),
  unitId: z.string().regex(/^[a-z0-9-]{2,64}$/).optional(),
});
export type ApplicationInput = z.infer<typeof ApplicationInput>;

export const StatusInput = z.strictObject({
  status: z.enum(APPLICATION_STATUSES),
  date: localDate,
  titleNo: z.string().trim().toUpperCase().regex(/^[1-4]-[0-9]{7}$/, 'expects 1-0012345').optional().describe('Required when granted'),
});
export type StatusInput = z.infer<typeof StatusInput>;

export const IdParams = z.object({ id: z.uuid() });
export const ApplicationNoParams = z.object({ applicationNo: z.string().trim().regex(APPLICATION_NO_PATTERN, 'not an application number') });
export const TitleNoParams = z.object({ titleNo: z.string().trim().toUpperCase().regex(/^[A-Z0-9.-]{6,60}$/, 'not a title number') });
