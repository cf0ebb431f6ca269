// Digitization of dossier components at receipt (số hóa hồ sơ) and the reuse of the applicant's
// data warehouse: the legal checks, the exemptions and the flags the national portal reads. Pure.
//
// - Circular 01/2023/TT-VPCP Art. 8(2): a digitized copy is checked for the count of documents,
//   a full and accurate copy, the page count and order matching the paper (pages with a sticky
//   note shot twice), and its integrity.
// - Circular 03/2025/TT-VPCP Art. 5(2): what is not digitized at receipt — dossiers submitted
//   electronically, papers that only need to be shown, verification results or opinions of
//   participating agencies, classified documents.
// - Decree 45/2020/NĐ-CP Art. 16 (as amended by Decree 118/2025 Art. 40(8)): the data warehouse
//   (Kho quản lý dữ liệu điện tử) of every organization and individual, reused in later dossiers.
import { z } from 'zod';

import { DIGITIZATION_CHECKS, EXEMPTIONS, type DigitizationCheck, type Exemption } from './vocabulary.ts';

export { DIGITIZATION_CHECKS, DOCUMENT_TYPE_NAMES, EXEMPTIONS, type DigitizationCheck, type Exemption } from './vocabulary.ts';

export const CHECK_LABELS: Record<DigitizationCheck, { vi: string; en: string }> = {
  count: { vi: 'Đủ số lượng giấy tờ', en: 'Count of documents matches' },
  complete: { vi: 'Bản số hóa đầy đủ, chính xác so với bản giấy', en: 'Full and accurate copy of the paper' },
  pageOrder: { vi: 'Đúng số trang và thứ tự trang (trang có phiếu ghi chú được chụp hai lần)', en: 'Page count and order match (pages with a sticky note shot twice)' },
  integrity: { vi: 'Bảo đảm tính toàn vẹn của bản số hóa', en: 'Integrity of the digitized copy' },
};


export const EXEMPTION_LABELS: Record<Exemption, { vi: string; en: string }> = {
  submitted_electronically: { vi: 'Hồ sơ đã nộp dưới dạng điện tử', en: 'Submitted electronically' },
  shown_only: { vi: 'Giấy tờ chỉ cần xuất trình', en: 'A paper that only needs to be shown' },
  agency_verification: { vi: 'Kết quả xác minh, ý kiến của cơ quan tham gia giải quyết', en: 'Verification result or opinion of a participating agency' },
  classified: { vi: 'Tài liệu mật', en: 'Classified document' },
};

/** The paper's description, as the receiver enters it (every field optional). */
export const DigitizedDocumentSchema = z
  .strictObject({
    /** One of the component's warehouseDocumentTypes; default the first. */
    documentType: z.string().trim().min(1).max(40).optional(),
    issuer: z.string().trim().max(500).optional(),
    number: z.string().trim().max(100).optional(),
    /** YYYY-MM-DD */
    issuedOn: z.iso.date().optional(),
    /** YYYY-MM-DD; absent: no expiry. */
    validUntil: z.iso.date().optional(),
  })
  .meta({ id: 'DigitizedDocument' });
export type DigitizedDocumentInput = z.infer<typeof DigitizedDocumentSchema>;

export const DigitizationSchema = z
  .union([
    z.strictObject({
      /** Pages of the paper component (the digitized copy has the same count, Art. 8(2)). */
      pageCount: z.number().int().min(1).max(10_000),
      checks: z.strictObject({ count: z.boolean(), complete: z.boolean(), pageOrder: z.boolean(), integrity: z.boolean() }),
      note: z.string().trim().max(1000).optional(),
      /**
       * What the receiver read on the paper, for the document the verified scan becomes in the
       * applicant's data warehouse (Decree 45/2020 Art. 16) when the component accepts a warehouse
       * document type. All optional: without them the document is kept with its type and file.
       */
      document: DigitizedDocumentSchema.optional(),
    }),
    z.strictObject({ exemption: z.enum(EXEMPTIONS), note: z.string().trim().max(1000).optional() }),
  ])
  .meta({ id: 'ComponentDigitization' });
export type DigitizationInput = z.infer<typeof DigitizationSchema>;

/** Where a component's content came from, as recorded per dossier component. */
export const COMPONENT_SOURCES = [
  'uploaded', // files uploaded with an online submission
  'digitized', // scanned at the counter (or from the post) with every check confirmed
  'exempt', // paper not digitized, for a reason of Circular 03/2025 Art. 5(2)
  'not_digitized', // paper neither digitized nor exempted (recorded only when DIGITIZATION_AT_RECEIPT=warn)
  'warehouse', // reused from the applicant's data warehouse (this system)
  'national_warehouse', // reused from a document taken from the national portal's warehouse
  'population_data', // replaced by the national population database, nothing handed in
] as const;
export type ComponentSource = (typeof COMPONENT_SOURCES)[number];

export interface ComponentFlags {
  /** DuocSoHoa */
  digitized: boolean;
  /** DuocTaiSuDung */
  reused: boolean;
  /** DuocLayTuKhoDMQG */
  fromNationalWarehouse: boolean;
  /** MaKetQuaThayThe: the code of an earlier result that replaces the component. */
  replacingResultCode: string;
}

