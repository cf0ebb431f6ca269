// Test support: a complete sync record (HoSoDongBoDVC plus syncedToPortal) with every field
// defaulted, for bundles that go through the bundle schema and the command line.
import type { z } from 'zod';
import type { QualityDossierSchema } from './schema.ts';

export type QualityDossierRecord = z.input<typeof QualityDossierSchema>;

/** `2026-03-02T09:00` (local) → `20260302090000`. */
export const dvc = (local: string): string => `${local.replace(/[-T:]/g, '')}00`;

export function syncRecord(code: string, over: Partial<QualityDossierRecord> = {}): QualityDossierRecord {
  return {
    MaHoSo: code,
    MaTTHC: '1.009901',
    TenTTHC: 'Thủ tục thử',
    MaLinhVuc: 'LV01',
    TenLinhVuc: 'Lĩnh vực thử',
    KenhThucHien: '1',
    SoGiayToChuHoSo: '001099012345',
    ChuHoSo: 'Nguyễn Văn An',
    LoaiDoiTuong: '1',
    MaDoiTuong: '',
    ThongTinKhac: '',
    Email: '',
    Fax: '',
    SoDienThoai: '',
    TrichYeuHoSo: 'Thủ tục thử - Nguyễn Văn An',
    NgayTiepNhan: dvc('2026-03-02T09:00'),
    NgayHenTra: dvc('2026-03-09T09:00'),
    TrangThaiHoSo: '4',
    NgayTra: '',
    ThongTinTra: '',
    HinhThuc: '',
    NgayKetThucXuLy: '',
    DonViXuLy: 'Cục thử',
    GhiChu: '',
    NoiNopHoSo: '2',
    HoSoCoThanhPhanSoHoa: '0',
    TaiKhoanDuocXacThucVoiVNeID: '0',
    DuocThanhToanTrucTuyen: '3',
    NgayTuChoi: '',
    NgayNopHoSo: '',
    DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '001099012345' }],
    DSKetNoiCSDL: [{ MaCSDL: '7' }],
    TaiLieuNop: [],
    DanhSachLePhi: [],
    DanhSachTepDinhKemKhac: [],
    DanhSachHoSoBoSung: [],
    DanhSachGiayToKetQua: [],
    QuaTrinhXuLy: [],
    ...over,
  };
}

export const componentFile = (id: string) => ({
  TepDinhKemId: id,
  TenTepDinhKem: `${id}.pdf`,
  IsDeleted: false,
  MaThanhPhanHoSo: 'TP1',
  DuongDanTaiTepTin: `https://motcua.example/api/v1/files/${id}`,
  DuocSoHoa: '0' as const,
  DuocTaiSuDung: '0' as const,
  DuocLayTuKhoDMQG: '0' as const,
  MaKetQuaThayThe: '',
});

export const resultFile = (id: string) => ({ TenGiayTo: 'Giấy chứng nhận', MaThanhPhanHoSo: 'KQ', GiayToId: id, DuongDanTepTinKetQua: `https://motcua.example/api/v1/files/${id}`, MaGiayToKetQua: `KQ-${id}` });

export const fee = (gia: number) => ({ TenPhiLePhi: 'Lệ phí', MaPhiLePhi: 'LP1', HinhThucThu: '1' as const, Gia: gia, LoaiPhiLePhi: '2' as const });

export const history = (local: string, status: string) => ({
  MaHoSo: '',
  NguoiXuLy: 'Cán bộ thử',
  ChucDanh: 'Cán bộ',
  ThoiDiemXuLy: dvc(local),
  PhongBanXuLy: 'Phòng thử',
  NoiDungXuLy: '',
  TrangThai: status,
  NgayBatDau: dvc(local),
  NgayKetThucTheoQuyDinh: '',
});
