// The one vocabulary of permissions and the one table that says who holds each. Officers hold a
// permission through a role granted in a unit, and it covers that unit and its sub-units;
// citizens and organizations hold theirs by being one, for their own records only (the module's
// policy checks the record is theirs). Where the law ties a permission to the e-ID assurance level
// (Decree 69/2024/NĐ-CP Art. 7 and 9: level 2 for the full personal record and for sensitive data)
// the level is part of the permission. Pure data and functions, no I/O.
import type { Acr, Principal } from './principal.ts';
import type { Role } from './roles.ts';
import { isEffective, isWithin, type UnitTree } from './unit-tree.ts';

/** Who can hold a permission: an officer role, or a citizen or organization account. */
export type Holder = Role | 'citizen' | 'organization';

interface PermissionRule {
  holders: readonly Holder[];
  /** The least e-ID level a citizen or organization needs (Decree 69/2024). */
  acr?: Acr;
  label: { vi: string; en: string };
}

const OFFICERS: readonly Role[] = ['receiver', 'specialist', 'unit_leader', 'ministry_leader', 'admin', 'auditor'];

export const PERMISSIONS = {
  // ---- The applicant's own records ----
  'profile.read': {
    holders: ['citizen', 'organization'],
    label: { vi: 'Xem thông tin tài khoản của mình', en: 'Read one’s own account' },
  },
  'population.read_own': {
    holders: ['citizen'],
    label: { vi: 'Xem thông tin cơ bản của mình trong CSDL quốc gia về dân cư', en: 'Read one’s own basic population data' },
  },
  'population.read_own_full': {
    holders: ['citizen'],
    acr: 'LoA2',
    label: {
      vi: 'Xem đầy đủ thông tin của mình (cha mẹ, vợ chồng, hộ gia đình)',
      en: 'Read one’s own full population record (parents, spouse, household)',
    },
  },
  'form.submit': {
    holders: ['citizen', 'organization'],
    label: { vi: 'Điền và nộp biểu mẫu điện tử', en: 'Fill in and submit e-forms' },
  },
  'dossier.submit': {
    holders: ['citizen', 'organization'],
    label: { vi: 'Nộp, theo dõi hồ sơ trực tuyến của mình', en: 'Submit and follow one’s own dossiers online' },
  },
  'form.prefill_sensitive': {
    holders: ['citizen', 'organization'],
    acr: 'LoA2',
    label: { vi: 'Tự động điền thông tin nhạy cảm vào biểu mẫu', en: 'Prefill sensitive values into e-forms' },
  },

  // ---- Officers' work ----
  'workspace.use': { holders: OFFICERS, label: { vi: 'Sử dụng không gian làm việc của cán bộ', en: 'Use the officers’ workspace' } },
  'population.verify': {
    holders: ['receiver', 'specialist'],
    label: { vi: 'Đối chiếu thông tin người nộp với CSDL dân cư', en: 'Verify an applicant against population data' },
  },
  'population.log.read': {
    holders: ['admin', 'auditor', 'unit_leader'],
    label: { vi: 'Xem nhật ký tra cứu dân cư của đơn vị', en: 'Read the units’ population query log' },
  },
  'population.log.read_own': {
    holders: ['receiver', 'specialist'],
    label: { vi: 'Xem nhật ký tra cứu dân cư của mình', en: 'Read one’s own population queries' },
  },
  'population.log.full_ids': {
    holders: ['admin', 'auditor'],
    label: { vi: 'Xem đầy đủ số định danh trong nhật ký tra cứu', en: 'See full ID numbers in the query log' },
  },
  'population.report': {
    holders: ['admin', 'auditor', 'unit_leader'],
    label: { vi: 'Xem báo cáo tra cứu dân cư', en: 'Read population query reports' },
  },
  'population.purposes.manage': {
    holders: ['admin'],
    label: { vi: 'Quản lý danh mục mục đích tra cứu (toàn Bộ)', en: 'Manage the query purposes (ministry-wide)' },
  },
  'dossier.receive': { holders: ['receiver'], label: { vi: 'Tiếp nhận hồ sơ', en: 'Receive dossiers' } },
  'dossier.process': { holders: ['specialist'], label: { vi: 'Thẩm định, xử lý hồ sơ', en: 'Examine and process dossiers' } },
  'dossier.approve': {
    holders: ['unit_leader', 'ministry_leader'],
    label: { vi: 'Phê duyệt kết quả', en: 'Approve results' },
  },
  'dossier.read': { holders: OFFICERS, label: { vi: 'Xem hồ sơ của đơn vị', en: 'Read the units’ dossiers' } },

  // ---- Catalog ----
  'catalog.read_drafts': {
    holders: ['admin', 'auditor'],
    label: { vi: 'Xem, kiểm tra bản nháp thủ tục', en: 'Read and check procedure drafts' },
  },
  'catalog.edit': { holders: ['admin'], label: { vi: 'Soạn thảo thủ tục', en: 'Edit procedures' } },
  'catalog.publish': {
    holders: ['admin'],
    label: { vi: 'Công bố, bãi bỏ thủ tục', en: 'Publish and withdraw procedures' },
  },

  // ---- Administration ----
  'unit.read': { holders: ['admin', 'auditor'], label: { vi: 'Xem đơn vị', en: 'Read units' } },
  'unit.manage': { holders: ['admin'], label: { vi: 'Quản lý đơn vị', en: 'Manage units' } },
  'officer.read': { holders: ['admin', 'auditor'], label: { vi: 'Xem cán bộ', en: 'Read officers' } },
  'officer.manage': { holders: ['admin'], label: { vi: 'Quản lý cán bộ, phân quyền', en: 'Manage officers and roles' } },
  'audit.read': { holders: ['admin', 'auditor'], label: { vi: 'Xem nhật ký thay đổi', en: 'Read the audit trail' } },
  'calendar.edit': {
    holders: ['admin'],
    label: { vi: 'Cập nhật lịch nghỉ (toàn Bộ)', en: 'Edit the days off (ministry-wide)' },
  },

  // ---- Service quality (Decision 766/QĐ-TTg) ----
  'quality.read': {
    holders: ['unit_leader', 'ministry_leader', 'admin', 'auditor'],
    label: { vi: 'Xem chỉ số chất lượng phục vụ (Bộ chỉ số 766) của đơn vị', en: 'Read the service-quality index (Decision 766) of a unit' },
  },

  // ---- Operations ----
  'metrics.read': {
    holders: ['admin', 'auditor'],
    label: { vi: 'Xem số liệu vận hành (Prometheus /metrics)', en: 'Read the operational metrics (Prometheus /metrics)' },
  },

  // ---- Delivery to the national public service portal (Cổng DVCQG) ----
  'portal_sync.read': {
    holders: OFFICERS,
    label: { vi: 'Xem trạng thái đồng bộ hồ sơ lên Cổng DVCQG', en: 'Read a dossier’s delivery to the national portal' },
  },
  'portal_sync.monitor': {
    holders: ['admin', 'auditor'],
    label: { vi: 'Theo dõi đồng bộ hồ sơ lên Cổng DVCQG (toàn Bộ)', en: 'Monitor the delivery of dossiers to the national portal (ministry-wide)' },
  },
  'portal_sync.retry': {
    holders: ['admin'],
    label: { vi: 'Gửi lại hồ sơ lên Cổng DVCQG', en: 'Send dossiers to the national portal again' },
  },

  // ---- The sector databases (plan 94/QĐ-BKHCN tasks 15–18) ----
  'registry.read': {
    holders: OFFICERS,
    label: { vi: 'Xem đầy đủ dữ liệu CSDL chuyên ngành (kể cả thông tin cá nhân)', en: 'Read the sector databases in full (personal data included)' },
  },
  'registry.edit': {
    holders: ['specialist', 'admin'],
    label: { vi: 'Cập nhật dữ liệu CSDL chuyên ngành', en: 'Update the sector databases' },
  },
  'registry.reconcile': {
    holders: ['admin', 'auditor'],
    label: { vi: 'Đối soát CSDL chuyên ngành với CSDL quốc gia về dân cư', en: 'Reconcile the sector databases with the national population database' },
  },

  // ---- Ratings and feedback (PAKN) ----
  'feedback.read': {
    holders: OFFICERS,
    label: { vi: 'Xem phản ánh, kiến nghị của đơn vị', en: 'Read the units’ feedback (PAKN)' },
  },
  'feedback.handle': {
    holders: ['receiver', 'specialist'],
    label: { vi: 'Tiếp nhận, xử lý phản ánh, kiến nghị', en: 'Receive and handle feedback (PAKN)' },
  },
  'feedback.approve': {
    holders: ['unit_leader', 'ministry_leader'],
    label: { vi: 'Phê duyệt trả lời phản ánh, kiến nghị', en: 'Approve answers to feedback (PAKN)' },
  },
  'rating.kiosk': {
    holders: ['receiver'],
    label: { vi: 'Mở màn hình đánh giá tại quầy cho người nộp hồ sơ', en: 'Open the counter rating kiosk for an applicant' },
  },

  // ---- Results ----
  'result.revoke': {
    holders: ['unit_leader', 'ministry_leader'],
    label: { vi: 'Thu hồi văn bản kết quả đã ban hành', en: 'Revoke issued results' },
  },
  'result.template': {
    holders: ['admin'],
    label: { vi: 'Soạn mẫu văn bản kết quả', en: 'Edit result templates' },
  },

  // ---- Data-exchange gateway (LGSP) ----
  'lgsp.audit': {
    holders: ['admin', 'auditor'],
    label: { vi: 'Xem dịch vụ, hệ thống khai thác và nhật ký trao đổi dữ liệu (LGSP)', en: 'Read the data-exchange services, consumers and message log (LGSP)' },
  },
  'lgsp.admin': {
    holders: ['admin'],
    label: { vi: 'Quản trị nền tảng tích hợp, chia sẻ dữ liệu (LGSP)', en: 'Administer the data-exchange gateway (LGSP)' },
  },

  // ---- Digitization and the data warehouse ----
  'warehouse.own': {
    holders: ['citizen', 'organization'],
    label: { vi: 'Quản lý kho dữ liệu điện tử của mình', en: 'Manage one’s own data warehouse' },
  },
  'digitization.read': {
    holders: OFFICERS,
    label: { vi: 'Xem số liệu số hóa hồ sơ, kết quả', en: 'Read the digitization figures' },
  },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

const rule = (permission: Permission): PermissionRule => PERMISSIONS[permission];

const RANK: Record<Acr, number> = { LoA1: 1, LoA2: 2 };

/** The e-ID level a permission needs, if any. */
export function requiredAcr(permission: Permission): Acr | undefined {
  return rule(permission).acr;
}

/** The permissions a role carries (for the administration screens and the docs). */
export function permissionsOfHolder(holder: Holder): Permission[] {
  return PERMISSION_NAMES.filter((p) => rule(p).holders.includes(holder));
}

/** Anywhere: the permission in any unit (the route-level check); null: a record of no unit, root grants only. */
export type UnitScope = string | null | 'any';

export type Decision =
  | { allowed: true }
  | { allowed: false; reason: 'unauthenticated' | 'forbidden' }
  | { allowed: false; reason: 'assurance'; requiredAcr: Acr };

const ALLOW: Decision = { allowed: true };
const FORBID: Decision = { allowed: false, reason: 'forbidden' };

/**
 * Whether `principal` holds `permission` over `unitId`. Officers: a role that carries it, granted
 * in an active unit that is `unitId` or above it (`'any'`: in some unit; `null`: at a root).
 * Citizens and organizations: by their kind, at the e-ID level the permission needs; units do not
 * apply to them. Machine credentials: the permissions they were issued with, in every unit.
 */
export function decide(principal: Principal | undefined, permission: Permission, unitId: UnitScope, tree: UnitTree): Decision {
  if (!principal) return { allowed: false, reason: 'unauthenticated' };
  const { holders, acr } = rule(permission);
  switch (principal.kind) {
    case 'service':
      return principal.permissions.includes(permission) ? ALLOW : FORBID;
    case 'citizen':
    case 'organization': {
      if (!holders.includes(principal.kind)) return FORBID;
      if (acr && (principal.acr === null || RANK[principal.acr] < RANK[acr])) {
        return { allowed: false, reason: 'assurance', requiredAcr: acr };
      }
      return ALLOW;
    }
    case 'officer': {
      if (principal.totpEnrolmentRequired) return FORBID;
      const held = principal.roles.some(
        (g) =>
          holders.includes(g.role) &&
          isEffective(tree, g.unitId) &&
          (unitId === 'any' || (unitId === null ? tree.parentOf(g.unitId) === null : isWithin(tree, unitId, g.unitId))),
      );
      return held ? ALLOW : FORBID;
    }
  }
}

/** `decide(...).allowed`: `can(principal, 'catalog.publish', procedure.ownerUnitId, tree)`. */
export function can(principal: Principal | undefined, permission: Permission, unitId: UnitScope, tree: UnitTree): boolean {
  return decide(principal, permission, unitId, tree).allowed;
}

/** The units (each at or below a grant) where an officer holds `permission`; empty for others. */
export function unitsWhere(principal: Principal | undefined, permission: Permission, tree: UnitTree): string[] {
  if (principal?.kind === 'service') return principal.permissions.includes(permission) ? [...tree.ids()] : [];
  return tree.ids().filter((id) => can(principal, permission, id, tree));
}

/**
 * The permissions `principal` holds in at least one unit (`scope` `'any'`, the route-level check),
 * or at a root unit (`null`: the ministry-wide rules), in the table's order: what /me tells the web
 * app, so it shows a page exactly when the route would answer.
 */
export function permissionsOf(principal: Principal | undefined, tree: UnitTree, scope: 'any' | null = 'any'): Permission[] {
  return PERMISSION_NAMES.filter((permission) => can(principal, permission, scope, tree));
}

/** Whether the principal holds `permission` at a root unit (ministry-wide rules: calendar, purposes). */
export function canMinistryWide(principal: Principal | undefined, permission: Permission, tree: UnitTree): boolean {
  return can(principal, permission, null, tree);
}

/**
 * Managing an officer (editing, disabling, resetting the password or TOTP, changing roles)
 * requires covering the officer's home unit and every unit where the officer holds a role, so an
 * administrator of a department cannot take over an account that holds roles above it. A grant
 * is itself checked with `can(principal, 'officer.manage', grantUnitId, tree)`: nobody grants a
 * role in a unit they do not administer.
 */
export function canManageOfficer(
  principal: Principal | undefined,
  officer: { unitId: string | null; roles: ReadonlyArray<{ unitId: string }> },
  tree: UnitTree,
): boolean {
  return can(principal, 'officer.manage', officer.unitId, tree) && officer.roles.every((g) => can(principal, 'officer.manage', g.unitId, tree));
}
