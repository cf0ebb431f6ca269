// The population database's wire format (SPEC §4.4, vendor implementation S10): a JSON envelope
// `{error_code, message}` whose `message`, on success, is a SOAP envelope as an XML string:
// Envelope/Body/CongdanCollection/CongDan. The Vietnamese field names live here only.
//
// UNCONFIRMED (no published specification was read; choices of this emulator, documented so the
// production adapter can be checked against the real service):
//   - error codes: see ERROR_CODES;
//   - GioiTinh: 1 = Nam (male), 2 = Nữ (female);
//   - TinhTrangHonNhan: 1 = chưa kết hôn, 2 = đã kết hôn, 3 = đã ly hôn, 4 = góa;
//   - DanToc: two-digit code of Decision 121-TCTK/PPCĐ; TonGiao: two-digit code, 00 = none;
//   - QuocTich / QuocGia: ISO 3166-1 alpha-2 ('VN'); QuocTich of the person is an addition to the
//     field list of SPEC §4.4;
//   - NgayThangNam: yyyyMMdd; ChiTiet: everything below the province (house, street, ward, district);
//   - an absent relative is an absent element; an unknown value is an empty element.
import type { SyntheticAddress, SyntheticCitizen, SyntheticRelative } from './types.ts';

/**
 * `error_code` values of the emulator, with the HTTP status each comes with.
 *   "0"             200  found: `message` is the SOAP envelope with one CongDan
 *   "NOT_FOUND"     200  no citizen has that SoDinhDanh (or SoCMND)
 *   "DATA_MISMATCH" 200  the number exists but HoVaTen, or the birth date/year, differ;
 *                        `mismatched` lists the wire fields that differ
 *   "BAD_REQUEST"   400  a required field is missing or malformed; `message` names it
 *   "UNAUTHORIZED"  401  missing or wrong API key for MaTichHop
 *   "SYSTEM_ERROR"  500  injected failure (failure-rate knob)
 *   "UNAVAILABLE"   503  injected failure or the "503" down mode
 */
export const ERROR_CODES = {
  ok: '0',
  notFound: 'NOT_FOUND',
  mismatch: 'DATA_MISMATCH',
  badRequest: 'BAD_REQUEST',
  unauthorized: 'UNAUTHORIZED',
  systemError: 'SYSTEM_ERROR',
  unavailable: 'UNAVAILABLE',
} as const;

export const GENDER_CODES = { male: '1', female: '2' } as const;
export const MARITAL_STATUS_CODES = { single: '1', married: '2', divorced: '3', widowed: '4' } as const;

/** The request body of a population query (SPEC §4.4). */
export interface PopulationQueryBody {
  HoVaTen: string;
  SoDinhDanh?: string;
  SoCMND?: string;
  /** yyyyMMdd */
  NgayThangNam?: string;
  /** yyyy */
  Nam?: string;
  MaTichHop: string;
  MaDVC: string;
  MaCanBo: string;
  MaYeuCau: string;
}

/** Escapes text for XML element content and attribute values (XML 1.0 §2.4, §2.10). */
export function escapeXml(value: string): string {
  // Characters XML 1.0 does not allow at all are dropped (control characters other than tab, LF, CR).
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  return cleaned
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

type Node = string | null | undefined | Node[];

function el(name: string, content: Node): string {
  if (Array.isArray(content)) return `<${name}>${content.map((c) => (typeof c === 'string' ? c : '')).join('')}</${name}>`;
  if (content === null || content === undefined || content === '') return `<${name}/>`;
  return `<${name}>${escapeXml(content)}</${name}>`;
}

const compactDate = (isoDate: string) => isoDate.replaceAll('-', '');

function address(name: string, a: SyntheticAddress): string {
  return el(name, [
    el('MaTinhThanh', a.provinceCode),
    el('MaQuanHuyen', a.districtCode),
    el('MaPhuongXa', a.wardCode),
    el('ChiTiet', a.detail),
    el('QuocGia', a.country),
  ]);
}

function relative(name: string, r: SyntheticRelative | null): string {
  if (!r) return '';
  return el(name, [el('HoVaTen', r.fullName), el('QuocTich', r.nationality), el('SoDinhDanh', r.personalId), el('SoCMND', r.oldIdNumber)]);
}

/** The CongDan element of one citizen. */
export function congDanXml(c: SyntheticCitizen): string {
  return el('CongDan', [
    el('SoDinhDanh', c.personalId),
    el('SoCMND', c.oldIdNumber),
    el('HoVaTen', [el('Ho', c.surname), el('ChuDem', c.middleName), el('Ten', c.givenName)]),
    el('GioiTinh', GENDER_CODES[c.gender]),
    el('DanToc', c.ethnicityCode),
    el('TonGiao', c.religionCode),
    el('QuocTich', c.nationality),
    el('TinhTrangHonNhan', MARITAL_STATUS_CODES[c.maritalStatus]),
    el('NhomMau', c.bloodType),
    el('NgayThangNamSinh', [el('Nam', c.birthDate.slice(0, 4)), el('NgayThangNam', compactDate(c.birthDate))]),
    address('NoiDangKyKhaiSinh', c.birthRegistrationPlace),
    address('QueQuan', c.hometown),
    address('ThuongTru', c.permanentAddress),
    address('NoiOHienTai', c.currentAddress),
    relative('Cha', c.father),
    relative('Me', c.mother),
    relative('VoChong', c.spouse),
    relative('NguoiDaiDien', c.representative),
    el('ChuHo', [
      el('QuanHe', c.householdHead.relationship),
      el('SoDinhDanh', c.householdHead.personalId),
      el('SoCMND', c.householdHead.oldIdNumber),
      el('HoVaTen', c.householdHead.fullName),
    ]),
    el('SoSoHoKhau', c.householdBookNumber),
  ]);
}

/** The SOAP 1.1 envelope carrying the citizens found. */
export function soapEnvelope(citizens: SyntheticCitizen[]): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">' +
    `<soap:Body><CongdanCollection>${citizens.map(congDanXml).join('')}</CongdanCollection></soap:Body>` +
    '</soap:Envelope>'
  );
}
