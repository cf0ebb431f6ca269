// Assembles the tech-market sector module (registry 'techmarket'; plan 94/QĐ-BKHCN task 16): the
// technology supply and demand database — providers, offers (cung), demands (cầu) and the
// technology map — its persons linked to the population database, its routes under
// /api/v1/registries/techmarket and its gateway services.
import type { SectorModule, SectorModuleDeps } from '../registries/module.ts';
import { API_PREFIX } from '../module.ts';
import { seedTechMarketDemo } from './demo.ts';
import { demandProvider, mapProvider, offerProvider } from './providers.ts';
import { registerTechMarketRoutes } from './routes.ts';
import { createTechMarketService, type TechMarketService } from './service.ts';

export type TechMarketModuleDeps = SectorModuleDeps;
export type { TechMarketService } from './service.ts';

export interface TechMarketModule extends SectorModule {
  service: TechMarketService;
}

export function createTechMarketModule(deps: TechMarketModuleDeps): TechMarketModule {
  const service = createTechMarketService({ db: deps.db, units: deps.units, people: deps.people });
  deps.lgsp.registerProvider(offerProvider(service));
  deps.lgsp.registerProvider(demandProvider(service));
  deps.lgsp.registerProvider(mapProvider(service));
  return {
    registry: 'techmarket',
    service,
    async register(app) {
      await app.register(async (api) => registerTechMarketRoutes(api, service), { prefix: API_PREFIX });
    },
    seedDemo: (options) => seedTechMarketDemo({ db: deps.db, people: deps.people }, options),
  };
}
