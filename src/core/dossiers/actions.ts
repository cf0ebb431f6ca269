// The actions of a dossier's log, the facts a replay reads, and the rule settings. Pure types and
// data. An action row keeps more than the rules read (reasons, contents, files, fee lines): the
// reducer reads only `type`, `at`, `actor` and the fields below, so a replay file may leave the
// rest out.
import type { StepKind } from '../catalog/types.ts';
import type { DossierChannel } from './status.ts';

export const ACTION_TYPES = [
  'submit',
  'request_completion',
  'resubmit',
  'receive',
  'refuse',
  'transfer',
  'assign',
  'examine',
  'approve',
  'return_for_rework',
  'request_supplement',
  'submit_supplement',
  'request_payment',
  'confirm_payment',
  'apologize',
  'issue_result',
  'return_result',
  'withdraw',
  'stop',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export const ACTION_NAMES: Record<ActionType, { vi: string; en: string }> = {
  submit: { vi: 'Nộp hồ sơ trực tuyến', en: 'Submit online' },
  request_completion: { vi: 'Yêu cầu hoàn thiện hồ sơ (trước tiếp nhận)', en: 'Ask to complete (before receipt)' },
  resubmit: { vi: 'Nộp lại hồ sơ đã hoàn thiện', en: 'Resubmit the completed dossier' },
  receive: { vi: 'Tiếp nhận hồ sơ', en: 'Receive' },
  refuse: { vi: 'Từ chối tiếp nhận', en: 'Refuse at receipt' },
  transfer: { vi: 'Chuyển hồ sơ đến đơn vị xử lý', en: 'Transfer to the processing unit' },
  assign: { vi: 'Phân công xử lý', en: 'Assign' },
  examine: { vi: 'Thẩm định, trình kết quả', en: 'Examine and submit for approval' },
  approve: { vi: 'Phê duyệt', en: 'Approve' },
  return_for_rework: { vi: 'Trả lại để xử lý lại', en: 'Return for rework' },
  request_supplement: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Request a supplement' },
  submit_supplement: { vi: 'Nộp bổ sung', en: 'Submit the supplement' },
  request_payment: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Request payment' },
  confirm_payment: { vi: 'Xác nhận đã thanh toán', en: 'Confirm payment' },
  apologize: { vi: 'Xin lỗi và hẹn lại ngày trả kết quả', en: 'Apologize and reschedule' },
  issue_result: { vi: 'Ban hành kết quả', en: 'Issue the result' },
  return_result: { vi: 'Trả kết quả', en: 'Return the result' },
  withdraw: { vi: 'Rút hồ sơ', en: 'Withdraw' },
  stop: { vi: 'Dừng xử lý', en: 'Stop processing' },
};

export type ResultOutcome = 'granted' | 'refused';

/** One entry of the log as the rules read it. */
export interface DossierAction {
  type: ActionType;
  /** The instant it was taken (ISO 8601 or a Date). */
  at: string | Date;
  /** The acting account, when known (the examine step checks it against the assignee). */
  actor?: string | null;
  /** apologize: the new date promised (Mẫu 04). */
  newDueAt?: string | Date;
  /** issue_result: the outcome; a refusal after review is a processed dossier. */
  outcome?: ResultOutcome;
  /** assign: the officer assigned. */
  assignee?: string;
  /** transfer: the unit the dossier goes to. */
  unitId?: string;
}

export type ProcedureTimeUnit = 'working_days' | 'working_hours' | 'calendar_days' | 'months';

export interface TimeLimit {
  value: number;
  unit: ProcedureTimeUnit;
}

/** A step of the procedure version's internal workflow (the catalog's `steps`). */
export interface WorkflowStepFact {
  kind: StepKind;
  role?: string;
  unitId?: string;
  budget: TimeLimit;
}

/** What a dossier's rules depend on besides its log: fixed at intake, from the pinned version. */
export interface DossierFacts {
  /** The version's processing time (absent: no legal limit is known, so no due date). */
  processingTime?: TimeLimit & { skipDaysOff?: boolean; online?: TimeLimit };
  channel: DossierChannel;
  /** The internal workflow; absent or empty: processing actions are taken in any order. */
  steps?: readonly WorkflowStepFact[];
  settings?: Partial<DossierRuleSettings>;
}

export interface DossierRuleSettings {
  /** Awaiting payment (6) pauses the clock like a supplement does. UNCONFIRMED; default on. */
  paymentPausesClock: boolean;
  /** An apology needs at least this many working days left before the due date (chậm nhất 01 ngày). */
  apologyMarginWorkingDays: number;
  /** Reschedules allowed per dossier ("không quá một lần"). */
  maxApologies: number;
  /** A dossier with more supplement requests than this is not on time (Decision 766, indicator 2.1). */
  maxSupplementsOnTime: number;
}

export const DEFAULT_RULE_SETTINGS: Readonly<DossierRuleSettings> = Object.freeze({
  paymentPausesClock: true,
  apologyMarginWorkingDays: 1,
  maxApologies: 1,
  maxSupplementsOnTime: 1,
});
