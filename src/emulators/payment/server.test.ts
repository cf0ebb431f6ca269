// The PayGov emulator on its own (a bare Fastify app): it accepts only correctly signed messages
// (the hand-computed digests of src/modules/payments/paygov-wire.test.ts), signs its answers, and
// keeps its admin endpoints behind the partner secret.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentEmulatorControl, paymentEmulator } from './server.ts';
import { CHECK_ANSWER_CHECKSUM_FIELDS, INIT_ANSWER_CHECKSUM_FIELDS, checksumOf, formatVnd } from './wire.ts';

const SECRET = 'motcua-paygov-demo-secret';
const REFERENCE = '000.00.01.H01-260115-0001-20260115093000';
const INIT = {
  LoaiBanTin: 'INIT',
  PhienBan: '1.0.6',
  MaDoiTac: 'MOTCUA-DEMO',
  MaThamChieu: REFERENCE,
  SoTien: 150000,
  LoaiHinhThanhToan: 'PAY',
  MaKenhThanhToan: '1',
  MaThietBi: '1',
  NgonNgu: 'vi-VN',
  MaTienTe: 'VND',
  MaNganHang: 'PAYMENT',
  ThongTinGiaoDich: 'Thanh toan phi, le phi ho so 000.00.01.H01-260115-0001',
  ThoiGianGD: '20260115093000',
  Ip: '127.0.0.1',
  ThongTinBienLai: { MaDichVu: '2', MaHoSo: '000.00.01.H01-260115-0001', HoTenNguoiNop: 'Lê Thị Cúc' },
  // sha256sum, see paygov-wire.test.ts
  MaXacThuc: '85da28e0cdb38fd32f373dbadb83147ab6a56b5334906d6c6bafa7590baebddd',
};
const CHECK = {
  LoaiBanTin: 'CHECK',
  PhienBan: '1.0.6',
  MaDoiTac: 'MOTCUA-DEMO',
  MaThamChieu: REFERENCE,
  ThoiGianGD: '20260115093000',
  MaXacThuc: '84d7ec006b32417656edae30aace1fd5a351775aec39270a1d74253c9d7f292e',
};

let app: FastifyInstance;
const control = new PaymentEmulatorControl();

beforeAll(async () => {
  app = Fastify();
  await app.register(paymentEmulator, {
    prefix: '/pg',
    partners: { 'MOTCUA-DEMO': { secret: SECRET, callbackUrl: () => undefined, returnUrl: 'https://motcua.example/return' } },
    control,
    publicUrl: 'https://motcua.example',
  });
  await app.ready();
});
afterAll(async () => app.close());

describe('the PayGov emulator', () => {
  it('formats amounts as people read them', () => {
    expect(formatVnd(150_000)).toBe('150.000 ₫');
    expect(formatVnd(1_250_000)).toBe('1.250.000 ₫');
  });

  it('refuses an INIT whose checksum is wrong, then accepts the correctly signed one with a signed UrlThanhToan', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/pg/init', payload: { ...INIT, SoTien: 150001 } });
    expect(wrong.json()).toMatchObject({ MaKetQua: '01' });
    expect(control.transactions.size).toBe(0);

    const answer = (await app.inject({ method: 'POST', url: '/pg/init', payload: INIT })).json();
    expect(answer).toMatchObject({ MaKetQua: '00', MaThamChieu: REFERENCE });
    expect(answer.UrlThanhToan).toMatch(/^https:\/\/motcua\.example\/pg\/pay\/\d+$/);
    expect(answer.MaXacThuc).toBe(checksumOf(answer, INIT_ANSWER_CHECKSUM_FIELDS, SECRET));

    // The same reference again is refused.
    expect((await app.inject({ method: 'POST', url: '/pg/init', payload: INIT })).json()).toMatchObject({ MaKetQua: '03' });
  });

  it('answers CHECK (hand-computed checksum) with the pending state, signed; a wrong checksum is refused', async () => {
    const answer = (await app.inject({ method: 'POST', url: '/pg/check', payload: CHECK })).json();
    expect(answer).toMatchObject({ MaKetQua: '00', TrangThaiGD: '01', SoTien: 150000, ThoiGianThanhToan: '' });
    expect(answer.MaXacThuc).toBe(checksumOf(answer, CHECK_ANSWER_CHECKSUM_FIELDS, SECRET));
    expect((await app.inject({ method: 'POST', url: '/pg/check', payload: { ...CHECK, ThoiGianGD: '20260115093001' } })).json()).toMatchObject({
      MaKetQua: '01',
    });
    // No receipt before payment.
    expect((await app.inject({ method: 'POST', url: '/pg/receipt', payload: { ...CHECK, LoaiBanTin: 'RECEIPT', MaXacThuc: checksumOf({ ...CHECK, LoaiBanTin: 'RECEIPT' }, ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'ThoiGianGD'], SECRET) } })).json()).toMatchObject({ MaKetQua: '04' });
  });

  it('shows the payment page in Vietnamese with the amount and the receipt info', async () => {
    const id = control.transactions.get(REFERENCE)!.id;
    const page = await app.inject({ method: 'GET', url: `/pg/pay/${id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('150.000 ₫');
    expect(page.body).toContain('Lê Thị Cúc');
    expect(page.body).toMatch(/<button[^>]*>Thanh toán<\/button>/);
    expect(page.body).toMatch(/<button[^>]*>Hủy<\/button>/);
  });

  it('keeps the admin endpoints behind the partner secret', async () => {
    expect((await app.inject({ method: 'PUT', url: '/pg/_admin/knobs', payload: { faults: ['declined'] } })).statusCode).toBe(401);
    const set = await app.inject({
      method: 'PUT',
      url: '/pg/_admin/knobs',
      headers: { authorization: `Bearer ${SECRET}` },
      payload: { faults: ['declined'] },
    });
    expect(set.json().knobs.faults).toEqual(['declined']);
    expect(control.knobs.faults).toEqual(['declined']);
  });
});
