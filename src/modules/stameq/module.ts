// Assembles the stameq sector module (registry 'stameq'; plan 94/QĐ-BKHCN task 18): the standards,
// metrology and quality database — verifications of measuring instruments, conformity assessment
// bodies, certificates and conformity announcements — its persons linked to the population
// database, its routes under /api/v1/registries/stameq and its gateway services.
import type { SectorModule, SectorModuleDeps } from '../registries/module.ts';
import { API_PREFIX } from '../module.ts';
import { seedStameqDemo } from './demo.ts';
import { bodyProvider, conformityProvider, verificationProvider } from './providers.ts';
import { registerStameqRoutes } from './routes.ts';
import { createStameqService, type StameqService } from './service.ts';

export type StameqModuleDeps = SectorModuleDeps;
export type { StameqService } from './service.ts';

export interface StameqModule extends SectorModule {
  service: StameqService;
}

export function createStameqModule(deps: StameqModuleDeps): StameqModule {
  const service = createStameqService({ db: deps.db, units: deps.units, people: deps.people });
  deps.lgsp.registerProvider(verificationProvider(service));
  deps.lgsp.registerProvider(conformityProvider(service));
  deps.lgsp.registerProvider(bodyProvider(service));
  return {
    registry: 'stameq',
    service,
    async register(app) {
      await app.register(async (api) => registerStameqRoutes(api, service), { prefix: API_PREFIX });
    },
    seedDemo: (options) => seedStameqDemo({ db: deps.db, people: deps.people }, options),
  };
}
