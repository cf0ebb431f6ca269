// Assembles the ip sector module (registry 'ip'; plan 94/QĐ-BKHCN task 17): the intellectual
// property database — industrial property applications and protection titles, their applicants,
// inventors and representatives linked to the population database — its routes under
// /api/v1/registries/ip, its gateway services, and the titles the IP procedures issue.
import type { SectorModule, SectorModuleDeps } from '../registries/module.ts';
import type { ResultIssuedEvent } from '../results/schema.ts';
import type { ServicePrincipal } from '../../core/access/index.ts';
import { API_PREFIX } from '../module.ts';
import { seedIpDemo } from './demo.ts';
import { applicationProvider, searchProvider, titleProvider } from './providers.ts';
import { registerIpRoutes } from './routes.ts';
import { createIpService, type IpService, type IssuedDossier } from './service.ts';

export type IpModuleDeps = SectorModuleDeps;
export type { IpService, IssuedDossier } from './service.ts';

/** The principal the IP database reads an issued result's dossier with (its form: the subject and classes). */
export const IP_DOSSIER_READER: ServicePrincipal = {
  kind: 'service',
  accountId: '00000000-0000-4000-8000-0000000000a7',
  fullName: 'CSDL sở hữu trí tuệ',
  method: 'token',
  permissions: ['dossier.read'],
};

export interface IpModule extends SectorModule {
  service: IpService;
  /** Records the title of an issued IP result (ignores other results); `dossier` reads the dossier it was issued on. */
  recordIssuedResult(event: ResultIssuedEvent, dossier: (dossierId: string) => Promise<IssuedDossier | undefined>): Promise<void>;
}

export function createIpModule(deps: IpModuleDeps): IpModule {
  const service = createIpService({ db: deps.db, units: deps.units, people: deps.people });
  deps.lgsp.registerProvider(applicationProvider(service));
  deps.lgsp.registerProvider(titleProvider(service));
  deps.lgsp.registerProvider(searchProvider(service));
  return {
    registry: 'ip',
    service,
    async register(app) {
      await app.register(async (api) => registerIpRoutes(api, service), { prefix: API_PREFIX });
    },
    seedDemo: (options) => seedIpDemo({ db: deps.db, people: deps.people }, options),
    async recordIssuedResult(event, dossier) {
      if (!service.isIpResult(event)) return;
      await service.recordIssuedResult(event, await dossier(event.dossierId));
    },
  };
}
