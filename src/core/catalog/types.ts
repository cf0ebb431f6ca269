// The content of one version of an administrative procedure (thủ tục hành chính, TTHC), as pure
// types. The catalog module's Zod schemas (src/modules/catalog/schema.ts) validate exactly this
// shape at the edge; these types are what the rules in core/catalog work on.
import type { TimeUnit } from '../calendar/types.ts';

export interface Localized {
  vi: string;
  en: string;
}

/**
 * Units of a processing time limit. The first three are the working-time calendar's units
 * (core/calendar TimeUnit), so a dossier's deadline is computed by the calendar; `months` are
 * calendar months (the IP Office's examination stages are set in months, IP Law Art. 119).
 */
export type ProcessingTimeUnit = TimeUnit | 'months';

export interface Duration {
  value: number;
  unit: ProcessingTimeUnit;
}

export interface ProcessingTime extends Duration {
  /** Calendar-day limits only: a due day that is a day off moves to the next working day. */
  skipDaysOff: boolean;
  /** The limit for online submission where it differs from `value`/`unit` (direct submission). */
  online?: Duration | undefined;
  /** Free text, e.g. the stages of an examination. */
  note?: string | undefined;
}

/** Cấp thực hiện. */
export type ProcedureLevel = 'central' | 'provincial' | 'district' | 'commune';

/** Đối tượng thực hiện: who may file (LoaiDoiTuong of DVCQG) and their origin. */
export type SubjectKind = 'citizen' | 'business' | 'organization';
export type SubjectOrigin = 'vietnamese' | 'overseas_vietnamese' | 'foreigner';

/** Mức độ dịch vụ công trực tuyến — Decree 42/2022/NĐ-CP Art. 11(1). */
export type OnlineLevel = 'full' | 'partial';

/** Cách thức thực hiện (KenhThucHien of DVCQG: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích). */
export type Channel = 'direct' | 'online' | 'postal';

export type ImplementingRole = 'decides' | 'receives' | 'processes' | 'coordinates';

export interface ImplementingUnit {
  unitId: string;
  role: ImplementingRole;
}

/** Phí (fee, for a service) or lệ phí (charge, a state levy) — Law on Fees and Charges 2015. */
export interface FeeLine {
  code: string;
  name: string;
  kind: 'fee' | 'charge';
  /** Integer VND; zero allowed. The fixed amount (or the minimum where `basis` describes a rate). */
  amountVnd: number;
  /** How the amount is set when it is not a flat amount, e.g. "0,1% giá trị hợp đồng". */
  basis?: string | undefined;
}

export type AcceptedFormat = 'pdf' | 'doc' | 'docx' | 'xls' | 'xlsx' | 'jpg' | 'png' | 'tiff' | 'xml' | 'zip';

/** One component of the dossier (thành phần hồ sơ). */
export interface DossierComponent {
  code: string;
  name: string;
  requirement: 'required' | 'conditional';
  /** When a conditional component is needed. */
  condition?: string | undefined;
  /** Number of originals (bản chính) and of copies (bản sao) to file. */
  originals: number;
  copies: number;
  acceptedFormats: AcceptedFormat[];
  /** Document types of the citizen's data warehouse (Kho, Decree 45/2020 Art. 16) that satisfy it. */
  warehouseDocumentTypes: string[];
  /** Population data replaces this paper (Project 06: no re-supply of population data). */
  replacedByPopulationData: boolean;
  /** Form or template reference (mẫu đơn, tờ khai), e.g. "Mẫu số 01 Phụ lục I Nghị định 65/2023/NĐ-CP". */
  templateRef?: string | undefined;
}

export interface ProcedureResult {
  producesDocument: boolean;
  name?: string | undefined;
  templateRef?: string | undefined;
}

/** Steps of the internal workflow (the process control slip rows of a dossier). */
export type StepKind = 'receive' | 'transfer' | 'assign' | 'examine' | 'approve' | 'sign_issue' | 'return';

export type StepRole = 'receiver' | 'specialist' | 'unit_leader' | 'ministry_leader';

export interface WorkflowStep {
  kind: StepKind;
  name?: string | undefined;
  role: StepRole;
  /** The unit that acts, when not the owning unit. */
  unitId?: string | undefined;
  budget: Duration;
}

export interface LegalDocument {
  /** Số hiệu, e.g. "65/2023/NĐ-CP". */
  number: string;
  title: string;
  issuedOn?: string | undefined;
  /** Ngày hiệu lực (YYYY-MM-DD): input of 766 indicator 1.1. */
  effectiveFrom: string;
}

/** Quyết định công bố TTHC: input of 766 indicators 1.1 and 1.2. */
export interface PublicationDecision {
  number: string;
  decidedOn: string;
  /** thêm mới / sửa đổi, bổ sung / bãi bỏ. */
  kind: 'new' | 'amended' | 'abolished';
  /** When the TTHC was made public after this decision, if it predates this system. */
  publishedOn?: string | undefined;
}

export interface Eform {
  /** JSON Schema (draft 2020-12) of the form data. */
  schema: Record<string, unknown>;
  /** Presentation: see core/eforms/ui-schema.ts. */
  uiSchema: import('../eforms/ui-schema.ts').EformUiSchema;
}

export interface ProcedureContent {
  name: string;
  nameEn?: string | undefined;
  field: { code: string; name: string };
  level: ProcedureLevel;
  implementingUnits: ImplementingUnit[];
  subjects: { kinds: SubjectKind[]; origins: SubjectOrigin[] };
  onlineLevel: OnlineLevel;
  fullOnlineEligible: boolean;
  methods: { channels: Channel[]; description?: string | undefined };
  /** Trình tự thực hiện: the steps as the applicant sees them. */
  sequence: string[];
  /** Yêu cầu, điều kiện. */
  requirements?: string | undefined;
  processingTime?: ProcessingTime | undefined;
  fees: FeeLine[];
  components: DossierComponent[];
  result: ProcedureResult;
  steps: WorkflowStep[];
  eform: Eform;
  legalBasis: LegalDocument[];
  publicationDecisions: PublicationDecision[];
}

/** One issue found when checking a version: errors block publishing, warnings do not. */
export interface CatalogIssue {
  severity: 'error' | 'warning';
  /** JSON pointer into the version content, e.g. `/steps/2/budget` (for programs). */
  pointer: string;
  /** The label of the place the pointer addresses, e.g. "Quy trình xử lý nội bộ › bước 3 › Thời gian" (for people). */
  field: Localized;
  code: string;
  message: Localized;
}

/** An issue before its field label is added (the rules produce these; the check labels them). */
export type UnlabelledIssue = Omit<CatalogIssue, 'field'>;
