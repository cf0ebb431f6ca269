// The national portal sync record (HoSoDongBoDVC): the mapping on a hand-built dossier, field by
// field, and the record of a dossier taken through a supplement and a result over a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { pdfSample } from '../files/testing.ts';
import { createDossierTestApp, SAMPLE_FORM_DATA, TEST_CITIZEN_ID, TEST_PROCEDURE_CODE, type DossierTestApp } from './testing.ts';
import { scheduleForYear } from '../../core/calendar/rules.ts';
import { DEFAULT_SETTINGS, createWorkingCalendar } from '../../core/calendar/working-time.ts';
import { replay, type DossierAction, type DossierFacts } from '../../core/dossiers/index.ts';
import { createCalendarModule } from '../calendar/module.ts';
import type { ActionRow } from './store.ts';
import { buildSyncRecord, dvcDate, loadSyncRecord, syncActionsOf, type SyncRecordInput } from './sync-record.ts';
import { HoSoDongBoDVCSchema } from './sync-schema.ts';

const cal = createWorkingCalendar(DEFAULT_SETTINGS, (year) => scheduleForYear(year));
const budget = (value: number) => ({ value, unit: 'working_days' as const });
const facts: DossierFacts = {
  processingTime: { value: 10, unit: 'working_days', skipDaysOff: false },
  channel: 2,
  steps: [
    { kind: 'receive', budget: budget(0.5) },
    { kind: 'transfer', budget: budget(0.5) },
    { kind: 'assign', budget: budget(1) },
    { kind: 'examine', budget: budget(5) },
    { kind: 'approve', budget: budget(1) },
    { kind: 'sign_issue', budget: budget(1) },
    { kind: 'return', budget: budget(1) },
  ],
};
const CITIZEN = 'c0000000-0000-4000-8000-000000000001';
const RECEIVER = 'c0000000-0000-4000-8000-000000000002';
const LEADER = 'c0000000-0000-4000-8000-000000000003';
const SPECIALIST = 'c0000000-0000-4000-8000-000000000004';
const ID = 'd0000000-0000-4000-8000-000000000001';

// [type, local time in March 2026, actor id, actor kind, label, payload]
const LOG: Array<[DossierAction['type'], string, string | null, string, string, Record<string, unknown>]> = [
  ['submit', '02T08:30:00', CITIZEN, 'citizen', 'Nguyễn Thị Thu Hà', {}],
  ['receive', '02T09:00:00', RECEIVER, 'officer', 'tiepnhan (Trần Văn Tiếp Nhận Hồ Sơ Một Cửa Bộ Khoa học và Công nghệ)', {}],
  ['transfer', '02T10:00:00', RECEIVER, 'officer', 'tiepnhan (Trần Văn Tiếp)', { unitId: 'cuc-shtt-sang-che' }],
  ['assign', '02T14:00:00', LEADER, 'officer', 'lanhdao (Lê Lãnh Đạo)', { assignee: SPECIALIST }],
  ['request_supplement', '03T09:00:00', SPECIALIST, 'officer', 'chuyenvien1 (Phạm Chuyên Viên)', { reason: 'Thiếu bản mô tả', items: ['Bản mô tả sáng chế'] }],
  ['submit_supplement', '05T09:00:00', CITIZEN, 'citizen', 'Nguyễn Thị Thu Hà', { note: 'Đã bổ sung bản mô tả' }],
  ['examine', '06T09:00:00', SPECIALIST, 'officer', 'chuyenvien1 (Phạm Chuyên Viên)', { opinion: 'Đủ điều kiện' }],
  ['approve', '09T09:00:00', LEADER, 'officer', 'lanhdao (Lê Lãnh Đạo)', {}],
  ['issue_result', '10T09:00:00', LEADER, 'officer', 'lanhdao (Lê Lãnh Đạo)', { outcome: 'granted', summary: 'Cấp văn bằng bảo hộ', resultCode: 'KQ-G22.05-2026-000001', resultFileId: 'f3' }],
  ['return_result', '11T15:00:00', RECEIVER, 'officer', 'tiepnhan (Trần Văn Tiếp)', { method: 'online' }],
];

const rows: ActionRow[] = LOG.map(([type, at, actor, kind, label, payload], i) => ({
  dossier_id: ID,
  seq: i + 1,
  type,
  at: new Date(`2026-03-${at}+07:00`),
  actor_id: actor,
  actor_kind: kind,
  actor_label: label,
  payload,
  prev_hash: '0'.repeat(64),
  hash: '0'.repeat(64),
}));
const log: DossierAction[] = rows.map((r) => ({ type: r.type as DossierAction['type'], at: r.at, actor: r.actor_id, ...(r.payload as object) }));
const replayed = replay(facts, log, cal);
if (!replayed.ok) throw new Error(JSON.stringify(replayed.error));
const state = replayed.state;

