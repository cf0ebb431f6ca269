// Who may do what in the catalog, beyond "holds the permission in the record's unit" (which use
// cases check with assertCan/can over the unit tree, src/core/access). Published versions are
// public. Drafts belong to the unit that owns the procedure: `catalog.read_drafts` there (or in a
// unit above it) reads, checks and tests them; `catalog.edit` creates and edits them (and
// imports); `catalog.publish` publishes and withdraws.
import { can, type Principal, type UnitTree } from '../../core/access/index.ts';

/** A saved form: the applicant who saved it, or whoever reads the owning unit's drafts. */
export function canReadSubmission(principal: Principal, submission: { accountId: string }, ownerUnitId: string, tree: UnitTree): boolean {
  return submission.accountId === principal.accountId || can(principal, 'catalog.read_drafts', ownerUnitId, tree);
}

/** Importing into a unit needs `catalog.edit` there, and `catalog.publish` too when the import publishes. */
export function canImportInto(principal: Principal, ownerUnitId: string, publish: boolean, tree: UnitTree): boolean {
  return can(principal, 'catalog.edit', ownerUnitId, tree) && (!publish || can(principal, 'catalog.publish', ownerUnitId, tree));
}
