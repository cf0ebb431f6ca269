// Who sees what of the delivery to the national portal, as the server's permissions say
// (src/core/access/permissions.ts): every officer who may read a dossier reads its delivery
// (portal_sync.read); administrators and auditors monitor the ministry's dossiers
// (portal_sync.monitor); administrators send one again (portal_sync.retry). Both are granted at the
// ministry's level: the server decides, and its answer is shown when a grant lower down is not enough.
import type { Role } from '@server/contracts/identity.ts';

export const MONITOR_ROLES: Role[] = ['admin', 'auditor'];
export const RETRY_ROLES: Role[] = ['admin'];