const input: SyncRecordInput = {
  dossier: {
    id: ID,
    code: 'G22.01.01-260302-0007',
    channel: 2,
    status: state.status!,
    applicantKind: 'citizen',
    applicantIdNumber: '001099012345',
    applicantName: 'Nguyễn Thị Thu Hà',
    applicant: { kind: 'citizen', idNumber: '001099012345', name: 'Nguyễn Thị Thu Hà', phone: '0912345678', email: 'ha@example.vn' },
    state,
  },
  procedure: {
    code: '1.009901',
    name: 'Đăng ký sáng chế',
    field: { code: 'SHTT', name: 'Sở hữu trí tuệ' },
    components: [{ code: 'TP01', name: 'Tờ khai đăng ký sáng chế' }, { code: 'TP02', name: 'Bản mô tả sáng chế' }],
    resultName: 'Bằng độc quyền sáng chế',
  },
  receivingUnit: { code: 'G22.01', name: 'Bộ phận Một cửa' },
  handlingUnit: { code: 'G22.01.01', name: 'Phòng Sáng chế' },
  actions: syncActionsOf(rows, facts, cal),
  files: [
    { id: 'f1', name: 'To khai.pdf', componentCode: 'TP01', role: 'component', addedSeq: 1 },
    { id: 'f2', name: 'Ban mo ta.pdf', componentCode: 'TP02', role: 'supplement', addedSeq: 6 },
    { id: 'f3', name: 'Van bang.pdf', componentCode: 'result', role: 'result', addedSeq: 9 },
  ],
  payments: [
    {
      id: 'p1', reference: 'G22.01.01-260302-0007-20260309100000', dossierId: ID, dossierCode: 'G22.01.01-260302-0007', amountVnd: 150000,
      fees: [{ code: 'LP01', name: 'Lệ phí nộp đơn', kind: 'charge', amountVnd: 150000 }],
      status: 'paid', channel: 'paygov', receiptNumber: null, transactionId: 't1', paidAt: new Date('2026-03-02T02:00:00Z'), createdAt: new Date('2026-03-02T01:00:00Z'), returnPath: null, recordedBy: null,
    },
  ],
  fileUrl: (id) => `https://motcua.example.gov.vn/api/v1/dossiers/${ID}/files/${id}`,
};


const url = (id: string) => `https://motcua.example.gov.vn/api/v1/dossiers/${ID}/files/${id}`;
const record = buildSyncRecord(input);
const step = (seq: number) => record.QuaTrinhXuLy[seq - 1]!;

