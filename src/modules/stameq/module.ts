// Assembles the stameq sector module (registry 'stameq'). To be built: tables, seed data, pages and
// gateway services.
import type { SectorModule, SectorModuleDeps } from '../registries/module.ts';

export type StameqModuleDeps = SectorModuleDeps;

export function createStameqModule(_deps: StameqModuleDeps): SectorModule {
  return {
    registry: 'stameq',
    register() {},
    async seedDemo() {
      return 0;
    },
  };
}
