// Assembles the science-tech sector module (registry 'st'; plan 94/QĐ-BKHCN task 15): the national
// science and technology database — S&T organizations and their registration, programmes, tasks
// and researchers — its persons linked to the population database, its routes under
// /api/v1/registries/st and its gateway services.
import type { SectorModule, SectorModuleDeps } from '../registries/module.ts';
import { API_PREFIX } from '../module.ts';
import { seedScienceTechDemo } from './demo.ts';
import { organizationProvider, researcherProvider, taskProvider } from './providers.ts';
import { registerScienceTechRoutes } from './routes.ts';
import { createScienceTechService, type ScienceTechService } from './service.ts';

export type ScienceTechModuleDeps = SectorModuleDeps;
export type { ScienceTechService } from './service.ts';

export interface ScienceTechModule extends SectorModule {
  service: ScienceTechService;
}

export function createScienceTechModule(deps: ScienceTechModuleDeps): ScienceTechModule {
  const service = createScienceTechService({ db: deps.db, units: deps.units, people: deps.people });
  deps.lgsp.registerProvider(organizationProvider(service));
  deps.lgsp.registerProvider(taskProvider(service));
  deps.lgsp.registerProvider(researcherProvider(service));
  return {
    registry: 'st',
    service,
    async register(app) {
      await app.register(async (api) => registerScienceTechRoutes(api, service), { prefix: API_PREFIX });
    },
    seedDemo: (options) => seedScienceTechDemo({ db: deps.db, people: deps.people }, options),
  };
}
