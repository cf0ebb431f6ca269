// The dossier use cases: intake on the three channels, actions through the legal steps, reads
// (the workspace view, search, worklists, the applicant's list, the public lookup) and the check
// that every stored log still replays to its projection. One transaction per use case: the action
// row, the projection, the files, the payment and the outbox rows commit together or not at all.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { can, unitsWhere, type Principal, type UnitTree } from '../../core/access/index.ts';
import { formatLocalIso, type WorkingCalendar } from '../../core/calendar/index.ts';
import type { ProcedureContent } from '../../core/catalog/types.ts';
import {
  ACTION_AUTHORITY,
  ACTION_NAMES,
  CHANNEL,
  GENESIS_HASH,
  INITIAL_STATE,
  STATUS,
  STATUS_NAMES,
  allowedActions,
  canonicalJson,
  countCapped,
  applyAction,
  entryHash,
  firstBrokenLink,
  replay,
  type ActionType,
  type DossierAction,
  type DossierChannel,
  type DossierFacts,
  type DossierRuleSettings,
  type DossierState,
  type RuleError,
  WORKLIST_COUNT_CAP,
} from '../../core/dossiers/index.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { DB } from '../../db/types.ts';
import { assertCan, forbiddenFor, unauthenticated } from '../../http/access.ts';
import { ProblemError } from '../../http/problem.ts';
import { actorOf, recordAudit, systemActor, type AuditActor } from '../audit/service.ts';
import type { CatalogModule } from '../catalog/module.ts';
import type { FilesModule } from '../files/module.ts';
import type { JobsModule } from '../jobs/module.ts';
import type { PaymentsModule } from '../payments/module.ts';
import { deleteDraftOf } from './drafts.ts';
import { projectionOf, ruleActionOf } from './projection.ts';
import { needsResultDocument, type PreparedResult, type ResultIssuer } from './result-issuer.ts';
import { buildSyncRecord, loadSyncRecordInput, type SyncRecordDeps } from './sync-record.ts';
import { DOSSIER_SLIPS, slipInput, type DossierSlipKind } from './slip-data.ts';
import { renderLedgerXlsx, renderSlipPdf, type LedgerSlip, type SlipNumbering } from './slips/index.ts';
import type { UnitDirectory } from '../identity/units/directory.ts';
import type { ActionInput, ActionOptions, CreateDossierInput, DossierSummary, DossierView, ListQueryInput, Person, WorklistName } from './schema.ts';
import {
  addDossierFiles,
  addDossierUnits,
  countDossiers,
  dossierFiles,
  dossierPageAfter,
  dossierUnits,
  findByIdempotencyKey,
  findDossier,
  findDossierByCode,
  insertAction,
  insertDossier,
  insertNote,
  isDossierFile,
  listActions,
  listDossiers,
  listNotes,
  listOwnDossiers,
  updateProjection,
  type ActionRow,
  type DossierFilter,
  type DossierRow,
  type ListRow,
} from './store.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * What happened, delivered from the outbox after the action committed (notifications, later the
 * portal sync): the dossier as it is when the job runs, and the action's row.
 */
export interface DossierEvent {
  dossier: DossierRow;
  action: ActionType;
  seq: number;
  payload: Record<string, unknown>;
}
export type DossierEventListener = (db: Kysely<DB>, event: DossierEvent) => Promise<void>;

/** The outbox job of an action. */
export const DOSSIER_EVENT_TOPIC = 'dossier.event';
export interface DossierEventJob {
  dossierId: string;
  seq: number;
}

export interface DossierServiceDeps {
  db: Kysely<DB>;
  units: UnitDirectory;
  calendar: () => Promise<WorkingCalendar>;
  catalog: Pick<CatalogModule, 'publishedVersion' | 'pinnedVersion' | 'forms'>;
  files: Pick<FilesModule, 'attach' | 'findFiles'>;
  issueCode: (trx: Transaction<DB>, unitCode: string, at: Date) => Promise<string>;
  rules: Omit<DossierRuleSettings, 'maxApologies' | 'maxSupplementsOnTime'>;
  /** Payments of fees: online through the payment platform, or recorded at the counter. */
  payments: Pick<PaymentsModule, 'initiate' | 'recordCounterPayment' | 'findByDossier'>;
  /** The address citizens reach this server at (links in slips and notifications). */
  publicUrl: () => string;
  slips: { numbering: SlipNumbering; place: string };
  /** The outbox: every action queues a `dossier.event` job in its transaction. */
  jobs: Pick<JobsModule, 'enqueue'>;
  /** Enabled officers whose role covers a unit (identity): the assignees a leader may choose. */
  officersCovering: (role: 'specialist', unitId: string) => Promise<Array<{ accountId: string; name: string }>>;
  /** Signs the result document of issue_result (absent: a procedure that produces one cannot be issued). */
  resultIssuer?: ResultIssuer | undefined;
  /**
   * The components beyond their files (warehouse module), inside the intake transaction:
   * digitization at receipt, documents reused from the applicant's warehouse (their files are
   * added), components replaced by population data. Returns the components to attach and those
   * satisfied without a file.
   */
  componentIntake?: ComponentIntake;
  /** The portal flags of a dossier's components (warehouse module), for the sync record. */
  componentFlags?: SyncRecordDeps['componentFlags'];
  now?: () => Date;
}

export interface ComponentIntake {
  intake(
    trx: Transaction<DB>,
    input: { principal: Principal; channel: number; dossierId: string; unitId: string; procedureCode: string; content: ProcedureContent; components: CreateDossierInput['components']; at: Date; applicant: { kind: 'citizen' | 'organization'; identifier: string } },
  ): Promise<{ components: Array<{ code: string; fileIds: string[] }>; satisfied: ReadonlySet<string> }>;
  /** The components a supplement brings: papers a receiver records (`paper`) are digitized as at intake. */
  supplement(
    trx: Transaction<DB>,
    input: { principal: Principal; paper: boolean; dossierId: string; content: ProcedureContent; components: CreateDossierInput['components']; at: Date; seq: number; applicant: { kind: 'citizen' | 'organization'; identifier: string } },
  ): Promise<{ components: Array<{ code: string; fileIds: string[] }> }>;
}

const LOOKUP_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I: read aloud and typed from paper
export const newLookupSecret = (): string => Array.from({ length: 8 }, () => LOOKUP_ALPHABET[randomInt(LOOKUP_ALPHABET.length)]).join('');

const notFound = () => new ProblemError('not_found', { detail: { vi: 'Không có hồ sơ này.', en: 'No such dossier.' } });

