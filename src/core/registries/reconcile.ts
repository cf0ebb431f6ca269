// Reconciliation of a sector database's person with the national population database (plan
// 94/QĐ-BKHCN tasks 15–18; issue "Data exchange" §3; SPEC §4.1, §4.4). Pure rules, no I/O:
// given what the registry holds and what the population database answered, the outcome and the
// fields that differ. Names are compared as the population database compares them (Unicode NFC,
// spacing and case ignored, diacritics kept: "Nguyễn Văn An" ≠ "Nguyen Van An").
//
// A legacy 9-digit identity card number (CMND, SPEC §4.1 LoaiDinhDanh 2) is to be replaced by the
// 12-digit personal ID number (Law on Identification 2023 Art. 12) when the population database
// knows the person under it.

/** What the registry holds about the person. */
export interface RegistryIdentity {
  personalId: string;
  fullName: string;
  /** YYYY-MM-DD or null when the registry has no birth date. */
  birthDate: string | null;
}

/** The population database's identity fields of a person (as far as it told them). */
export interface PopulationIdentity {
  personalId: string;
  oldIdNumber: string | null;
  fullName: string;
  birthDate: string | null;
}

export type CompareField = 'fullName' | 'birthDate';

/** The population database's answer, reduced to what reconciliation needs. */
export type ReconcileAnswer =
  | { status: 'found'; identity: PopulationIdentity | null }
  /** `fields` null: the system did not say which fields differ; `identity` when it told the values. */
  | { status: 'mismatch'; fields: CompareField[] | null; identity: PopulationIdentity | null }
  | { status: 'not_found' }
  | { status: 'unavailable' };

export type ReconcileOutcome =
  | { kind: 'match' }
  | { kind: 'mismatch'; fields: CompareField[]; population: PopulationIdentity | null }
  | { kind: 'unknown_number' }
  | { kind: 'legacy_number'; newPersonalId: string | null; fields: CompareField[]; population: PopulationIdentity | null }
  | { kind: 'unavailable' };

/** Name comparison of the population database: NFC, spacing and case ignored, diacritics kept. */
export function normalizePersonName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

export const isLegacyNumber = (id: string) => /^[0-9]{9}$/.test(id);

/** The fields of the registry's person that differ from the population's identity. */
export function differingFields(registry: RegistryIdentity, population: PopulationIdentity): CompareField[] {
  const fields: CompareField[] = [];
  if (normalizePersonName(registry.fullName) !== normalizePersonName(population.fullName)) fields.push('fullName');
  // A registry without a birth date is compared on the name only (the query then sent the year).
  if (registry.birthDate !== null && population.birthDate !== null && registry.birthDate !== population.birthDate) fields.push('birthDate');
  return fields;
}

/** The outcome of one person's reconciliation. */
export function reconcilePerson(registry: RegistryIdentity, answer: ReconcileAnswer): ReconcileOutcome {
  const legacy = isLegacyNumber(registry.personalId);
  switch (answer.status) {
    case 'unavailable':
      return { kind: 'unavailable' };
    case 'not_found':
      return { kind: 'unknown_number' };
    case 'found': {
      // The population database says it matches; when it told the values, check them ourselves too.
      const fields = answer.identity ? differingFields(registry, answer.identity) : [];
      if (legacy) return { kind: 'legacy_number', newPersonalId: answer.identity?.personalId ?? null, fields, population: answer.identity };
      return fields.length === 0 ? { kind: 'match' } : { kind: 'mismatch', fields, population: answer.identity };
    }
    case 'mismatch': {
      const told = answer.identity ? differingFields(registry, answer.identity) : [];
      const fields = answer.fields ?? (answer.identity ? told : (['fullName', 'birthDate'] as CompareField[]));
      const merged = [...new Set([...fields, ...told])].sort() as CompareField[];
      if (legacy) return { kind: 'legacy_number', newPersonalId: answer.identity?.personalId ?? null, fields: merged, population: answer.identity };
      return { kind: 'mismatch', fields: merged, population: answer.identity };
    }
  }
}

/** The registry_person link status an outcome records. */
export function linkStatusOf(outcome: ReconcileOutcome): 'verified' | 'mismatch' | 'not_found' | 'legacy_id' | 'unavailable' {
  switch (outcome.kind) {
    case 'match':
      return 'verified';
    case 'mismatch':
      return 'mismatch';
    case 'unknown_number':
      return 'not_found';
    case 'legacy_number':
      return 'legacy_id';
    case 'unavailable':
      return 'unavailable';
  }
}
