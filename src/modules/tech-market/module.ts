// Assembles the tech-market sector module (registry 'techmarket'). To be built: tables, seed data, pages and
// gateway services.
import type { SectorModule, SectorModuleDeps } from '../registries/module.ts';

export type TechMarketModuleDeps = SectorModuleDeps;

export function createTechMarketModule(_deps: TechMarketModuleDeps): SectorModule {
  return {
    registry: 'techmarket',
    register() {},
    async seedDemo() {
      return 0;
    },
  };
}