const RULE_PROBLEM: Record<RuleError['error'], { code: 'illegal_transition' | 'apology_limit' | 'apology_too_late' | 'invalid_reschedule' | 'validation' | 'not_assignee' | 'conflict'; vi: string; en: string }> = {
  illegal_transition: { code: 'illegal_transition', vi: 'Thao tác này không được phép ở trạng thái hiện tại của hồ sơ.', en: 'This action is not allowed in the dossier’s current status.' },
  apology_limit: { code: 'apology_limit', vi: 'Hồ sơ đã được hẹn lại ngày trả kết quả một lần; không được hẹn lại lần nữa.', en: 'The result date was already rescheduled once; it cannot be rescheduled again.' },
  apology_too_late: { code: 'apology_too_late', vi: 'Phải xin lỗi, hẹn lại chậm nhất 01 ngày làm việc trước hạn trả kết quả.', en: 'An apology must be made at least one working day before the due date.' },
  invalid_reschedule: { code: 'invalid_reschedule', vi: 'Ngày hẹn mới phải sau hạn trả kết quả hiện tại.', en: 'The new date must be after the current due date.' },
  missing_outcome: { code: 'validation', vi: 'Cần ghi rõ kết quả: chấp thuận hay từ chối.', en: 'The outcome (granted or refused) is required.' },
  not_assignee: { code: 'not_assignee', vi: 'Chỉ cán bộ được phân công mới thẩm định hồ sơ này.', en: 'Only the assigned officer may examine this dossier.' },
  out_of_order: { code: 'conflict', vi: 'Thời điểm thao tác trước thao tác trước đó.', en: 'The action is dated before the previous one.' },
  invalid_time: { code: 'validation', vi: 'Thời điểm không hợp lệ.', en: 'Invalid time.' },
};

function ruleProblem(error: RuleError): ProblemError {
  const p = RULE_PROBLEM[error.error];
  return new ProblemError(p.code, {
    detail: { vi: p.vi, en: p.en },
    extensions: { rule: error.error, status: error.status, action: error.action, allowedActions: error.allowed },
  });
}

const iso = (d: Date | null | undefined): string | null => (d ? formatLocalIso(new Date(d)) : null);

/** The projection columns of a replayed state, and the state itself. */
const projection = (state: DossierState, handlingUnitId: string) => ({ ...projectionOf(state, handlingUnitId), state: JSON.stringify(state) });

/** The version's facts the rules read, fixed at intake. */
export function factsOf(content: ProcedureContent, channel: DossierChannel, rules: DossierServiceDeps['rules']): DossierFacts {
  const pt = content.processingTime;
  return {
    ...(pt ? { processingTime: { value: pt.value, unit: pt.unit, skipDaysOff: pt.skipDaysOff, ...(pt.online ? { online: pt.online } : {}) } } : {}),
    channel,
    steps: content.steps.map((s) => ({ kind: s.kind, role: s.role, ...(s.unitId ? { unitId: s.unitId } : {}), budget: s.budget })),
    settings: { ...rules },
  };
}

/** The unit that receives the procedure's dossiers, and the one that processes them. */
export function unitsOfVersion(content: ProcedureContent, ownerUnitId: string) {
  const by = (role: string) => content.implementingUnits.find((u) => u.role === role)?.unitId;
  const receiving = by('receives') ?? by('decides') ?? ownerUnitId;
  const handling = by('processes') ?? by('decides') ?? receiving;
  return { receiving, handling };
}

const channelOf = { online: CHANNEL.online, direct: CHANNEL.direct, postal: CHANNEL.postal } as const;

