// Emulator of the national public service portal's data warehouse (Kho quản lý dữ liệu điện tử
// của tổ chức, cá nhân trên Cổng Dịch vụ công quốc gia), for development and tests. It speaks the
// format the client in src/modules/warehouse/national.ts sends; that format is UNCONFIRMED (the
// portal's integration document for the warehouse was not read): a JSON lookup by the owner's
// identifier and file downloads by link, with the portal's `{error_code, message}` envelope
// (SPEC §6). Deterministic: the same identifier always has the same documents.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export const NATIONAL_WAREHOUSE_EMULATOR_PREFIX = '/emulators/kho-dvcqg';

interface EmulatedDocument {
  GiayToId: string;
  MaLoaiGiayTo: string;
  TenGiayTo: string;
  CoQuanCap: string;
  SoKyHieu: string;
  /** yyyyMMdd */
  NgayCap: string;
  /** yyyyMMdd, or '' without expiry */
  NgayHetHan: string;
  TepDinhKem: Array<{ TenTep: string; DuongDan: string }>;
}

/** A one-page PDF naming the document (enough for the sniffer and a viewer). */
export function emulatedPdf(title: string): Buffer {
  const text = title.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '');
  const stream = `BT /F1 14 Tf 50 780 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The documents the emulated warehouse holds for an identifier: one business registration for a tax code, one radiation worker certificate for a personal ID. */
export function emulatedDocuments(identifier: string): EmulatedDocument[] {
  const id = createHash('sha256').update(identifier).digest('hex').slice(0, 12);
  if (/^\d{12}$/.test(identifier)) {
    return [
      {
        GiayToId: `KHO-${id}-1`,
        MaLoaiGiayTo: 'CC-NVBX',
        TenGiayTo: 'Chứng chỉ nhân viên bức xạ',
        CoQuanCap: 'Cục An toàn bức xạ và hạt nhân',
        SoKyHieu: `${identifier.slice(-4)}/CC-ATBXHN`,
        NgayCap: '20240315',
        NgayHetHan: '20290315',
        TepDinhKem: [{ TenTep: 'chung-chi-nhan-vien-buc-xa.pdf', DuongDan: `tep/KHO-${id}-1` }],
      },
    ];
  }
  if (/^\d{10}(-\d{3})?$/.test(identifier)) {
    return [
      {
        GiayToId: `KHO-${id}-1`,
        MaLoaiGiayTo: 'GCN-DKDN',
        TenGiayTo: 'Giấy chứng nhận đăng ký doanh nghiệp',
        CoQuanCap: 'Sở Tài chính thành phố Hà Nội',
        SoKyHieu: identifier,
        NgayCap: '20200601',
        NgayHetHan: '',
        TepDinhKem: [{ TenTep: 'giay-chung-nhan-dkdn.pdf', DuongDan: `tep/KHO-${id}-1` }],
      },
    ];
  }
  return [];
}

export async function mountNationalWarehouseEmulator(app: FastifyInstance): Promise<void> {
  await app.register(
    async (api) => {
      api.post('/giay-to/tra-cuu', { schema: { hide: true } }, async (request) => {
        const body = (request.body ?? {}) as { MaDinhDanh?: unknown };
        if (typeof body.MaDinhDanh !== 'string' || body.MaDinhDanh.length === 0) return { error_code: '1', message: 'Thiếu MaDinhDanh', data: [] };
        return { error_code: '0', message: 'Thành công', data: emulatedDocuments(body.MaDinhDanh) };
      });
      api.get('/tep/:id', { schema: { hide: true } }, async (request, reply) => {
        const { id } = request.params as { id: string };
        if (!/^KHO-[0-9a-f]{12}-\d$/.test(id)) return reply.status(404).send({ error_code: '404', message: 'Không có tệp' });
        return reply.type('application/pdf').send(emulatedPdf(`Kho DVCQG ${id}`));
      });
    },
    { prefix: NATIONAL_WAREHOUSE_EMULATOR_PREFIX },
  );
}
