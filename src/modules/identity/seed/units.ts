// The ministry's units as named in Decision 94/QĐ-BKHCN (2024) and the MOST organisation after the
// 2025 merger. The agency electronic IDs below are DEMO values shaped like Decision 20/2020/QĐ-TTg
// codes (level-1 group first); the real codes of the annex were not available (UNCONFIRMED), so an
// administrator replaces them through the units API.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { UnitKind } from '../tables.ts';

export interface UnitSeed {
  id: string;
  parentId: string | null;
  agencyCode: string;
  nameVi: string;
  nameEn: string;
  kind: UnitKind;
}

export const MINISTRY_UNIT_ID = 'bkhcn';

export const UNIT_SEEDS: readonly UnitSeed[] = [
  { id: 'bkhcn', parentId: null, agencyCode: 'G22', nameVi: 'Bộ Khoa học và Công nghệ', nameEn: 'Ministry of Science and Technology', kind: 'ministry' },
  { id: 'van-phong-bo', parentId: 'bkhcn', agencyCode: 'G22.01', nameVi: 'Văn phòng Bộ', nameEn: 'Ministry Office', kind: 'office' },
  { id: 'bo-phan-mot-cua', parentId: 'van-phong-bo', agencyCode: 'G22.01.01', nameVi: 'Bộ phận Một cửa tập trung', nameEn: 'Centralized One-Stop Unit', kind: 'division' },
  { id: 'vu-phap-che', parentId: 'bkhcn', agencyCode: 'G22.02', nameVi: 'Vụ Pháp chế', nameEn: 'Department of Legal Affairs', kind: 'department' },
  { id: 'vu-ke-hoach-tai-chinh', parentId: 'bkhcn', agencyCode: 'G22.03', nameVi: 'Vụ Kế hoạch - Tài chính', nameEn: 'Department of Planning and Finance', kind: 'department' },
  { id: 'vu-to-chuc-can-bo', parentId: 'bkhcn', agencyCode: 'G22.04', nameVi: 'Vụ Tổ chức cán bộ', nameEn: 'Department of Personnel and Organisation', kind: 'department' },
  { id: 'vu-hop-tac-quoc-te', parentId: 'bkhcn', agencyCode: 'G22.05', nameVi: 'Vụ Hợp tác quốc tế', nameEn: 'Department of International Cooperation', kind: 'department' },
  { id: 'vu-danh-gia-tham-dinh', parentId: 'bkhcn', agencyCode: 'G22.06', nameVi: 'Vụ Đánh giá, Thẩm định và Giám định công nghệ', nameEn: 'Department of Technology Appraisal, Assessment and Examination', kind: 'department' },
  { id: 'vu-cong-nghe-cao', parentId: 'bkhcn', agencyCode: 'G22.07', nameVi: 'Vụ Công nghệ cao', nameEn: 'Department of High Technology', kind: 'department' },
  { id: 'cuc-shtt', parentId: 'bkhcn', agencyCode: 'G22.10', nameVi: 'Cục Sở hữu trí tuệ', nameEn: 'Intellectual Property Office of Viet Nam', kind: 'department' },
  { id: 'cuc-shtt-sang-che', parentId: 'cuc-shtt', agencyCode: 'G22.10.01', nameVi: 'Phòng Sáng chế', nameEn: 'Patent Division', kind: 'division' },
  { id: 'cuc-shtt-nhan-hieu', parentId: 'cuc-shtt', agencyCode: 'G22.10.02', nameVi: 'Phòng Nhãn hiệu', nameEn: 'Trademark Division', kind: 'division' },
  { id: 'cuc-shtt-kieu-dang', parentId: 'cuc-shtt', agencyCode: 'G22.10.03', nameVi: 'Phòng Kiểu dáng công nghiệp', nameEn: 'Industrial Design Division', kind: 'division' },
  { id: 'tcdlcl', parentId: 'bkhcn', agencyCode: 'G22.11', nameVi: 'Tổng cục Tiêu chuẩn Đo lường Chất lượng', nameEn: 'Directorate for Standards, Metrology and Quality', kind: 'department' },
  { id: 'cuc-atbxhn', parentId: 'bkhcn', agencyCode: 'G22.12', nameVi: 'Cục An toàn bức xạ và hạt nhân', nameEn: 'Viet Nam Agency for Radiation and Nuclear Safety', kind: 'department' },
  { id: 'cuc-thong-tin', parentId: 'bkhcn', agencyCode: 'G22.13', nameVi: 'Cục Thông tin khoa học và công nghệ quốc gia', nameEn: 'National Agency for Science and Technology Information', kind: 'department' },
  { id: 'cuc-ung-dung-cong-nghe', parentId: 'bkhcn', agencyCode: 'G22.14', nameVi: 'Cục Ứng dụng và Phát triển công nghệ', nameEn: 'Agency for Technology Application and Development', kind: 'department' },
  { id: 'cuc-phat-trien-thi-truong', parentId: 'bkhcn', agencyCode: 'G22.15', nameVi: 'Cục Phát triển thị trường và doanh nghiệp khoa học và công nghệ', nameEn: 'Agency for Market and Science-Technology Enterprise Development', kind: 'department' },
  { id: 'vp-dang-ky-hdkhcn', parentId: 'bkhcn', agencyCode: 'G22.16', nameVi: 'Văn phòng Đăng ký hoạt động khoa học và công nghệ', nameEn: 'Office for Registration of Science and Technology Activities', kind: 'office' },
  { id: 'trung-tam-cntt', parentId: 'bkhcn', agencyCode: 'G22.17', nameVi: 'Trung tâm Công nghệ thông tin', nameEn: 'Information Technology Centre', kind: 'centre' },
];

/** Inserts the units that are missing; never overwrites an administrator's changes. */
export async function seedUnits(db: Kysely<DB>): Promise<number> {
  let inserted = 0;
  for (const [index, u] of UNIT_SEEDS.entries()) {
    const result = await db
      .insertInto('unit')
      .values({
        id: u.id,
        parent_id: u.parentId,
        agency_code: u.agencyCode,
        name_vi: u.nameVi,
        name_en: u.nameEn,
        kind: u.kind,
        sort_order: index,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}
