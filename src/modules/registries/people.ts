// The people of the sector databases (plan 94/QĐ-BKHCN tasks 15–18) and their link to the national
// population database. Every sector module keeps its persons (researchers, inventors, applicants,
// representatives, business owners) as rows of registry_person and refers to them by id; this is
// the one place that checks a person with the population database (through the population
// module's logged lookup, never the emulator's tables) and records the outcome.
//
// `check` calls the population database and so runs outside any transaction; `link` writes the
// row (and the outcome of a check made just before) inside the caller's transaction.
import type { PersonView } from './schema.ts';
import type { Localized } from '../../http/language.ts';
import type { PopulationActor as Actor, PopulationService } from '../population/module.ts';
import { findPeople, findPerson, recordCheck, upsertPerson, type Executor, type PersonRow } from './store.ts';

export const REGISTRY_CODES = ['st', 'techmarket', 'ip', 'stameq'] as const;
export type RegistryCode = (typeof REGISTRY_CODES)[number];

export const REGISTRY_NAMES: Record<RegistryCode, Localized> = {
  st: { vi: 'CSDL quốc gia về khoa học và công nghệ', en: 'National science and technology database' },
  techmarket: { vi: 'CSDL cung – cầu công nghệ', en: 'Technology supply and demand database' },
  ip: { vi: 'CSDL sở hữu trí tuệ', en: 'Intellectual property database' },
  stameq: { vi: 'CSDL tiêu chuẩn, đo lường, chất lượng', en: 'Standards, metrology and quality database' },
};

/** The outcome of the last check with the population database. */
export type LinkStatus = 'unverified' | 'verified' | 'mismatch' | 'not_found' | 'legacy_id' | 'unavailable';
export type PersonField = 'personalId' | 'fullName' | 'birthDate';

export interface PersonInput {
  /** 12-digit personal ID number, or a legacy 9-digit identity card number (CMND). */
  personalId: string;
  fullName: string;
  /** YYYY-MM-DD. */
  birthDate?: string | null;
}

export interface PersonCheck {
  status: Exclude<LinkStatus, 'unverified'>;
  /** The fields that differ (status mismatch; empty when the system did not say). */
  mismatched: PersonField[];
  /** For a legacy 9-digit number the population database knows: its 12-digit personal ID number. */
  suggestedId: string | null;
  checkedAt: Date;
  /** MaYeuCau of the population query (its row in the population query log). */
  requestId: string | null;
}

export interface RegistryPerson {
  id: string;
  registry: RegistryCode;
  personalId: string;
  fullName: string;
  birthDate: string | null;
  link: { status: LinkStatus; mismatched: PersonField[]; suggestedId: string | null; checkedAt: Date | null };
}

export interface RegistryPeople {
  /** Checks a person with the population database for a purpose (default `registry_link`); never throws for the other system's failures. */
  check(actor: Actor, input: PersonInput, purposeCode?: string): Promise<PersonCheck>;
  /** Finds or creates the registry's row for the ID number (name and birth date updated), with the outcome of a check made just before. */
  link(db: Executor, registry: RegistryCode, input: PersonInput, check: PersonCheck | undefined, by: string): Promise<RegistryPerson>;
  /** Records a check of an existing row. */
  recordCheck(db: Executor, personId: string, check: PersonCheck): Promise<void>;
  get(db: Executor, id: string): Promise<RegistryPerson | undefined>;
  getMany(db: Executor, ids: readonly string[]): Promise<Map<string, RegistryPerson>>;
}

export const isLegacyId = (id: string) => /^[0-9]{9}$/.test(id);

export function toPerson(row: PersonRow): RegistryPerson {
  return {
    id: row.id,
    registry: row.registry,
    personalId: row.personal_id,
    fullName: row.full_name,
    birthDate: row.birth_date,
    link: { status: row.link_status, mismatched: row.link_mismatched, suggestedId: row.link_suggested_id, checkedAt: row.link_checked_at },
  };
}

export function createRegistryPeople(deps: { population: Pick<PopulationService, 'lookupFor'> }): RegistryPeople {
  return {
    async check(actor, input, purposeCode = 'registry_link') {
      const legacy = isLegacyId(input.personalId);
      const answer = await deps.population.lookupFor(actor, purposeCode, {
        ...(legacy ? { oldIdNumber: input.personalId } : { personalId: input.personalId }),
        fullName: input.fullName,
        ...(input.birthDate ? { birthDate: input.birthDate } : {}),
      });
      const base = { checkedAt: new Date(), requestId: answer.status === 'unavailable' ? null : answer.requestId };
      switch (answer.status) {
        case 'found':
          return legacy
            ? { ...base, status: 'legacy_id', mismatched: [], suggestedId: answer.record.personalId }
            : { ...base, status: 'verified', mismatched: [], suggestedId: null };
        case 'mismatch':
          return {
            ...base,
            status: 'mismatch',
            mismatched: (answer.mismatched ?? []).flatMap((f): PersonField[] => (f === 'fullName' ? ['fullName'] : f === 'birthDate' || f === 'birthYear' ? ['birthDate'] : [])),
            suggestedId: null,
          };
        case 'not_found':
          return { ...base, status: 'not_found', mismatched: [], suggestedId: null };
        case 'unavailable':
          return { ...base, status: 'unavailable', mismatched: [], suggestedId: null };
      }
    },
    async link(db, registry, input, check, by) {
      return toPerson(await upsertPerson(db, registry, input, check, by));
    },
    async recordCheck(db, personId, check) {
      await recordCheck(db, personId, check);
    },
    async get(db, id) {
      const row = await findPerson(db, id);
      return row && toPerson(row);
    },
    async getMany(db, ids) {
      return new Map((await findPeople(db, ids)).map((row) => [row.id, toPerson(row)]));
    },
  };
}

/** A sector's person as its officers' routes answer it (PersonViewSchema). */
export function personView(p: RegistryPerson): PersonView {
  return { id: p.id, personalId: p.personalId, fullName: p.fullName, birthDate: p.birthDate, link: { ...p.link, checkedAt: p.link.checkedAt ? new Date(p.link.checkedAt).toISOString() : null } };
}
