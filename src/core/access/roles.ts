// Officers' roles, granted per unit (a grant covers the unit and its sub-units). The one list of
// roles: the database enum, the API schemas and the web app all take it from here.
export const ROLES = ['receiver', 'specialist', 'unit_leader', 'ministry_leader', 'admin', 'auditor'] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  receiver: { vi: 'Cán bộ tiếp nhận (Bộ phận Một cửa)', en: 'One-stop receiver' },
  specialist: { vi: 'Chuyên viên xử lý', en: 'Specialist' },
  unit_leader: { vi: 'Lãnh đạo đơn vị', en: 'Unit leader' },
  ministry_leader: { vi: 'Lãnh đạo Bộ', en: 'Ministry leader' },
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  auditor: { vi: 'Kiểm tra, giám sát', en: 'Auditor' },
};