describe('HoSoDongBoDVC of a hand-built online dossier (supplement, PayGov payment, result returned)', () => {
  it('matches its schema', () => {
    expect(HoSoDongBoDVCSchema.parse(record)).toEqual(record);
  });

  it('formats dates as yyyyMMddHHmmss in Asia/Ho_Chi_Minh', () => {
    expect(dvcDate('2026-03-01T17:30:05Z')).toBe('20260302003005');
    expect(dvcDate(null)).toBe('');
  });

  // Every field of the record: [field, value]. 10 working days from Mon 02/03 09:00 end Mon 16/03
  // 09:00; the supplement (Tue 03/03 09:00 → Thu 05/03 09:00) pauses two working days: Wed 18/03.
  it.each<[string, unknown]>([
    ['MaHoSo', 'G22.01.01-260302-0007'],
    ['MaTTHC', '1.009901'],
    ['TenTTHC', 'Đăng ký sáng chế'],
    ['MaLinhVuc', 'SHTT'],
    ['TenLinhVuc', 'Sở hữu trí tuệ'],
    ['KenhThucHien', '2'],
    ['SoGiayToChuHoSo', '001099012345'],
    ['ChuHoSo', 'Nguyễn Thị Thu Hà'],
    ['LoaiDoiTuong', '1'],
    ['MaDoiTuong', ''],
    ['ThongTinKhac', ''],
    ['Email', 'ha@example.vn'],
    ['Fax', ''],
    ['SoDienThoai', '0912345678'],
    ['TrichYeuHoSo', 'Đăng ký sáng chế - Nguyễn Thị Thu Hà'],
    ['NgayTiepNhan', '20260302090000'],
    ['NgayHenTra', '20260318090000'],
    ['TrangThaiHoSo', '10'],
    ['NgayTra', '20260311150000'],
    ['ThongTinTra', 'Trả trực tuyến'],
    ['HinhThuc', '3'],
    ['NgayKetThucXuLy', '20260310090000'],
    ['DonViXuLy', 'Phòng Sáng chế'],
    ['GhiChu', ''],
    ['NoiNopHoSo', '2'],
    ['HoSoCoThanhPhanSoHoa', '0'],
    ['TaiKhoanDuocXacThucVoiVNeID', '1'],
    ['DuocThanhToanTrucTuyen', '2'],
    ['NgayTuChoi', ''],
    ['NgayNopHoSo', '20260302083000'],
    ['DinhDanhCHS', [{ LoaiDinhDanh: '1', SoDinhDanh: '001099012345' }]],
    ['DSKetNoiCSDL', [{ MaCSDL: '7' }]],
    [
      'TaiLieuNop',
      [
        { TepDinhKemId: 'f1', TenTepDinhKem: 'To khai.pdf', IsDeleted: false, MaThanhPhanHoSo: 'TP01', DuongDanTaiTepTin: url('f1'), DuocSoHoa: '0', DuocTaiSuDung: '0', DuocLayTuKhoDMQG: '0', MaKetQuaThayThe: '' },
        { TepDinhKemId: 'f2', TenTepDinhKem: 'Ban mo ta.pdf', IsDeleted: false, MaThanhPhanHoSo: 'TP02', DuongDanTaiTepTin: url('f2'), DuocSoHoa: '0', DuocTaiSuDung: '0', DuocLayTuKhoDMQG: '0', MaKetQuaThayThe: '' },
      ],
    ],
    ['DanhSachLePhi', [{ TenPhiLePhi: 'Lệ phí nộp đơn', MaPhiLePhi: 'LP01', HinhThucThu: '1', Gia: 150000, LoaiPhiLePhi: '2' }]],
    ['DanhSachTepDinhKemKhac', []],
    [
      'DanhSachHoSoBoSung',
      [
        {
          HoSoBoSungId: 'G22.01.01-260302-0007-BS1',
          NguoiYeuCauBoSung: 'chuyenvien1 (Phạm Chuyên Viên)',
          NoiDungBoSung: 'Thiếu bản mô tả; Bản mô tả sáng chế',
          NgayBoSung: '20260303090000',
          NguoiTiepNhanBoSung: 'Nguyễn Thị Thu Hà',
          ThongTinTiepNhan: 'Đã bổ sung bản mô tả',
          NgayTiepNhanBoSung: '20260305090000',
          TrangThaiBoSung: '2',
          DanhSachGiayToBoSung: [{ TepDinhKemId: 'f2', TenGiayTo: 'Bản mô tả sáng chế', MaThanhPhanHoSo: 'TP02', DuongDanTaiTepTin: url('f2') }],
          DanhSachLePhiBoSung: [],
          NgayHenTraTruoc: '20260316090000',
          NgayHenTraMoi: '20260318090000',
        },
      ],
    ],
    ['DanhSachGiayToKetQua', [{ TenGiayTo: 'Bằng độc quyền sáng chế', MaThanhPhanHoSo: 'result', GiayToId: 'f3', DuongDanTepTinKetQua: url('f3'), MaGiayToKetQua: 'KQ-G22.05-2026-000001' }]],
  ])('%s', (field, value) => {
    expect((record as Record<string, unknown>)[field]).toEqual(value);
  });

  it('has every field of the schema and nothing else', () => {
    expect(Object.keys(record).sort()).toEqual(Object.keys(HoSoDongBoDVCSchema.shape).sort());
  });

  // QuaTrinhXuLy: one row per action, status after it, the step row's start and due.
  it.each<[number, Partial<(typeof record.QuaTrinhXuLy)[number]>]>([
    [1, { NguoiXuLy: 'Nguyễn Thị Thu Hà', ChucDanh: 'Người nộp hồ sơ', ThoiDiemXuLy: '20260302083000', PhongBanXuLy: '', NoiDungXuLy: 'Nộp hồ sơ trực tuyến', TrangThai: '1', NgayBatDau: '20260302083000', NgayKetThucTheoQuyDinh: '' }],
    [2, { ThoiDiemXuLy: '20260302090000', PhongBanXuLy: 'Bộ phận Một cửa', NoiDungXuLy: 'Tiếp nhận hồ sơ', TrangThai: '2', NgayBatDau: '20260302083000', NgayKetThucTheoQuyDinh: '20260302143000' }],
    [3, { NoiDungXuLy: 'Chuyển hồ sơ đến đơn vị xử lý', TrangThai: '4', NgayBatDau: '20260302090000', NgayKetThucTheoQuyDinh: '20260302150000' }],
    [4, { PhongBanXuLy: 'Phòng Sáng chế', TrangThai: '4', NgayBatDau: '20260302100000', NgayKetThucTheoQuyDinh: '20260303100000' }],
    [5, { NoiDungXuLy: 'Yêu cầu bổ sung hồ sơ: Thiếu bản mô tả — Bản mô tả sáng chế', TrangThai: '5', NgayBatDau: '20260303090000', NgayKetThucTheoQuyDinh: '' }],
    [6, { NoiDungXuLy: 'Nộp bổ sung: Đã bổ sung bản mô tả', TrangThai: '4' }],
    // The examine step's due (5 working days from Mon 14:00) moved two working days by the supplement.
    [7, { NoiDungXuLy: 'Thẩm định, trình kết quả', TrangThai: '4', NgayBatDau: '20260302140000', NgayKetThucTheoQuyDinh: '20260311140000' }],
    [8, { NoiDungXuLy: 'Phê duyệt', TrangThai: '4' }],
    [9, { NoiDungXuLy: 'Ban hành kết quả: Cấp văn bằng bảo hộ', TrangThai: '9', NgayKetThucTheoQuyDinh: '20260310090000' }],
    [10, { PhongBanXuLy: 'Bộ phận Một cửa', NoiDungXuLy: 'Trả kết quả', TrangThai: '10', NgayBatDau: '20260310090000', NgayKetThucTheoQuyDinh: '20260311090000' }],
  ])('QuaTrinhXuLy row %i', (seq, expected) => {
    expect(step(seq)).toMatchObject({ MaHoSo: 'G22.01.01-260302-0007', ...expected });
  });

  it('cuts NguoiXuLy to 50 characters', () => {
    expect(step(2).NguoiXuLy).toHaveLength(50);
    expect(record.QuaTrinhXuLy).toHaveLength(10);
  });

  it('keeps the stored status: a stopped dossier is 8, not collapsed into 9', () => {
    const stopped = buildSyncRecord({ ...input, dossier: { ...input.dossier, status: 8 } });
    expect(stopped.TrangThaiHoSo).toBe('8');
  });

  it('an organization at the counter: LoaiDoiTuong 2, tax code, no VNeID, not paid online', () => {
    const org = buildSyncRecord({
      ...input,
      dossier: { ...input.dossier, channel: 1, applicantKind: 'organization', applicantIdNumber: '0101234567', applicant: {} },
      actions: input.actions.filter((a) => a.type !== 'submit'),
      payments: [],
    });
    expect(org).toMatchObject({ LoaiDoiTuong: '2', KenhThucHien: '1', TaiKhoanDuocXacThucVoiVNeID: '0', DuocThanhToanTrucTuyen: '3', DanhSachLePhi: [], DinhDanhCHS: [{ LoaiDinhDanh: '3', SoDinhDanh: '0101234567' }] });
  });
});

