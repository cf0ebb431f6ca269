// Rules of the national science and technology database. Pure functions, no I/O.
//
// - S&T organizations register their S&T activity and receive a registration certificate (giấy
//   chứng nhận đăng ký hoạt động khoa học và công nghệ; Decree 08/2014/NĐ-CP Art. 5–8, Circular
//   03/2014/TT-BKHCN). Kinds: Law on Science and Technology 2013 Art. 9; ownership Art. 12.
// - S&T tasks (nhiệm vụ khoa học và công nghệ) have a level (Law on S&T 2013 Art. 25: cấp quốc gia,
//   cấp bộ, cấp tỉnh, cấp cơ sở), a host organization and a principal investigator (Art. 27), are
//   selected or assigned (Art. 28–29), carried out under a contract (Art. 30), evaluated and
//   accepted (nghiệm thu, Art. 31; Circular 11/2014/TT-BKHCN for national tasks) or stopped.
// - Researchers: the academic titles giáo sư / phó giáo sư require a doctorate (Decision
//   37/2018/QĐ-TTg Art. 4–5).
import { dayNumber } from '../calendar/local-time.ts';

export const ORG_KINDS = ['research', 'higher-education', 'service'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_OWNERSHIPS = ['public', 'non-public', 'foreign'] as const;
export type OrgOwnership = (typeof ORG_OWNERSHIPS)[number];
export const ORG_STATUSES = ['active', 'suspended', 'dissolved'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];

/**
 * The first level of the classification of S&T fields (bảng phân loại lĩnh vực nghiên cứu khoa học
 * và công nghệ, Decision 12/2008/QĐ-BKHCN, now Circular 05/2025/TT-BKHCN): 1 natural sciences,
 * 2 engineering and technology, 3 medical and health, 4 agricultural, 5 social sciences, 6 humanities.
 */
export const ST_FIELDS = ['natural', 'engineering', 'medical', 'agricultural', 'social', 'humanities'] as const;
export type StField = (typeof ST_FIELDS)[number];

export const TASK_LEVELS = ['national', 'ministry', 'provincial', 'grassroots'] as const;
export type TaskLevel = (typeof TASK_LEVELS)[number];
export const TASK_STATUSES = ['proposed', 'approved', 'in_progress', 'accepted', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const ACCEPTANCE_RESULTS = ['excellent', 'pass', 'fail'] as const;
export type AcceptanceResult = (typeof ACCEPTANCE_RESULTS)[number];

export const DEGREES = ['bachelor', 'master', 'doctor', 'dsc'] as const;
export type Degree = (typeof DEGREES)[number];
export const ACADEMIC_TITLES = ['professor', 'associate-professor'] as const;
export type AcademicTitle = (typeof ACADEMIC_TITLES)[number];

/**
 * The number of a registration certificate: "A-1234" for one issued by the Ministry, "<issuer>-<n>"
 * (e.g. "HN-123", "79-0456") for one issued by a provincial Department. UNCONFIRMED: Circular
 * 03/2014/TT-BKHCN prescribes the certificate form, not a numbering scheme; this is the shape of
 * the published certificates, kept loose on purpose. The migration's CHECK holds the same pattern.
 */
export const REGISTRATION_NO_PATTERN = /^[A-Z0-9Đ]{1,6}(-[A-Z0-9Đ]{1,6})?-[0-9]{1,6}$/;
/**
 * A task or programme code (mã số nhiệm vụ), e.g. "ĐTĐL.CN-12/24", "KC.4.0-05/19-25", "ĐT.BKHCN.21/2025".
 * UNCONFIRMED: each managing agency numbers its own tasks; only the characters are constrained.
 */
export const TASK_CODE_PATTERN = /^[A-Z0-9Đ][A-Z0-9Đ./-]{2,39}$/;

/** Normalizes a typed code: trimmed, upper case (đ → Đ), NFC. */
export const normalizeCode = (s: string) => s.normalize('NFC').trim().toUpperCase();

export const isRegistrationNo = (s: string) => REGISTRATION_NO_PATTERN.test(s);
export const isTaskCode = (s: string) => TASK_CODE_PATTERN.test(s);

/**
 * The life of a task: proposed (đề xuất đặt hàng) → approved (phê duyệt, selected or assigned:
 * Law on S&T 2013 Art. 28–29) → in progress (contract signed, Art. 30) → accepted (nghiệm thu,
 * Art. 31); cancelled (dừng, chấm dứt hợp đồng: Art. 33 / Decree 08/2014 Art. 29 where the task cannot
 * go on) from any state before acceptance. Accepted and cancelled are final.
 */
export const TASK_TRANSITIONS: Record<TaskStatus, readonly TaskStatus[]> = {
  proposed: ['approved', 'cancelled'],
  approved: ['in_progress', 'cancelled'],
  in_progress: ['accepted', 'cancelled'],
  accepted: [],
  cancelled: [],
};

/** Whether a task may go from one status to another (staying in the same status is always allowed). */
export function canMoveTask(from: TaskStatus, to: TaskStatus): boolean {
  return from === to || TASK_TRANSITIONS[from].includes(to);
}

export type TaskProblem = 'end_not_after_start' | 'acceptance_without_date' | 'date_without_acceptance' | 'accepted_before_start' | 'accepted_in_future' | 'negative_budget' | 'pi_is_member' | 'duplicate_member';

/** What is wrong with a task's dates, budget, acceptance and team, or undefined. `today` is a local date. */
export function taskProblem(input: {
  status: TaskStatus;
  startOn: string;
  endOn: string;
  acceptedOn: string | null;
  acceptanceResult: AcceptanceResult | null;
  budgetVnd: number;
  piPersonalId: string;
  memberPersonalIds: readonly string[];
  today: string;
}): TaskProblem | undefined {
  if (dayNumber(input.endOn) <= dayNumber(input.startOn)) return 'end_not_after_start';
  if (!Number.isSafeInteger(input.budgetVnd) || input.budgetVnd < 0) return 'negative_budget';
  if (input.status === 'accepted' && (input.acceptedOn === null || input.acceptanceResult === null)) return 'acceptance_without_date';
  if (input.status !== 'accepted' && (input.acceptedOn !== null || input.acceptanceResult !== null)) return 'date_without_acceptance';
  if (input.acceptedOn !== null && dayNumber(input.acceptedOn) < dayNumber(input.startOn)) return 'accepted_before_start';
  if (input.acceptedOn !== null && dayNumber(input.acceptedOn) > dayNumber(input.today)) return 'accepted_in_future';
  if (input.memberPersonalIds.includes(input.piPersonalId)) return 'pi_is_member';
  if (new Set(input.memberPersonalIds).size !== input.memberPersonalIds.length) return 'duplicate_member';
  return undefined;
}

export type TaskProgress = TaskStatus | 'overdue';

/** The status shown on a date: a task still in progress after its end date is overdue (quá hạn). */
export function taskProgress(status: TaskStatus, endOn: string, today: string): TaskProgress {
  return status === 'in_progress' && dayNumber(endOn) < dayNumber(today) ? 'overdue' : status;
}

/** Whether a researcher's academic title fits the degree (Decision 37/2018/QĐ-TTg Art. 4–5: a doctorate). */
export function titleFitsDegree(title: AcademicTitle | null, degree: Degree): boolean {
  return title === null || degree === 'doctor' || degree === 'dsc';
}

/** Whether an organization's registration is in effect (Decree 08/2014/NĐ-CP Art. 8: suspended or revoked certificates are not). */
export const organizationInEffect = (status: OrgStatus) => status === 'active';

/** An amount in VND as written in Vietnamese documents: 1.250.000.000 đ. */
export function formatVnd(amount: number): string {
  return `${String(Math.trunc(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}