export function createDossierService(deps: DossierServiceDeps) {
  const { db, units } = deps;
  const now = deps.now ?? (() => new Date());
  const listeners: DossierEventListener[] = [];
  // The catalog keeps pinned versions: they never change once published, and a draft is never pinned.
  async function pinned(versionId: string) {
    const found = await deps.catalog.pinnedVersion(versionId);
    if (!found) throw new Error(`dossier pins a missing version ${versionId}`);
    return found;
  }

  /**
   * A stored dossier's HoSoDongBoDVC: the one record the API shows, the portal receives and the
   * 766 counters read (the delivery and the counters were built without the component records'
   * flags, so the portal read "not digitized" where the API said digitized). Its version through
   * the cache of pinned versions.
   */
  const syncRecordOf = async (row: DossierRow) =>
    buildSyncRecord(
      await loadSyncRecordInput(db, row, {
        catalog: { pinnedVersion: pinned },
        units,
        payments: deps.payments,
        calendar: deps.calendar,
        baseUrl: deps.publicUrl(),
        ...(deps.componentFlags ? { componentFlags: deps.componentFlags } : {}),
      }),
    );

  const isApplicant = (p: Principal | undefined, row: DossierRow) =>
    (p?.kind === 'citizen' || p?.kind === 'organization') && (row.applicant_account_id === p.accountId || row.submitter_account_id === p.accountId);

  async function canRead(p: Principal | undefined, row: DossierRow, tx: Executor = db, knownTree?: UnitTree): Promise<boolean> {
    if (!p) return false;
    if (isApplicant(p, row)) return true;
    if (p.kind !== 'officer' && p.kind !== 'service') return false;
    const tree = knownTree ?? (await units.tree());
    const route = new Set([row.unit_id, row.handling_unit_id, ...(await dossierUnits(tx, row.id))]);
    return [...route].some((u) => can(p, 'dossier.read', u, tree));
  }

  /** The actions this principal may take now: the whitelist and the step, narrowed to their authority. */
  async function actionsFor(p: Principal | undefined, row: DossierRow, state: DossierState): Promise<ActionType[]> {
    const facts = row.facts as DossierFacts;
    const tree = await units.tree();
    return allowedActions(state, facts).filter((type) => {
      const authority = ACTION_AUTHORITY[type];
      if (authority.applicant && isApplicant(p, row)) return true;
      if (!authority.officer) return false;
      const unit = authority.officer.unit === 'receiving' ? row.unit_id : row.handling_unit_id;
      if (!can(p, authority.officer.permission, unit, tree)) return false;
      // At the examine step only the assignee examines.
      if (type === 'examine' && state.assignee !== null && p?.accountId !== state.assignee) return false;
      return true;
    });
  }

  function assertAuthority(p: Principal | undefined, row: DossierRow, type: ActionType, tree: Awaited<ReturnType<UnitDirectory['tree']>>) {
    const authority = ACTION_AUTHORITY[type];
    if (authority.applicant && isApplicant(p, row)) return;
    if (!authority.officer) throw new ProblemError('forbidden', { detail: { vi: 'Chỉ người nộp hồ sơ mới thực hiện được thao tác này.', en: 'Only the applicant can take this action.' } });
    const unit = authority.officer.unit === 'receiving' ? row.unit_id : row.handling_unit_id;
    if (!can(p, authority.officer.permission, unit, tree)) throw forbiddenFor(authority.officer.permission, unit);
  }

  /** Checks the components against the version and attaches their files to the dossier. */
  async function takeComponents(
    trx: Transaction<DB>,
    content: ProcedureContent,
    dossierId: string,
    given: { code: string; fileIds: string[] }[],
    uploadedBy: string,
    seq: number,
    role: 'component' | 'supplement',
    requireAll: boolean,
    satisfied: ReadonlySet<string> = new Set(),
  ) {
    const byCode = new Map(content.components.map((c) => [c.code, c]));
    const errors: Array<{ pointer: string; code: string; message: { vi: string; en: string } }> = [];
    given.forEach((g, i) => {
      if (!byCode.has(g.code)) {
        errors.push({ pointer: `/body/components/${i}/code`, code: 'unknown_component', message: { vi: `Thủ tục không có thành phần hồ sơ mã ${g.code}.`, en: `The procedure has no component ${g.code}.` } });
      }
    });
    if (requireAll) {
      for (const c of content.components) {
        if (c.requirement !== 'required' || c.replacedByPopulationData || satisfied.has(c.code)) continue;
        if (!given.some((g) => g.code === c.code && g.fileIds.length > 0)) {
          errors.push({ pointer: '/body/components', code: 'missing_component', message: { vi: `Thiếu thành phần hồ sơ bắt buộc: ${c.name}.`, en: `A required component is missing: ${c.name}.` } });
        }
      }
    }
    const ids = given.flatMap((g) => g.fileIds);
    if (new Set(ids).size !== ids.length) {
      errors.push({ pointer: '/body/components', code: 'duplicate_file', message: { vi: 'Một tệp được gắn vào hai thành phần.', en: 'A file is attached twice.' } });
    }
    if (errors.length > 0) throw new ProblemError('validation', { detail: { vi: 'Thành phần hồ sơ chưa hợp lệ.', en: 'The dossier components are not valid.' }, errors });
    if (ids.length === 0) return;
    const files = await deps.files.attach(trx, ids, `dossier:${dossierId}`, { uploadedBy });
    const formatOf = new Map(files.map((f) => [f.id, f.format]));
    given.forEach((g, i) => {
      const accepted = byCode.get(g.code)!.acceptedFormats;
      g.fileIds.forEach((id, j) => {
        const format = formatOf.get(id);
        if (accepted.length > 0 && format && !(accepted as readonly string[]).includes(format)) {
          errors.push({
            pointer: `/body/components/${i}/fileIds/${j}`,
            code: 'format_not_accepted',
            message: { vi: `Tệp ${format.toUpperCase()} không thuộc định dạng được chấp nhận (${accepted.join(', ')}).`, en: `A ${format} file is not an accepted format (${accepted.join(', ')}).` },
          });
        }
      });
    });
    if (errors.length > 0) throw new ProblemError('validation', { detail: { vi: 'Tệp đính kèm không đúng định dạng.', en: 'An attached file has a format not accepted.' }, errors });
    await addDossierFiles(
      trx,
      given.flatMap((g) => g.fileIds.map((file_id) => ({ dossier_id: dossierId, file_id, component_code: g.code, role, added_seq: seq }))),
    );
  }

  /** Appends one action: the rule check, the chained row, the projection and the listeners. */
  async function append(
    trx: Transaction<DB>,
    row: DossierRow,
    state: DossierState,
    action: DossierAction,
    payload: Record<string, unknown>,
    actor: AuditActor,
    calendar: WorkingCalendar,
  ): Promise<DossierRow> {
    const facts = row.facts as DossierFacts;
    const result = applyAction(state, action, facts, calendar);
    if (!result.ok) throw ruleProblem(result.error);
    const seq = result.state.version;
    const at = new Date(action.at);
    const entry = { dossierId: row.id, seq, type: action.type, at: at.toISOString(), actorId: actor.id, payload };
    const hash = entryHash(row.last_hash, entry);
    await insertAction(trx, {
      dossier_id: row.id,
      seq,
      type: action.type,
      at,
      actor_id: actor.id,
      actor_kind: actor.kind,
      actor_label: actor.label,
      payload: JSON.stringify(payload),
      prev_hash: row.last_hash,
      hash,
    });
    const updated = await updateProjection(trx, row.id, { ...projection(result.state, row.handling_unit_id), last_hash: hash });
    if (updated.handling_unit_id !== row.handling_unit_id) await addDossierUnits(trx, row.id, [updated.handling_unit_id]);
    await deps.jobs.enqueue(trx, { topic: DOSSIER_EVENT_TOPIC, key: `${row.id}:${seq}`, payload: { dossierId: row.id, seq } satisfies DossierEventJob });
    return updated;
  }

  /** The instant of a new action: now, never before the previous action (clock skew between instances). */
  const actionTime = (state: DossierState): Date => {
    const t = now();
    return state.lastActionAt && Date.parse(state.lastActionAt) > t.getTime() ? new Date(state.lastActionAt) : t;
  };

  function summary(row: ListRow, procedureName: string): DossierSummary {
    return {
      id: row.id,
      code: row.code,
      status: row.status,
      statusName: STATUS_NAMES[row.status as keyof typeof STATUS_NAMES],
      channel: row.channel,
      procedureCode: row.procedure_code,
      procedureName,
      applicantName: row.applicant_name,
      applicantIdNumber: row.applicant_id_number,
      unitId: row.unit_id,
      handlingUnitId: row.handling_unit_id,
      submittedAt: iso(row.submitted_at),
      receivedAt: iso(row.received_at),
      dueAt: iso(row.due_at),
      finishedAt: iso(row.finished_at),
      onTime: row.on_time,
      assigneeId: row.assignee_id,
      stepKind: row.step_kind,
      version: row.version,
    };
  }

  async function summaries(rows: ListRow[]): Promise<DossierSummary[]> {
    const out: DossierSummary[] = [];
    for (const row of rows) out.push(summary(row, (await pinned(row.version_id)).version.content.name));
    return out;
  }

  const officerView = (p: Principal | undefined) => p?.kind === 'officer' || p?.kind === 'service';

  async function view(p: Principal | undefined, row: DossierRow): Promise<DossierView> {
    const { version } = await pinned(row.version_id);
    const content = version.content;
    const state = row.state as DossierState;
    const files = await dossierFiles(db, row.id);
    const actions = await listActions(db, row.id);
    const officer = officerView(p);
    return {
      ...summary(row, content.name),
      versionNumber: version.number,
      lookupSecret: row.lookup_secret,
      applicant: row.applicant as Record<string, unknown>,
      submitter: (row.submitter as Record<string, unknown> | null) ?? null,
      formData: row.form_data as Record<string, unknown>,
      components: content.components.map((c) => ({
        code: c.code,
        name: c.name,
        requirement: c.requirement,
        warehouseDocumentTypes: c.warehouseDocumentTypes,
        files: files.filter((f) => f.component_code === c.code).map((f) => ({ id: f.id, name: f.name, size: f.size, format: f.format, role: f.role, scanStatus: f.scan_status })),
      })),
      state: {
        originalDueAt: state.originalDueAt,
        rescheduledDueAt: state.rescheduledDueAt,
        returnedAt: state.returnedAt,
        refusedAt: state.refusedAt,
        supplementCount: state.supplementCount,
        pausedWorkingMinutes: state.pausedWorkingMinutes,
        paused: state.pause?.kind ?? null,
        outcome: state.outcome,
        withinRescheduled: state.withinRescheduled,
      },
      steps: state.steps.map((s) => ({ kind: s.kind, startedAt: s.startedAt, dueAt: s.dueAt, finishedAt: s.finishedAt, onTime: s.onTime, by: officer ? s.by : null })),
      timeline: actions.map((a) => timelineEntry(a, officer)),
      ...(officer ? { notes: (await listNotes(db, row.id)).map((n) => ({ id: n.id, author: n.author_label, text: n.text, createdAt: iso(n.created_at)! })) } : {}),
      allowedActions: await actionsFor(p, row, state),
    };
  }

  function timelineEntry(a: ActionRow, officer: boolean) {
    const payload = a.payload as Record<string, unknown>;
    return {
      seq: a.seq,
      type: a.type as ActionType,
      name: ACTION_NAMES[a.type as ActionType],
      at: iso(a.at)!,
      // The applicant sees which office acted, not the officer's account.
      actor: officer || a.actor_kind !== 'officer' ? a.actor_label : 'Cán bộ xử lý',
      actorKind: a.actor_kind,
      payload: officer ? payload : publicPayload(payload),
    };
  }

  /** What of an action's content the applicant sees: what is asked of them and why, never internal opinions. */
  const publicPayload = (payload: Record<string, unknown>) => {
    const keep = ['reason', 'items', 'newDueAt', 'outcome', 'summary', 'fees', 'amountVnd', 'receiptNumber', 'method', 'note', 'resultCode'];
    return Object.fromEntries(Object.entries(payload).filter(([k]) => keep.includes(k)));
  };

  async function scopeOf(p: Principal | undefined): Promise<DossierFilter> {
    if (!p) throw unauthenticated();
    const tree = await units.tree();
    if (p.kind === 'service') {
      assertCan(p, 'dossier.read', 'any', tree);
      return {};
    }
    const unitIds = unitsWhere(p, 'dossier.read', tree);
    if (unitIds.length === 0) throw forbiddenFor('dossier.read');
    // Covering every unit (ministry-wide roles): no unit condition at all, so the indexes on
    // status and due serve the worklists.
    return unitIds.length === tree.ids().length ? {} : { unitIds };
  }

  const cursorOf = (next: { due: Date | null; id: string } | null) =>
    next ? Buffer.from(`${next.due ? new Date(next.due).toISOString() : '-'}|${next.id}`).toString('base64url') : null;
  function parseCursor(cursor: string | undefined): { due: Date | null; id: string } | undefined {
    if (!cursor) return undefined;
    const [due, id] = Buffer.from(cursor, 'base64url').toString().split('|');
    if (!due || !id || (due !== '-' && !Number.isFinite(Date.parse(due))) || !/^[0-9a-f-]{36}$/.test(id)) {
      throw new ProblemError('validation', { detail: { vi: 'Con trỏ trang không hợp lệ.', en: 'Invalid page cursor.' }, errors: [{ pointer: '/query/cursor', code: 'invalid', message: 'invalid cursor' }] });
    }
    return { due: due === '-' ? null : new Date(due), id };
  }

  function filterOf(q: ListQueryInput): DossierFilter {
    return {
      ...(q.status ? { statuses: [q.status] } : {}),
      ...(q.procedure ? { procedureCode: q.procedure } : {}),
      ...(q.channel ? { channel: q.channel } : {}),
      ...(q.code ? { code: q.code } : {}),
      ...(q.applicant ? { applicant: q.applicant } : {}),
      ...(q.receivedFrom ? { receivedFrom: new Date(`${q.receivedFrom}T00:00:00+07:00`) } : {}),
      ...(q.receivedTo ? { receivedTo: new Date(Date.parse(`${q.receivedTo}T00:00:00+07:00`) + 86_400_000) } : {}),
    };
  }

  async function page(filter: DossierFilter, q: ListQueryInput) {
    const after = parseCursor(q.cursor);
    const [{ items, next }, total] = await Promise.all([
      listDossiers(db, filter, { ...(after ? { after } : {}), limit: q.limit }),
      countDossiers(db, filter, WORKLIST_COUNT_CAP),
    ]);
    return { items: await summaries(items), total, totalCapped: countCapped(total), nextCursor: cursorOf(next) };
  }

  /** The worklists of the officers' workspace (each a filter over the projection). */
  async function worklistFilter(name: WorklistName, p: Principal): Promise<DossierFilter> {
    const t = now();
    const calendar = await deps.calendar();
    const open = [STATUS.received, STATUS.processing];
    switch (name) {
      case 'to-receive':
        return { statuses: [STATUS.submitted], unitColumn: 'receiving' };
      case 'to-assign':
        return { statuses: open, unassigned: true, unitColumn: 'handling' };
      case 'assigned':
        return { statuses: [...open, STATUS.supplementRequested, STATUS.awaitingPayment], assigneeId: p.accountId };
      case 'to-approve':
        return { statuses: [STATUS.processing], stepKind: 'approve', unitColumn: 'handling' };
      case 'to-issue':
        return { statuses: [STATUS.processing, STATUS.awaitingPayment], stepKind: 'sign_issue', unitColumn: 'handling' };
      case 'to-return':
        return { statuses: [STATUS.processed], unitColumn: 'receiving' };
      case 'due-soon':
        return { statuses: open, dueAfter: t, dueBefore: calendar.addWorkingTime(t, 1, 'working_days') };
      case 'overdue':
        return { statuses: [...open, STATUS.supplementRequested, STATUS.awaitingPayment], dueBefore: t };
      case 'waiting-applicant':
        return { statuses: [STATUS.supplementRequested, STATUS.awaitingPayment] };
    }
  }

  /** Renders a slip from the dossier's state and log; undefined when it has no such slip yet. */
  async function renderSlip(row: DossierRow, kind: DossierSlipKind) {
    const { version } = await pinned(row.version_id);
    const unit = await units.find(row.unit_id);
    const tree = await units.tree();
    let rootId = row.unit_id;
    for (let parent = tree.parentOf(rootId); parent; parent = tree.parentOf(rootId)) rootId = parent;
    const root = await units.find(rootId);
    const input = unit
      ? slipInput(kind, {
          row,
          state: row.state as DossierState,
          actions: await listActions(db, row.id),
          content: version.content,
          unit,
          root,
          place: deps.slips.place,
          lookupUrl: `${deps.publicUrl()}/tra-cuu`,
        })
      : undefined;
    return input ? { filename: `${row.code}-${kind}.pdf`, bytes: await renderSlipPdf(input, deps.slips.numbering) } : undefined;
  }

  /**
   * The signed result document of an issue_result, made before the action's transaction (see
   * result-issuer.ts): only when the procedure needs one and the action would be taken now, so a
   * refused action signs nothing.
   */
  async function prepareResult(
    p: Principal,
    peek: DossierRow,
    version: { number: number; content: ProcedureContent },
    input: Extract<ActionInput, { type: 'issue_result' }>,
    expectedVersion: number,
    tree: UnitTree,
  ): Promise<PreparedResult | undefined> {
    const { content } = version;
    if (!needsResultDocument(content, input.outcome)) return undefined;
    assertAuthority(p, peek, 'issue_result', tree);
    if (peek.version !== expectedVersion || !allowedActions(peek.state as DossierState, peek.facts as DossierFacts).includes('issue_result')) return undefined;
    if (!deps.resultIssuer) {
      throw new ProblemError('result_signer_unavailable', {
        detail: { vi: 'Thủ tục này có văn bản kết quả phải ký số, nhưng hệ thống chưa cấu hình ký số.', en: 'This procedure issues a signed document, and no signer is configured.' },
      });
    }
    return deps.resultIssuer.prepare({ principal: p, dossier: peek, versionNumber: version.number, content, outcome: input.outcome, summary: input.summary });
  }

  return {
    onEvent(listener: DossierEventListener) {
      listeners.push(listener);
    },

    /**
     * A new dossier. A citizen or organization submits online (status 1); a receiver of the
     * One-Stop Unit takes a counter or postal dossier and receives it in the same step (status 2).
     * A retried online submission with the same Idempotency-Key returns the first dossier.
     */
    async create(p: Principal | undefined, input: CreateDossierInput, opts: { idempotencyKey?: string; requestId?: string } = {}) {
      if (!p) throw unauthenticated();
      const tree = await units.tree();
      const { procedure, version } = await deps.catalog.publishedVersion(input.procedureCode);
      const content = version.content;
      const channelName = input.channel ?? (p.kind === 'officer' ? 'direct' : 'online');
      const channel = channelOf[channelName];
      const { receiving, handling } = unitsOfVersion(content, procedure.ownerUnitId);
      const channelAccepted = content.methods.channels.includes(channelName);
      if (!channelAccepted) {
        throw new ProblemError('validation', {
          detail: { vi: `Thủ tục này không nhận hồ sơ theo hình thức ${channelName === 'online' ? 'trực tuyến' : channelName === 'postal' ? 'bưu chính' : 'trực tiếp'}.`, en: `This procedure does not take ${channelName} dossiers.` },
          errors: [{ pointer: '/body/channel', code: 'channel_not_offered', message: { vi: 'Hình thức nộp không được áp dụng.', en: 'Channel not offered.' } }],
        });
      }
      let applicant: Person;
      let submitter: Person | null = null;
      if (channel === CHANNEL.online) {
        assertCan(p, 'dossier.submit', 'any', tree);
        if (p.kind !== 'citizen' && p.kind !== 'organization') throw forbiddenFor('dossier.submit');
        const needed = content.requiredAssurance ?? 'LoA1';
        if (needed === 'LoA2' && p.acr !== 'LoA2') {
          throw new ProblemError('insufficient_assurance', {
            detail: { vi: 'Thủ tục này yêu cầu tài khoản định danh điện tử mức độ 2.', en: 'This procedure needs an e-ID at level 2.' },
            extensions: { requiredAcr: 'LoA2' },
          });
        }
        const self: Person = p.kind === 'citizen' ? { kind: 'citizen', idNumber: p.personalId, name: p.fullName } : { kind: 'organization', idNumber: p.taxCode, name: p.fullName };
        // On behalf of someone (người được ủy quyền): keep both.
        if (input.applicant && input.applicant.idNumber !== self.idNumber) {
          applicant = input.applicant;
          submitter = self;
        } else {
          applicant = { ...self, ...input.applicant, idNumber: self.idNumber, kind: self.kind };
        }
        if (opts.idempotencyKey) {
          const existing = await findByIdempotencyKey(db, p.accountId, opts.idempotencyKey);
          if (existing) return { created: false, dossier: await view(p, existing) };
        }
      } else {
        assertCan(p, 'dossier.receive', receiving, tree);
        if (!input.applicant) {
          throw new ProblemError('validation', {
            detail: { vi: 'Cần thông tin người nộp hồ sơ.', en: 'The applicant is required.' },
            errors: [{ pointer: '/body/applicant', code: 'required', message: { vi: 'Bắt buộc', en: 'Required' } }],
          });
        }
        applicant = input.applicant;
      }
      const validated = await deps.catalog.forms.validateVersion(p, { procedure, version }, { data: input.data }, opts.requestId);
      const calendar = await deps.calendar();
      const unit = await units.find(receiving);
      if (!unit) throw new Error(`unit ${receiving} of procedure ${procedure.code} is missing`);
      const facts = factsOf(content, channel, deps.rules);
      const actor = actorOf(p);
      const accountId = p.accountId;

      const run = () =>
        db.transaction().execute(async (trx) => {
          const at = now();
          const first: DossierAction = { type: channel === CHANNEL.online ? 'submit' : 'receive', at, actor: accountId };
          const initial = applyAction(structuredClone(INITIAL_STATE), first, facts, calendar);
          if (!initial.ok) throw ruleProblem(initial.error);
          // The code is issued last: taking the unit's daily sequence locks its row until commit,
          // so every intake of the unit waits for this one from then on.
          const row = await insertDossier(trx, {
            code: null,
            lookup_secret: newLookupSecret(),
            channel,
            procedure_id: procedure.id,
            procedure_code: procedure.code,
            version_id: version.id,
            unit_id: receiving,
            handling_unit_id: handling,
            applicant_kind: applicant.kind,
            applicant_id_number: applicant.idNumber,
            applicant_name: applicant.name,
            applicant_account_id: channel === CHANNEL.online && !submitter ? accountId : null,
            applicant: JSON.stringify(applicant),
            submitter: submitter ? JSON.stringify(submitter) : null,
            submitter_account_id: channel === CHANNEL.online ? accountId : null,
            form_data: JSON.stringify(validated.data),
            facts: JSON.stringify(facts),
            state: JSON.stringify(INITIAL_STATE),
            status: channel === CHANNEL.online ? STATUS.submitted : STATUS.received,
            version: 0,
            last_hash: GENESIS_HASH,
            idempotency_key: channel === CHANNEL.online ? (opts.idempotencyKey ?? null) : null,
          });
          await addDossierUnits(trx, row.id, [receiving, handling]);
          const taken = deps.componentIntake
            ? await deps.componentIntake.intake(trx, { principal: p, channel, dossierId: row.id, unitId: handling, procedureCode: procedure.code, content, components: input.components, at, applicant: { kind: row.applicant_kind, identifier: row.applicant_id_number } })
            : { components: input.components, satisfied: new Set<string>() };
          await takeComponents(trx, content, row.id, taken.components, accountId, 1, 'component', true, taken.satisfied);
          // The wizard's draft of this procedure is done with once the dossier exists.
          if (channel === CHANNEL.online) await deleteDraftOf(trx, accountId, procedure.code);
          const payload = channel === CHANNEL.online ? {} : { channel };
          await append(trx, row, structuredClone(INITIAL_STATE), first, payload, actor, calendar);
          const code = await deps.issueCode(trx, unit.agencyCode, at);
          await recordAudit(trx, { actor, action: 'dossier.create', entity: 'dossier', entityId: row.id, after: { code, channel, procedure: procedure.code }, ...(opts.requestId ? { requestId: opts.requestId } : {}) });
          return updateProjection(trx, row.id, { code });
        });
      let row: DossierRow;
      try {
        row = await run();
      } catch (error) {
        // Two retries of one submission raced: the unique key let one in; return it.
        if (opts.idempotencyKey && isUniqueViolation(error)) {
          const existing = await findByIdempotencyKey(db, accountId, opts.idempotencyKey);
          if (existing) return { created: false, dossier: await view(p, existing) };
        }
        throw error;
      }
      return { created: true, dossier: await view(p, row) };
    },

    /** Takes an action on the dossier decided on version `expectedVersion` (If-Match). */
    async act(p: Principal | undefined, id: string, expectedVersion: number | undefined, input: ActionInput, _opts: { requestId?: string } = {}) {
      if (!p) throw unauthenticated();
      if (expectedVersion === undefined) {
        throw new ProblemError('precondition_required', {
          detail: { vi: 'Cần gửi phiên bản hồ sơ đã xem (If-Match).', en: 'Send the dossier version the action was decided on (If-Match).' },
        });
      }
      // Everything read through other modules' connections is read before the transaction: on the
      // embedded database there is one connection, and the transaction holds it.
      const tree = await units.tree();
      const calendar = await deps.calendar();
      const allUnits = await units.all();
      const peek = await findDossier(db, id);
      if (!peek || !(await canRead(p, peek, db, tree))) throw notFound();
      const { version } = await pinned(peek.version_id);
      const result = input.type === 'issue_result' ? await prepareResult(p, peek, version, input, expectedVersion, tree) : undefined;
      const row = await db.transaction().execute(async (trx) => {
        const current = await findDossier(trx, id, true);
        if (!current || !(await canRead(p, current, trx, tree))) throw notFound();
        assertAuthority(p, current, input.type, tree);
        if (current.version !== expectedVersion) {
          throw new ProblemError('precondition_failed', {
            detail: {
              vi: `Hồ sơ đã thay đổi (phiên bản ${current.version}, bạn xem phiên bản ${expectedVersion}). Hãy tải lại trước khi thao tác.`,
              en: `The dossier changed (version ${current.version}; you saw ${expectedVersion}). Reload it before acting.`,
            },
            extensions: { currentVersion: current.version },
          });
        }
        const state = current.state as DossierState;
        const action: DossierAction = { type: input.type, at: actionTime(state), actor: p.accountId };
        const { type: _type, ...rest } = input;
        const payload: Record<string, unknown> = { ...rest };
        switch (input.type) {
          case 'apologize':
            action.newDueAt = input.newDueAt;
            break;
          case 'issue_result':
            action.outcome = input.outcome;
            break;
          case 'assign':
            if (state.assignee && state.assignee !== input.assignee && !input.reason) {
              throw new ProblemError('validation', {
                detail: { vi: 'Phân công lại cần ghi lý do.', en: 'A reassignment needs a reason.' },
                errors: [{ pointer: '/body/reason', code: 'required', message: { vi: 'Bắt buộc khi phân công lại', en: 'Required when reassigning' } }],
              });
            }
            action.assignee = input.assignee;
            if (state.assignee && state.assignee !== input.assignee) payload.previousAssignee = state.assignee;
            break;
          case 'transfer': {
            const target = input.unitId ?? current.handling_unit_id;
            if (!allUnits.some((u) => u.id === target)) {
              throw new ProblemError('validation', { detail: { vi: `Không có đơn vị ${target}.`, en: `No unit ${target}.` }, errors: [{ pointer: '/body/unitId', code: 'unknown_unit', message: 'unknown unit' }] });
            }
            action.unitId = target;
            payload.unitId = target;
            break;
          }
          case 'request_payment': {
            const fees = version.content.fees.map((f) => ({ code: f.code, name: f.name, kind: f.kind, amountVnd: input.amounts?.[f.code] ?? f.amountVnd }));
            payload.fees = fees;
            payload.amountVnd = fees.reduce((sum, f) => sum + f.amountVnd, 0);
            break;
          }
        }
        if (input.type === 'confirm_payment') {
          const request = [...(await listActions(trx, id))].reverse().find((a) => a.type === 'request_payment');
          const asked = (request?.payload ?? {}) as { amountVnd?: number; fees?: Array<{ code: string; name: string; kind: 'fee' | 'charge'; amountVnd: number }> };
          const payment = await deps.payments.recordCounterPayment(trx, {
            dossierId: id,
            ...(current.code ? { dossierCode: current.code } : {}),
            amountVnd: asked.amountVnd ?? 0,
            fees: asked.fees ?? [],
            receiptNumber: input.receiptNumber,
            officer: { accountId: p.accountId, name: p.fullName },
          });
          payload.channel = 'counter';
          payload.amountVnd = payment.amountVnd;
        }
        const seq = current.version + 1;
        if (input.type === 'submit_supplement' && deps.componentIntake) {
          // Brought by the applicant online, or handed in on paper and recorded by a receiver.
          const paper = !isApplicant(p, current);
          const taken = await deps.componentIntake.supplement(trx, {
            principal: p,
            paper,
            dossierId: id,
            content: version.content,
            components: input.components,
            at: new Date(action.at),
            seq,
            applicant: { kind: current.applicant_kind, identifier: current.applicant_id_number },
          });
          await takeComponents(trx, version.content, id, taken.components, p.accountId, seq, 'supplement', false);
        } else if (input.type === 'submit_supplement' || input.type === 'resubmit') {
          await takeComponents(trx, version.content, id, input.components ?? [], p.accountId, seq, 'supplement', false);
        }
        const resultFiles = input.type === 'issue_result' ? [...(result ? [result.fileId] : []), ...input.fileIds] : [];
        if (result) Object.assign(payload, { resultCode: result.resultCode, resultFileId: result.fileId });
        if (resultFiles.length > 0) {
          await deps.files.attach(trx, resultFiles, `dossier:${id}`, { uploadedBy: p.accountId });
          await addDossierFiles(trx, resultFiles.map((file_id) => ({ dossier_id: id, file_id, component_code: 'result', role: 'result' as const, added_seq: seq })));
        }
        const appended = await append(trx, current, state, action, payload, actorOf(p), calendar);
        await result?.record(trx, seq, new Date(action.at));
        return appended;
      });
      return view(p, row);
    },

    /**
     * An action the system takes (the payment platform's verified callback confirms a payment), in
     * its own transaction. Skipped (false) when the dossier no longer allows it.
     */
    async systemAction(id: string, type: ActionType, payload: Record<string, unknown>, label: string) {
      const calendar = await deps.calendar();
      return db.transaction().execute(async (trx) => {
        const current = await findDossier(trx, id, true);
        if (!current) return false;
        const state = current.state as DossierState;
        if (!allowedActions(state, current.facts as DossierFacts).includes(type)) return false;
        await append(trx, current, state, { type, at: actionTime(state) }, payload, systemActor(label), calendar);
        return true;
      });
    },

    /** Delivers an action's outbox job to the listeners (after the action committed). */
    async dispatch(job: DossierEventJob) {
      const row = await findDossier(db, job.dossierId);
      const action = row ? (await listActions(db, job.dossierId)).find((a) => a.seq === job.seq) : undefined;
      if (!row || !action) return;
      for (const listener of listeners) {
        await listener(db, { dossier: row, action: action.type as ActionType, seq: action.seq, payload: action.payload as Record<string, unknown> });
      }
    },

    /**
     * Starts the online payment of what was requested (status 6), for the applicant: the payment
     * platform's page to send the browser to. The platform's verified callback confirms it.
     */
    async startPayment(p: Principal | undefined, id: string, ip?: string) {
      if (!p) throw unauthenticated();
      const row = await findDossier(db, id);
      if (!row || !(await canRead(p, row))) throw notFound();
      if (!isApplicant(p, row)) throw new ProblemError('forbidden', { detail: { vi: 'Chỉ người nộp hồ sơ thanh toán trực tuyến.', en: 'Only the applicant pays online.' } });
      if (row.status !== STATUS.awaitingPayment) {
        throw new ProblemError('illegal_transition', {
          detail: { vi: 'Hồ sơ không ở trạng thái chờ thực hiện nghĩa vụ tài chính.', en: 'The dossier is not awaiting payment.' },
          extensions: { status: row.status },
        });
      }
      const request = [...(await listActions(db, id))].reverse().find((a) => a.type === 'request_payment');
      const asked = (request?.payload ?? {}) as { amountVnd?: number; fees?: Array<{ code: string; name: string; kind: 'fee' | 'charge'; amountVnd: number }> };
      const fees = (asked.fees ?? []).filter((f) => f.amountVnd > 0);
      const { version } = await pinned(row.version_id);
      const unit = await units.find(row.handling_unit_id);
      const applicant = row.applicant as Person;
      return deps.payments.initiate({
        dossierId: id,
        dossierCode: row.code!,
        amountVnd: fees.reduce((sum, f) => sum + f.amountVnd, 0),
        fees,
        payer: { name: applicant.name, idNumber: applicant.idNumber, ...(applicant.address ? { address: applicant.address } : {}) },
        procedure: { code: row.procedure_code, name: version.content.name },
        unit: { code: unit?.agencyCode ?? row.handling_unit_id, name: unit?.nameVi ?? row.handling_unit_id },
        returnUrl: `/ho-so/${id}`,
        ...(ip ? { ip } : {}),
      });
    },

    /** A slip of the dossier as PDF (the applicant and officers of its units), rendered from its log. */
    async slip(p: Principal | undefined, id: string, kind: DossierSlipKind) {
      if (!p) throw unauthenticated();
      const row = await findDossier(db, id);
      if (!row || !(await canRead(p, row))) throw notFound();
      const slip = await renderSlip(row, kind);
      if (!slip) {
        throw new ProblemError('not_found', { detail: { vi: 'Hồ sơ chưa có phiếu này.', en: 'The dossier has no such slip (yet).' } });
      }
      return slip;
    },

    /** The slip for the notification of the action that issued it (the receipt with the receipt e-mail). */
    async slipOf(id: string, kind: DossierSlipKind) {
      const row = await findDossier(db, id);
      return row ? renderSlip(row, kind) : undefined;
    },

    /**
     * The dossier ledger (Sổ theo dõi hồ sơ, Mẫu 06) of a unit for the dossiers it received in a
     * period, as PDF or XLSX. At most 5 000 rows (a longer period is split by the caller).
     */
    async ledger(p: Principal | undefined, q: { unitId: string; from: string; to: string; format: 'pdf' | 'xlsx' }) {
      if (!p) throw unauthenticated();
      assertCan(p, 'dossier.read', q.unitId, await units.tree());
      const unit = await units.find(q.unitId);
      if (!unit) throw new ProblemError('not_found', { detail: { vi: `Không có đơn vị ${q.unitId}.`, en: `No unit ${q.unitId}.` } });
      const { items } = await listDossiers(
        db,
        { unitIds: [q.unitId], unitColumn: 'receiving', receivedFrom: new Date(`${q.from}T00:00:00+07:00`), receivedTo: new Date(Date.parse(`${q.to}T00:00:00+07:00`) + 86_400_000) },
        { limit: 5000 },
      );
      const rows = [];
      for (const row of items.sort((a, b) => (a.received_at?.getTime() ?? 0) - (b.received_at?.getTime() ?? 0))) {
        rows.push({
          code: row.code ?? '',
          procedureName: (await pinned(row.version_id)).version.content.name,
          applicantName: row.applicant_name,
          receivedAt: iso(row.received_at) ?? '',
          dueAt: iso(row.due_at) ?? '',
          ...(row.finished_at ? { finishedAt: iso(row.finished_at)! } : {}),
          ...(row.returned_at ? { returnedAt: iso(row.returned_at)! } : {}),
          statusName: STATUS_NAMES[row.status as keyof typeof STATUS_NAMES].vi,
          ...(row.on_time === false ? { note: 'Quá hạn' } : {}),
        });
      }
      const input: LedgerSlip = {
        kind: '06',
        agency: { name: unit.nameVi.toUpperCase(), place: deps.slips.place },
        issuedAt: now().toISOString(),
        officer: { name: p.fullName },
        period: { from: q.from, to: q.to },
        unitName: unit.nameVi,
        rows,
      };
      const bytes = q.format === 'pdf' ? await renderSlipPdf(input, deps.slips.numbering) : await renderLedgerXlsx(input);
      return { filename: `so-theo-doi-${q.unitId}-${q.from}-${q.to}.${q.format}`, bytes };
    },

    /** The dossier as the national portal's sync record (HoSoDongBoDVC), for officers of its units. */
    async syncRecord(p: Principal | undefined, id: string) {
      if (!p) throw unauthenticated();
      const row = await findDossier(db, id);
      if (!row || p.kind === 'citizen' || p.kind === 'organization' || !(await canRead(p, row))) throw notFound();
      return syncRecordOf(row);
    },

    /** The sync record for delivery to the portal (system use, no principal) and the log position it reflects at least. */
    async syncRecordForDelivery(id: string) {
      const row = await findDossier(db, id);
      return row ? { record: await syncRecordOf(row), version: row.version } : undefined;
    },

    /**
     * What the quality aggregates count of a dossier (system use): its sync record, the units on
     * its route, its procedure and the time of its last write.
     */
    async qualityFactSource(id: string) {
      const row = await findDossier(db, id);
      if (!row) return undefined;
      const record = await syncRecordOf(row);
      // The workflow's steps, each with who finished it and whether by its due (the officers' scores).
      const steps = (row.state as DossierState).steps.map((st) => ({ kind: st.kind, by: st.by, dueAt: st.dueAt, finishedAt: st.finishedAt, onTime: st.onTime }));
      const officerIds = [...new Set(steps.flatMap((st) => (st.by ? [st.by] : [])))];
      return { record, unitIds: [...new Set([row.unit_id, row.handling_unit_id])], procedureCode: row.procedure_code, lastEventAt: new Date(row.updated_at), steps, officerIds };
    },

    /** A page of dossiers in id order after `after` (code, log position, receipt), for other modules' backfills (system use). */
    async pageForBackfill(after: string | null, limit: number) {
      const rows = await dossierPageAfter(db, after, limit);
      return rows.map((row) => ({ id: row.id, code: row.code, version: row.version, receivedAt: row.received_at }));
    },

    /** Throws 404 unless the principal may read the dossier (another module's view of it). */
    async assertReadable(p: Principal | undefined, id: string) {
      if (!p) throw unauthenticated();
      const row = await findDossier(db, id);
      if (!row || !(await canRead(p, row))) throw notFound();
    },

    async get(p: Principal | undefined, id: string) {
      if (!p) throw unauthenticated();
      const row = await findDossier(db, id);
      if (!row || !(await canRead(p, row))) throw notFound();
      return view(p, row);
    },

    /**
     * What the officer may choose in the forms of the actions open to them now: the specialists to
     * assign, the units to transfer to, the fee lines to ask for. Each list is empty unless its
     * action is allowed to this principal at this point.
     */
    async actionOptions(p: Principal | undefined, id: string): Promise<ActionOptions> {
      if (!p) throw unauthenticated();
      const row = await findDossier(db, id);
      if (!row || p.kind !== 'officer' || !(await canRead(p, row))) throw notFound();
      const allowed = new Set(await actionsFor(p, row, row.state as DossierState));
      const options: ActionOptions = { assignees: [], units: [], fees: [] };
      if (allowed.has('assign')) {
        const officers = await deps.officersCovering('specialist', row.handling_unit_id);
        options.assignees = officers.map((o) => ({ accountId: o.accountId, name: o.name })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
      }
      if (allowed.has('transfer')) {
        options.units = (await units.all()).filter((u) => u.active).map((u) => ({ id: u.id, nameVi: u.nameVi, nameEn: u.nameEn }));
      }
      if (allowed.has('request_payment')) {
        const { version } = await pinned(row.version_id);
        options.fees = version.content.fees.map((f) => ({ code: f.code, name: f.name, kind: f.kind, amountVnd: f.amountVnd, basis: f.basis ?? null }));
      }
      return options;
    },

    /** Whether the principal may read the dossier's file (the applicant, or officers of its units). */
    async readableFile(p: Principal | undefined, id: string, fileId: string) {
      const row = await findDossier(db, id);
      if (!row || !(await canRead(p, row)) || !(await isDossierFile(db, id, fileId))) throw notFound();
      const [file] = await deps.files.findFiles([fileId]);
      if (!file) throw notFound();
      return file;
    },

    async addNote(p: Principal | undefined, id: string, text: string) {
      if (!p) throw unauthenticated();
      const row = await findDossier(db, id);
      if (!row || !(await canRead(p, row))) throw notFound();
      if (p.kind !== 'officer') throw forbiddenFor('workspace.use');
      const note = await insertNote(db, { dossier_id: id, author_id: p.accountId, author_label: actorOf(p).label, text });
      return { id: note.id, author: note.author_label, text: note.text, createdAt: iso(note.created_at)! };
    },

    async search(p: Principal | undefined, q: ListQueryInput) {
      const scope = await scopeOf(p);
      return page({ ...scope, ...filterOf(q) }, q);
    },

    async worklist(p: Principal | undefined, name: WorklistName, q: ListQueryInput) {
      const scope = await scopeOf(p);
      return page({ ...scope, ...filterOf(q), ...(await worklistFilter(name, p!)) }, q);
    },

    /** The count of every worklist, for the workspace's menu. */
    async worklistCounts(p: Principal | undefined, names: readonly WorklistName[]) {
      const scope = await scopeOf(p);
      // Side by side: on PostgreSQL each count has its own pooled connection.
      const counts = await Promise.all(names.map(async (name) => countDossiers(db, { ...scope, ...(await worklistFilter(name, p!)) }, WORKLIST_COUNT_CAP)));
      const out: Record<string, number> = {};
      names.forEach((name, i) => (out[name] = counts[i]!));
      return out;
    },

    async mine(p: Principal | undefined, limit = 100) {
      if (!p) throw unauthenticated();
      assertCan(p, 'dossier.submit', 'any', await units.tree());
      return { items: await summaries(await listOwnDossiers(db, p.accountId, limit)) };
    },

    /** The public lookup by code and the second factor printed on the receipt: nothing personal. */
    async lookup(code: string, secret: string) {
      const row = await findDossierByCode(db, code.trim().toUpperCase());
      if (!row || !sameSecret(row.lookup_secret, secret.trim().toUpperCase())) {
        throw new ProblemError('not_found', {
          detail: { vi: 'Không tìm thấy hồ sơ với mã và mã tra cứu này.', en: 'No dossier with this code and lookup key.' },
        });
      }
      const state = row.state as DossierState;
      return {
        code: row.code!,
        procedureName: (await pinned(row.version_id)).version.content.name,
        status: row.status,
        statusName: STATUS_NAMES[row.status as keyof typeof STATUS_NAMES],
        receivedAt: iso(row.received_at),
        dueAt: iso(row.due_at),
        rescheduledDueAt: state.rescheduledDueAt,
        finishedAt: iso(row.finished_at),
      };
    },

    /**
     * What other modules need to know of a dossier to attach something to it (a rating, a PAKN):
     * its units, procedure, status and who applied. No access check: the caller checks its own.
     */
    async subject(code: string) {
      const row = await findDossierByCode(db, code.trim().toUpperCase());
      if (!row) return undefined;
      return {
        id: row.id,
        code: row.code!,
        status: row.status,
        unitId: row.unit_id,
        handlingUnitId: row.handling_unit_id,
        procedureCode: row.procedure_code,
        procedureName: (await pinned(row.version_id)).version.content.name,
        applicantName: row.applicant_name,
        applicantAccountId: row.applicant_account_id,
        submitterAccountId: row.submitter_account_id,
        returnedAt: row.returned_at,
      };
    },

    /** Replays every stored dossier: the chain of its log and its projection. */
    async verify(onProblem?: (problem: VerifyProblem) => void) {
      const calendar = await deps.calendar();
      const problems: VerifyProblem[] = [];
      let checked = 0;
      let after: string | null = null;
      for (;;) {
        const ids: string[] = (await dossierPageAfter(db, after, 500)).map((r) => r.id);
        if (ids.length === 0) break;
        for (const id of ids) {
          const problem = await verifyOne(db, id, calendar);
          checked++;
          if (problem) {
            problems.push(problem);
            onProblem?.(problem);
          }
        }
        after = ids.at(-1)!;
      }
      return { checked, problems };
    },
  };
}

export interface VerifyProblem {
  dossierId: string;
  code: string | null;
  kind: 'chain_broken' | 'replay_failed' | 'projection_differs';
  detail: string;
}

/** Checks one dossier: its log's chain, its replay, and the projection against the replay. */
export async function verifyOne(db: Executor, id: string, calendar: WorkingCalendar): Promise<VerifyProblem | undefined> {
  const row = await findDossier(db, id);
  if (!row) return undefined;
  const actions = await listActions(db, id);
  const chained = actions.map((a) => ({
    dossierId: a.dossier_id,
    seq: a.seq,
    type: a.type,
    at: new Date(a.at).toISOString(),
    actorId: a.actor_id,
    payload: a.payload,
    prevHash: a.prev_hash,
    hash: a.hash,
  }));
  const broken = firstBrokenLink(chained);
  const base = { dossierId: id, code: row.code };
  if (broken >= 0) return { ...base, kind: 'chain_broken', detail: `action ${broken + 1} does not match its hash or its predecessor` };
  if ((actions.at(-1)?.hash ?? GENESIS_HASH) !== row.last_hash) return { ...base, kind: 'chain_broken', detail: 'the last action is not the one the dossier points to' };
  const log = actions.map(ruleActionOf);
  const result = replay(row.facts as DossierFacts, log, calendar);
  if (!result.ok) return { ...base, kind: 'replay_failed', detail: `action ${result.error.index + 1} (${result.error.action}) breaks ${result.error.error}` };
  const expected = projection(result.state, row.handling_unit_id);
  const columns: Record<string, unknown> = {
    status: row.status,
    submitted_at: iso(row.submitted_at),
    received_at: iso(row.received_at),
    due_at: iso(row.due_at),
    finished_at: iso(row.finished_at),
    returned_at: iso(row.returned_at),
    on_time: row.on_time,
    assignee_id: row.assignee_id,
    step_kind: row.step_kind,
    step_due_at: iso(row.step_due_at),
    handling_unit_id: row.handling_unit_id,
    version: row.version,
  };
  const instants = new Set(['submitted_at', 'received_at', 'due_at', 'finished_at', 'returned_at', 'step_due_at']);
  for (const [key, value] of Object.entries(expected)) {
    if (key === 'state') {
      // jsonb keeps its own key order: compare canonical forms.
      if (canonicalJson(result.state) !== canonicalJson(row.state)) return { ...base, kind: 'projection_differs', detail: 'the stored state is not the replay of the log' };
      continue;
    }
    const want = instants.has(key) && typeof value === 'string' ? iso(new Date(value)) : value;
    if (columns[key] !== want) return { ...base, kind: 'projection_differs', detail: `${key} is ${String(columns[key])}, the log gives ${String(want)}` };
  }
  return undefined;
}

/** Compares secrets in constant time (over their digests, so lengths leak nothing either). */
const sameSecret = (a: string, b: string): boolean =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());


export type DossierService = ReturnType<typeof createDossierService>;
export { STATUS, DOSSIER_SLIPS };
