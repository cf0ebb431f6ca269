// The data-exchange gateway's administration page (inside the officers' workspace).
import type { RouteDefinition } from '../../routes.tsx';
import { LGSP_PATH } from './api.ts';
import { LgspPage } from './LgspPage.tsx';

export const routes: RouteDefinition[] = [{ path: LGSP_PATH, titleKey: 'lgsp.title', Component: LgspPage }];
