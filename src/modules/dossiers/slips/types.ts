// The data a dossier slip is rendered from: plain, serializable values (strings, numbers,
// booleans; instants as ISO 8601 strings), so that the dossiers module can build one from its
// state, store it beside the issued PDF, or hand it to a job.

/** Which slip: the form numbers of Circular 01/2018/TT-VPCP, plus the stop notice. */
export type SlipKind = '01' | '02' | '03' | '04' | '05' | '06' | 'stop';

export interface SlipAgency {
  /** Governing agency, e.g. "BỘ KHOA HỌC VÀ CÔNG NGHỆ" (Decree 30/2020 Appendix I: tên cơ quan chủ quản). */
  parentName?: string;
  /** The issuing unit, e.g. "CỤC SỞ HỮU TRÍ TUỆ". */
  name: string;
  /** Place in the date line, e.g. "Hà Nội". */
  place: string;
}

/** How the dossier was submitted: 1 in person, 2 online, 3 by post (as the national portal codes it). */
export type SlipChannel = 1 | 2 | 3;

export interface SlipDossier {
  code: string;
  procedureCode: string;
  procedureName: string;
  applicantName: string;
  applicantIdNumber?: string;
  applicantAddress?: string;
  applicantPhone?: string;
  applicantEmail?: string;
  channel: SlipChannel;
  /** ISO instant. */
  receivedAt?: string;
  /** ISO instant. */
  dueAt?: string;
  /** The person who handed the dossier in, when not the applicant. */
  submitter?: string;
}

export interface SlipOfficer {
  name: string;
  /** The caption over the signature; each slip has its default (e.g. "NGƯỜI TIẾP NHẬN HỒ SƠ"). */
  title?: string;
}

/** Where the applicant looks the dossier up; the QR code carries the URL, the code and the secret. */
export interface SlipLookup {
  url: string;
  /** The second factor of the public lookup. */
  secret: string;
}

interface SlipCommon {
  agency: SlipAgency;
  /** Number and symbol, e.g. "12/TB-SHTT". */
  number?: string;
  /** ISO instant of issue: the date line. */
  issuedAt: string;
  officer: SlipOfficer;
}

interface DossierSlipCommon extends SlipCommon {
  dossier: SlipDossier;
  lookup: SlipLookup;
}

export interface ReceivedComponent {
  name: string;
  originals: number;
  copies: number;
}

/** Giấy tiếp nhận hồ sơ và hẹn trả kết quả (receipt and appointment). */
export interface ReceiptSlip extends DossierSlipCommon {
  kind: '01';
  components: ReceivedComponent[];
  /** ISO instant. */
  receivedAt: string;
  /** ISO instant of the appointment to return the result. */
  dueAt: string;
  /** Fees and charges, integer VND. */
  feesTotal: number;
}

export interface SupplementItem {
  name: string;
  note?: string;
}

/** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (request to supplement). */
export interface SupplementSlip extends DossierSlipCommon {
  kind: '02';
  items: SupplementItem[];
  reason: string;
}

/** Phiếu từ chối tiếp nhận giải quyết hồ sơ (refusal). */
export interface RefusalSlip extends DossierSlipCommon {
  kind: '03';
  reasons: string[];
}

/** Phiếu xin lỗi và hẹn lại ngày trả kết quả (apology and new appointment). */
export interface ApologySlip extends DossierSlipCommon {
  kind: '04';
  reason: string;
  /** ISO instants. */
  originalDueAt: string;
  newDueAt: string;
}

export interface ControlRow {
  /** The step's name, e.g. "Thẩm định hồ sơ". */
  step: string;
  fromName: string;
  toName: string;
  /** ISO instants. */
  handedAt: string;
  dueAt: string;
  finishedAt?: string;
  /** null while the step is open. */
  onTime: boolean | null;
  note?: string;
}

/** Phiếu kiểm soát quá trình giải quyết hồ sơ (process control slip). */
export interface ControlSlip extends DossierSlipCommon {
  kind: '05';
  rows: ControlRow[];
}

/** Thông báo dừng giải quyết hồ sơ (Decree 118/2025 Art. 21; Circular 03/2025 Art. 7). */
export interface StopNotice extends DossierSlipCommon {
  kind: 'stop';
  reason: string;
  /** ISO instant of the applicant's request. */
  requestedAt: string;
}

export interface LedgerRow {
  code: string;
  procedureName: string;
  applicantName: string;
  /** ISO instants. */
  receivedAt: string;
  dueAt: string;
  finishedAt?: string;
  returnedAt?: string;
  statusName: string;
  note?: string;
}

/** Sổ theo dõi hồ sơ (the ledger of a unit over a period). */
export interface LedgerSlip extends SlipCommon {
  kind: '06';
  /** ISO instants bounding the period. */
  period: { from: string; to: string };
  unitName: string;
  rows: LedgerRow[];
}

export type DossierSlipInput = ReceiptSlip | SupplementSlip | RefusalSlip | ApologySlip | ControlSlip | StopNotice;
export type SlipInput = DossierSlipInput | LedgerSlip;

/** The form numbering in force: Circular 01/2018/TT-VPCP or Circular 03/2025/TT-VPCP. */
export type SlipNumbering = 'circular-01-2018' | 'circular-03-2025';

/** The label printed in the top corner of each slip; null prints none. */
export type FormLabels = Readonly<Record<SlipKind, string | null>>;

/**
 * The labels of each numbering. SPEC §2.4:
 * - Circular 01/2018/TT-VPCP, as listed by Hà Tĩnh QĐ 2904/QĐ-UBND of 21/11/2025: forms 01–06;
 *   the stop notice is not one of its forms.
 * - Circular 03/2025/TT-VPCP, per Hà Nội QĐ 1594/QĐ-TTPVHCC of 20/11/2025: Mẫu số 01 receipt,
 *   Mẫu số 06 control slip, Mẫu số 07 ledger, the supplement request "tại Phụ lục I", and the
 *   stop notice as an unnumbered "Mẫu Thông báo dừng giải quyết hồ sơ".
 *   UNCONFIRMED: the numbers of the refusal and the apology slips (02–05 were not read), so they
 *   print no label; an administrator who has the text passes a FormLabels table instead.
 */
export const FORM_NUMBERINGS: Readonly<Record<SlipNumbering, FormLabels>> = {
  'circular-01-2018': {
    '01': 'Mẫu số 01',
    '02': 'Mẫu số 02',
    '03': 'Mẫu số 03',
    '04': 'Mẫu số 04',
    '05': 'Mẫu số 05',
    '06': 'Mẫu số 06',
    stop: null,
  },
  'circular-03-2025': {
    '01': 'Mẫu số 01',
    '02': 'Phụ lục I',
    '03': null, // UNCONFIRMED
    '04': null, // UNCONFIRMED
    '05': 'Mẫu số 06',
    '06': 'Mẫu số 07',
    stop: null,
  },
};

/** The form label of a slip under a numbering (or a table of one's own), e.g. "Mẫu số 01". */
export function formLabel(kind: SlipKind, numbering: SlipNumbering | FormLabels): string | undefined {
  const labels = typeof numbering === 'string' ? FORM_NUMBERINGS[numbering] : numbering;
  return labels[kind] ?? undefined;
}
