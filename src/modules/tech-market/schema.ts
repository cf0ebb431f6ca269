// Schemas of the tech-market module's routes (validation, types and the OpenAPI document).
import { z } from 'zod';
import { PersonInputSchema, PersonViewSchema } from '../registries/schema.ts';
import { LISTING_STATUSES, TRANSFER_FORMS, TRANSFER_RIGHTS, TRL_MAX, TRL_MIN } from '../../core/tech-market/index.ts';

const localDate = z.iso.date();
const taxCode = z.string().trim().regex(/^[0-9]{10}([0-9]{3})?$/, 'expects a 10- or 13-digit tax code');
const fieldCode = z.string().regex(/^[0-9]{3}$/, 'a 3-digit field code');
const provinceCode = z.string().regex(/^[a-z-]{2,40}$/, 'a province code');
const unitId = z.string().regex(/^[a-z0-9-]{2,64}$/);
const localized = z.object({ vi: z.string(), en: z.string() });
const trl = z.coerce.number().int().min(TRL_MIN).max(TRL_MAX);
const vnd = z.number().int().min(0).max(1e15);
const forms = z
  .array(z.enum(TRANSFER_FORMS))
  .min(1)
  .max(TRANSFER_FORMS.length)
  .refine((xs) => new Set(xs).size === xs.length, 'each form once')
  .describe('Law on Technology Transfer 2017 Art. 5');

export { PersonInputSchema, PersonViewSchema, type PersonView } from '../registries/schema.ts';

const coded = z.object({ code: z.string(), name: localized });
export const CatalogSchema = z
  .object({
    fields: z.array(coded),
    provinces: z.array(z.object({ code: z.string(), name: z.string() })),
    transferForms: z.array(z.object({ code: z.enum(TRANSFER_FORMS), name: localized, basis: z.string() })),
    readinessLevels: z.array(z.object({ level: z.number(), name: localized })),
  })
  .meta({ id: 'TechmarketCatalog' });
export type Catalog = z.infer<typeof CatalogSchema>;

const page = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
};
export const SearchQuery = z.strictObject({
  q: z.string().trim().max(100).optional().describe('Words of the name, the code, the organization'),
  field: fieldCode.optional(),
  province: provinceCode.optional(),
  trlMin: trl.optional(),
  transferForm: z.enum(TRANSFER_FORMS).optional(),
  ...page,
});
export type SearchQuery = z.infer<typeof SearchQuery>;
export const OfficerSearchQuery = SearchQuery.extend({ status: z.enum(LISTING_STATUSES).optional() });
export type OfficerSearchQuery = z.infer<typeof OfficerSearchQuery>;

const listingCore = {
  id: z.string(),
  code: z.string(),
  name: z.string(),
  field: coded,
  transferForms: z.array(z.enum(TRANSFER_FORMS)),
  transferRight: z.enum(TRANSFER_RIGHTS),
  province: z.object({ code: z.string(), name: z.string() }),
  negotiable: z.boolean(),
  status: z.enum(LISTING_STATUSES).describe('On today’s date (Asia/Ho_Chi_Minh): a published listing past its last day is expired'),
  publishedOn: z.string().nullable(),
};

const publicProvider = z.object({ kind: z.enum(['organization', 'individual']), name: z.string(), province: z.string(), contactEmail: z.string().nullable() });
const offerCore = { ...listingCore, summary: z.string(), trl: z.number(), priceVnd: z.number().nullable(), ipRef: z.string().nullable(), validUntil: z.string().nullable() };
export const PublicOfferSchema = z.object({ ...offerCore, provider: publicProvider }).meta({ id: 'TechmarketPublicOffer' });
export const PublicOfferList = z.object({ total: z.number(), items: z.array(PublicOfferSchema) }).meta({ id: 'TechmarketPublicOffers' });

const demandCore = { ...listingCore, description: z.string(), minTrl: z.number(), budgetVnd: z.number().nullable(), deadline: z.string().nullable(), orgName: z.string(), taxCode: z.string().nullable() };
export const PublicDemandSchema = z.object(demandCore).meta({ id: 'TechmarketPublicDemand' });
export const PublicDemandList = z.object({ total: z.number(), items: z.array(PublicDemandSchema) }).meta({ id: 'TechmarketPublicDemands' });

