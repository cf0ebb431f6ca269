// An administrator resets an officer's password (and lockout) or removes their TOTP (lost
// device). The officer's sessions end.
import { ProblemError } from '../../../http/problem.ts';
import { actorOf, recordAudit } from '../../audit/service.ts';
import type { Actor } from '../actor.ts';
import { hashPassword, passwordProblem, temporaryPassword } from '../login/passwords.ts';
import { closeSessionsOfAccount } from '../sessions/service.ts';
import type { Officer } from './schema.ts';
import { findOfficer, removeTotp, resetPasswordRow } from './store.ts';
import { officerForChange, type OfficerDeps } from './support.ts';

/** Sets a new password (or a generated temporary one, returned once), clears a lock, ends sessions. */
export async function resetOfficerPassword(
  deps: OfficerDeps,
  actor: Actor,
  id: string,
  input: { password?: string },
  now = new Date(),
): Promise<{ temporaryPassword?: string }> {
  const tree = await deps.units.tree();
  const password = input.password ?? temporaryPassword();
  const passwordHash = await hashPassword(password);
  return deps.db.transaction().execute(async (trx) => {
    const officer = await officerForChange(trx, tree, actor, id);
    const problem = passwordProblem(password, { username: officer.username });
    if (problem) throw new ProblemError('validation', { detail: problem, errors: [{ pointer: '/body/password', code: 'password_policy', message: problem }] });
    await resetPasswordRow(trx, id, passwordHash, now);
    await closeSessionsOfAccount(trx, deps.sessions, id);
    await recordAudit(trx, {
      actor: actorOf(actor.principal),
      action: 'officer.password.reset',
      entity: 'officer',
      entityId: id,
      after: { generated: input.password === undefined, unlocked: true },
      requestId: actor.requestId,
    });
    return input.password === undefined ? { temporaryPassword: password } : {};
  });
}

/** Removes an officer's TOTP: they enrol again at their next login. */
export async function resetOfficerTotp(deps: OfficerDeps, actor: Actor, id: string, now = new Date()): Promise<Officer> {
  const tree = await deps.units.tree();
  return deps.db.transaction().execute(async (trx) => {
    const before = await officerForChange(trx, tree, actor, id);
    await removeTotp(trx, id, now);
    await closeSessionsOfAccount(trx, deps.sessions, id);
    await recordAudit(trx, {
      actor: actorOf(actor.principal),
      action: 'officer.totp.reset',
      entity: 'officer',
      entityId: id,
      before: { totpEnabled: before.totpEnabled },
      after: { totpEnabled: false },
      requestId: actor.requestId,
    });
    return (await findOfficer(trx, id))!;
  });
}
