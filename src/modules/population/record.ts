// A citizen's record as motcua reads it from the national population database, and the parser of
// the vendor's SOAP-in-JSON answer (SPEC §4.4). The Vietnamese wire names live in this file only.
import { XMLParser } from 'fast-xml-parser';
import { parseSimpleXml } from './simple-xml.ts';

export interface PopulationAddress {
  /** Two-digit administrative province code (MaTinhThanh). */
  provinceCode: string | null;
  districtCode: string | null;
  wardCode: string | null;
  /** ChiTiet: the part below the province. */
  detail: string | null;
  /** QuocGia as sent (e.g. 'VN'). */
  country: string | null;
}

export interface PopulationRelative {
  fullName: string | null;
  nationality: string | null;
  personalId: string | null;
  oldIdNumber: string | null;
}

export interface PopulationRecord {
  personalId: string;
  oldIdNumber: string | null;
  surname: string | null;
  middleName: string | null;
  givenName: string | null;
  fullName: string;
  /** Codes as sent by the population database; see codes.ts for their meaning. */
  genderCode: string | null;
  ethnicityCode: string | null;
  religionCode: string | null;
  nationalityCode: string | null;
  maritalStatusCode: string | null;
  bloodType: string | null;
  birthYear: number | null;
  /** YYYY-MM-DD, or null when only the year is known. */
  birthDate: string | null;
  birthRegistrationPlace: PopulationAddress | null;
  hometown: PopulationAddress | null;
  permanentAddress: PopulationAddress | null;
  currentAddress: PopulationAddress | null;
  father: PopulationRelative | null;
  mother: PopulationRelative | null;
  spouse: PopulationRelative | null;
  representative: PopulationRelative | null;
  householdHead: { relationship: string | null; personalId: string | null; oldIdNumber: string | null; fullName: string | null } | null;
  householdBookNumber: string | null;
}

export class PopulationProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PopulationProtocolError';
  }
}

/** How the answer is read (simple-xml.ts reads the plain answers the same way, faster). */
export const POPULATION_XML_OPTIONS = {
  removeNSPrefix: true,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  parseTagValue: false, // '007' stays '007'
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name: string) => name === 'CongDan',
};
const parser = new XMLParser(POPULATION_XML_OPTIONS);

type XmlNode = string | number | boolean | { [key: string]: XmlNode } | XmlNode[] | null | undefined;

function child(node: XmlNode, name: string): XmlNode {
  if (node && typeof node === 'object' && !Array.isArray(node)) return node[name];
  return undefined;
}

function text(node: XmlNode): string | null {
  if (typeof node === 'string') return node.trim() === '' ? null : node.trim();
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (node && typeof node === 'object' && !Array.isArray(node) && typeof node['#text'] === 'string') return text(node['#text']);
  return null;
}

const field = (node: XmlNode, name: string) => text(child(node, name));

function isPresent(node: XmlNode): boolean {
  return node !== undefined && node !== null && node !== '';
}

function address(node: XmlNode): PopulationAddress | null {
  if (!isPresent(node)) return null;
  return {
    provinceCode: field(node, 'MaTinhThanh'),
    districtCode: field(node, 'MaQuanHuyen'),
    wardCode: field(node, 'MaPhuongXa'),
    detail: field(node, 'ChiTiet'),
    country: field(node, 'QuocGia'),
  };
}

function relative(node: XmlNode): PopulationRelative | null {
  if (!isPresent(node)) return null;
  const r = {
    fullName: field(node, 'HoVaTen'),
    nationality: field(node, 'QuocTich'),
    personalId: field(node, 'SoDinhDanh'),
    oldIdNumber: field(node, 'SoCMND'),
  };
  return r.fullName || r.personalId || r.oldIdNumber ? r : null;
}