const officerMeta = { storedStatus: z.enum(LISTING_STATUSES), unitId: z.string(), updatedAt: z.string(), updatedBy: z.string() };

export const ProviderViewSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['organization', 'individual']),
    orgName: z.string().nullable(),
    taxCode: z.string().nullable(),
    person: PersonViewSchema.describe('The individual, or the organization’s legal representative'),
    address: z.string(),
    province: z.object({ code: z.string(), name: z.string() }),
    contactEmail: z.string().nullable(),
    status: z.enum(['active', 'inactive']),
    unitId: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .meta({ id: 'TechmarketProvider' });
export type ProviderView = z.infer<typeof ProviderViewSchema>;
export const ProviderList = z.object({ total: z.number(), items: z.array(ProviderViewSchema) }).meta({ id: 'TechmarketProviders' });

export const OfferViewSchema = z.object({ ...offerCore, ...officerMeta, provider: ProviderViewSchema }).meta({ id: 'TechmarketOffer' });
export type OfferView = z.infer<typeof OfferViewSchema>;
export const OfferList = z.object({ total: z.number(), items: z.array(OfferViewSchema) }).meta({ id: 'TechmarketOffers' });

export const DemandViewSchema = z.object({ ...demandCore, ...officerMeta, representative: PersonViewSchema }).meta({ id: 'TechmarketDemand' });
export type DemandView = z.infer<typeof DemandViewSchema>;
export const DemandList = z.object({ total: z.number(), items: z.array(DemandViewSchema) }).meta({ id: 'TechmarketDemands' });

export const MapSchema = z
  .object({
    asOf: z.string().describe('The local date the counts are for'),
    cells: z.array(z.object({ fieldCode: z.string(), provinceCode: z.string(), offers: z.number(), demands: z.number() })).describe('Only the non-empty cells'),
    byField: z.array(z.object({ code: z.string(), name: localized, offers: z.number(), demands: z.number() })),
    byProvince: z.array(z.object({ code: z.string(), name: z.string(), offers: z.number(), demands: z.number() })),
    totals: z.object({ offers: z.number(), demands: z.number() }),
  })
  .meta({ id: 'TechmarketMap' });
export type TechMap = z.infer<typeof MapSchema>;

export const ProviderQuery = z.strictObject({ q: z.string().trim().max(100).optional(), ...page });
export type ProviderQuery = z.infer<typeof ProviderQuery>;

const contact = {
  address: z.string().trim().max(500).default(''),
  provinceCode,
  contactEmail: z.email().max(200).nullable().optional(),
  unitId: unitId.optional(),
};
export const ProviderInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('organization'), orgName: z.string().trim().min(1).max(300), taxCode: taxCode.nullable().optional(), representative: PersonInputSchema, ...contact }),
  z.strictObject({ kind: z.literal('individual'), person: PersonInputSchema, ...contact }),
]);
export type ProviderInput = z.infer<typeof ProviderInput>;

const listingInput = {
  name: z.string().trim().min(3).max(300),
  fieldCode,
  transferForms: forms,
  transferRight: z.enum(TRANSFER_RIGHTS).describe('Law on Technology Transfer 2017 Art. 6'),
  provinceCode,
  negotiable: z.boolean().default(false),
  status: z.enum(LISTING_STATUSES).default('draft'),
  unitId: unitId.optional(),
};
export const OfferInput = z.strictObject({
  ...listingInput,
  providerId: z.uuid(),
  summary: z.string().trim().max(4000).default(''),
  trl: z.number().int().min(TRL_MIN).max(TRL_MAX),
  priceVnd: vnd.nullable().optional(),
  ipRef: z.string().trim().max(60).nullable().optional(),
  validUntil: localDate.nullable().optional(),
});
export type OfferInput = z.infer<typeof OfferInput>;

export const DemandInput = z.strictObject({
  ...listingInput,
  orgName: z.string().trim().min(1).max(300),
  taxCode: taxCode.nullable().optional(),
  representative: PersonInputSchema,
  description: z.string().trim().max(4000).default(''),
  minTrl: z.number().int().min(TRL_MIN).max(TRL_MAX),
  budgetVnd: vnd.nullable().optional(),
  deadline: localDate.nullable().optional(),
});
export type DemandInput = z.infer<typeof DemandInput>;

export const IdParams = z.object({ id: z.uuid() });
