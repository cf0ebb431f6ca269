// Synthetic dossiers for demonstrations and benchmarks: legal logs built with the pure reducer at
// past instants (never through the HTTP API), chained like intake chains them, and projected the
// way the service projects them, so `motcua dossiers verify` passes on them. Deterministic for a
// seed. Pure except for hashing.
import { formatLocalIso, type WorkingCalendar } from '../../core/calendar/index.ts';
import type { ProcedureContent } from '../../core/catalog/types.ts';
import type { Exemption } from '../../core/digitization/index.ts';
import {
  CHANNEL,
  GENESIS_HASH,
  INITIAL_STATE,
  applyAction,
  entryHash,
  isAllowed,
  type ActionType,
  type DossierAction,
  type DossierChannel,
  type DossierFacts,
  type DossierState,
  type DossierStatus,
} from '../../core/dossiers/index.ts';
import { formatDossierCode, type DossierCodeFormat } from '../../core/identifiers/index.ts';
import { mulberry32 } from '../../core/random.ts';

/** A small deterministic generator (mulberry32), kept under the name the generators use. */
export const rng = mulberry32;
type Rand = () => number;
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

export interface SyntheticProcedure {
  procedureId: string;
  code: string;
  versionId: string;
  content: ProcedureContent;
  receivingUnitId: string;
  handlingUnitId: string;
  /** Agency code of the receiving unit (the dossier code's unit part). */
  agencyCode: string;
}

export interface SyntheticActor {
  id: string | null;
  kind: 'officer' | 'citizen' | 'organization' | 'system';
  label: string;
}

/** Officers the logs name; ids are accounts when given (the assignee column references accounts). */
export interface SyntheticOfficers {
  receiver: SyntheticActor;
  leader: SyntheticActor;
  specialist: SyntheticActor;
}

export const DEFAULT_OFFICERS: SyntheticOfficers = {
  receiver: { id: null, kind: 'officer', label: 'tiepnhan (Nguyễn Thị Lan)' },
  leader: { id: null, kind: 'officer', label: 'lanhdao (Trần Quốc Hùng)' },
  specialist: { id: null, kind: 'officer', label: 'chuyenvien (Lê Minh Tuấn)' },
};

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Quốc', 'Ngọc', 'Hữu', 'Thanh', 'Đức', 'Hoài'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Phương', 'Quân', 'Sơn', 'Thảo', 'Trang', 'Tuấn', 'Vy'];
const COMPANIES = ['Công ty TNHH Công nghệ Sao Việt', 'Công ty Cổ phần Thiết bị Khoa học Hà Nội', 'Viện Nghiên cứu Vật liệu mới', 'Công ty TNHH Giải pháp Năng lượng Xanh', 'Trung tâm Đo lường Miền Trung', 'Công ty Cổ phần Dược phẩm Phương Đông'];
const PROVINCES = ['001', '031', '079', '048', '092', '036', '038'];
const STREETS = ['Trần Duy Hưng', 'Lê Duẩn', 'Nguyễn Trãi', 'Hai Bà Trưng', 'Lý Thường Kiệt', 'Điện Biên Phủ'];

export interface SyntheticApplicant {
  kind: 'citizen' | 'organization';
  idNumber: string;
  name: string;
  phone: string;
  email: string;
  address: string;
  birthDate: string;
}

