// The types of the procedure catalog. The content of a version is defined once, as the Zod schema
// in content.ts; its types here are inferred from it (z.infer), so the rules of core/catalog, the
// module's validation at the edge and the web app's types cannot drift apart.
import type { z } from 'zod';
import type { TimeUnit } from '../calendar/types.ts';
import type { EformDefinition } from '../eforms/validate.ts';
import type {
  DossierComponentSchema,
  DurationSchema,
  FeeLineSchema,
  ProcedureContentSchema,
  ProcessingTimeSchema,
  ProcessingTimeUnit as ProcessingTimeUnitSchema,
  WorkflowStepSchema,
} from './content.ts';

export interface Localized {
  vi: string;
  en: string;
}

// ---- Inferred from the one schema (content.ts) ----

/** The content of one version (the whole TTHC as published, plus its workflow and e-form). */
export type ProcedureContent = z.infer<typeof ProcedureContentSchema>;

/**
 * Units of a processing time limit. The first three are the working-time calendar's units
 * (core/calendar TimeUnit), so a dossier's deadline is computed by the calendar; `months` are
 * calendar months (the IP Office's examination stages are set in months, IP Law Art. 119).
 */
export type ProcessingTimeUnit = z.infer<typeof ProcessingTimeUnitSchema>;
export type Duration = z.infer<typeof DurationSchema>;
/** `skipDaysOff`: calendar-day limits only; `online`: the limit for online submission where it differs. */
export type ProcessingTime = z.infer<typeof ProcessingTimeSchema>;
/** Cấp thực hiện. `district` is kept for versions published before 1 July 2025 only (check.ts). */
export type ProcedureLevel = ProcedureContent['level'];
/** Đối tượng thực hiện: who may file (LoaiDoiTuong of DVCQG) and their origin. */
export type SubjectKind = ProcedureContent['subjects']['kinds'][number];
export type SubjectOrigin = ProcedureContent['subjects']['origins'][number];
/** Mức độ dịch vụ công trực tuyến — Decree 42/2022/NĐ-CP Art. 11(1). */
export type OnlineLevel = ProcedureContent['onlineLevel'];
/** Cách thức thực hiện (KenhThucHien of DVCQG: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích). */
export type Channel = ProcedureContent['methods']['channels'][number];
export type ImplementingUnit = ProcedureContent['implementingUnits'][number];
export type ImplementingRole = ImplementingUnit['role'];
/** Phí (fee, for a service) or lệ phí (charge, a state levy) — Law on Fees and Charges 2015. */
export type FeeLine = z.infer<typeof FeeLineSchema>;
/** One component of the dossier (thành phần hồ sơ). */
export type DossierComponent = z.infer<typeof DossierComponentSchema>;
export type AcceptedFormat = DossierComponent['acceptedFormats'][number];
export type ProcedureResult = ProcedureContent['result'];
/** Steps of the internal workflow (the process control slip rows of a dossier). */
export type WorkflowStep = z.infer<typeof WorkflowStepSchema>;
export type StepKind = WorkflowStep['kind'];
export type StepRole = WorkflowStep['role'];
export type LegalDocument = ProcedureContent['legalBasis'][number];
/** Quyết định công bố TTHC: input of 766 indicators 1.1 and 1.2. */
export type PublicationDecision = ProcedureContent['publicationDecisions'][number];
export type Eform = ProcedureContent['eform'];

// The calendar computes deadlines in its own units: every unit but `months` must be one of them.
type Assert<T extends true> = T;
export type ProcessingUnitsAreCalendarUnits = Assert<Exclude<ProcessingTimeUnit, 'months'> extends TimeUnit ? true : false>;
// The e-form part is what core/eforms validates and renders.
export type EformIsEformDefinition = Assert<Eform extends EformDefinition ? true : false>;

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
