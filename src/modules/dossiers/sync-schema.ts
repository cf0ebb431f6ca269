// The national portal's dossier sync payload `HoSoDongBoDVC` (SPEC §6) as a Zod schema: the type
// sync-record.ts builds, and the OpenAPI document of GET /api/v1/dossiers/{id}/sync-record.
// Dates are `yyyyMMddHHmmss` (Asia/Ho_Chi_Minh) or '' when absent; codes are strings.
import { z } from 'zod';

const date = z.string().regex(/^(\d{14})?$/).describe('yyyyMMddHHmmss, Asia/Ho_Chi_Minh; empty when absent');
const flag = z.enum(['0', '1']);

export const SyncFeeLineSchema = z.object({
  TenPhiLePhi: z.string(),
  MaPhiLePhi: z.string(),
  HinhThucThu: z.enum(['1', '2']).describe('1 online (PayGov), 2 at the counter (UNCONFIRMED codes)'),
  Gia: z.number().int().min(0).describe('integer VND'),
  LoaiPhiLePhi: z.enum(['1', '2']).describe('1 phí, 2 lệ phí (UNCONFIRMED codes)'),
});

export const SyncFileSchema = z.object({
  TepDinhKemId: z.string(),
  TenTepDinhKem: z.string().max(4000),
  IsDeleted: z.boolean(),
  MaThanhPhanHoSo: z.string(),
  DuongDanTaiTepTin: z.string(),
  DuocSoHoa: flag,
  DuocTaiSuDung: flag,
  DuocLayTuKhoDMQG: flag,
  MaKetQuaThayThe: z.string(),
});

export const SyncSupplementSchema = z.object({
  HoSoBoSungId: z.string(),
  NguoiYeuCauBoSung: z.string(),
  NoiDungBoSung: z.string(),
  NgayBoSung: date,
  NguoiTiepNhanBoSung: z.string(),
  ThongTinTiepNhan: z.string(),
  NgayTiepNhanBoSung: date,
  TrangThaiBoSung: z.string().describe('1 requested, 2 received (UNCONFIRMED codes)'),
  DanhSachGiayToBoSung: z.array(z.object({ TepDinhKemId: z.string(), TenGiayTo: z.string(), MaThanhPhanHoSo: z.string(), DuongDanTaiTepTin: z.string() })),
  DanhSachLePhiBoSung: z.array(SyncFeeLineSchema),
  NgayHenTraTruoc: date,
  NgayHenTraMoi: date,
});

export const SyncProcessEntrySchema = z.object({
  MaHoSo: z.string(),
  NguoiXuLy: z.string().max(50),
  ChucDanh: z.string(),
  ThoiDiemXuLy: date,
  PhongBanXuLy: z.string(),
  NoiDungXuLy: z.string(),
  TrangThai: z.string().describe('TrangThaiHoSo after the action'),
  NgayBatDau: date,
  NgayKetThucTheoQuyDinh: date,
});

export const HoSoDongBoDVCSchema = z
  .object({
    MaHoSo: z.string(),
    MaTTHC: z.string(),
    TenTTHC: z.string(),
    MaLinhVuc: z.string(),
    TenLinhVuc: z.string(),
    KenhThucHien: z.enum(['1', '2', '3']).describe('1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích'),
    SoGiayToChuHoSo: z.string(),
    ChuHoSo: z.string(),
    LoaiDoiTuong: z.enum(['1', '2', '3', '4']).describe('1 Công dân, 2 Doanh nghiệp, 3 Cơ quan nhà nước, 4 Tổ chức/Khác'),
    MaDoiTuong: z.string().describe('DVCQG TechID (online only); empty: not known to this system'),
    ThongTinKhac: z.string(),
    Email: z.string(),
    Fax: z.string(),
    SoDienThoai: z.string(),
    TrichYeuHoSo: z.string().max(1000),
    NgayTiepNhan: date,
    NgayHenTra: date,
    TrangThaiHoSo: z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']).describe('the stored status; 5, 6 and 8 are never collapsed into 9'),
    NgayTra: date,
    ThongTinTra: z.string(),
    HinhThuc: z.string().describe('how the result was returned: 1 counter, 2 post, 3 online (UNCONFIRMED codes)'),
    NgayKetThucXuLy: date,
    DonViXuLy: z.string(),
    GhiChu: z.string(),
    NoiNopHoSo: z.string().describe('"2" as the vendor sends it (UNCONFIRMED meaning)'),
    HoSoCoThanhPhanSoHoa: flag,
    TaiKhoanDuocXacThucVoiVNeID: flag,
    DuocThanhToanTrucTuyen: z.enum(['1', '2', '3']).describe('2 paid via the ministry’s PayGov integration, 3 not paid online (UNCONFIRMED codes)'),
    NgayTuChoi: date,
    NgayNopHoSo: date,
    DinhDanhCHS: z.array(z.object({ LoaiDinhDanh: z.string(), SoDinhDanh: z.string() })),
    DSKetNoiCSDL: z.array(z.object({ MaCSDL: z.string() })),
    TaiLieuNop: z.array(SyncFileSchema),
    DanhSachLePhi: z.array(SyncFeeLineSchema),
    DanhSachTepDinhKemKhac: z.array(z.object({ TenGiayTo: z.string(), SoLuong: z.number().int(), LoaiGiayTo: z.string() })),
    DanhSachHoSoBoSung: z.array(SyncSupplementSchema),
    DanhSachGiayToKetQua: z.array(
      z.object({
        TenGiayTo: z.string(),
        MaThanhPhanHoSo: z.string(),
        GiayToId: z.string(),
        DuongDanTepTinKetQua: z.string(),
        MaGiayToKetQua: z.string().describe('the signed result document’s code; empty for another file given with the result'),
      }),
    ),
    QuaTrinhXuLy: z.array(SyncProcessEntrySchema),
  })
  .meta({ id: 'HoSoDongBoDVC' });
export type HoSoDongBoDVC = z.infer<typeof HoSoDongBoDVCSchema>;