export function syntheticApplicant(r: Rand, kinds: readonly ('citizen' | 'organization')[]): SyntheticApplicant {
  const kind = kinds.length > 0 ? pick(r, kinds) : 'citizen';
  const year = 1960 + Math.floor(r() * 45);
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
  const address = `Số ${1 + Math.floor(r() * 200)} ${pick(r, STREETS)}, Hà Nội`;
  const phone = `09${digits(8)}`;
  if (kind === 'organization') {
    const name = pick(r, COMPANIES);
    return { kind, idNumber: `01${digits(8)}`, name, phone, email: `lienhe${digits(3)}@example.vn`, address, birthDate: '' };
  }
  // Century/gender digit 0/1 for people born in the 1900s, 2/3 in the 2000s (Circular 59/2021).
  const gender = Math.floor(r() * 2) + (year >= 2000 ? 2 : 0);
  const idNumber = `${pick(r, PROVINCES)}${gender}${String(year % 100).padStart(2, '0')}${digits(6)}`;
  const name = `${pick(r, SURNAMES)} ${pick(r, MIDDLE)} ${pick(r, GIVEN)}`;
  const birthDate = `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
  return { kind, idNumber, name, phone, email: `nguoidan${digits(4)}@example.vn`, address, birthDate };
}

/** A logged action with the actor and the payload a stored row keeps. */
export interface SyntheticAction {
  action: DossierAction;
  actor: SyntheticActor;
  payload: Record<string, unknown>;
}

export interface SyntheticPlan {
  channel: DossierChannel;
  target: DossierStatus;
  /** The first action's instant. */
  start: Date;
  /** No action after this instant (the present, for the demo). */
  notAfter: Date;
  /** Finish after the due date (where the target is a processed status). */
  late: boolean;
  /** Supplement rounds to go through (0–2). */
  supplements: number;
  /** Apologize and reschedule before finishing late. */
  apologize: boolean;
}

/** The processing actions in the order the workflow takes them; the first one allowed is taken. */
const PROGRESS: readonly ActionType[] = ['transfer', 'assign', 'examine', 'approve', 'issue_result'];

/**
 * A legal log reaching `plan.target` (or as close as the procedure's workflow and the time allow),
 * the state after it, and each action's row content. Throws if the reducer refuses a step (a bug).
 */
export function synthesizeLog(
  r: Rand,
  facts: DossierFacts,
  calendar: WorkingCalendar,
  plan: SyntheticPlan,
  officers: SyntheticOfficers,
  applicant: SyntheticActor,
): { state: DossierState; actions: SyntheticAction[] } {
  let state: DossierState = structuredClone(INITIAL_STATE);
  const actions: SyntheticAction[] = [];
  let t = plan.start;
  const limitMs = plan.notAfter.getTime();
  const take = (type: ActionType, actor: SyntheticActor, payload: Record<string, unknown> = {}, extra: Partial<DossierAction> = {}, at = t) => {
    const action: DossierAction = { type, at: new Date(Math.min(at.getTime(), limitMs)), actor: actor.id, ...extra };
    if (new Date(action.at).getTime() < (state.lastActionAt ? Date.parse(state.lastActionAt) : 0)) action.at = new Date(state.lastActionAt!);
    const result = applyAction(state, action, facts, calendar);
    if (!result.ok) throw new Error(`synthetic log broke ${result.error.error} at ${type} (status ${result.error.status})`);
    state = result.state;
    actions.push({ action, actor, payload });
    t = new Date(action.at);
  };
  /** Moves the clock on by some working hours (never past notAfter). */
  const wait = (minHours: number, maxHours: number) => {
    t = calendar.addWorkingTime(t, minHours + r() * (maxHours - minHours), 'working_hours');
  };
  const room = () => t.getTime() < limitMs;

  if (plan.channel === CHANNEL.online) {
    take('submit', applicant);
    if (plan.target === 1) return { state, actions };
    wait(1, 12);
    if (plan.target === 7 && r() < 0.5) {
      take('withdraw', applicant, { reason: 'Tôi nộp nhầm thủ tục, xin rút hồ sơ.' });
      return { state, actions };
    }
    if (plan.target === 3) {
      take('refuse', officers.receiver, { reason: 'Hồ sơ không thuộc thẩm quyền giải quyết của Bộ.' });
      return { state, actions };
    }
  } else if (plan.target === 1 || plan.target === 3) {
    // A counter dossier is received when taken: it is never 1 or 3.
    plan = { ...plan, target: 2 };
  }
  take('receive', officers.receiver, plan.channel === CHANNEL.online ? {} : { channel: plan.channel });
  if (plan.target === 2) return { state, actions };

  const due = () => (state.dueAt ? new Date(state.dueAt) : undefined);
  /** Spread of the processing: on time within the limit, late past it. */
  const finishBy = (): Date => {
    const d = due();
    if (!d) return calendar.addWorkingTime(t, 40 + r() * 80, 'working_hours');
    if (plan.late) return calendar.addWorkingTime(d, 4 + r() * 32, 'working_hours');
    const span = Math.max(0, d.getTime() - t.getTime());
    return new Date(t.getTime() + span * (0.3 + r() * 0.6));
  };
  let target = finishBy();
  const gap = () => {
    const remaining = Math.max(0, target.getTime() - t.getTime());
    const next = new Date(t.getTime() + remaining / (2 + r() * 3));
    t = calendar.addWorkingTime(next, 0.25, 'working_hours');
  };

  let supplementsLeft = plan.supplements;
  const terminal = (type: 'withdraw' | 'stop') => {
    gap();
    take(type, type === 'withdraw' ? applicant : officers.specialist, { reason: type === 'withdraw' ? 'Người nộp đề nghị rút hồ sơ để hoàn thiện lại.' : 'Đối tượng của yêu cầu đang có tranh chấp, dừng xử lý theo quy định.' });
  };
  for (let guard = 0; guard < 40; guard++) {
    if (!room()) break;
    const s = state.status;
    if ((plan.target === 7 || plan.target === 8) && s === 4) {
      terminal(plan.target === 7 ? 'withdraw' : 'stop');
      return { state, actions };
    }
    if (plan.target === 4 && s === 4 && actions.some((a) => a.action.type === 'assign' || a.action.type === 'examine')) break;
    if (s === 4 && supplementsLeft > 0 && actions.some((a) => a.action.type !== 'receive' && a.action.type !== 'submit')) {
      gap();
      take('request_supplement', officers.specialist, { reason: 'Hồ sơ còn thiếu tài liệu theo quy định.', items: ['Bản sao giấy tờ chứng minh quyền nộp đơn'] });
      if (plan.target === 5 && supplementsLeft === 1) return { state, actions };
      t = calendar.addWorkingTime(t, 4 + r() * 30, 'working_hours');
      if (!room()) break;
      take('submit_supplement', applicant, { note: 'Đã bổ sung tài liệu theo yêu cầu.' });
      supplementsLeft--;
      target = new Date(Math.max(target.getTime(), finishBy().getTime()));
      continue;
    }
    if (plan.target === 5 && s === 4 && supplementsLeft === 0) {
      gap();
      take('request_supplement', officers.specialist, { reason: 'Cần bổ sung bản thuyết minh chi tiết.', items: ['Bản thuyết minh'] });
      return { state, actions };
    }
    if (plan.target === 6 && s === 4 && actions.some((a) => a.action.type === 'examine')) {
      gap();
      take('request_payment', officers.specialist, { fees: [], amountVnd: 0 });
      return { state, actions };
    }
    if (plan.apologize && plan.late && state.apologyCount === 0 && state.dueAt) {
      const d = due()!;
      const latest = calendar.addWorkingTime(t, 1, 'working_days');
      if (latest.getTime() <= d.getTime() && target.getTime() > d.getTime() && isAllowed(state, 'apologize', facts)) {
        const newDue = calendar.addWorkingTime(target, 8, 'working_hours');
        take('apologize', officers.specialist, { reason: 'Hồ sơ phức tạp, cần thêm thời gian thẩm định.', newDueAt: formatLocalIso(newDue) }, { newDueAt: newDue });
        continue;
      }
    }
    const next = PROGRESS.find((type) => isAllowed(state, type, facts));
    if (!next) break;
    gap();
    if (next === 'issue_result') {
      t = new Date(Math.max(t.getTime(), target.getTime()));
      if (!room()) break;
      const outcome = r() < 0.9 ? 'granted' : 'refused';
      take('issue_result', officers.leader, { outcome, summary: outcome === 'granted' ? 'Cấp giấy chứng nhận theo đề nghị' : 'Không đủ điều kiện cấp' }, { outcome });
      break;
    }
    if (next === 'assign') take('assign', officers.leader, officers.specialist.id ? { assignee: officers.specialist.id } : {}, officers.specialist.id ? { assignee: officers.specialist.id } : {});
    else if (next === 'transfer') take('transfer', officers.receiver, {});
    else if (next === 'examine') take('examine', officers.specialist, { opinion: 'Hồ sơ đáp ứng điều kiện, đề nghị phê duyệt.' });
    else take(next, officers.leader, {});
  }
  if (plan.target === 10 && state.status === 9) {
    t = calendar.addWorkingTime(t, 2 + r() * 16, 'working_hours');
    if (room()) take('return_result', officers.receiver, { method: pick(r, ['counter', 'post', 'online']) });
  }
  return { state, actions };
}

/** A component of a counter or postal dossier as its receiver records it at receipt. */
export interface SyntheticPaperComponent {
  code: string;
  source: 'digitized' | 'exempt' | 'population_data';
  /** Pages of the paper (digitized only; the scan has as many, Circular 01/2023 Art. 8(2)). */
  pageCount: number | null;
  exemption: Exemption | null;
}

/**
 * The components a receiver records at a counter or postal receipt, as the warehouse module's
 * intake judges them: each required component and about half of the conditional ones are handed
 * in; most are digitized with every check of Circular 01/2023 Art. 8(2) confirmed, a few exempted
 * for a reason of Circular 03/2025 Art. 5(2) that fits a paper an applicant hands in (only to be
 * shown; classified). A component the population database replaces is recorded as replaced, with
 * nothing handed in. Page counts lean to the short papers most dossiers hold.
 */
export function synthesizePaperComponents(r: Rand, components: ProcedureContent['components']): SyntheticPaperComponent[] {
  const out: SyntheticPaperComponent[] = [];
  for (const c of components) {
    if (c.replacedByPopulationData) {
      out.push({ code: c.code, source: 'population_data', pageCount: null, exemption: null });
      continue;
    }
    if (c.requirement === 'conditional' && r() < 0.5) continue;
    const x = r();
    if (x < 0.05) out.push({ code: c.code, source: 'exempt', pageCount: null, exemption: 'shown_only' });
    else if (x < 0.06) out.push({ code: c.code, source: 'exempt', pageCount: null, exemption: 'classified' });
    else out.push({ code: c.code, source: 'digitized', pageCount: 1 + Math.floor(r() * r() * 40), exemption: null });
  }
  return out;
}

/** The chained rows of a log: seq, hashes, as intake and `append` write them. */
export function chainRows(dossierId: string, actions: readonly SyntheticAction[]) {
  let previous = GENESIS_HASH;
  return actions.map((a, i) => {
    const seq = i + 1;
    const at = new Date(a.action.at);
    const entry = { dossierId, seq, type: a.action.type, at: at.toISOString(), actorId: a.actor.id, payload: a.payload };
    const hash = entryHash(previous, entry);
    const row = { dossier_id: dossierId, seq, type: a.action.type, at, actor_id: a.actor.id, actor_kind: a.actor.kind, actor_label: a.actor.label, payload: a.payload, prev_hash: previous, hash };
    previous = hash;
    return row;
  });
}

/** Per (unit code, local day) counters for dossier codes, continuing the stored sequences. */
export class CodeCounter {
  readonly used = new Map<string, number>();
  constructor(
    private readonly settings: { format: DossierCodeFormat; systemCode: string },
    private readonly stored: ReadonlyMap<string, number>,
  ) {}
  next(unitCode: string, at: Date): string {
    const day = formatLocalIso(at).slice(0, 10);
    const key = `${unitCode}|${day}`;
    const value = (this.used.get(key) ?? this.stored.get(key) ?? 0) + 1;
    this.used.set(key, value);
    return formatDossierCode({ format: this.settings.format, systemCode: this.settings.systemCode, unitCode, receivedAt: at, sequence: value });
  }
}
