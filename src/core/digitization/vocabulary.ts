// The vocabulary of digitization and the data warehouse, plain values with no library, so the
// web app can import it through src/contracts/digitization.ts.

/** The checks of Circular 01/2023/TT-VPCP Art. 8(2), each confirmed by the receiver. */
export const DIGITIZATION_CHECKS = ['count', 'complete', 'pageOrder', 'integrity'] as const;
export type DigitizationCheck = (typeof DIGITIZATION_CHECKS)[number];

/** Circular 03/2025/TT-VPCP Art. 5(2): the reasons a paper component is not digitized at receipt. */
export const EXEMPTIONS = ['submitted_electronically', 'shown_only', 'agency_verification', 'classified'] as const;
export type Exemption = (typeof EXEMPTIONS)[number];

/** Names of the warehouse document types the seed catalog's components name. Unknown codes show as the code. */
export const DOCUMENT_TYPE_NAMES: Record<string, string> = {
  'VBBH-SHCN': 'Văn bằng bảo hộ quyền sở hữu công nghiệp',
  'GCN-DK-CGCN': 'Giấy chứng nhận đăng ký chuyển giao công nghệ',
  'GCN-DK-DGSPH': 'Giấy chứng nhận đăng ký hoạt động đánh giá sự phù hợp',
  'QD-THANH-LAP': 'Quyết định thành lập tổ chức',
  'GCN-DKDN': 'Giấy chứng nhận đăng ký doanh nghiệp',
  'GCN-DK-HDKHCN': 'Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ',
  'GP-CVBX': 'Giấy phép tiến hành công việc bức xạ',
  'CC-NVBX': 'Chứng chỉ nhân viên bức xạ',
  'CN-DAO-TAO-ATBX': 'Giấy chứng nhận đào tạo an toàn bức xạ',
};