const calendarOf = (t: DossierTestApp) => createCalendarModule({ config: t.config, db: t.db, units: t.app.units }).service.calendar();

describe('loadSyncRecord over a real database', () => {
  let t: DossierTestApp;
  let citizen: TestLogin;
  let receiver: TestLogin;
  let leader: TestLogin;
  let specialist: TestLogin;

  beforeAll(async () => {
    t = await createDossierTestApp();
    citizen = await loginAs(t.db, { kind: 'citizen', personalId: TEST_CITIZEN_ID, fullName: 'Nguyễn Thị Thu Hà', acr: 'LoA2' });
    receiver = await loginAs(t.db, { kind: 'officer', username: 'tiepnhan', roles: [{ role: 'receiver', unitId: 'bo-phan-mot-cua' }] });
    leader = await loginAs(t.db, { kind: 'officer', username: 'lanhdao', roles: [{ role: 'unit_leader', unitId: 'cuc-shtt' }] });
    specialist = await loginAs(t.db, { kind: 'officer', username: 'chuyenvien1', roles: [{ role: 'specialist', unitId: 'cuc-shtt-sang-che' }] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  async function upload(login: TestLogin, name: string): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdfSample(Math.floor(Math.random() * 1000)))], { type: 'application/pdf' }), name);
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/files', headers: { ...login.headers, 'content-type': request.headers.get('content-type')! }, payload: Buffer.from(await request.arrayBuffer()) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }
  async function act(login: TestLogin, d: { id: string; version: number }, body: Record<string, unknown>) {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/actions`, headers: { ...login.headers, 'if-match': `"${d.version}"` }, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  it('carries the supplement round, the result file and the process history', async () => {
    const first = await upload(citizen, 'Tờ khai.pdf');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: citizen.headers, payload: { procedureCode: TEST_PROCEDURE_CODE, data: SAMPLE_FORM_DATA, components: [{ code: 'TP01', fileIds: [first] }] } });
    expect(res.statusCode, res.body).toBe(201);
    let d = res.json();
    d = await act(receiver, d, { type: 'receive' });
    d = await act(receiver, d, { type: 'transfer' });
    d = await act(leader, d, { type: 'assign', assignee: specialist.accountId });
    d = await act(specialist, d, { type: 'request_supplement', reason: 'Thiếu bản mô tả', items: ['Bản mô tả sáng chế'] });
    const extra = await upload(citizen, 'Bản mô tả.pdf');
    d = await act(citizen, d, { type: 'submit_supplement', components: [{ code: 'TP01', fileIds: [extra] }] });
    d = await act(specialist, d, { type: 'examine', opinion: 'Đủ điều kiện' });
    d = await act(leader, d, { type: 'approve' });
    const result = await upload(leader, 'Văn bằng.pdf');
    d = await act(leader, d, { type: 'issue_result', outcome: 'granted', fileIds: [result] });
    d = await act(receiver, d, { type: 'return_result', method: 'counter' });

    const sync = await loadSyncRecord(t.db, d.id, {
      catalog: t.app.catalog,
      units: t.app.units,
      payments: t.app.payments,
      calendar: () => calendarOf(t),
    });
    expect(HoSoDongBoDVCSchema.safeParse(sync).success).toBe(true);
    expect(sync).toMatchObject({
      MaHoSo: d.code,
      MaTTHC: TEST_PROCEDURE_CODE,
      KenhThucHien: '2',
      TrangThaiHoSo: '10',
      LoaiDoiTuong: '1',
      SoGiayToChuHoSo: TEST_CITIZEN_ID,
      TaiKhoanDuocXacThucVoiVNeID: '1',
      DuocThanhToanTrucTuyen: '3',
      HinhThuc: '1',
      NgayTiepNhan: dvcDate(d.receivedAt),
      NgayHenTra: dvcDate(d.dueAt),
      NgayKetThucXuLy: dvcDate(d.finishedAt),
      NgayNopHoSo: dvcDate(d.submittedAt),
    });
    expect(sync!.TaiLieuNop.map((f) => f.TepDinhKemId)).toEqual([first, extra]);
    // The signed result document (with its code) and the file the leader gave with it.
    const issued = d.timeline.find((e: { type: string }) => e.type === 'issue_result').payload as { resultCode: string; resultFileId: string };
    expect(sync!.DanhSachGiayToKetQua.map((f) => [f.GiayToId, f.MaGiayToKetQua]).sort()).toEqual(
      [
        [issued.resultFileId, issued.resultCode],
        [result, ''],
      ].sort(),
    );
    expect(issued.resultCode).toMatch(/^KQ-G22\.[0-9.]+-\d{4}-\d{6}$/);
    expect(sync!.DanhSachHoSoBoSung).toHaveLength(1);
    expect(sync!.DanhSachHoSoBoSung[0]).toMatchObject({ TrangThaiBoSung: '2', NguoiTiepNhanBoSung: 'Nguyễn Thị Thu Hà', DanhSachGiayToBoSung: [{ TepDinhKemId: extra }] });
    // The new due date moves by the working time the supplement took: nothing when it was asked
    // and answered outside working hours (the lunch break, the evening), later otherwise.
    const round = sync!.DanhSachHoSoBoSung[0]!;
    expect(round.NgayHenTraMoi >= round.NgayHenTraTruoc).toBe(true);
    expect(round.NgayHenTraMoi > round.NgayHenTraTruoc).toBe(d.state.pausedWorkingMinutes > 0);
    expect(sync!.QuaTrinhXuLy.map((s) => s.TrangThai)).toEqual(['1', '2', '4', '4', '5', '4', '4', '4', '9', '10']);
    expect(sync!.QuaTrinhXuLy[1]!.NguoiXuLy).toMatch(/^tiepnhan/);
    expect(await loadSyncRecord(t.db, '00000000-0000-4000-8000-00000000dead', { catalog: t.app.catalog, units: t.app.units, payments: t.app.payments, calendar: () => calendarOf(t) })).toBeUndefined();
  }, 60_000);
});
