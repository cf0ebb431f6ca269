// The ratings and PAKN use cases. Ratings: the applicant rates a returned dossier online, or at
// the counter on the kiosk a receiver opened; the public reads anonymous aggregates. PAKN: anyone
// files one, officers record transferred ones, handle them through the lifecycle (core/feedback)
// to a published answer that the public reads and votes on. One transaction per use case: the
// history row, the projection and the audit row commit together; whatever another module reads
// through its own connection (units, calendar, dossiers, catalog) is read before it.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { can, unitsWhere, type Principal, type UnitTree } from '../../core/access/index.ts';
import type { WorkingCalendar } from '../../core/calendar/index.ts';
import {
  DEFAULT_RATING_CRITERIA,
  FEEDBACK_ACTION_AUTHORITY,
  FEEDBACK_ACTION_NAMES,
  FEEDBACK_STATUS_NAMES,
  FeedbackRuleError,
  INITIAL_FEEDBACK_STATE,
  allowedFeedbackActions,
  applyFeedbackAction,
  canChangeRating,
  feedbackDeadlines,
  feedbackTimeliness,
  ratio,
  scoreProblems,
  type FeedbackAction,
  type FeedbackActionType,
  type FeedbackState,
  type FeedbackStatus,
  type FeedbackWindows,
  type RatingCriterion,
} from '../../core/feedback/index.ts';
import { STATUS } from '../../core/dossiers/index.ts';
import type { DB } from '../../db/types.ts';
import { assertCan, forbiddenFor, unauthenticated } from '../../http/access.ts';
import { ProblemError } from '../../http/problem.ts';
import { actorOf, recordAudit, type AuditActor } from '../audit/service.ts';
import type { UnitDirectory } from '../identity/units/directory.ts';
import type {
  FeedbackActionBody,
  FeedbackIndexItem,
  FeedbackListQuery,
  FeedbackView,
  FileFeedbackBody,
  PublicFeedback,
  RatingBody,
  RatingForm,
  RatingIndexItem,
  RecordFeedbackBody,
} from './schema.ts';
import {
  aggregateRatings,
  castVote,
  feedbackReceivedIn,
  findFeedback,
  findRating,
  insertFeedback,
  insertFeedbackEvent,
  insertRating,
  listFeedback,
  listFeedbackEvents,
  listPublished,
  ratingGroups,
  ratingsInPeriod,
  updateFeedback,
  updateRating,
  voteOf,
  nextFeedbackNumber,
  type FeedbackRow,
  type RatingRow,
} from './store.ts';

/** What the feedback module needs to know of a dossier (the dossiers module's `subject`). */
export interface DossierSubject {
  id: string;
  code: string;
  status: number;
  unitId: string;
  handlingUnitId: string;
  procedureCode: string;
  procedureName: string;
  applicantName: string;
  applicantAccountId: string | null;
  submitterAccountId: string | null;
  returnedAt: Date | null;
}

export interface FeedbackSettings {
  criteria: readonly RatingCriterion[];
  changeDays: number;
  windows: FeedbackWindows;
  /** The unit receiving a PAKN about neither a dossier nor a procedure (undefined: the first root). */
  defaultUnitId?: string;
}

export interface FeedbackServiceDeps {
  db: Kysely<DB>;
  units: UnitDirectory;
  calendar: () => Promise<WorkingCalendar>;
  dossierSubject: (code: string) => Promise<DossierSubject | undefined>;
  /** The owning unit and name of a procedure's published version (catalog); undefined when none. */
  procedure: (code: string) => Promise<{ ownerUnitId: string; name: string } | undefined>;
  settings: FeedbackSettings;
  now?: () => Date;
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
const VN_OFFSET_MS = 7 * 3_600_000;
/** A local date (Asia/Ho_Chi_Minh) as the instant of its midnight. */
const localMidnight = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - VN_OFFSET_MS);
const nextLocalMidnight = (date: string) => new Date(localMidnight(date).getTime() + 86_400_000);

