// Assembles the science-tech sector module (registry 'st'). To be built: tables, seed data, pages and
// gateway services.
import type { SectorModule, SectorModuleDeps } from '../registries/module.ts';

export type ScienceTechModuleDeps = SectorModuleDeps;

export function createScienceTechModule(_deps: ScienceTechModuleDeps): SectorModule {
  return {
    registry: 'st',
    register() {},
    async seedDemo() {
      return 0;
    },
  };
}
