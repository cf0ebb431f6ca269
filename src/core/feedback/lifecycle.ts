// The lifecycle of a PAKN (phản ánh, kiến nghị: citizens' feedback and complaints) as a pure
// reducer over its history rows, the way the national PAKN system and the 766 index read it
// (Decision 766/QĐ-TTg indicators 5.1–5.3, SPEC §1.4 group MDHL): received (chờ tiếp nhận /
// đang xử lý) → rejected (từ chối, with a reason) | supplement requested (yêu cầu bổ sung, back to
// where it was when supplemented) | being processed → answer approved (chờ công khai, by a
// leader) → published (đã công khai). Classification (indicator 5.1: thủ tục hành chính vs hành vi
// của cán bộ) is proposed by the filer and set by the officer who handles it; transfers from the
// Government Office (VPCP) or another ministry or province (BNĐP) restart the 5.2 windows.

export const FEEDBACK_STATUSES = ['received', 'supplement_requested', 'processing', 'approved', 'published', 'rejected'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_STATUS_NAMES: Record<FeedbackStatus, { vi: string; en: string }> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  supplement_requested: { vi: 'Yêu cầu bổ sung thông tin', en: 'More information requested' },
  processing: { vi: 'Đang xử lý', en: 'Being processed' },
  approved: { vi: 'Chờ công khai', en: 'Answer approved, awaiting publication' },
  published: { vi: 'Đã công khai', en: 'Published' },
  rejected: { vi: 'Từ chối tiếp nhận', en: 'Rejected' },
};

/** 766 indicator 5.1: about the rules and procedures (TTHC), or about an officer's conduct. */
export const FEEDBACK_CLASSIFICATIONS = ['tthc', 'conduct'] as const;
export type FeedbackClassification = (typeof FEEDBACK_CLASSIFICATIONS)[number];

/** Who sent the PAKN on to us: the Government Office (Văn phòng Chính phủ) or a ministry/province (BNĐP). */
export const TRANSFER_SOURCES = ['vpcp', 'bndp'] as const;
export type TransferSource = (typeof TRANSFER_SOURCES)[number];

export type FeedbackAction =
  | { type: 'receive'; at: string; proposedClassification: FeedbackClassification | null }
  | { type: 'record_transfer'; at: string; source: TransferSource; transferredAt: string; note?: string }
  | { type: 'classify'; at: string; classification: FeedbackClassification }
  | { type: 'reject'; at: string; reason: string }
  | { type: 'request_supplement'; at: string; reason: string }
  | { type: 'supplement'; at: string; text: string }
  | { type: 'start_processing'; at: string }
  | { type: 'draft_answer'; at: string; answer: string }
  | { type: 'approve'; at: string; answer?: string }
  | { type: 'return_answer'; at: string; reason: string }
  | { type: 'publish'; at: string };

export type FeedbackActionType = FeedbackAction['type'];

export const FEEDBACK_ACTION_TYPES = [
  'receive',
  'record_transfer',
  'classify',
  'reject',
  'request_supplement',
  'supplement',
  'start_processing',
  'draft_answer',
  'approve',
  'return_answer',
  'publish',
] as const satisfies readonly FeedbackActionType[];

export const FEEDBACK_ACTION_NAMES: Record<FeedbackActionType, { vi: string; en: string }> = {
  receive: { vi: 'Tiếp nhận phản ánh, kiến nghị', en: 'Received' },
  record_transfer: { vi: 'Ghi nhận chuyển đến', en: 'Transfer recorded' },
  classify: { vi: 'Phân loại', en: 'Classified' },
  reject: { vi: 'Từ chối tiếp nhận', en: 'Rejected' },
  request_supplement: { vi: 'Yêu cầu bổ sung thông tin', en: 'More information requested' },
  supplement: { vi: 'Bổ sung thông tin', en: 'Information supplied' },
  start_processing: { vi: 'Bắt đầu xử lý', en: 'Processing started' },
  draft_answer: { vi: 'Dự thảo trả lời', en: 'Answer drafted' },
  approve: { vi: 'Phê duyệt trả lời', en: 'Answer approved' },
  return_answer: { vi: 'Trả lại dự thảo', en: 'Draft answer returned' },
  publish: { vi: 'Công khai trả lời', en: 'Answer published' },
};

/** Who may take each action: the handling officer (feedback.handle), a leader (feedback.approve) or the filer. */
export const FEEDBACK_ACTION_AUTHORITY: Record<FeedbackActionType, 'system' | 'handle' | 'approve' | 'handle_or_filer'> = {
  receive: 'system',
  record_transfer: 'handle',
  classify: 'handle',
  reject: 'handle',
  request_supplement: 'handle',
  supplement: 'handle_or_filer',
  start_processing: 'handle',
  draft_answer: 'handle',
  approve: 'approve',
  return_answer: 'approve',
  publish: 'handle',
};

export interface FeedbackTransfer {
  source: TransferSource;
  /** When the PAKN was transferred to us (ISO instant). */
  at: string;
}