/** yyyyMMdd (or yyyy-MM-dd, dd/MM/yyyy) → YYYY-MM-DD; null when not a real date. */
export function parseWireDate(value: string | null): string | null {
  if (!value) return null;
  let m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value);
  let parts: [string, string, string] | undefined = m ? [m[1]!, m[2]!, m[3]!] : undefined;
  if (!parts) {
    m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
    if (m) parts = [m[3]!, m[2]!, m[1]!];
  }
  if (!parts) return null;
  const [y, mo, d] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${parts[0]}-${parts[1]}-${parts[2]}`;
}

function record(node: XmlNode): PopulationRecord | null {
  const personalId = field(node, 'SoDinhDanh');
  const name = child(node, 'HoVaTen');
  const surname = field(name, 'Ho');
  const middleName = field(name, 'ChuDem');
  const givenName = field(name, 'Ten');
  // Some deployments send HoVaTen as one string rather than its parts.
  const fullName = [surname, middleName, givenName].filter(Boolean).join(' ') || text(name);
  if (!personalId || !fullName) return null;
  const birth = child(node, 'NgayThangNamSinh');
  const birthDate = parseWireDate(field(birth, 'NgayThangNam') ?? text(birth));
  const yearText = field(birth, 'Nam');
  const birthYear = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : birthDate ? Number(birthDate.slice(0, 4)) : null;
  const head = child(node, 'ChuHo');
  return {
    personalId,
    oldIdNumber: field(node, 'SoCMND'),
    surname,
    middleName,
    givenName,
    fullName,
    genderCode: field(node, 'GioiTinh'),
    ethnicityCode: field(node, 'DanToc'),
    religionCode: field(node, 'TonGiao'),
    nationalityCode: field(node, 'QuocTich'),
    maritalStatusCode: field(node, 'TinhTrangHonNhan'),
    bloodType: field(node, 'NhomMau'),
    birthYear,
    birthDate,
    birthRegistrationPlace: address(child(node, 'NoiDangKyKhaiSinh')),
    hometown: address(child(node, 'QueQuan')),
    permanentAddress: address(child(node, 'ThuongTru')),
    currentAddress: address(child(node, 'NoiOHienTai')),
    father: relative(child(node, 'Cha')),
    mother: relative(child(node, 'Me')),
    spouse: relative(child(node, 'VoChong')),
    representative: relative(child(node, 'NguoiDaiDien')),
    householdHead: isPresent(head)
      ? {
          relationship: field(head, 'QuanHe'),
          personalId: field(head, 'SoDinhDanh'),
          oldIdNumber: field(head, 'SoCMND'),
          fullName: field(head, 'HoVaTen'),
        }
      : null,
    householdBookNumber: field(node, 'SoSoHoKhau'),
  };
}

/**
 * The citizens of a SOAP answer (Envelope/Body/CongdanCollection/CongDan). Throws
 * PopulationProtocolError when the text is not well-formed XML, carries a DTD (SOAP forbids it,
 * and entity expansion is an attack), or lacks the envelope.
 */
export function parseCongDanEnvelope(xml: string): PopulationRecord[] {
  if (/<!DOCTYPE/i.test(xml)) throw new PopulationProtocolError('the answer carries a DTD');
  // The plain answer by the fast reader; anything else (and every malformed answer) by the full parser.
  let doc: XmlNode = parseSimpleXml(xml, POPULATION_XML_OPTIONS.isArray);
  if (doc === undefined) {
    try {
      doc = parser.parse(xml, true) as XmlNode;
    } catch (error) {
      throw new PopulationProtocolError(`the answer is not well-formed XML: ${(error as Error).message}`);
    }
  }
  const body = child(child(doc, 'Envelope'), 'Body');
  if (!isPresent(body)) throw new PopulationProtocolError('the answer has no Envelope/Body');
  const collection = child(body, 'CongdanCollection');
  const items = child(collection, 'CongDan');
  const list = Array.isArray(items) ? items : [];
  return list.map(record).filter((r): r is PopulationRecord => r !== null);
}
