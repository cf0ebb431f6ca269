// The wire format of the national online payment platform (PayGov, on DVCQG) as this emulator
// speaks it (SPEC §6, vendor implementation S10). The Vietnamese field names live here only.
//
// From the spec: the INIT message and its fields, PhienBan "1.0.6", ThoiGianGD yyyyMMddHHmmss,
// MaXacThuc = SHA-256 (hex) of the `|`-joined fields followed by the partner secret, the status
// check's checksum `LoaiBanTin|PhienBan|MaDoiTac|MaThamChieu|ThoiGianGD|secret`, the answer's
// UrlThanhToan, and that an e-receipt (biên lai) endpoint exists.
//
// UNCONFIRMED (no published specification was read; choices of this emulator, written down so the
// production adapter can be checked against the real platform):
//   - which INIT fields the checksum covers, and their order: INIT_CHECKSUM_FIELDS (the order of
//     the spec's list, ThongTinBienLai excluded);
//   - result codes (MaKetQua) of the answers: RESULT_CODES; the transaction states
//     (TrangThaiGD) of CHECK and the codes of a payment result: TRANSACTION_STATES;
//   - the result callback (server-to-server POST to the partner's registered URL, JSON) and the
//     browser return (GET to the partner's registered return URL, the same fields as query
//     parameters): LoaiBanTin "RESULT", fields RESULT_CHECKSUM_FIELDS; the partner answers the
//     callback with {MaKetQua: "00"};
//   - the CHECK answer: CHECK_ANSWER_CHECKSUM_FIELDS; the INIT answer: INIT_ANSWER_CHECKSUM_FIELDS;
//   - the e-receipt request: LoaiBanTin "RECEIPT", the CHECK checksum; its answer BienLai{…};
//   - SoTien as a JSON integer (VND), written in the checksum as its decimal digits.
import { createHash, timingSafeEqual } from 'node:crypto';

export const PROTOCOL_VERSION = '1.0.6';

/** MaKetQua of the platform's answers (INIT, CHECK, RECEIPT). UNCONFIRMED. */
export const RESULT_CODES = {
  ok: '00',
  badChecksum: '01',
  badRequest: '02',
  duplicateReference: '03',
  notFound: '04',
  unknownPartner: '05',
  systemError: '99',
} as const;

/**
 * State of a transaction: TrangThaiGD of CHECK, and MaKetQua of a payment result (callback and
 * return; "01" never appears there). UNCONFIRMED.
 */
export const TRANSACTION_STATES = {
  paid: '00',
  pending: '01',
  declined: '02',
  cancelled: '03',
} as const;
export type TransactionState = (typeof TRANSACTION_STATES)[keyof typeof TRANSACTION_STATES];

export const INIT_CHECKSUM_FIELDS = [
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
] as const;
/** CHECK and RECEIPT requests (SPEC §6). */
export const CHECK_CHECKSUM_FIELDS = ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'ThoiGianGD'] as const;
export const INIT_ANSWER_CHECKSUM_FIELDS = ['MaKetQua', 'MaThamChieu', 'UrlThanhToan'] as const;
export const CHECK_ANSWER_CHECKSUM_FIELDS = ['MaKetQua', 'MaThamChieu', 'MaGiaoDich', 'SoTien', 'TrangThaiGD', 'ThoiGianThanhToan'] as const;
export const RESULT_CHECKSUM_FIELDS = [
  'LoaiBanTin',
  'PhienBan',
  'MaDoiTac',
  'MaThamChieu',
  'MaGiaoDich',
  'SoTien',
  'MaKetQua',
  'ThoiGianThanhToan',
] as const;

/** SHA-256 hex of the values joined by `|`, the secret last. */
export function checksum(values: ReadonlyArray<string | number | undefined | null>, secret: string): string {
  return createHash('sha256')
    .update([...values.map((v) => (v === undefined || v === null ? '' : String(v))), secret].join('|'), 'utf8')
    .digest('hex');
}

/** The checksum of `message` over `fields`, in that order. */
export function checksumOf(message: Record<string, unknown>, fields: readonly string[], secret: string): string {
  return checksum(
    fields.map((f) => {
      const v = message[f];
      return typeof v === 'string' || typeof v === 'number' ? v : '';
    }),
    secret,
  );
}

/** Constant-time comparison of a received MaXacThuc with the expected one (hex, any case). */
export function sameChecksum(received: unknown, expected: string): boolean {
  if (typeof received !== 'string' || received.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(received.toLowerCase()), Buffer.from(expected));
}

const VN_OFFSET_MS = 7 * 3600_000;

/** yyyyMMddHHmmss in Asia/Ho_Chi_Minh (UTC+07:00, no daylight saving). */
export function formatWireTime(instant: Date): string {
  return new Date(instant.getTime() + VN_OFFSET_MS).toISOString().replace(/\D/g, '').slice(0, 14);
}

/** "150.000 ₫": VND as people read it. */
export function formatVnd(amount: number): string {
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(amount)} ₫`;
}

/** The INIT message (partner → platform). */
export interface InitMessage {
  LoaiBanTin: 'INIT';
  PhienBan: string;
  MaDoiTac: string;
  MaThamChieu: string;
  SoTien: number;
  LoaiHinhThanhToan: string;
  MaKenhThanhToan: string;
  MaThietBi: string;
  NgonNgu: string;
  MaTienTe: string;
  MaNganHang: string;
  ThongTinGiaoDich: string;
  ThoiGianGD: string;
  Ip: string;
  ThongTinBienLai: ReceiptInfo;
  MaXacThuc: string;
}

export interface ReceiptInfo {
  MaDichVu: string;
  MaDVC?: string;
  TenDVC?: string;
  MaTTHC?: string;
  TenTTHC?: string;
  MaDonVi?: string;
  TenDonVi?: string;
  MaHoSo?: string;
  TKThuHuong?: string;
  MaNHThuHuong?: string;
  TenTKThuHuong?: string;
  HoTenNguoiNop?: string;
  SoCMNDNguoiNop?: string;
  DiaChiNguoiNop?: string;
  PhiLePhi?: Array<Record<string, unknown>>;
  DSKhoanNop?: Array<Record<string, unknown>>;
  [field: string]: unknown;
}

/** A payment result: the callback body and the return URL's query. */
export interface ResultMessage {
  LoaiBanTin: 'RESULT';
  PhienBan: string;
  MaDoiTac: string;
  MaThamChieu: string;
  MaGiaoDich: string;
  SoTien: number;
  MaKetQua: TransactionState;
  MoTaKetQua: string;
  ThoiGianThanhToan: string;
  MaXacThuc: string;
}
