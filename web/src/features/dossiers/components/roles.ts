// Who may open the officers' dossier pages (the worklists and one dossier): the roles that take a
// dossier's actions, and the auditor who reads them. One list for both pages, here rather than in
// either page, since a page imports no other page.
import type { Role } from '@server/contracts/identity.ts';

export const OFFICER_ROLES: Role[] = ['receiver', 'specialist', 'unit_leader', 'ministry_leader', 'auditor'];