const notFound = (what: { vi: string; en: string } = { vi: 'Không tìm thấy phản ánh, kiến nghị.', en: 'No such feedback.' }) => new ProblemError('not_found', { detail: what });
const noDossier = () => new ProblemError('not_found', { detail: { vi: 'Không tìm thấy hồ sơ với mã này.', en: 'No dossier with this code.' } });

function validation(pointer: string, code: string, message: { vi: string; en: string }) {
  return new ProblemError('validation', { detail: message, errors: [{ pointer, code, message }] });
}

export function createFeedbackService(deps: FeedbackServiceDeps) {
  const { db, units, settings } = deps;
  const now = deps.now ?? (() => new Date());
  const criteria = settings.criteria.length > 0 ? settings.criteria : DEFAULT_RATING_CRITERIA;

  const unitName = async (id: string) => (await units.find(id))?.nameVi ?? id;
  async function defaultUnit(tree: UnitTree): Promise<string> {
    if (settings.defaultUnitId && tree.isActive(settings.defaultUnitId)) return settings.defaultUnitId;
    const root = tree.ids().find((id) => tree.parentOf(id) === null);
    if (!root) throw new Error('no unit to receive feedback');
    return root;
  }

  // ---------------- ratings ----------------

  const isApplicantOf = (p: Principal | undefined, d: DossierSubject) =>
    (p?.kind === 'citizen' || p?.kind === 'organization') && (d.applicantAccountId === p.accountId || d.submitterAccountId === p.accountId);

  /** The rating's window: from the return of the result (or the first rating) for RATING_CHANGE_DAYS. */
  function changeableUntil(d: DossierSubject, rating: RatingRow | undefined): Date | null {
    const start = rating?.created_at ?? d.returnedAt;
    return start ? new Date(new Date(start).getTime() + settings.changeDays * 86_400_000) : null;
  }

  async function subjectFor(p: Principal | undefined, code: string, via: 'online' | 'kiosk') {
    if (!p) throw unauthenticated();
    const d = await deps.dossierSubject(code);
    if (via === 'online') {
      if (!d || !isApplicantOf(p, d)) throw noDossier();
    } else {
      // The kiosk is opened by a receiver of the receiving unit (the counter the applicant stands at).
      if (!d) throw noDossier();
      const tree = await units.tree();
      if (!can(p, 'rating.kiosk', d.unitId, tree)) throw forbiddenFor('rating.kiosk', d.unitId);
    }
    return d;
  }

  function formOf(d: DossierSubject, rating: RatingRow | undefined): RatingForm {
    const until = changeableUntil(d, rating);
    const returned = d.status === STATUS.returned;
    const open = returned && (rating === undefined || canChangeRating(new Date(rating.created_at), now(), settings.changeDays));
    return {
      dossierCode: d.code,
      procedureName: d.procedureName,
      applicantName: d.applicantName,
      status: d.status,
      returned,
      criteria: criteria.map((c) => ({ code: c.code, label: c.label })),
      rating: rating
        ? { value: rating.value, scores: rating.scores, comment: rating.comment, channel: rating.channel, ratedAt: iso(rating.created_at)!, updatedAt: iso(rating.updated_at)! }
        : null,
      changeableUntil: rating ? iso(until) : null,
      canRate: open,
    };
  }

  async function rate(p: Principal | undefined, code: string, body: RatingBody, via: 'online' | 'kiosk', requestId?: string): Promise<{ form: RatingForm; created: boolean }> {
    const d = await subjectFor(p, code, via);
    const problems = scoreProblems(body.scores, criteria);
    if (problems.length > 0) {
      throw new ProblemError('validation', {
        detail: { vi: 'Điểm đánh giá chưa hợp lệ.', en: 'The scores are not valid.' },
        errors: problems.map((x) => ({
          pointer: `/body/scores/${x.code}`,
          code: x.problem,
          message:
            x.problem === 'missing'
              ? { vi: 'Hãy chấm điểm tiêu chí này.', en: 'Score this criterion.' }
              : x.problem === 'unknown'
                ? { vi: 'Không có tiêu chí này.', en: 'No such criterion.' }
                : { vi: 'Điểm từ 1 đến 5.', en: 'Scores are 1 to 5.' },
        })),
      });
    }
    if (d.status !== STATUS.returned) {
      throw new ProblemError('illegal_transition', {
        detail: { vi: 'Chỉ đánh giá được hồ sơ đã trả kết quả.', en: 'Only a dossier whose result was returned can be rated.' },
      });
    }
    const at = now();
    const officer = via === 'kiosk' && p!.kind === 'officer' ? actorOf(p!) : undefined;
    return db.transaction().execute(async (trx) => {
      const existing = await findRating(trx, d.id, true);
      const fields = {
        value: body.value,
        scores: JSON.stringify(body.scores),
        comment: body.comment && body.comment !== '' ? body.comment : null,
        channel: via,
        kiosk_officer_id: officer ? officer.id : null,
        kiosk_officer_label: officer ? officer.label : null,
      } as const;
      let row: RatingRow | undefined;
      if (existing) {
        if (!canChangeRating(new Date(existing.created_at), at, settings.changeDays)) {
          throw new ProblemError('conflict', {
            detail: {
              vi: `Đánh giá chỉ được thay đổi trong ${settings.changeDays} ngày kể từ khi đánh giá.`,
              en: `A rating can be changed only within ${settings.changeDays} days of being given.`,
            },
          });
        }
        row = await updateRating(trx, existing.id, fields);
      } else {
        row = await insertRating(trx, {
          ...fields,
          dossier_id: d.id,
          dossier_code: d.code,
          unit_id: d.handlingUnitId,
          procedure_code: d.procedureCode,
          rater_account_id: via === 'online' ? p!.accountId : d.applicantAccountId,
          created_at: at,
          updated_at: at,
        });
        if (!row) throw new ProblemError('conflict', { detail: { vi: 'Hồ sơ vừa được đánh giá. Hãy tải lại trang.', en: 'The dossier was just rated. Reload the page.' } });
      }
      if (officer) {
        await recordAudit(trx, { actor: officer, action: 'rating.kiosk', entity: 'rating', entityId: row.id, before: existing ? { value: existing.value } : undefined, after: { dossierCode: d.code, value: row.value }, ...(requestId ? { requestId } : {}) });
      }
      return { form: formOf(d, row), created: !existing };
    });
  }

  // ---------------- PAKN ----------------

  /** Where a PAKN goes: the dossier's handling unit, the procedure's owner, or the default unit. */
  async function placeOf(input: FileFeedbackBody, tree: UnitTree, requested?: string) {
    let dossier: DossierSubject | undefined;
    if (input.dossierCode) {
      dossier = await deps.dossierSubject(input.dossierCode);
      if (!dossier) throw validation('/body/dossierCode', 'unknown_dossier', { vi: 'Không có hồ sơ với mã này.', en: 'No dossier with this code.' });
    }
    let procedureCode = input.procedureCode ?? dossier?.procedureCode ?? null;
    let unitId = dossier?.handlingUnitId;
    if (procedureCode && !unitId) {
      const proc = await deps.procedure(procedureCode);
      if (!proc) throw validation('/body/procedureCode', 'unknown_procedure', { vi: 'Không có thủ tục đang công bố với mã này.', en: 'No published procedure with this code.' });
      unitId = proc.ownerUnitId;
    }
    if (input.about === 'dossier' && !dossier) throw validation('/body/dossierCode', 'required', { vi: 'Hãy nhập mã hồ sơ.', en: 'Give the dossier code.' });
    if (input.about === 'procedure' && !procedureCode) throw validation('/body/procedureCode', 'required', { vi: 'Hãy chọn thủ tục.', en: 'Choose the procedure.' });
    if (requested) {
      if (tree.isActive(requested) !== true) throw validation('/body/unitId', 'unknown_unit', { vi: 'Không có đơn vị này.', en: 'No such unit.' });
      unitId = requested;
    }
    procedureCode ??= null;
    return { unitId: unitId ?? (await defaultUnit(tree)), procedureCode, dossierCode: dossier?.code ?? null };
  }

  function projection(state: FeedbackState, calendar: WorkingCalendar) {
    const deadlines = feedbackDeadlines(state, calendar, settings.windows);
    return {
      status: state.status!,
      classification: state.classification,
      state: JSON.stringify(state),
      due_at: deadlines.current ? new Date(deadlines.current.dueAt) : null,
      due_kind: deadlines.current?.kind ?? null,
      published_at: state.publishedAt ? new Date(state.publishedAt) : null,
    };
  }

  async function insertEvent(trx: Transaction<DB>, feedbackId: string, seq: number, action: FeedbackAction, actor: AuditActor) {
    const { type, at, ...payload } = action;
    await insertFeedbackEvent(trx, { feedback_id: feedbackId, seq, type, at: new Date(at), actor_id: actor.id, actor_kind: actor.kind, actor_label: actor.label, payload: JSON.stringify(payload) });
  }

  async function create(
    actor: AuditActor,
    input: FileFeedbackBody,
    opts: { channel: FeedbackRow['channel']; filerAccountId: string | null; receivedAt: Date; transfers: RecordFeedbackBody['transfers']; unitId?: string; officer: boolean; requestId?: string },
  ) {
    const tree = await units.tree();
    const place = await placeOf(input, tree, opts.unitId);
    const calendar = await deps.calendar();
    let state = applyFeedbackAction(INITIAL_FEEDBACK_STATE, { type: 'receive', at: opts.receivedAt.toISOString(), proposedClassification: input.proposedClassification ?? null });
    const actions: FeedbackAction[] = [{ type: 'receive', at: opts.receivedAt.toISOString(), proposedClassification: input.proposedClassification ?? null }];
    const recordedAt = now().toISOString();
    for (const t of opts.transfers) {
      const action: FeedbackAction = { type: 'record_transfer', at: recordedAt, source: t.source, transferredAt: new Date(t.transferredAt).toISOString() };
      try {
        state = applyFeedbackAction(state, action);
      } catch (error) {
        if (error instanceof FeedbackRuleError) throw validation('/body/transfers', error.code, { vi: 'Ngày chuyển không được sau thời điểm hiện tại.', en: 'A transfer date cannot be in the future.' });
        throw error;
      }
      actions.push(action);
    }
    return db.transaction().execute(async (trx) => {
      const n = await nextFeedbackNumber(trx);
      const year = new Date(opts.receivedAt.getTime() + VN_OFFSET_MS).getUTCFullYear();
      const row = await insertFeedback(trx, {
        code: `PAKN-${year}-${String(n).padStart(6, '0')}`,
        title: input.title,
        content: input.content,
        about: input.about,
        procedure_code: place.procedureCode,
        dossier_code: place.dossierCode,
        unit_id: place.unitId,
        filer_name: input.filer.name,
        filer_phone: input.filer.phone?.replace(/[\s.-]/g, '') ?? null,
        filer_email: input.filer.email ?? null,
        filer_address: input.filer.address ?? null,
        filer_account_id: opts.filerAccountId,
        channel: opts.channel,
        received_at: opts.receivedAt,
        version: actions.length,
        ...projection(state, calendar),
      });
      for (const [i, action] of actions.entries()) await insertEvent(trx, row.id, i + 1, action, actor);
      if (opts.officer) await recordAudit(trx, { actor, action: 'feedback.create', entity: 'feedback', entityId: row.id, after: { code: row.code, channel: row.channel, unitId: row.unit_id }, ...(opts.requestId ? { requestId: opts.requestId } : {}) });
      return { id: row.id, code: row.code, status: row.status as FeedbackStatus, receivedAt: iso(row.received_at)! };
    });
  }

  /** Who may take the action on this PAKN. */
  function mayTake(p: Principal | undefined, row: FeedbackRow, type: FeedbackActionType, tree: UnitTree): boolean {
    const authority = FEEDBACK_ACTION_AUTHORITY[type];
    if (authority === 'system') return false;
    if (authority === 'approve') return can(p, 'feedback.approve', row.unit_id, tree);
    if (authority === 'handle_or_filer' && row.filer_account_id !== null && p?.accountId === row.filer_account_id && p.kind !== 'officer') return true;
    return can(p, 'feedback.handle', row.unit_id, tree);
  }

  async function readable(p: Principal | undefined, id: string, tree: UnitTree): Promise<FeedbackRow> {
    if (!p) throw unauthenticated();
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await findFeedback(db, id) : undefined;
    if (!row) throw notFound();
    if (!can(p, 'feedback.read', row.unit_id, tree) && !(row.filer_account_id !== null && row.filer_account_id === p.accountId)) throw notFound();
    return row;
  }

  async function summaryOf(row: FeedbackRow) {
    const state = row.state as FeedbackState;
    return {
      id: row.id,
      code: row.code,
      title: row.title,
      about: row.about,
      channel: row.channel,
      status: row.status as FeedbackStatus,
      statusName: FEEDBACK_STATUS_NAMES[row.status as FeedbackStatus],
      classification: row.classification,
      proposedClassification: state.proposedClassification,
      unitId: row.unit_id,
      unitName: await unitName(row.unit_id),
      procedureCode: row.procedure_code,
      dossierCode: row.dossier_code,
      receivedAt: iso(row.received_at)!,
      dueAt: iso(row.due_at),
      dueKind: row.due_kind,
      overdue: row.due_at !== null && new Date(row.due_at).getTime() < now().getTime(),
      version: row.version,
    };
  }

  async function viewOf(p: Principal | undefined, row: FeedbackRow, tree: UnitTree, calendar: WorkingCalendar): Promise<FeedbackView> {
    const state = row.state as FeedbackState;
    const deadlines = feedbackDeadlines(state, calendar, settings.windows);
    const events = await listFeedbackEvents(db, row.id);
    return {
      ...(await summaryOf(row)),
      content: row.content,
      filer: { name: row.filer_name, phone: row.filer_phone, email: row.filer_email, address: row.filer_address },
      transfers: state.transfers,
      draftAnswer: state.draftAnswer,
      answer: state.answer,
      rejectReason: state.rejectReason,
      deadlines,
      timeliness: feedbackTimeliness(state, deadlines),
      likes: row.likes,
      dislikes: row.dislikes,
      history: events.map((e) => ({ seq: e.seq, type: e.type, name: FEEDBACK_ACTION_NAMES[e.type as FeedbackActionType] ?? { vi: e.type, en: e.type }, at: iso(e.at)!, actor: e.actor_label, payload: e.payload })),
      allowedActions: allowedFeedbackActions(state).filter((t) => mayTake(p, row, t, tree)),
    };
  }

  function actionOf(body: FeedbackActionBody, at: string): FeedbackAction {
    switch (body.type) {
      case 'record_transfer':
        return { type: 'record_transfer', at, source: body.source, transferredAt: new Date(body.transferredAt).toISOString(), ...(body.note ? { note: body.note } : {}) };
      case 'approve':
        return { type: 'approve', at, ...(body.answer ? { answer: body.answer } : {}) };
      default:
        return { ...body, at } as FeedbackAction;
    }
  }

  const RULE_MESSAGES: Record<FeedbackRuleError['code'], { vi: string; en: string }> = {
    not_allowed: { vi: 'Không thực hiện được thao tác này ở trạng thái hiện tại.', en: 'This action is not allowed in the current status.' },
    answer_missing: { vi: 'Chưa có nội dung trả lời để phê duyệt.', en: 'There is no answer to approve.' },
    classification_missing: { vi: 'Hãy phân loại phản ánh, kiến nghị trước khi phê duyệt.', en: 'Classify the feedback before approving the answer.' },
    transfer_in_future: { vi: 'Ngày chuyển không được sau thời điểm hiện tại.', en: 'A transfer date cannot be in the future.' },
  };

  async function voterRow(id: string) {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await findFeedback(db, id) : undefined;
    if (!row || row.status !== 'published') throw notFound({ vi: 'Không tìm thấy trả lời đã công khai.', en: 'No such published answer.' });
    return row;
  }

  async function publicOf(row: FeedbackRow): Promise<Omit<PublicFeedback, 'myVote'>> {
    const state = row.state as FeedbackState;
    return {
      id: row.id,
      code: row.code,
      title: row.title,
      content: row.content,
      about: row.about,
      classification: row.classification,
      unitName: await unitName(row.unit_id),
      procedureCode: row.procedure_code,
      receivedAt: iso(row.received_at)!,
      answer: state.answer ?? '',
      publishedAt: iso(row.published_at)!,
      likes: row.likes,
      dislikes: row.dislikes,
    };
  }

  function periodOf(q: { from?: string; to?: string }) {
    return { ...(q.from ? { from: localMidnight(q.from) } : {}), ...(q.to ? { to: nextLocalMidnight(q.to) } : {}) };
  }

  return {
    criteria,

    // ---- ratings ----
    async ratingForm(p: Principal | undefined, code: string, via: 'online' | 'kiosk'): Promise<RatingForm> {
      const d = await subjectFor(p, code, via);
      return formOf(d, await findRating(db, d.id));
    },
    rate,

    /** Anonymous aggregates: overall, per criterion, and per unit and procedure. */
    async publicRatings(q: { unit?: string; procedure?: string; from?: string; to?: string }) {
      if (q.from && q.to && q.from > q.to) throw validation('/query/to', 'before_from', { vi: 'Ngày kết thúc trước ngày bắt đầu.', en: 'The end is before the start.' });
      const tree = await units.tree();
      let unitIds: string[] | undefined;
      if (q.unit) {
        if (tree.isActive(q.unit) === undefined) throw validation('/query/unit', 'unknown_unit', { vi: 'Không có đơn vị này.', en: 'No such unit.' });
        unitIds = tree.ids().filter((id) => {
          for (let u: string | null | undefined = id; u; u = tree.parentOf(u)) if (u === q.unit) return true;
          return false;
        });
      }
      const filter = { ...(unitIds ? { unitIds } : {}), ...(q.procedure ? { procedureCode: q.procedure } : {}), ...periodOf(q) };
      const total = await aggregateRatings(db, filter, criteria.map((c) => c.code));
      const groups = await ratingGroups(db, filter, 500);
      return {
        from: q.from ?? null,
        to: q.to ?? null,
        count: total.count,
        likes: total.likes,
        dislikes: total.count - total.likes,
        likeRatio: ratio(total.likes, total.count),
        criteria: criteria.map((c, i) => {
          const s = total.criteria[i]!;
          return { code: c.code, label: c.label, count: s.count, average: s.count === 0 ? null : Math.round((s.sum / s.count) * 100) / 100 };
        }),
        groups: await Promise.all(
          groups.map(async (g) => ({ ...g, unitName: await unitName(g.unitId), dislikes: g.count - g.likes, likeRatio: ratio(g.likes, g.count) })),
        ),
      };
    },

    // ---- PAKN ----
    /** Anyone files a PAKN through the portal (a logged-in filer can follow it and supply more). */
    async file(p: Principal | undefined, input: FileFeedbackBody) {
      const actor: AuditActor = p && p.kind !== 'service' ? actorOf(p) : { id: null, kind: 'citizen', label: input.filer.name };
      const filerAccountId = p && (p.kind === 'citizen' || p.kind === 'organization') ? p.accountId : null;
      return create(actor, input, { channel: 'portal', filerAccountId, receivedAt: now(), transfers: [], officer: false });
    },

    /** An officer records a PAKN transferred by VPCP or a ministry/province, or taken at the counter. */
    async record(p: Principal | undefined, input: RecordFeedbackBody, requestId?: string) {
      if (!p) throw unauthenticated();
      const tree = await units.tree();
      assertCan(p, 'feedback.handle', input.unitId ?? 'any', tree);
      const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now();
      if (receivedAt.getTime() > now().getTime()) throw validation('/body/receivedAt', 'in_future', { vi: 'Ngày tiếp nhận không được sau hôm nay.', en: 'The receipt date cannot be in the future.' });
      if (input.channel !== 'counter' && input.transfers.length === 0) {
        throw validation('/body/transfers', 'required', { vi: 'Hãy nhập ngày chuyển của văn bản chuyển đến.', en: 'Give the date of the transfer.' });
      }
      const { channel, transfers, unitId, receivedAt: _r, ...fields } = input;
      // The receiving unit is checked once the place is known (the unit of the dossier or procedure).
      const place = await placeOf(fields, tree, unitId);
      if (!can(p, 'feedback.handle', place.unitId, tree)) throw forbiddenFor('feedback.handle', place.unitId);
      return create(actorOf(p), fields, { channel, filerAccountId: null, receivedAt, transfers, unitId: place.unitId, officer: true, ...(requestId ? { requestId } : {}) });
    },

    async list(p: Principal | undefined, q: FeedbackListQuery) {
      if (!p) throw unauthenticated();
      const tree = await units.tree();
      const unitIds = unitsWhere(p, 'feedback.read', tree);
      if (unitIds.length === 0) throw forbiddenFor('feedback.read');
      const calendar = await deps.calendar();
      const dueBefore = q.due === 'overdue' ? now() : q.due === 'due-soon' ? calendar.addWorkingTime(now(), 2, 'working_days') : undefined;
      const { rows, total } = await listFeedback(
        db,
        { ...(unitIds.length === tree.ids().length ? {} : { unitIds }), ...(q.status ? { status: q.status } : {}), ...(dueBefore ? { dueBefore } : {}), ...(q.q ? { q: q.q } : {}) },
        { limit: q.limit, offset: q.offset },
      );
      const items = [];
      for (const row of rows) items.push(await summaryOf(row));
      return { items, total };
    },

    async get(p: Principal | undefined, id: string): Promise<FeedbackView> {
      const tree = await units.tree();
      const row = await readable(p, id, tree);
      return viewOf(p, row, tree, await deps.calendar());
    },

    /** One action of the lifecycle, against the version the caller saw (If-Match). */
    async act(p: Principal | undefined, id: string, expectedVersion: number | undefined, body: FeedbackActionBody, requestId?: string): Promise<FeedbackView> {
      const tree = await units.tree();
      const seen = await readable(p, id, tree);
      if (!mayTake(p, seen, body.type, tree)) {
        const authority = FEEDBACK_ACTION_AUTHORITY[body.type];
        throw forbiddenFor(authority === 'approve' ? 'feedback.approve' : 'feedback.handle', seen.unit_id);
      }
      const calendar = await deps.calendar();
      const at = now();
      const actor = actorOf(p!);
      const row = await db.transaction().execute(async (trx) => {
        const current = (await findFeedback(trx, id, true))!;
        if (expectedVersion !== undefined && expectedVersion !== current.version) {
          throw new ProblemError('conflict', {
            detail: { vi: 'Phản ánh, kiến nghị vừa được cập nhật. Hãy tải lại.', en: 'The feedback has just changed. Reload it.' },
            extensions: { version: current.version },
          });
        }
        const before = current.state as FeedbackState;
        const action = actionOf(body, at.toISOString());
        let after: FeedbackState;
        try {
          after = applyFeedbackAction(before, action);
        } catch (error) {
          if (!(error instanceof FeedbackRuleError)) throw error;
          throw new ProblemError(error.code === 'not_allowed' ? 'illegal_transition' : 'validation', {
            detail: RULE_MESSAGES[error.code],
            extensions: { status: before.status, allowedActions: allowedFeedbackActions(before).filter((t) => mayTake(p, current, t, tree)) },
          });
        }
        const seq = current.version + 1;
        await insertEvent(trx, id, seq, action, actor);
        const updated = await updateFeedback(trx, id, { ...projection(after, calendar), version: seq });
        if (p!.kind === 'officer' || p!.kind === 'service') {
          await recordAudit(trx, { actor, action: 'feedback.action', entity: 'feedback', entityId: id, before: { status: before.status, version: current.version }, after: { type: body.type, status: after.status, version: seq }, ...(requestId ? { requestId } : {}) });
        }
        return updated;
      });
      return viewOf(p, row, tree, calendar);
    },

    async publicList(q: { unit?: string; procedure?: string; q?: string; limit: number; offset: number }) {
      const { rows, total } = await listPublished(db, { ...(q.unit ? { unitId: q.unit } : {}), ...(q.procedure ? { procedureCode: q.procedure } : {}), ...(q.q ? { q: q.q } : {}) }, q);
      const items = [];
      for (const row of rows) items.push(await publicOf(row));
      return { items, total };
    },

    async publicGet(id: string, voterKey: string | undefined): Promise<PublicFeedback> {
      const row = await voterRow(id);
      return { ...(await publicOf(row)), myVote: voterKey ? ((await voteOf(db, row.id, voterKey)) ?? null) : null };
    },

    /** The voter's like or dislike of a published answer: one per voter, changeable. */
    async vote(id: string, voterKey: string, value: 'like' | 'dislike') {
      await voterRow(id);
      return db.transaction().execute(async (trx) => {
        await castVote(trx, id, voterKey, value);
        const row = (await findFeedback(trx, id))!;
        return { likes: row.likes, dislikes: row.dislikes, myVote: value };
      });
    },

    // ---- the 766 index ----
    /** PAKN first received in [from, to) (local dates), as the quality index's bundle items. */
    async feedbackIndexItems(period: { from: string; to: string; unitIds?: readonly string[] }): Promise<FeedbackIndexItem[]> {
      const rows = await feedbackReceivedIn(db, localMidnight(period.from), nextLocalMidnight(period.to), period.unitIds);
      return rows.map((row) => {
        const s = row.state as FeedbackState;
        return {
          id: row.id,
          receivedAt: iso(row.received_at)!,
          transferredAt: s.transfers.map((t) => t.at),
          rejectedAt: s.rejectedAt,
          firstSupplementRequestAt: s.firstSupplementRequestAt,
          processedAt: s.approvedAt,
          publishedAt: s.publishedAt,
          classification: row.classification,
          likes: row.likes,
          dislikes: row.dislikes,
          dossierCode: row.dossier_code,
          unitId: row.unit_id,
          procedureCode: row.procedure_code,
        };
      });
    },

    /** Ratings given in [from, to) (local dates), as the quality index's bundle items. */
    async ratingIndexItems(period: { from: string; to: string; unitIds?: readonly string[] }): Promise<RatingIndexItem[]> {
      const rows = await ratingsInPeriod(db, { from: localMidnight(period.from), to: nextLocalMidnight(period.to), ...(period.unitIds ? { unitIds: period.unitIds } : {}) });
      return rows.map((r) => ({ dossierCode: r.dossier_code, value: r.value, unitId: r.unit_id, procedureCode: r.procedure_code }));
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;

/** The voter key of a browser's cookie value (hashed: the cookie itself is never stored). */
export function browserVoterKey(cookie: string): string {
  return `browser:${createHash('sha256').update(cookie).digest('base64url').slice(0, 32)}`;
}

export function accountVoterKey(accountId: string): string {
  return `account:${accountId.replace(/-/g, '')}`;
}