export interface FlagSettings {
  /**
   * Whether a component submitted electronically (uploaded online) is flagged DuocSoHoa. The
   * portal counts dossiers with electronic components for 766 indicator 4.2; whether "đã số hóa"
   * covers born-electronic files is UNCONFIRMED (SPEC §1.4 4.2, 4.3). Default true.
   */
  uploadedCountsAsDigitized: boolean;
}

/**
 * The key of a component's flags in a dossier's map: the component code for what the intake
 * brought (the action of seq 1), `code#seq` for what a later action (a supplement) brought.
 */
export const componentFlagKey = (code: string, addedSeq: number): string => (addedSeq === 1 ? code : `${code}#${addedSeq}`);

/** The portal flags of one recorded component. */
export function flagsOf(source: ComponentSource, resultCode: string | null, settings: FlagSettings): ComponentFlags {
  const reused = source === 'warehouse' || source === 'national_warehouse';
  return {
    digitized: source === 'digitized' || reused || (source === 'uploaded' && settings.uploadedCountsAsDigitized),
    reused,
    fromNationalWarehouse: source === 'national_warehouse',
    replacingResultCode: reused && resultCode ? resultCode : '',
  };
}

export type DigitizationDecision =
  | { ok: true; source: ComponentSource }
  | { ok: false; error: 'checks_failed'; failed: DigitizationCheck[] }
  | { ok: false; error: 'files_missing' }
  | { ok: false; error: 'not_digitized' };

/**
 * What a paper component handed in at the counter or by post is, from what the receiver
 * recorded: digitized (files attached and every check of Art. 8(2) confirmed), exempt (a reason
 * of Art. 5(2)), or an error. `mode` is DIGITIZATION_AT_RECEIPT: `warn` records the component as
 * not digitized instead of refusing it.
 */
export function decidePaperComponent(input: { fileCount: number; digitization?: DigitizationInput | undefined }, mode: 'required' | 'warn'): DigitizationDecision {
  const d = input.digitization;
  if (d && 'exemption' in d) return { ok: true, source: 'exempt' };
  if (d) {
    const failed = DIGITIZATION_CHECKS.filter((c) => !d.checks[c]);
    if (failed.length > 0) return { ok: false, error: 'checks_failed', failed };
    if (input.fileCount === 0) return { ok: false, error: 'files_missing' };
    return { ok: true, source: 'digitized' };
  }
  if (mode === 'warn') return { ok: true, source: 'not_digitized' };
  return { ok: false, error: 'not_digitized' };
}

/** Whether a warehouse document is usable on `onDate` (YYYY-MM-DD, local): issued by then, not expired. */
export function isValidOn(doc: { issuedOn: string | null; validUntil: string | null }, onDate: string): boolean {
  if (doc.issuedOn && doc.issuedOn > onDate) return false;
  return doc.validUntil === null || doc.validUntil >= onDate;
}

/** Whether a document of `documentType` satisfies a component (the catalog's warehouseDocumentTypes). */
export const satisfies = (component: { warehouseDocumentTypes: readonly string[] }, documentType: string): boolean =>
  component.warehouseDocumentTypes.includes(documentType);

/** The document a verified scan becomes in the applicant's data warehouse (provenance `digitized`). */
export interface DigitizedDocument {
  documentType: string;
  issuer: string;
  number: string;
  issuedOn: string | null;
  validUntil: string | null;
}

export type DigitizedDocumentDecision = { ok: true; document: DigitizedDocument | null } | { ok: false; error: 'document_type_mismatch' | 'document_dates' };

/**
 * Whether a paper component recorded as `source` becomes a document of the applicant's warehouse
 * (Decree 45/2020 Art. 16), and with what: only a component digitized with every check of Art.
 * 8(2) (never an exempted or unchecked one) whose catalog entry accepts a warehouse document type;
 * its type is the one the receiver chose among those, else the first. The issuer, number and dates
 * are what the receiver entered (empty or null otherwise).
 */
export function digitizedDocumentOf(component: { warehouseDocumentTypes: readonly string[] }, source: ComponentSource, digitization: DigitizationInput | undefined): DigitizedDocumentDecision {
  const entered = digitization && 'document' in digitization ? digitization.document : undefined;
  const types = component.warehouseDocumentTypes;
  if (entered?.documentType !== undefined && !types.includes(entered.documentType)) return { ok: false, error: 'document_type_mismatch' };
  if (entered?.issuedOn && entered.validUntil && entered.validUntil < entered.issuedOn) return { ok: false, error: 'document_dates' };
  if (source !== 'digitized' || types.length === 0) return { ok: true, document: null };
  return {
    ok: true,
    document: {
      documentType: entered?.documentType ?? types[0]!,
      issuer: entered?.issuer ?? '',
      number: entered?.number ?? '',
      issuedOn: entered?.issuedOn ?? null,
      validUntil: entered?.validUntil ?? null,
    },
  };
}
