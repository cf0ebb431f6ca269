// The ministry-wide monitor of the delivery of dossiers to the national portal (in the officers'
// workspace). Each dossier's own delivery is a panel of the officer's dossier page
// (components/PortalSyncPanel.tsx).
import type { RouteDefinition } from '../../routes.tsx';
import { PortalSyncMonitorPage } from './pages/PortalSyncMonitorPage.tsx';
import { PORTAL_SYNC_PATH } from './paths.ts';

export const routes: RouteDefinition[] = [{ path: PORTAL_SYNC_PATH, titleKey: 'portalSync.monitor.title', Component: PortalSyncMonitorPage }];
