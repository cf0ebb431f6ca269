// Assembles the registries module: the people of the four sector databases and their link to the
// national population database (people.ts), shared by the sector modules (science-tech,
// tech-market, ip, stameq), each of which owns its own tables, pages and gateway services.
import { API_PREFIX, type Module, type ModuleDeps } from '../module.ts';
import type { LgspModule } from '../lgsp/module.ts';
import type { PopulationModule } from '../population/module.ts';
import type { PopulationActor as Actor } from '../population/module.ts';
import { createRegistryPeople, type RegistryCode, type RegistryPeople } from './people.ts';
import { reconcileRegistry, type ReconcileOptions, type RunSummary } from './reconcile.ts';
import { registerRegistriesRoutes } from './routes.ts';

export { REGISTRY_CODES, REGISTRY_NAMES, isLegacyId, personView, toPerson } from './people.ts';
export { DEMO_BY, alteredPerson, demoPeople, type DemoPeople, type DemoPeopleOptions } from './demo.ts';
export type { LinkStatus, PersonCheck, PersonField, PersonInput, RegistryCode, RegistryPeople, RegistryPerson } from './people.ts';

export type { ReconcileOptions, RunCounts, RunSummary } from './reconcile.ts';

export interface RegistriesModule extends Module {
  people: RegistryPeople;
  /** Reconciles every person of a registry with the population database (audited; see reconcile.ts). */
  reconcile(actor: Actor, registry: RegistryCode, options?: ReconcileOptions): Promise<RunSummary>;
}

export function createRegistriesModule(deps: ModuleDeps & { population: Pick<PopulationModule, 'service'> }): RegistriesModule {
  const people = createRegistryPeople({ population: deps.population.service });
  const reconcile: RegistriesModule['reconcile'] = (actor, registry, options) => {
    const auditActor = { id: actor.kind === 'officer' && actor.accountId ? actor.accountId : null, kind: actor.kind, label: `${actor.officerCode} (${actor.name})` };
    return reconcileRegistry({ db: deps.db, population: deps.population.service }, actor, auditActor, registry, options);
  };
  return {
    people,
    reconcile,
    async register(app) {
      await app.register(async (api) => registerRegistriesRoutes(api, { db: deps.db, people, reconcile }), { prefix: API_PREFIX });
    },
  };
}

/** What a sector module is built from: the shared people, and the gateway it offers its services through. */
export interface SectorModuleDeps extends ModuleDeps {
  people: RegistryPeople;
  lgsp: Pick<LgspModule, 'registerProvider'>;
  population: Pick<PopulationModule, 'service'>;
}

export interface SectorDemoOptions {
  /** The officer the demo records and their population checks are made by. */
  actor: Actor;
  /**
   * The population emulator's demo citizen number `index` (0 … POPULATION_EMULATOR_PEOPLE − 1):
   * real people of the emulated population database. Sector modules use distinct ranges
   * (science-tech 100–299, tech-market 300–499, ip 500–699, stameq 700–899).
   */
  citizen(index: number): { personalId: string; oldIdNumber: string | null; fullName: string; birthDate: string };
}

/** The shape of a sector module (science-tech, tech-market, ip, stameq). */
export interface SectorModule extends Module {
  registry: RegistryCode;
  /**
   * Demo data (never in production): into empty tables only, its people checked with the
   * population emulator's demo citizens through `people`. Returns the records written.
   */
  seedDemo(options: SectorDemoOptions): Promise<number>;
}
