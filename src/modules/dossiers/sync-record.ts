// The dossier as the national public service portal (Cổng Dịch vụ công quốc gia, DVCQG) takes it
// in its sync payload `HoSoDongBoDVC` (SPEC §6, the field list of a production vendor [S10]):
// a pure mapping `buildSyncRecord(input)` over plain inputs, and `loadSyncRecord(db, id, deps)`
// that reads them (this module's tables through its stores; the catalog, units and payments
// through their use cases). The Vietnamese field names are the wire format and live only here and
// in sync-schema.ts.
//
// Choices (every one marked UNCONFIRMED below where SPEC does not settle the meaning):
// - Dates are `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh; an absent date is the empty string.
// - Codes are sent as strings, as the payments module's fields (DuocThanhToanTrucTuyen) are.
// - `TrangThaiHoSo` is the stored status 1–10 as it is: statuses 5, 6 and 8 are never collapsed
//   into 9 (the vendor hack SPEC §6 says to avoid).
// - `TaiKhoanDuocXacThucVoiVNeID`: an applicant account (citizen or organization) only ever opens
//   a session through the VNeID login (identity/login/oidc-login.ts, method "vneid"); the dossier
//   keeps no session, so "the online applicant logged in with VNeID" is decided from the log: the
//   online submission was made by an applicant account (actor kind citizen/organization).
// - `DuocSoHoa`, `DuocTaiSuDung`, `DuocLayTuKhoDMQG`, `MaKetQuaThayThe` come from what the
//   warehouse module recorded per component (digitized at receipt, reused from the applicant's
//   data warehouse, taken from the national portal's warehouse); `HoSoCoThanhPhanSoHoa` is 1 when
//   a component is flagged DuocSoHoa. Without a record, 0.
import type { Kysely } from 'kysely';
import { formatLocalIso, type WorkingCalendar } from '../../core/calendar/index.ts';
import {
  ACTION_AUTHORITY,
  ACTION_NAMES,
  applyAction,
  INITIAL_STATE,
  type ActionType,
  type DossierFacts,
  type DossierState,
  type StepRecord,
} from '../../core/dossiers/index.ts';
import { checkPersonalId, loaiDinhDanhOf } from '../../core/identifiers/index.ts';
import { componentFlagKey, type ComponentFlags } from '../../core/digitization/index.ts';
import type { DB } from '../../db/types.ts';
import { ruleActionOf } from './projection.ts';
import type { CatalogModule } from '../catalog/module.ts';
import type { UnitDirectory } from '../identity/units/directory.ts';
import { nationalSyncPayment, type Payment } from '../payments/module.ts';
import { dossierFiles, findDossier, listActions, type ActionRow, type DossierRow } from './store.ts';
import type { HoSoDongBoDVC } from './sync-schema.ts';

/** Code values of the payload that SPEC leaves unconfirmed: data, so an administrator's change needs no rewrite. */
export const SYNC_CODES = {
  /** NoiNopHoSo: the vendor always sends "2". UNCONFIRMED meaning (SPEC §6). */
  noiNopHoSo: '2',
  /** DSKetNoiCSDL: the vendor always adds MaCSDL "7". UNCONFIRMED meaning (SPEC §6). */
  maCsdl: ['7'] as readonly string[],
  /** LoaiDinhDanh of an organization's tax code: no code is known; UNCONFIRMED (SPEC §4.1 lists 1 and 2 for people only). */
  loaiDinhDanhMaSoThue: '3',
  /** HinhThuc (how the result is returned): counter, post, online. UNCONFIRMED codes. */
  hinhThuc: { counter: '1', post: '2', online: '3' } as Record<string, string>,
  /** ThongTinTra: how the result went out, in words. */
  thongTinTra: { counter: 'Trả trực tiếp tại Bộ phận Một cửa', post: 'Trả qua dịch vụ bưu chính công ích', online: 'Trả trực tuyến' } as Record<string, string>,
  /** TrangThaiBoSung: requested, received. UNCONFIRMED codes. */
  trangThaiBoSung: { requested: '1', received: '2' },
} as const;

