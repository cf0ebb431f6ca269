// The client of the national public service portal's data warehouse (Kho DVCQG, SPEC §3 and
// §10.5 `PersonalDataStoreClient`): the documents the portal holds for an owner, and their files.
// The wire format below is UNCONFIRMED (the portal's warehouse integration document was not
// read): a POST lookup by the owner's identifier (`MaDinhDanh`) answering the portal's envelope
// `{error_code, message, data}` (error_code "0" = success, SPEC §6), dates `yyyyMMdd`, files by
// relative link. The Vietnamese field names live only here (and in the emulator).
import { Readable } from 'node:stream';
import type { Owner } from './store.ts';

export interface NationalDocument {
  nationalId: string;
  documentType: string;
  title: string;
  issuer: string;
  number: string;
  issuedOn: string | null;
  validUntil: string | null;
  files: Array<{ name: string; url: string }>;
}

export interface NationalWarehouseClient {
  list(owner: Owner): Promise<NationalDocument[]>;
  fetchFile(url: string): Promise<Readable>;
}

export class NationalWarehouseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NationalWarehouseError';
  }
}

interface WireDocument {
  GiayToId?: unknown;
  MaLoaiGiayTo?: unknown;
  TenGiayTo?: unknown;
  CoQuanCap?: unknown;
  SoKyHieu?: unknown;
  NgayCap?: unknown;
  NgayHetHan?: unknown;
  TepDinhKem?: unknown;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** yyyyMMdd → YYYY-MM-DD; '' or malformed → null. */
export function wireDate(value: unknown): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(str(value));
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** The wire document as this system keeps it; undefined when it lacks an id or a type. */
export function fromWire(d: WireDocument): NationalDocument | undefined {
  const nationalId = str(d.GiayToId);
  const documentType = str(d.MaLoaiGiayTo);
  if (!nationalId || !/^[A-Za-z0-9._-]{1,40}$/.test(documentType)) return undefined;
  const files = Array.isArray(d.TepDinhKem) ? (d.TepDinhKem as Array<Record<string, unknown>>) : [];
  return {
    nationalId: nationalId.slice(0, 200),
    documentType,
    title: (str(d.TenGiayTo) || documentType).slice(0, 500),
    issuer: str(d.CoQuanCap).slice(0, 500),
    number: str(d.SoKyHieu).slice(0, 100),
    issuedOn: wireDate(d.NgayCap),
    validUntil: wireDate(d.NgayHetHan),
    files: files.map((f) => ({ name: str(f.TenTep) || 'giay-to.pdf', url: str(f.DuongDan) })).filter((f) => f.url.length > 0),
  };
}

export function createNationalWarehouseClient(options: { baseUrl: () => string | undefined; timeoutMs?: number }): NationalWarehouseClient {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const base = () => {
    const url = options.baseUrl();
    if (!url) throw new NationalWarehouseError('the national warehouse address is not known yet');
    return url.endsWith('/') ? url : `${url}/`;
  };
  return {
    async list(owner) {
      let response: Response;
      try {
        response = await fetch(new URL('giay-to/tra-cuu', base()), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ MaDinhDanh: owner.identifier, LoaiDoiTuong: owner.kind === 'citizen' ? '1' : '2' }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new NationalWarehouseError(`unreachable: ${(error as Error).message}`);
      }
      if (!response.ok) throw new NationalWarehouseError(`HTTP ${response.status}`);
      const body = (await response.json()) as { error_code?: unknown; message?: unknown; data?: unknown };
      if (str(body.error_code) !== '0') throw new NationalWarehouseError(`error_code ${str(body.error_code)}: ${str(body.message)}`);
      return (Array.isArray(body.data) ? (body.data as WireDocument[]) : []).map(fromWire).filter((d): d is NationalDocument => d !== undefined);
    },
    async fetchFile(url) {
      const response = await fetch(new URL(url, base()), { signal: AbortSignal.timeout(timeoutMs) }).catch((error: Error) => {
        throw new NationalWarehouseError(`unreachable: ${error.message}`);
      });
      if (!response.ok || !response.body) throw new NationalWarehouseError(`file HTTP ${response.status}`);
      return Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
    },
  };
}
