// The people of a sector database's demo data (never in production): the population emulator's
// demo citizens in the sector's range, a few recorded with a slightly wrong name or birth date
// and up to three under their legacy 9-digit CMND on purpose, some checked with the population
// database before the demo's transaction and the others linked unverified for the
// reconciliation to check.
import { dayNumber, fromDayNumber } from '../../core/calendar/local-time.ts';
import type { PersonCheck, PersonInput, RegistryCode, RegistryPeople, SectorDemoOptions } from './module.ts';
import type { Executor } from './store.ts';

/** Who the demo records are created and updated by. */
export const DEMO_BY = 'du-lieu-mau';

/** A slightly wrong copy of a person (no diacritics, a doubled letter, the next day) for reconciliation to find. */
export function alteredPerson(p: PersonInput, how: number): PersonInput {
  switch (how % 3) {
    case 0:
      return { ...p, fullName: p.fullName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D') };
    case 1:
      return { ...p, fullName: p.fullName.replace(/\s(\S)(\S*)$/, (_m, a: string, rest: string) => ` ${a}${rest}${rest.slice(-1)}`) };
    default:
      return { ...p, birthDate: p.birthDate ? fromDayNumber(dayNumber(p.birthDate) + 1) : null };
  }
}

export interface DemoPeopleOptions {
  registry: RegistryCode;
  /** The sector's range of demo citizens. */
  citizens: { from: number; to: number };
  /** The citizens recorded with a slightly wrong name or birth date. */
  altered: ReadonlySet<number>;
  /** Whether a citizen may be recorded under a legacy number (the first three with one are). */
  legacyCandidate(i: number): boolean;
  /** Whether a citizen is checked now (the altered and legacy ones always are). */
  checked(i: number): boolean;
}

export interface DemoPeople {
  /** The citizens recorded under their legacy number. */
  legacy: ReadonlySet<number>;
  /** How citizen `i` is recorded. */
  inputOf(i: number): PersonInput;
  /** The registry's person id of citizen `i` in this transaction, linked (with its check) on first use. */
  linker(trx: Executor): (i: number) => Promise<string>;
}

/** Chooses how each demo citizen is recorded and checks those to check, outside any transaction. */
export async function demoPeople(people: RegistryPeople, options: SectorDemoOptions, demo: DemoPeopleOptions): Promise<DemoPeople> {
  const legacy = new Set<number>();
  for (let i = demo.citizens.from; i <= demo.citizens.to && legacy.size < 3; i++) if (demo.legacyCandidate(i) && options.citizen(i).oldIdNumber) legacy.add(i);
  const inputOf = (i: number): PersonInput => {
    const c = options.citizen(i);
    const base: PersonInput = { personalId: legacy.has(i) && c.oldIdNumber ? c.oldIdNumber : c.personalId, fullName: c.fullName, birthDate: c.birthDate };
    return demo.altered.has(i) ? alteredPerson(base, i) : base;
  };
  const checks = new Map<number, PersonCheck>();
  for (let i = demo.citizens.from; i <= demo.citizens.to; i++) {
    if (demo.checked(i) || demo.altered.has(i) || legacy.has(i)) checks.set(i, await people.check(options.actor, inputOf(i)));
  }
  return {
    legacy,
    inputOf,
    linker(trx) {
      const personIds = new Map<number, string>();
      return async (i) => {
        if (!personIds.has(i)) personIds.set(i, (await people.link(trx, demo.registry, inputOf(i), checks.get(i), DEMO_BY)).id);
        return personIds.get(i)!;
      };
    },
  };
}
