// The portal emulator's protocol on its own: the credential, the answers of create and update for
// known and unknown dossiers, the limit of 10 process entries a call, identical entries kept once,
// and the admin endpoints.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DvcqgEmulatorControl, dvcqgEmulator } from './server.ts';

const TOKEN = 'emulator-test-token-0123456789';
const control = new DvcqgEmulatorControl();
let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify();
  await app.register(dvcqgEmulator, { prefix: '/dvcqg', control, token: TOKEN, paths: { create: '/themmoi', update: '/capnhat', process: '/tientrinh' } });
  await app.ready();
});
afterAll(() => app.close());
beforeEach(() => control.reset());

const auth = { authorization: `Bearer ${TOKEN}` };
const dossier = (code: string, status = '2') => ({
  MaHoSo: code,
  MaTTHC: '1.009901',
  TenTTHC: 'Đăng ký sáng chế',
  KenhThucHien: '1',
  TrangThaiHoSo: status,
  TrichYeuHoSo: 'Đăng ký sáng chế - Trần Văn Đức',
  NgayTiepNhan: '20260302090000',
  NgayHenTra: '20260316170000',
  NgayTra: '',
  NgayKetThucXuLy: '',
  NgayTuChoi: '',
  NgayNopHoSo: '20260302090000',
});
const entry = (code: string, n: number) => ({ MaHoSo: code, NguoiXuLy: 'Cán bộ một cửa', ThoiDiemXuLy: `202603020${n}0000`, TrangThai: '2', NgayBatDau: '', NgayKetThucTheoQuyDinh: '' });
const post = (url: string, payload: unknown, headers: Record<string, string> = auth) => app.inject({ method: 'POST', url: `/dvcqg${url}`, headers, payload: payload as object });

describe('the national portal emulator', () => {
  it('refuses a caller without the credential', async () => {
    const res = await post('/themmoi', [dossier('A-1')], {});
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error_code: '401', message: 'Sai thông tin xác thực' });
    expect((await app.inject({ url: '/dvcqg/_admin/state' })).statusCode).toBe(401);
    expect(control.dossiers.size).toBe(0);
  });

  it('creates once, answers "đã tồn tại" to a second create, and updates only what it holds', async () => {
    expect((await post('/themmoi', [dossier('A-1')])).json()).toEqual({ error_code: '0', message: 'Thêm mới hồ sơ thành công' });
    const again = (await post('/themmoi', [dossier('A-1', '4')])).json();
    expect(again.error_code).toBe('3');
    expect(again.message).toContain('đã tồn tại');
    expect(control.dossiers.get('A-1')!.record.TrangThaiHoSo).toBe('2');
    expect((await post('/capnhat', [dossier('A-1', '4')])).json().error_code).toBe('0');
    expect(control.dossiers.get('A-1')!.versions.map((v) => v.TrangThaiHoSo)).toEqual(['2', '4']);
    const unknown = (await post('/capnhat', [dossier('B-2')])).json();
    expect(unknown.error_code).toBe('4');
    expect(unknown.message).toContain('không tồn tại');
    expect((await post('/themmoi', [{ ...dossier('C-3'), NgayTiepNhan: '02/03/2026' }])).json().error_code).toBe('2');
  });

  it('takes at most 10 process entries a call, of known dossiers, keeping identical entries once', async () => {
    await post('/themmoi', [dossier('A-1')]);
    const eleven = Array.from({ length: 11 }, (_, i) => entry('A-1', i % 10));
    expect((await post('/tientrinh', eleven)).json().error_code).toBe('2');
    expect((await post('/tientrinh', eleven.slice(0, 3))).json().error_code).toBe('0');
    expect((await post('/tientrinh', eleven.slice(0, 3))).json().error_code).toBe('0');
    expect(control.dossiers.get('A-1')!.process).toHaveLength(3);
    expect(control.received.filter((r) => r.operation === 'process' && r.applied)).toHaveLength(2);
    expect((await post('/tientrinh', [entry('B-2', 1)])).json().error_code).toBe('4');
  });

  it('applies a message and then drops its answer, and answers queued refusals first', async () => {
    await app.inject({ method: 'PUT', url: '/dvcqg/_admin/knobs', headers: auth, payload: { loseNextAnswers: 1, failNext: [{ error_code: '-1', message: 'Lỗi hệ thống' }] } });
    expect((await post('/themmoi', [dossier('A-1')])).json()).toEqual({ error_code: '-1', message: 'Lỗi hệ thống' });
    expect(control.dossiers.size).toBe(0);
    await expect(post('/themmoi', [dossier('A-1')])).rejects.toThrow();
    expect(control.dossiers.has('A-1')).toBe(true);
    expect(control.received.map((r) => [r.applied, r.answer === 'dropped'])).toEqual([
      [false, false],
      [true, true],
    ]);
    const state = (await app.inject({ url: '/dvcqg/_admin/state', headers: auth })).json();
    expect(state.dossiers).toHaveLength(1);
    expect((await app.inject({ method: 'PUT', url: '/dvcqg/_admin/knobs', headers: auth, payload: { errorRate: 2 } })).statusCode).toBe(400);
  });
});
