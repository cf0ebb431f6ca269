// The checksums of the PayGov messages, against SHA-256 digests computed by hand (sha256sum of
// the `|`-joined string), for motcua's side and the emulator's alike: the two are written apart.
import { describe, expect, it } from 'vitest';
import { checksumOf } from '../../emulators/payment/wire.ts';
import { SIGNED_FIELDS, paygovChecksum, paygovTime, parsePaygovTime, verifyPaygovChecksum } from './paygov-wire.ts';

const SECRET = 'motcua-paygov-demo-secret';
const REFERENCE = '000.00.01.H01-260115-0001-20260115093000';

// printf '%s' 'INIT|1.0.6|MOTCUA-DEMO|000.00.01.H01-260115-0001-20260115093000|150000|PAY|1|1|vi-VN|VND|PAYMENT|Thanh toan phi, le phi ho so 000.00.01.H01-260115-0001|20260115093000|127.0.0.1|motcua-paygov-demo-secret' | sha256sum
const INIT_DIGEST = '85da28e0cdb38fd32f373dbadb83147ab6a56b5334906d6c6bafa7590baebddd';
// printf '%s' 'CHECK|1.0.6|MOTCUA-DEMO|000.00.01.H01-260115-0001-20260115093000|20260115093000|motcua-paygov-demo-secret' | sha256sum
const CHECK_DIGEST = '84d7ec006b32417656edae30aace1fd5a351775aec39270a1d74253c9d7f292e';

const INIT_EXAMPLE = {
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
  ThongTinBienLai: { MaDichVu: '2', MaHoSo: '000.00.01.H01-260115-0001' },
};
const CHECK_EXAMPLE = { LoaiBanTin: 'CHECK', PhienBan: '1.0.6', MaDoiTac: 'MOTCUA-DEMO', MaThamChieu: REFERENCE, ThoiGianGD: '20260115093000' };

describe('PayGov checksums (MaXacThuc)', () => {
  it('INIT: SHA-256 of the fields joined by | and the secret, on both sides', () => {
    expect(paygovChecksum(INIT_EXAMPLE, SIGNED_FIELDS.init, SECRET)).toBe(INIT_DIGEST);
    expect(checksumOf(INIT_EXAMPLE, SIGNED_FIELDS.init, SECRET)).toBe(INIT_DIGEST);
  });

  it('CHECK: LoaiBanTin|PhienBan|MaDoiTac|MaThamChieu|ThoiGianGD|secret, on both sides', () => {
    expect(paygovChecksum(CHECK_EXAMPLE, SIGNED_FIELDS.check, SECRET)).toBe(CHECK_DIGEST);
    expect(checksumOf(CHECK_EXAMPLE, SIGNED_FIELDS.check, SECRET)).toBe(CHECK_DIGEST);
  });

  it('verifies a checksum in any case and refuses one changed field or another secret', () => {
    expect(verifyPaygovChecksum({ ...CHECK_EXAMPLE, MaXacThuc: CHECK_DIGEST.toUpperCase() }, SIGNED_FIELDS.check, SECRET)).toBe(true);
    expect(verifyPaygovChecksum({ ...CHECK_EXAMPLE, ThoiGianGD: '20260115093001', MaXacThuc: CHECK_DIGEST }, SIGNED_FIELDS.check, SECRET)).toBe(false);
    expect(verifyPaygovChecksum({ ...CHECK_EXAMPLE, MaXacThuc: CHECK_DIGEST }, SIGNED_FIELDS.check, `${SECRET}x`)).toBe(false);
    expect(verifyPaygovChecksum({ ...CHECK_EXAMPLE }, SIGNED_FIELDS.check, SECRET)).toBe(false);
  });

  it('writes ThoiGianGD as yyyyMMddHHmmss in Asia/Ho_Chi_Minh, and reads it back', () => {
    const instant = new Date('2026-01-15T02:30:00Z');
    expect(paygovTime(instant)).toBe('20260115093000');
    expect(paygovTime(new Date('2025-12-31T17:00:00Z'))).toBe('20260101000000');
    expect(parsePaygovTime('20260115093000')?.toISOString()).toBe(instant.toISOString());
    expect(parsePaygovTime('2026011509300')).toBeUndefined();
  });
});
