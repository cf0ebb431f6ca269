// Who may do what with population data, beyond the permission table (src/core/access/permissions.ts,
// section population.*). Every rule reads the one unit tree the server's directory gives.
//   - A citizen reads only their own data: the personal ID comes from the session, never from
//     the request (there is no parameter to name another person). The basic part needs
//     population.read_own; the parents, spouse, representative and household need
//     population.read_own_full (e-ID level 2, Decree 69/2024/NĐ-CP): a level-1 login gets the
//     basic part with those parts withheld and told which level would show them.
//   - Officers holding population.verify check an applicant's data, for a purpose of the purpose
//     table, on behalf of a unit where they hold it; they get per-field match/mismatch, never the
//     record.
//   - The query log: population.log.read covers the units where it is held (a grant at the
//     ministry also covers citizens' own queries, which belong to no unit); population.log.read_own
//     covers one's own queries. Full ID numbers only where population.log.full_ids is held over
//     the row's unit. Nobody writes the log through the API.
//   - The report (counts per unit or per officer): population.report, over the units where held.
//   - The purpose table is ministry-wide: population.purposes.manage at a root unit (audited).
import {
  can,
  canMinistryWide,
  requiredAcr,
  unitsWhere,
  type Acr,
  type Principal,
  type UnitTree,
} from '../../core/access/index.ts';
import type { LogScope } from './store.ts';

/** Parts of a citizen's record that need population.read_own_full. */
export const FULL_RECORD_PARTS = ['relatives', 'household'] as const;
export type FullRecordPart = (typeof FULL_RECORD_PARTS)[number];

/** Prefill attribute prefixes of those parts (src/core/prefill/attributes.ts). */
const FULL_RECORD_PREFIXES: Record<FullRecordPart, readonly string[]> = {
  relatives: ['father.', 'mother.', 'spouse.', 'representative.'],
  household: ['householdHead.', 'householdBookNumber'],
};

export interface Withholding {
  /** The parts left out; empty when the whole record may be read. */
  withheld: FullRecordPart[];
  /** The e-ID level that would show them (present when something is withheld). */
  requiredAcr?: Acr;
}

/** What of their own record a citizen may not read at the level of this login. */
export function withholdingFor(principal: Principal, tree: UnitTree): Withholding {
  if (can(principal, 'population.read_own_full', 'any', tree)) return { withheld: [] };
  return { withheld: [...FULL_RECORD_PARTS], requiredAcr: requiredAcr('population.read_own_full') ?? 'LoA2' };
}

/** Whether a prefill attribute name belongs to a withheld part. */
export function isWithheldAttribute(name: string, withheld: readonly FullRecordPart[]): boolean {
  return withheld.some((part) => FULL_RECORD_PREFIXES[part].some((prefix) => name === prefix || name.startsWith(prefix)));
}

/**
 * The unit an officer verifies for: the one asked for when population.verify covers it, else the
 * unit of their first grant that carries it; undefined when none.
 */
export function verificationUnit(principal: Principal, requested: string | undefined, tree: UnitTree): string | undefined {
  if (principal.kind !== 'officer') return undefined;
  if (requested !== undefined) return can(principal, 'population.verify', requested, tree) ? requested : undefined;
  return principal.roles.find((g) => can(principal, 'population.verify', g.unitId, tree))?.unitId;
}

/**
 * The part of the query log `principal` may read, or undefined when none. `report`: the report
 * (population.report) rather than the log (population.log.read plus population.log.read_own).
 */
export function logScopeOf(principal: Principal, tree: UnitTree, options: { report: boolean }): LogScope | undefined {
  const permission = options.report ? 'population.report' : 'population.log.read';
  if (canMinistryWide(principal, permission, tree)) return { all: true };
  const unitIds = unitsWhere(principal, permission, tree);
  const own = !options.report && can(principal, 'population.log.read_own', 'any', tree) ? principal.accountId : null;
  if (unitIds.length === 0 && own === null) return undefined;
  return { all: false, unitIds: [...unitIds].sort(), ownAccountId: own };
}

/** Whether the reader sees the full personal ID number of a log row of `unitId` (null: a citizen's own query). */
export function seesFullIds(principal: Principal, unitId: string | null, tree: UnitTree): boolean {
  return can(principal, 'population.log.full_ids', unitId, tree);
}

/** The purpose table is the ministry's: only a root-unit grant changes it. */
export function canManagePurposes(principal: Principal, tree: UnitTree): boolean {
  return canMinistryWide(principal, 'population.purposes.manage', tree);
}
