// The monitor page's address (apart from routes.tsx, so that the workspace navigation links to it
// without a cycle). The state filter and the page are kept in the address:
// /can-bo/dong-bo-dvcqg?trang-thai=error&sau=<the last dossier code of the previous page>.
import type { PortalSyncState } from './api.ts';

export const PORTAL_SYNC_PATH = '/can-bo/dong-bo-dvcqg';

export function monitorPath(state: PortalSyncState | undefined, after?: string): string {
  const q = new URLSearchParams();
  if (state) q.set('trang-thai', state);
  if (after) q.set('sau', after);
  const query = q.toString();
  return `${PORTAL_SYNC_PATH}${query ? `?${query}` : ''}`;
}
