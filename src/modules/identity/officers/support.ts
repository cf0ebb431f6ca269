// What the officers' use cases share: their dependencies, the audit view, the change check.
import type { Kysely, Transaction } from 'kysely';
import type { UnitTree } from '../../../core/access/index.ts';
import type { DB } from '../../../db/types.ts';
import { conflict, forbidden, NO_RIGHT, notFound, type Actor } from '../actor.ts';
import type { SessionSettings } from '../sessions/service.ts';
import type { UnitDirectory } from '../units/directory.ts';
import { lockUnit } from '../units/store.ts';
import { isRootAdminGrant, leavesRootAdmin, officerChange } from './policy.ts';
import type { Officer } from './schema.ts';
import { adminGrantUnitsExcept, findOfficer } from './store.ts';

export interface OfficerDeps {
  db: Kysely<DB>;
  units: UnitDirectory;
  sessions: SessionSettings;
  /** The address users reach (for invitation links). */
  publicUrl: () => string;
}

export const noSuchOfficer = () => notFound('Không có cán bộ này.', 'No such officer.');

/** The audit view of an officer: no secrets. */
export const auditView = (o: Officer) => ({
  username: o.username,
  fullName: o.fullName,
  email: o.email,
  phone: o.phone,
  unitId: o.unitId,
  disabled: o.disabled,
  totpEnabled: o.totpEnabled,
  roles: o.roles,
});

/** Locks an officer for a change: 404 outside the caller's sight, 403 unless they manage them. */
export async function officerForChange(trx: Transaction<DB>, tree: UnitTree, actor: Actor, id: string): Promise<Officer> {
  const officer = await findOfficer(trx, id, { lock: true });
  if (!officer) throw noSuchOfficer();
  switch (officerChange(actor.principal, officer, tree)) {
    case 'hidden':
      throw noSuchOfficer();
    case 'forbidden':
      throw forbidden(...NO_RIGHT);
    case 'self':
      throw forbidden('Không tự thay đổi tài khoản của mình ở đây; hãy nhờ quản trị viên khác.', 'Ask another administrator to change your own account.');
    case 'allowed':
      return officer;
  }
}

export async function assertActiveUnit(trx: Transaction<DB>, unitId: string): Promise<void> {
  const unit = await lockUnit(trx, unitId);
  if (!unit?.active) throw notFound(`Không có đơn vị ${unitId} hoặc đơn vị đã ngừng hoạt động.`, `No active unit ${unitId}.`);
}

/** Refuses a change that would leave no active ministry-level administrator. */
export async function assertAnotherRootAdmin(trx: Transaction<DB>, tree: UnitTree, exceptAccountId: string): Promise<void> {
  if (!leavesRootAdmin(tree, await adminGrantUnitsExcept(trx, exceptAccountId))) {
    throw conflict('Phải còn ít nhất một quản trị viên cấp Bộ đang hoạt động.', 'At least one active ministry-level administrator must remain.');
  }
}

export const holdsRootAdmin = (tree: UnitTree, officer: Officer) => officer.roles.some((g) => isRootAdminGrant(tree, g));
