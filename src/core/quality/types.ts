// Inputs and outputs of the Decision 766/QĐ-TTg quality index engine (SPEC §1). Pure types: the
// engine reads only the fields named here. The dossier fields are those of the national portal's
// sync payload HoSoDongBoDVC (SPEC §6), kept with their wire names because the portal's formulas
// (SPEC §1.4) are written over them; everything else is in English.
import type { LocalDate } from '../calendar/types.ts';
import type { Reason } from './reasons.ts';

export type GroupCode = 'CKMB' | 'TDGQ' | 'CLGQ' | 'TTTT' | 'MDSH' | 'MDHL';
export const GROUP_CODES: readonly GroupCode[] = ['CKMB', 'TDGQ', 'CLGQ', 'TTTT', 'MDSH', 'MDHL'];

export type ScopeLevel = 'ministry' | 'province';

export interface QualityPublication {
  /** Date of the announcing decision (QĐ công bố, QĐCB). */
  decidedOn: LocalDate;
  kind: 'new' | 'amended' | 'abolished';
  /** The latest "Ngày hiệu lực" of the procedure's legal basis. */
  legalBasisEffectiveFrom: LocalDate;
  /** The day the procedure was made public ("Công khai" click); null: not yet. */
  publishedOn: LocalDate | null;
}

export interface QualityProcedure {
  /** Mã TTHC. */
  code: string;
  /** The procedure's result is a document (giấy tờ kết quả). */
  requiresDocumentResult: boolean;
  /** Flagged "đủ điều kiện toàn trình" in the national procedure database. */
  fullOnlineEligible: boolean;
  onlineLevel: 'full' | 'partial' | null;
  /** Fee information ≠ 0/null in the national procedure database. */
  hasFees: boolean;
  subjects: ReadonlyArray<'citizen' | 'business' | 'organization'>;
  /** All seven parts of Decree 63/2010 Art. 8(2) are public. */
  publicPartsComplete: boolean;
  publicStatus: 'published' | 'published_amended' | 'abolished' | 'unpublished';
  publications: readonly QualityPublication[];
  /**
   * The maximum legal processing time, used by 2.1 only for a dossier synced without NgayHenTra
   * (SPEC §1.4 2.1 step 4). Optional: absent, such a dossier cannot be judged and is left out.
   */
  processingTime?: { value: number; unit: 'working_days' | 'working_hours' | 'calendar_days' } | undefined;
}

/** `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh, or '' when absent (the sync payload's date format). */
export type SyncDate = string;

/** The fields of HoSoDongBoDVC the engine reads, plus whether the record reached the portal. */
export interface QualityDossier {
  MaHoSo: string;
  MaTTHC: string;
  /** '1' trực tiếp, '2' trực tuyến, '3' bưu chính công ích. */
  KenhThucHien: string;
  NgayTiepNhan: SyncDate;
  NgayHenTra: SyncDate;
  TrangThaiHoSo: string;
  NgayTra: SyncDate;
  NgayKetThucXuLy: SyncDate;
  NgayTuChoi: SyncDate;
  NgayNopHoSo: SyncDate;
  HoSoCoThanhPhanSoHoa: string;
  TaiKhoanDuocXacThucVoiVNeID: string;
  DuocThanhToanTrucTuyen: string;
  DSKetNoiCSDL: ReadonlyArray<{ MaCSDL: string }>;
  TaiLieuNop: ReadonlyArray<{ IsDeleted: boolean; DuongDanTaiTepTin: string; DuocSoHoa: string; DuocTaiSuDung: string; DuocLayTuKhoDMQG: string }>;
  DanhSachLePhi: ReadonlyArray<{ Gia: number }>;
  DanhSachHoSoBoSung: ReadonlyArray<{ NgayBoSung: SyncDate; NgayTiepNhanBoSung: SyncDate; NgayHenTraTruoc: SyncDate }>;
  DanhSachGiayToKetQua: ReadonlyArray<{ GiayToId: string; DuongDanTepTinKetQua: string }>;
  QuaTrinhXuLy: ReadonlyArray<{ ThoiDiemXuLy: SyncDate; TrangThai: string }>;
  /** The record reached the national portal (default true in a bundle). */
  syncedToPortal: boolean;
  /**
   * 4.4's second branch [S6]: the dossier's electronic result is in its holder's personal data
   * store (the warehouse module records every issued result there). Absent: unknown (false).
   */
  resultInDataStore?: boolean | undefined;
}

/** A citizen's feedback (phản ánh, kiến nghị, PAKN) with its timeline; instants are ISO 8601. */
export interface QualityFeedback {
  id: string;
  /** First receipt (submission). */
  receivedAt: string;
  /** Transfers by the Government Office or another ministry/province (VPCP/BNĐP). */
  transferredAt: readonly string[];
  rejectedAt: string | null;
  firstSupplementRequestAt: string | null;
  /** Start of "chờ công khai / đã công khai": the answer. */
  processedAt: string | null;
  /** End of "công khai". */
  publishedAt: string | null;
  classification: 'tthc' | 'conduct' | null;
  likes: number;
  dislikes: number;
  /** The dossier the feedback is about, when it is about one. */
  dossierCode: string | null;
  /** 5.3: the earlier PAKN this one repeats, when the feedback module linked them. */
  repeatsId?: string | null | undefined;
}

export interface QualityRating {
  dossierCode: string;
  value: 'like' | 'dislike';
}

export interface QualityBundle {
  scope: { level: ScopeLevel };
  procedures: readonly QualityProcedure[];
  dossiers: readonly QualityDossier[];
  feedback: readonly QualityFeedback[];
  ratings: readonly QualityRating[];
  reportCounts: {
    /** Dossiers received in the period per the National Reporting System (BCQG). */
    bcqgReceived: number | null;
    /** The previous year's BCQG annual total (1.4 fallback). */
    previousYearBcqgTotal: number | null;
  };
}

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

/** A reporting period: local dates, both inclusive. */
export interface Period {
  kind: PeriodKind;
  from: LocalDate;
  to: LocalDate;
}

/** What an indicator's numerator and denominator are made of (`--explain`). */
export interface IndicatorExplain {
  /** Ids of the dossiers (MaHoSo), procedures (code) or PAKN (id) counted in the numerator. */
  numerator: string[];
  /** The same for the denominator (the numerator is a subset). */
  denominator: string[];
  /** Why an item of the denominator is not in the numerator, or why an item was left out. */
  reasons: Record<string, string>;
  /** The same reasons as codes with their values (`reasonText` says them in Vietnamese or English). */
  reasonCodes: Record<string, Reason>;
  /** How the figures were obtained, where more than counting (fallbacks, factors, null). */
  note?: string;
  /** The same note as codes with their values. */
  noteCodes?: Reason;
}

export interface IndicatorResult {
  numerator: number | null;
  denominator: number | null;
  /** R in %, 2 decimals; null when the denominator is 0. */
  ratio: number | null;
  target: number;
  max: number;
  score: number | null;
  /** 2.2 (an average, not a ratio): the average processing time and its unit. */
  average?: { value: number | null; unit: 'working_days' | 'working_hours' | 'calendar_days' | null };
  explain?: IndicatorExplain;
}

export interface GroupResult {
  /** Sum of the non-null indicator scores; null when every indicator is null. */
  score: number | null;
  /** Sum of the points of the non-null indicators. */
  max: number;
  indicators: Record<string, IndicatorResult>;
}

export interface IndexResult {
  period: { from: LocalDate; to: LocalDate };
  total: number;
  totalMax: number;
  band: string;
  groups: Record<GroupCode, GroupResult>;
}
