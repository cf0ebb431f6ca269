// motcua's side of the PayGov wire format (SPEC §6): the messages this system sends and the
// answers it accepts, and their checksums. Written apart from the emulator's (which stands for
// the other system) so that each is checked against the same hand-computed examples in tests.
//
// UNCONFIRMED (see also src/emulators/payment/wire.ts, which documents the same choices): the
// fields each checksum covers and their order, MaKetQua "00" = success, TrangThaiGD "00" paid /
// "01" pending / "02" declined / "03" cancelled, the result message (LoaiBanTin "RESULT") of the
// callback and of the browser return, and SoTien as an integer written in decimal digits.
import { createHash, timingSafeEqual } from 'node:crypto';

export const PAYGOV_VERSION = '1.0.6';
export const PAYGOV_OK = '00';
export const PAYGOV_STATE = { paid: '00', pending: '01', declined: '02', cancelled: '03' } as const;

/** The fields of each message that its MaXacThuc covers, in order; the secret follows them. */
export const SIGNED_FIELDS = {
  init: [
    'LoaiBanTin',
    'PhienBan',
    'MaDoiTac',
    'MaThamChieu',
    'SoTien',
    'LoaiHinhThanhToan',
    'MaKenhThanhToan',
    'MaThietBi',
    'NgonNgu',
    'MaTienTe',
    'MaNganHang',
    'ThongTinGiaoDich',
    'ThoiGianGD',
    'Ip',
  ],
  /** CHECK and RECEIPT (SPEC §6: LoaiBanTin|PhienBan|MaDoiTac|MaThamChieu|ThoiGianGD|secret). */
  check: ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'ThoiGianGD'],
  initAnswer: ['MaKetQua', 'MaThamChieu', 'UrlThanhToan'],
  checkAnswer: ['MaKetQua', 'MaThamChieu', 'MaGiaoDich', 'SoTien', 'TrangThaiGD', 'ThoiGianThanhToan'],
  receiptAnswer: ['MaKetQua', 'MaThamChieu'],
  result: ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'MaGiaoDich', 'SoTien', 'MaKetQua', 'ThoiGianThanhToan'],
} as const;

/** MaXacThuc: SHA-256 hex of `v1|v2|…|secret` (an absent value is empty). */
export function paygovChecksum(message: Record<string, unknown>, fields: readonly string[], secret: string): string {
  const parts = fields.map((field) => {
    const value = message[field];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  });
  return createHash('sha256').update(`${parts.join('|')}|${secret}`, 'utf8').digest('hex');
}

/** Whether `message.MaXacThuc` is the checksum of its `fields` (constant time). */
export function verifyPaygovChecksum(message: Record<string, unknown>, fields: readonly string[], secret: string): boolean {
  const given = message.MaXacThuc;
  if (typeof given !== 'string' || !/^[0-9a-fA-F]{64}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(given.toLowerCase()), Buffer.from(paygovChecksum(message, fields, secret)));
}

/** yyyyMMddHHmmss in Asia/Ho_Chi_Minh (UTC+07:00; SPEC §6 ThoiGianGD). */
export function paygovTime(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
}

/** The instant of a yyyyMMddHHmmss time in Asia/Ho_Chi_Minh, or undefined when malformed. */
export function parsePaygovTime(text: unknown): Date | undefined {
  if (typeof text !== 'string' || !/^\d{14}$/.test(text)) return undefined;
  const iso = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}T${text.slice(8, 10)}:${text.slice(10, 12)}:${text.slice(12, 14)}+07:00`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
