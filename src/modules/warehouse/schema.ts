// Schemas of the warehouse module's routes (validation, types and the OpenAPI document).
import { z } from 'zod';
import { keyCode, ProcedureCode } from '../../core/catalog/content.ts';
import { COMPONENT_SOURCES, EXEMPTIONS } from '../../core/digitization/index.ts';

const localDate = z.iso.date();

export const WarehouseFile = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  format: z.string(),
  scanStatus: z.enum(['not_scanned', 'clean']),
});

export const WarehouseDocumentSchema = z
  .object({
    id: z.string(),
    documentType: z.string().describe("A type of the catalog's warehouseDocumentTypes"),
    documentTypeName: z.string(),
    title: z.string(),
    issuer: z.string(),
    number: z.string(),
    issuedOn: z.string().nullable(),
    validUntil: z.string().nullable(),
    valid: z.boolean().describe('Issued and not expired today'),
    provenance: z.enum(['issued_result', 'digitized', 'owner_upload', 'national_warehouse']),
    resultCode: z.string().nullable(),
    removable: z.boolean().describe('Uploaded by the owner (only those can be removed)'),
    createdAt: z.string(),
    files: z.array(WarehouseFile),
    usedBy: z.array(z.object({ dossierId: z.string(), dossierCode: z.string().nullable(), componentCode: z.string(), at: z.string() })),
  })
  .meta({ id: 'WarehouseDocument' });
export type WarehouseDocument = z.infer<typeof WarehouseDocumentSchema>;

export const WarehouseList = z.object({ items: z.array(WarehouseDocumentSchema) }).meta({ id: 'WarehouseList' });

/** The text fields of an upload (multipart fields beside the file). */
export const WarehouseUploadFields = z.strictObject({
  documentType: keyCode,
  title: z.string().trim().min(1).max(500),
  issuer: z.string().trim().max(500).default(''),
  number: z.string().trim().max(100).default(''),
  issuedOn: localDate.optional(),
  validUntil: localDate.optional(),
});

export const WarehouseOffers = z
  .object({
    items: z.array(z.object({ componentCode: z.string(), replacedByPopulationData: z.boolean(), documents: z.array(WarehouseDocumentSchema) })),
  })
  .meta({ id: 'WarehouseOffers' });

export const OffersQuery = z.strictObject({ procedure: ProcedureCode });

export const ComponentRecordSchema = z
  .object({
    componentCode: z.string(),
    source: z.enum(COMPONENT_SOURCES),
    pageCount: z.number().nullable(),
    checks: z.record(z.string(), z.boolean()).nullable(),
    exemption: z.enum(EXEMPTIONS).nullable(),
    note: z.string().nullable(),
    recordedBy: z.string(),
    recordedAt: z.string(),
    /** The log row that brought the component: 1 at intake, later for a supplement. */
    addedSeq: z.number().int(),
    flags: z.object({ digitized: z.boolean(), reused: z.boolean(), fromNationalWarehouse: z.boolean(), replacingResultCode: z.string() }),
    document: z
      .object({
        documentType: z.string(),
        documentTypeName: z.string(),
        title: z.string(),
        issuer: z.string(),
        number: z.string(),
        issuedOn: z.string().nullable(),
        validUntil: z.string().nullable(),
        provenance: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'ComponentRecord' });

export const StatsQuery = z.strictObject({
  from: localDate,
  to: localDate,
  unit: z.string().regex(/^[a-z0-9-]{2,64}$/).optional(),
  procedure: ProcedureCode.optional(),
});

const Figures = {
  dossiers: z.number().describe('Dossiers received in the period'),
  digitized: z.number().describe('Of them, with at least one digitized component (DuocSoHoa)'),
  reused: z.number().describe('Of them, reusing warehouse data (DuocTaiSuDung)'),
  populationReplaced: z.number().describe('Components replaced by population data'),
  results: z.number().describe('Results issued in the period, of procedures that produce a document'),
  electronicResults: z.number().describe('Of them, issued electronically'),
};

export const StatsResponse = z
  .object({
    from: z.string(),
    to: z.string(),
    items: z.array(z.object({ unitId: z.string(), procedureCode: z.string(), ...Figures })),
    total: z.object(Figures),
  })
  .meta({ id: 'DigitizationStats' });