export interface FeedbackState {
  status: FeedbackStatus | null;
  receivedAt: string | null;
  transfers: FeedbackTransfer[];
  proposedClassification: FeedbackClassification | null;
  classification: FeedbackClassification | null;
  rejectedAt: string | null;
  rejectReason: string | null;
  firstSupplementRequestAt: string | null;
  supplementCount: number;
  /** Where a supplied PAKN goes back to. */
  resumeTo: 'received' | 'processing' | null;
  processingStartedAt: string | null;
  draftAnswer: string | null;
  answer: string | null;
  /** Entered "chờ công khai": the answer was approved (766 5.2 "processed"). */
  approvedAt: string | null;
  publishedAt: string | null;
}

export const INITIAL_FEEDBACK_STATE: FeedbackState = Object.freeze({
  status: null,
  receivedAt: null,
  transfers: [],
  proposedClassification: null,
  classification: null,
  rejectedAt: null,
  rejectReason: null,
  firstSupplementRequestAt: null,
  supplementCount: 0,
  resumeTo: null,
  processingStartedAt: null,
  draftAnswer: null,
  answer: null,
  approvedAt: null,
  publishedAt: null,
}) as FeedbackState;

export class FeedbackRuleError extends Error {
  constructor(
    readonly code: 'not_allowed' | 'answer_missing' | 'classification_missing' | 'transfer_in_future',
    readonly action: FeedbackActionType,
    readonly status: FeedbackStatus | null,
  ) {
    super(`${action} is not allowed in status ${status ?? 'none'} (${code})`);
  }
}

/** The statuses each action may be taken in. */
const FROM: Record<FeedbackActionType, readonly (FeedbackStatus | null)[]> = {
  receive: [null],
  record_transfer: ['received', 'supplement_requested', 'processing'],
  classify: ['received', 'supplement_requested', 'processing', 'approved'],
  reject: ['received'],
  request_supplement: ['received', 'processing'],
  supplement: ['supplement_requested'],
  start_processing: ['received'],
  draft_answer: ['processing'],
  approve: ['processing'],
  return_answer: ['approved'],
  publish: ['approved'],
};

export const isFinal = (status: FeedbackStatus | null): boolean => status === 'published' || status === 'rejected';

/** The actions the rules allow now (before who may take them). */
export function allowedFeedbackActions(state: FeedbackState): FeedbackActionType[] {
  return FEEDBACK_ACTION_TYPES.filter((type) => {
    if (type === 'receive' || !FROM[type].includes(state.status)) return false;
    if (type === 'approve') return state.draftAnswer !== null && state.classification !== null;
    return true;
  });
}

/** Applies one action; throws FeedbackRuleError when the rules refuse it (the state is not changed). */
export function applyFeedbackAction(state: FeedbackState, action: FeedbackAction): FeedbackState {
  const refuse = (code: FeedbackRuleError['code'] = 'not_allowed') => new FeedbackRuleError(code, action.type, state.status);
  if (!FROM[action.type].includes(state.status)) throw refuse();
  switch (action.type) {
    case 'receive':
      return { ...INITIAL_FEEDBACK_STATE, status: 'received', receivedAt: action.at, proposedClassification: action.proposedClassification, transfers: [] };
    case 'record_transfer':
      if (Date.parse(action.transferredAt) > Date.parse(action.at)) throw refuse('transfer_in_future');
      return { ...state, transfers: [...state.transfers, { source: action.source, at: action.transferredAt }] };
    case 'classify':
      return { ...state, classification: action.classification };
    case 'reject':
      return { ...state, status: 'rejected', rejectedAt: action.at, rejectReason: action.reason };
    case 'request_supplement':
      return {
        ...state,
        status: 'supplement_requested',
        resumeTo: state.status === 'processing' ? 'processing' : 'received',
        firstSupplementRequestAt: state.firstSupplementRequestAt ?? action.at,
        supplementCount: state.supplementCount + 1,
      };
    case 'supplement':
      return { ...state, status: state.resumeTo ?? 'received', resumeTo: null };
    case 'start_processing':
      return { ...state, status: 'processing', processingStartedAt: action.at };
    case 'draft_answer':
      return { ...state, draftAnswer: action.answer };
    case 'approve': {
      const answer = action.answer ?? state.draftAnswer;
      if (answer === null || answer.trim() === '') throw refuse('answer_missing');
      if (state.classification === null) throw refuse('classification_missing');
      return { ...state, status: 'approved', answer, draftAnswer: answer, approvedAt: action.at };
    }
    case 'return_answer':
      return { ...state, status: 'processing', answer: null, approvedAt: null };
    case 'publish':
      return { ...state, status: 'published', publishedAt: action.at };
  }
}

/** The state after a whole history, in order. */
export function replayFeedback(actions: readonly FeedbackAction[]): FeedbackState {
  return actions.reduce(applyFeedbackAction, INITIAL_FEEDBACK_STATE);
}
