// Reading officers: only those whose home unit the caller may read ('officer.read' over it).
import { assertCan } from '../../../http/access.ts';
import { can, isWithin, unitsWhere, type Role } from '../../../core/access/index.ts';
import type { Actor } from '../actor.ts';
import type { Officer } from './schema.ts';
import { findOfficer, searchOfficers } from './store.ts';
import { noSuchOfficer, type OfficerDeps } from './support.ts';

export interface OfficerQueryInput {
  q?: string;
  unitId?: string;
  role?: Role;
  includeDisabled?: 'true' | 'false';
  limit: number;
  offset: number;
}

export async function listOfficers(deps: OfficerDeps, actor: Actor, query: OfficerQueryInput): Promise<{ items: Officer[]; total: number }> {
  const tree = await deps.units.tree();
  assertCan(actor.principal, 'officer.read', 'any', tree);
  let visible = unitsWhere(actor.principal, 'officer.read', tree);
  if (query.unitId) visible = visible.filter((id) => isWithin(tree, id, query.unitId!));
  return searchOfficers(deps.db, {
    unitIds: visible,
    unassigned: !query.unitId && can(actor.principal, 'officer.read', null, tree),
    q: query.q,
    role: query.role,
    includeDisabled: query.includeDisabled === 'true',
    limit: query.limit,
    offset: query.offset,
  });
}

export async function getOfficer(deps: OfficerDeps, actor: Actor, id: string): Promise<Officer> {
  const tree = await deps.units.tree();
  const officer = await findOfficer(deps.db, id);
  // Out of the caller's scope reads as absent (no probing of other units' staff).
  if (!officer || !can(actor.principal, 'officer.read', officer.unitId, tree)) throw noSuchOfficer();
  return officer;
}
