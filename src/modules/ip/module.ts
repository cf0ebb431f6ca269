// Assembles the ip sector module (registry 'ip'). To be built: tables, seed data, pages and
// gateway services.
import type { SectorModule, SectorModuleDeps } from '../registries/module.ts';

export type IpModuleDeps = SectorModuleDeps;

export function createIpModule(_deps: IpModuleDeps): SectorModule {
  return {
    registry: 'ip',
    register() {},
    async seedDemo() {
      return 0;
    },
  };
}
