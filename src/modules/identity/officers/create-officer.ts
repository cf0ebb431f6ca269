// Creating an officer, with an initial password or an invitation (a one-time link, 72 h).
import { randomBytes } from 'node:crypto';
import { can } from '../../../core/access/index.ts';
import { ProblemError } from '../../../http/problem.ts';
import { actorOf, recordAudit } from '../../audit/service.ts';
import { conflict, forbidden, NO_RIGHT, type Actor } from '../actor.ts';
import { invitationTokenHash } from '../login/account.ts';
import { hashPassword, passwordProblem } from '../login/passwords.ts';
import type { Officer, OfficerCreate } from './schema.ts';
import { findOfficer, grantRole, insertAccount, replaceInvitation, usernameTaken } from './store.ts';
import { assertActiveUnit, auditView, type OfficerDeps } from './support.ts';

export const INVITATION_TTL_MS = 72 * 3_600_000;

export interface Invitation {
  token: string;
  url: string;
  expiresAt: string;
}

export async function createOfficer(
  deps: OfficerDeps,
  actor: Actor,
  input: OfficerCreate,
  now = new Date(),
): Promise<{ officer: Officer; invitation?: Invitation }> {
  const tree = await deps.units.tree();
  // The home unit and every unit of a grant are administered by the caller.
  if (!can(actor.principal, 'officer.manage', input.unitId, tree)) throw forbidden(...NO_RIGHT);
  for (const g of input.roles) if (!can(actor.principal, 'officer.manage', g.unitId, tree)) throw forbidden(...NO_RIGHT);
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, { username: input.username });
    if (problem) throw new ProblemError('validation', { detail: problem, errors: [{ pointer: '/body/password', code: 'password_policy', message: problem }] });
  }
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  const audit = actorOf(actor.principal);
  return deps.db.transaction().execute(async (trx) => {
    await assertActiveUnit(trx, input.unitId);
    if (await usernameTaken(trx, input.username)) throw conflict('Tên đăng nhập đã được dùng.', 'The username is taken.');
    const id = await insertAccount(trx, {
      kind: 'officer',
      username: input.username,
      full_name: input.fullName,
      email: input.email ?? null,
      phone: input.phone ?? null,
      unit_id: input.unitId,
      password_hash: passwordHash,
      password_changed_at: passwordHash ? now : null,
    });
    for (const g of input.roles) {
      await assertActiveUnit(trx, g.unitId);
      await grantRole(trx, id, g.unitId, g.role, audit.label);
    }
    const officer = (await findOfficer(trx, id))!;
    let invitation: Invitation | undefined;
    if (!passwordHash) {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
      await replaceInvitation(trx, id, invitationTokenHash(token), audit.label, expiresAt, now);
      invitation = { token, url: `${deps.publicUrl()}/kich-hoat-tai-khoan#token=${token}`, expiresAt: expiresAt.toISOString() };
    }
    await recordAudit(trx, {
      actor: audit,
      action: 'officer.create',
      entity: 'officer',
      entityId: id,
      after: { ...auditView(officer), initialPassword: passwordHash ? 'set' : 'invitation' },
      requestId: actor.requestId,
    });
    return { officer, ...(invitation ? { invitation } : {}) };
  });
}