/** `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh; '' for no date. */
export function dvcDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const local = formatLocalIso(new Date(value)); // 2026-03-02T09:00:00+07:00
  return local.slice(0, 19).replace(/[-T:]/g, '');
}

const cut = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export interface SyncUnit {
  /** Agency code (mã định danh cơ quan). */
  code: string;
  name: string;
}

export interface SyncAction {
  seq: number;
  type: ActionType;
  at: string | Date;
  actorKind: string;
  actorLabel: string;
  payload: Record<string, unknown>;
  /** The status after the action (the replay of the log up to it). */
  statusAfter: number;
}

export interface SyncFile {
  id: string;
  name: string;
  componentCode: string;
  role: 'component' | 'supplement' | 'result';
  /** The log row that brought it in. */
  addedSeq: number;
}

export interface SyncRecordInput {
  dossier: {
    id: string;
    code: string | null;
    channel: number;
    status: number;
    applicantKind: 'citizen' | 'organization';
    applicantIdNumber: string;
    applicantName: string;
    /** The applicant as stored (phone, email, address when given). */
    applicant: Record<string, unknown>;
    state: DossierState;
  };
  procedure: {
    code: string;
    name: string;
    field: { code: string; name: string };
    /** Dossier components of the pinned version (names for the file lists). */
    components: ReadonlyArray<{ code: string; name: string }>;
    resultName?: string | undefined;
  };
  receivingUnit: SyncUnit;
  handlingUnit: SyncUnit;
  actions: readonly SyncAction[];
  files: readonly SyncFile[];
  payments: readonly Payment[];
  /** Where the portal fetches a file (the dossier file route of this installation). */
  fileUrl: (fileId: string) => string;
  /** The portal flags per component (warehouse module), keyed by componentFlagKey; absent components are all 0. */
  componentFlags?: ReadonlyMap<string, ComponentFlags>;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The reason or content of an action, as the applicant and the portal may read it. */
function contentOf(a: SyncAction): string {
  const p = a.payload;
  const parts = [text(p.reason), text(p.summary), text(p.note)];
  if (Array.isArray(p.items)) parts.push(p.items.filter((i) => typeof i === 'string').join('; '));
  if (a.type === 'apologize' && typeof p.newDueAt === 'string') parts.push(`hẹn lại ${dvcDate(p.newDueAt)}`);
  if (a.type === 'issue_result' && p.outcome === 'refused') parts.push('từ chối giải quyết');
  return parts.filter((s) => s.length > 0).join(' — ');
}

/** The step row an action closed (same action, same instant), for its start and its due. */
function stepOf(steps: readonly StepRecord[], a: SyncAction, used: Set<StepRecord>): StepRecord | undefined {
  const at = new Date(a.at).getTime();
  const step = steps.find((s) => !used.has(s) && s.endedBy === a.type && s.finishedAt !== null && new Date(s.finishedAt).getTime() === at);
  if (step) used.add(step);
  return step;
}

/** Builds `HoSoDongBoDVC` from a dossier's stored facts. Pure. */
export function buildSyncRecord(input: SyncRecordInput): HoSoDongBoDVC {
  const { dossier: d, procedure, actions, files, state } = { ...input, state: input.dossier.state };
  const maHoSo = d.code ?? '';
  const applicant = d.applicant;
  const payment = nationalSyncPayment(input.payments);
  const submit = actions.find((a) => a.type === 'submit');
  const lastReturn = [...actions].reverse().find((a) => a.type === 'return_result');
  const closing = [...actions].reverse().find((a) => ['refuse', 'withdraw', 'stop'].includes(a.type));
  const componentName = new Map(procedure.components.map((c) => [c.code, c.name]));

  const idNumber = d.applicantIdNumber;
  const personal = d.applicantKind === 'citizen' ? checkPersonalId(idNumber) : undefined;
  const loaiDinhDanh =
    personal?.valid === true ? String(loaiDinhDanhOf(personal.kind)) : d.applicantKind === 'organization' ? SYNC_CODES.loaiDinhDanhMaSoThue : '1';

  const used = new Set<StepRecord>();
  const quaTrinh = actions.map((a) => {
    const step = stepOf(state.steps, a, used);
    const authority = ACTION_AUTHORITY[a.type].officer?.unit;
    const unit = a.actorKind === 'officer' ? (authority === 'receiving' ? input.receivingUnit : input.handlingUnit) : undefined;
    const what = contentOf(a);
    return {
      MaHoSo: maHoSo,
      NguoiXuLy: cut(a.actorLabel, 50),
      // UNCONFIRMED: the officer's title is not kept on the action; the acting role's kind is sent.
      ChucDanh: a.actorKind === 'officer' ? 'Cán bộ' : a.actorKind === 'system' ? 'Hệ thống' : 'Người nộp hồ sơ',
      ThoiDiemXuLy: dvcDate(a.at),
      PhongBanXuLy: unit?.name ?? '',
      NoiDungXuLy: what ? `${ACTION_NAMES[a.type].vi}: ${what}` : ACTION_NAMES[a.type].vi,
      TrangThai: String(a.statusAfter),
      NgayBatDau: dvcDate(step?.startedAt ?? a.at),
      NgayKetThucTheoQuyDinh: dvcDate(step?.dueAt ?? null),
    };
  });

  // Supplement rounds: the n-th request_supplement with the n-th supplement of the replay.
  const requests = actions.filter((a) => a.type === 'request_supplement');
  const answers = actions.filter((a) => a.type === 'submit_supplement');
  const supplements = state.supplements.map((s, i) => {
    const request = requests[i];
    const answer = s.returnedAt !== null ? answers[i] : undefined;
    const items = Array.isArray(request?.payload.items) ? (request.payload.items as unknown[]).filter((x): x is string => typeof x === 'string') : [];
    const brought = answer ? files.filter((f) => f.role === 'supplement' && f.addedSeq === answer.seq) : [];
    return {
      HoSoBoSungId: `${maHoSo}-BS${i + 1}`,
      NguoiYeuCauBoSung: cut(request?.actorLabel ?? '', 50),
      NoiDungBoSung: cut([text(request?.payload.reason), ...items].filter(Boolean).join('; '), 1000),
      NgayBoSung: dvcDate(s.requestedAt),
      NguoiTiepNhanBoSung: cut(answer?.actorLabel ?? '', 50),
      ThongTinTiepNhan: text(answer?.payload.note),
      NgayTiepNhanBoSung: dvcDate(s.returnedAt),
      TrangThaiBoSung: s.returnedAt !== null ? SYNC_CODES.trangThaiBoSung.received : SYNC_CODES.trangThaiBoSung.requested,
      DanhSachGiayToBoSung: brought.map((f) => ({ TepDinhKemId: f.id, TenGiayTo: cut(componentName.get(f.componentCode) ?? f.name, 4000), MaThanhPhanHoSo: f.componentCode, DuongDanTaiTepTin: input.fileUrl(f.id) })),
      // No fee is charged for a supplement in this system.
      DanhSachLePhiBoSung: [],
      NgayHenTraTruoc: dvcDate(s.dueBefore),
      NgayHenTraMoi: dvcDate(s.dueAfter),
    };
  });

  const submitted = files.filter((f) => f.role !== 'result');
  // A supplement's file has the flags of its own record; one brought before supplements were recorded, its component's.
  const flagsOfFile = (f: SyncFile) => input.componentFlags?.get(componentFlagKey(f.componentCode, f.addedSeq)) ?? input.componentFlags?.get(f.componentCode);
  const bit = (v: boolean | undefined) => (v ? '1' : '0');
  const results = files.filter((f) => f.role === 'result');
  const returnMethod = text(lastReturn?.payload.method);

  return {
    MaHoSo: maHoSo,
    MaTTHC: procedure.code,
    TenTTHC: procedure.name,
    MaLinhVuc: procedure.field.code,
    TenLinhVuc: procedure.field.name,
    KenhThucHien: String(d.channel) as HoSoDongBoDVC['KenhThucHien'],
    SoGiayToChuHoSo: idNumber,
    ChuHoSo: d.applicantName,
    // 1 Công dân, 2 Doanh nghiệp. UNCONFIRMED: an organization that is not a business (3 Cơ quan
    // nhà nước, 4 Tổ chức/Khác) cannot be told apart yet; every organization is sent as 2.
    LoaiDoiTuong: d.applicantKind === 'citizen' ? '1' : '2',
    // The portal's TechID of the applicant: the VNeID login does not give it to this system. UNCONFIRMED.
    MaDoiTuong: '',
    ThongTinKhac: '',
    Email: text(applicant.email),
    Fax: '',
    SoDienThoai: text(applicant.phone),
    // UNCONFIRMED content: the procedure and the applicant, as counters write it.
    TrichYeuHoSo: cut(`${procedure.name} - ${d.applicantName}`, 1000),
    NgayTiepNhan: dvcDate(state.receivedAt),
    NgayHenTra: dvcDate(state.dueAt),
    TrangThaiHoSo: String(d.status) as HoSoDongBoDVC['TrangThaiHoSo'],
    NgayTra: dvcDate(state.returnedAt),
    ThongTinTra: lastReturn ? [SYNC_CODES.thongTinTra[returnMethod] ?? '', contentOf(lastReturn)].filter(Boolean).join(' — ') : '',
    HinhThuc: returnMethod ? (SYNC_CODES.hinhThuc[returnMethod] ?? '') : '',
    NgayKetThucXuLy: dvcDate(state.finishedAt),
    DonViXuLy: input.handlingUnit.name,
    GhiChu: closing ? contentOf(closing) : '',
    NoiNopHoSo: SYNC_CODES.noiNopHoSo,
    HoSoCoThanhPhanSoHoa: bit([...(input.componentFlags?.values() ?? [])].some((f) => f.digitized)),
    TaiKhoanDuocXacThucVoiVNeID: d.channel === 2 && submit !== undefined && (submit.actorKind === 'citizen' || submit.actorKind === 'organization') ? '1' : '0',
    DuocThanhToanTrucTuyen: payment.DuocThanhToanTrucTuyen,
    NgayTuChoi: dvcDate(state.refusedAt),
    NgayNopHoSo: dvcDate(state.submittedAt ?? state.receivedAt),
    DinhDanhCHS: [{ LoaiDinhDanh: loaiDinhDanh, SoDinhDanh: idNumber }],
    DSKetNoiCSDL: SYNC_CODES.maCsdl.map((MaCSDL) => ({ MaCSDL })),
    TaiLieuNop: submitted.map((f) => ({
      TepDinhKemId: f.id,
      TenTepDinhKem: cut(f.name, 4000),
      IsDeleted: false,
      MaThanhPhanHoSo: f.componentCode,
      DuongDanTaiTepTin: input.fileUrl(f.id),
      DuocSoHoa: bit(flagsOfFile(f)?.digitized),
      DuocTaiSuDung: bit(flagsOfFile(f)?.reused),
      DuocLayTuKhoDMQG: bit(flagsOfFile(f)?.fromNationalWarehouse),
      MaKetQuaThayThe: flagsOfFile(f)?.replacingResultCode ?? '',
    })),
    DanhSachLePhi: payment.DanhSachLePhi,
    // Paper documents handed in beside the files: not recorded by this system yet.
    DanhSachTepDinhKemKhac: [],
    DanhSachHoSoBoSung: supplements,
    // UNCONFIRMED item fields (SPEC §6 lists the list only).
    DanhSachGiayToKetQua: results.map((f) => ({
      TenGiayTo: cut(procedure.resultName ?? f.name, 4000),
      MaThanhPhanHoSo: f.componentCode,
      GiayToId: f.id,
      DuongDanTepTinKetQua: input.fileUrl(f.id),
      // The signed result document's code, from the issue_result action that brought it in.
      MaGiayToKetQua: text(actions.find((a) => a.seq === f.addedSeq && a.payload.resultFileId === f.id)?.payload.resultCode),
    })),
    QuaTrinhXuLy: quaTrinh,
  };
}

/** The log as the reducer reads it, with the status after each action (replayed). */
export function syncActionsOf(rows: readonly ActionRow[], facts: DossierFacts, calendar: WorkingCalendar): SyncAction[] {
  let state: DossierState = structuredClone(INITIAL_STATE);
  return rows.map((a) => {
    const payload = (a.payload ?? {}) as Record<string, unknown>;
    const action = ruleActionOf(a);
    const result = applyAction(state, action, facts, calendar);
    if (result.ok) state = result.state;
    return { seq: a.seq, type: a.type as ActionType, at: a.at, actorKind: a.actor_kind, actorLabel: a.actor_label, payload, statusAfter: state.status ?? 0 };
  });
}

export interface SyncRecordDeps {
  catalog: Pick<CatalogModule, 'pinnedVersion'>;
  units: Pick<UnitDirectory, 'find'>;
  payments: { findByDossier(dossierId: string): Promise<Payment[]> };
  calendar: () => Promise<WorkingCalendar>;
  /** The public base URL of this installation (PUBLIC_URL); files are linked under it. */
  baseUrl?: string;
  /** The portal flags of a dossier's components (warehouse module). */
  componentFlags?: (dossierId: string) => Promise<ReadonlyMap<string, ComponentFlags>>;
}

const unitOf = async (units: SyncRecordDeps['units'], id: string): Promise<SyncUnit> => {
  const unit = await units.find(id);
  return { code: unit?.agencyCode ?? '', name: unit?.nameVi ?? id };
};

/** The inputs of a stored dossier's sync record, read from the database. */
export async function loadSyncRecordInput(db: Kysely<DB>, row: DossierRow, deps: SyncRecordDeps): Promise<SyncRecordInput> {
  const pinned = await deps.catalog.pinnedVersion(row.version_id);
  if (!pinned) throw new Error(`dossier ${row.id} pins a missing version ${row.version_id}`);
  const content = pinned.version.content;
  const [actionRows, fileRows, payments, calendar] = await Promise.all([listActions(db, row.id), dossierFiles(db, row.id), deps.payments.findByDossier(row.id), deps.calendar()]);
  const base = (deps.baseUrl ?? '').replace(/\/$/, '');
  return {
    dossier: {
      id: row.id,
      code: row.code,
      channel: row.channel,
      status: row.status,
      applicantKind: row.applicant_kind,
      applicantIdNumber: row.applicant_id_number,
      applicantName: row.applicant_name,
      applicant: (row.applicant ?? {}) as Record<string, unknown>,
      state: row.state as DossierState,
    },
    procedure: { code: row.procedure_code, name: content.name, field: content.field, components: content.components, resultName: content.result.name },
    receivingUnit: await unitOf(deps.units, row.unit_id),
    handlingUnit: await unitOf(deps.units, row.handling_unit_id),
    actions: syncActionsOf(actionRows, row.facts as DossierFacts, calendar),
    files: fileRows.map((f) => ({ id: f.id, name: f.name, componentCode: f.component_code, role: f.role, addedSeq: f.added_seq })),
    payments,
    fileUrl: (fileId) => `${base}/api/v1/dossiers/${row.id}/files/${fileId}`,
    ...(deps.componentFlags ? { componentFlags: await deps.componentFlags(row.id) } : {}),
  };
}

/** A stored dossier's `HoSoDongBoDVC`, or undefined when there is no such dossier. */
export async function loadSyncRecord(db: Kysely<DB>, dossierId: string, deps: SyncRecordDeps): Promise<HoSoDongBoDVC | undefined> {
  const row = await findDossier(db, dossierId);
  return row ? buildSyncRecord(await loadSyncRecordInput(db, row, deps)) : undefined;
}
