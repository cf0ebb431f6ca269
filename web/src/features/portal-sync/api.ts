// Client of the portal-sync API (src/modules/portal-sync/routes.ts) through the app's one request
// function: a dossier's delivery to the national portal (Cổng DVCQG), the administrators' retry,
// and the ministry-wide list by state. Shapes are the server's schemas (type-only imports).
import type { z } from 'zod';
import type { PortalSyncAttemptView, PortalSyncListSchema, PortalSyncStateSchema, PortalSyncView } from '@server/modules/portal-sync/schema.ts';
import type { Language } from '../../i18n/index.ts';
import { requestJson, type ApiResult } from '../../lib/api.ts';

export type { PortalSyncAttemptView, PortalSyncView };
export type PortalSyncState = z.infer<typeof PortalSyncStateSchema>;
export type PortalSyncList = z.infer<typeof PortalSyncListSchema>;

/** The states in the order of the filter (src/modules/portal-sync/schema.ts). */
export const PORTAL_SYNC_STATES: readonly PortalSyncState[] = ['error', 'pending', 'synced'];
export const isPortalSyncState = (value: unknown): value is PortalSyncState => (PORTAL_SYNC_STATES as readonly unknown[]).includes(value);

/** Dossiers a page of the monitor shows. */
export const MONITOR_PAGE_SIZE = 50;

const isObject = (body: unknown): body is Record<string, unknown> => typeof body === 'object' && body !== null && !Array.isArray(body);
const isView = (body: unknown): body is PortalSyncView => isObject(body) && typeof body.dossierId === 'string' && isPortalSyncState(body.state);
const isList = (body: unknown): body is PortalSyncList => isObject(body) && Array.isArray(body.items) && isObject(body.counts);

const enc = encodeURIComponent;

export const portalSyncApi = {
  /** The dossier's delivery; 404 when it has not been queued (or delivery is off). */
  status: (dossierId: string, lang: Language): Promise<ApiResult<PortalSyncView>> =>
    requestJson(`/api/v1/dossiers/${enc(dossierId)}/portal-sync`, lang, { accept: isView }),
  /** Queues a delivery now (administrators); answers the state without the calls. */
  retry: (dossierId: string, lang: Language): Promise<ApiResult<PortalSyncView>> =>
    requestJson(`/api/v1/dossiers/${enc(dossierId)}/portal-sync/retry`, lang, { method: 'POST', accept: isView }),
  list: (query: { state?: PortalSyncState | undefined; after?: string | undefined }, lang: Language, signal?: AbortSignal): Promise<ApiResult<PortalSyncList>> => {
    const q = new URLSearchParams({ limit: String(MONITOR_PAGE_SIZE) });
    if (query.state) q.set('state', query.state);
    if (query.after) q.set('after', query.after);
    return requestJson(`/api/v1/portal-sync?${q.toString()}`, lang, { accept: isList, ...(signal ? { signal } : {}) });
  },
};
