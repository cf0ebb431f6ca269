// Use cases of the administration of units and officers. Each runs in one transaction with its
// audit row (who, when, before, after); policies come from policy.ts. Secrets (password hashes,
// TOTP secrets, invitation tokens) never enter the audit trail.
import { randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { agencyIdReasonMessages, checkAgencyId } from '../../core/identifiers/index.ts';
import type { DB } from '../../db/types.ts';
import { ProblemError } from '../../http/problem.ts';
import { listAudit, recordAudit } from '../audit/service.ts';
import type { IdentityContext } from './context.ts';
import { invitationTokenHash } from './officer-login.ts';
import { hashPassword, passwordProblem, temporaryPassword } from './passwords.ts';
import { coveredUnits, policy, treeFrom, type UnitTree } from './policy.ts';
import type { Principal, Role } from './principal.ts';
import type { Officer, OfficerCreate, OfficerPatch, Unit, UnitCreate, UnitPatch, UnitTreeNode } from './schema.ts';
import { closeSessionsOfAccount } from './sessions.ts';

export interface Actor {
  principal: Principal;
  /** Who, in the audit trail: `officer:<username>` or `cli:<user>`. */
  label: string;
  requestId?: string;
}

export const INVITATION_TTL_MS = 72 * 3_600_000;

const forbidden = (vi: string, en: string) => new ProblemError('forbidden', { detail: { vi, en } });
const notFound = (vi: string, en: string) => new ProblemError('not_found', { detail: { vi, en } });
const conflict = (vi: string, en: string) => new ProblemError('conflict', { detail: { vi, en } });
const NO_RIGHT = ['Bạn không có quyền quản trị đối với đơn vị này.', 'You do not administer this unit.'] as const;

async function loadTree(ctx: IdentityContext): Promise<{ tree: UnitTree; units: Unit[] }> {
  const nodes = await ctx.units.all();
  const units = nodes.map((n, i) => ({ ...n, sortOrder: i }));
  return { tree: treeFrom(nodes), units };
}

async function unitRow(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('unit').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

const unitView = (r: {
  id: string;
  parent_id: string | null;
  agency_code: string;
  name_vi: string;
  name_en: string;
  kind: string;
  sort_order: number;
  active: boolean;
}): Unit => ({
  id: r.id,
  parentId: r.parent_id,
  agencyCode: r.agency_code,
  nameVi: r.name_vi,
  nameEn: r.name_en,
  kind: r.kind,
  sortOrder: r.sort_order,
  active: r.active,
});

function checkedAgencyCode(code: string): string {
  const result = checkAgencyId(code);
  if (!result.valid) {
    const message = agencyIdReasonMessages[result.code];
    throw new ProblemError('invalid_identifier', {
      detail: message,
      errors: [{ pointer: '/body/agencyCode', code: result.code, message }],
    });
  }
  return code;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

// ---------------------------------------------------------------- units

export async function listUnitTree(ctx: IdentityContext, actor: Actor): Promise<UnitTreeNode[]> {
  if (!policy.canUseAdministration(actor.principal)) throw forbidden(...NO_RIGHT);
  const rows = await ctx.db.selectFrom('unit').selectAll().orderBy('sort_order').orderBy('id').execute();
  const tree = treeFrom(rows.map((r) => ({ id: r.id, parentId: r.parent_id })));
  const visible = coveredUnits(actor.principal, ['admin', 'auditor'], rows.map((r) => r.id), tree);
  const nodes = new Map<string, UnitTreeNode>(rows.filter((r) => visible.has(r.id)).map((r) => [r.id, { ...unitView(r), children: [] }]));
  const roots: UnitTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export async function createUnit(ctx: IdentityContext, actor: Actor, input: UnitCreate): Promise<Unit> {
  const { tree } = await loadTree(ctx);
  if (!policy.canCreateUnit(actor.principal, tree, input.parentId)) throw forbidden(...NO_RIGHT);
  const agencyCode = checkedAgencyCode(input.agencyCode);
  const created = await ctx.db.transaction().execute(async (trx) => {
    if (input.parentId) {
      const parent = await unitRow(trx, input.parentId);
      if (!parent) throw notFound('Không có đơn vị cấp trên này.', 'No such parent unit.');
      if (!parent.active) throw conflict('Đơn vị cấp trên đã ngừng hoạt động.', 'The parent unit is deactivated.');
    }
    try {
      const row = await trx
        .insertInto('unit')
        .values({
          id: input.id,
          parent_id: input.parentId,
          agency_code: agencyCode,
          name_vi: input.nameVi,
          name_en: input.nameEn,
          kind: input.kind,
          sort_order: input.sortOrder ?? 1000,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const view = unitView(row);
      await recordAudit(trx, { actor: actor.label, action: 'unit.create', entity: 'unit', entityId: row.id, after: view, requestId: actor.requestId });
      return view;
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('Mã đơn vị hoặc mã định danh điện tử đã được dùng.', 'The unit id or agency code is already used.');
      throw error;
    }
  });
  ctx.units.invalidate();
  return created;
}

export async function updateUnit(ctx: IdentityContext, actor: Actor, id: string, patch: UnitPatch): Promise<Unit> {
  const { tree } = await loadTree(ctx);
  if (!policy.canReadUnit(actor.principal, tree, id)) throw notFound('Không có đơn vị này.', 'No such unit.');
  if (!policy.canUpdateUnit(actor.principal, tree, id)) throw forbidden(...NO_RIGHT);
  if (patch.agencyCode !== undefined) checkedAgencyCode(patch.agencyCode);
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const before = await unitRow(trx, id);
    if (!before) throw notFound('Không có đơn vị này.', 'No such unit.');
    if (patch.parentId !== undefined && patch.parentId !== before.parent_id) {
      if (!policy.canMoveUnit(actor.principal, tree, before.parent_id, patch.parentId)) throw forbidden(...NO_RIGHT);
      if (patch.parentId !== null) {
        const parent = await unitRow(trx, patch.parentId);
        if (!parent) throw notFound('Không có đơn vị cấp trên này.', 'No such parent unit.');
        // Not under itself: walk up from the new parent.
        for (let cur: string | null = patch.parentId; cur; cur = (await unitRow(trx, cur))?.parent_id ?? null) {
          if (cur === id) throw conflict('Không thể chuyển đơn vị vào dưới chính nó.', 'A unit cannot be moved below itself.');
        }
      }
    }
    try {
      const row = await trx
        .updateTable('unit')
        .set({
          ...(patch.parentId !== undefined ? { parent_id: patch.parentId } : {}),
          ...(patch.agencyCode !== undefined ? { agency_code: patch.agencyCode } : {}),
          ...(patch.nameVi !== undefined ? { name_vi: patch.nameVi } : {}),
          ...(patch.nameEn !== undefined ? { name_en: patch.nameEn } : {}),
          ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
          ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const view = unitView(row);
      await recordAudit(trx, { actor: actor.label, action: 'unit.update', entity: 'unit', entityId: id, before: unitView(before), after: view, requestId: actor.requestId });
      return view;
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('Mã định danh điện tử đã được dùng.', 'The agency code is already used.');
      throw error;
    }
  });
  ctx.units.invalidate();
  return updated;
}

/** Deactivates (or reactivates) a unit. A unit with active sub-units cannot be deactivated. */
export async function setUnitActive(ctx: IdentityContext, actor: Actor, id: string, active: boolean): Promise<Unit> {
  const { tree } = await loadTree(ctx);
  if (!policy.canReadUnit(actor.principal, tree, id)) throw notFound('Không có đơn vị này.', 'No such unit.');
  const parentId = tree.parentOf(id) ?? null;
  if (parentId === null) throw conflict('Không thể ngừng hoạt động đơn vị gốc.', 'The root unit cannot be deactivated.');
  if (!policy.canMoveUnit(actor.principal, tree, parentId, parentId)) throw forbidden(...NO_RIGHT);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const before = await unitRow(trx, id);
    if (!before) throw notFound('Không có đơn vị này.', 'No such unit.');
    if (!active) {
      const child = await trx.selectFrom('unit').select('id').where('parent_id', '=', id).where('active', '=', true).executeTakeFirst();
      if (child) throw conflict(`Đơn vị còn đơn vị trực thuộc đang hoạt động (${child.id}).`, `The unit has active sub-units (${child.id}).`);
    } else if (before.parent_id) {
      const parent = await unitRow(trx, before.parent_id);
      if (parent && !parent.active) throw conflict('Đơn vị cấp trên đã ngừng hoạt động.', 'The parent unit is deactivated.');
    }
    const row = await trx.updateTable('unit').set({ active, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: actor.label,
      action: active ? 'unit.activate' : 'unit.deactivate',
      entity: 'unit',
      entityId: id,
      before: { active: before.active },
      after: { active },
      requestId: actor.requestId,
    });
    return unitView(row);
  });
  ctx.units.invalidate();
  return result;
}

// ---------------------------------------------------------------- officers

type OfficerRow = {
  id: string;
  username: string | null;
  full_name: string;
  email: string | null;
  phone: string | null;
  unit_id: string | null;
  disabled_at: Date | null;
  locked_until: Date | null;
  totp_secret: string | null;
  password_hash: string | null;
  last_login_at: Date | null;
  created_at: Date;
};

const OFFICER_COLUMNS = [
  'a.id',
  'a.username',
  'a.full_name',
  'a.email',
  'a.phone',
  'a.unit_id',
  'a.disabled_at',
  'a.locked_until',
  'a.totp_secret',
  'a.password_hash',
  'a.last_login_at',
  'a.created_at',
] as const;

async function rolesOf(db: IdentityContext['db'] | Transaction<DB>, ids: string[]): Promise<Map<string, Array<{ role: Role; unitId: string }>>> {
  const out = new Map<string, Array<{ role: Role; unitId: string }>>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('role_grant')
    .select(['account_id', 'role', 'unit_id'])
    .where('account_id', 'in', ids)
    .orderBy('unit_id')
    .orderBy('role')
    .execute();
  for (const r of rows) {
    const list = out.get(r.account_id) ?? [];
    list.push({ role: r.role, unitId: r.unit_id });
    out.set(r.account_id, list);
  }
  return out;
}

function officerView(r: OfficerRow, roles: Array<{ role: Role; unitId: string }>, now = new Date()): Officer {
  return {
    id: r.id,
    username: r.username!,
    fullName: r.full_name,
    email: r.email,
    phone: r.phone,
    unitId: r.unit_id,
    disabled: r.disabled_at !== null,
    lockedUntil: r.locked_until && r.locked_until.getTime() > now.getTime() ? r.locked_until.toISOString() : null,
    totpEnabled: r.totp_secret !== null,
    hasPassword: r.password_hash !== null,
    roles,
    lastLoginAt: r.last_login_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}

/** The audit view of an officer: no secrets. */
const auditView = (o: Officer) => ({
  username: o.username,
  fullName: o.fullName,
  email: o.email,
  phone: o.phone,
  unitId: o.unitId,
  disabled: o.disabled,
  totpEnabled: o.totpEnabled,
  roles: o.roles,
});

async function officerIn(trx: Transaction<DB>, id: string): Promise<Officer | undefined> {
  const row = await trx
    .selectFrom('account as a')
    .select(OFFICER_COLUMNS)
    .where('a.id', '=', id)
    .where('a.kind', '=', 'officer')
    .forUpdate()
    .executeTakeFirst();
  if (!row) return undefined;
  return officerView(row, (await rolesOf(trx, [id])).get(id) ?? []);
}

export async function listOfficers(
  ctx: IdentityContext,
  actor: Actor,
  query: { q?: string; unitId?: string; role?: Role; includeDisabled?: 'true' | 'false'; limit: number; offset: number },
): Promise<{ items: Officer[]; total: number }> {
  if (!policy.canUseAdministration(actor.principal)) throw forbidden(...NO_RIGHT);
  const { tree, units } = await loadTree(ctx);
  let visible = [...coveredUnits(actor.principal, ['admin', 'auditor'], units.map((u) => u.id), tree)];
  if (query.unitId) visible = visible.filter((id) => tree.parentOf(id) !== undefined && isBelow(tree, id, query.unitId!));
  const seesUnassigned = policy.canReadOfficer(actor.principal, tree, null) && !query.unitId;
  if (visible.length === 0 && !seesUnassigned) return { items: [], total: 0 };
  let base = ctx.db
    .selectFrom('account as a')
    .where('a.kind', '=', 'officer')
    .where((eb) => {
      const parts = [];
      if (visible.length) parts.push(eb('a.unit_id', 'in', visible));
      if (seesUnassigned) parts.push(eb('a.unit_id', 'is', null));
      return eb.or(parts);
    });
  if (query.includeDisabled !== 'true') base = base.where('a.disabled_at', 'is', null);
  if (query.q) {
    const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['a.username']), 'like', like),
        eb(eb.fn('lower', ['a.full_name']), 'like', like),
        eb(eb.fn('lower', ['a.email']), 'like', like),
      ]),
    );
  }
  if (query.role) {
    base = base.where((eb) =>
      eb.exists(eb.selectFrom('role_grant as g').select(sql`1`.as('one')).whereRef('g.account_id', '=', 'a.id').where('g.role', '=', query.role!)),
    );
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base.select(OFFICER_COLUMNS).orderBy('a.username').limit(query.limit).offset(query.offset).execute();
  const roles = await rolesOf(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((r) => officerView(r, roles.get(r.id) ?? [])), total: Number(total) };
}

function isBelow(tree: UnitTree, unitId: string, ancestorId: string): boolean {
  for (let cur: string | null | undefined = unitId, d = 0; cur && d < 64; cur = tree.parentOf(cur), d++) if (cur === ancestorId) return true;
  return false;
}

export async function getOfficer(ctx: IdentityContext, actor: Actor, id: string): Promise<Officer> {
  const { tree } = await loadTree(ctx);
  const officer = await ctx.db.transaction().execute((trx) => officerIn(trx, id));
  // Out of the caller's scope reads as absent (no probing of other units' staff).
  if (!officer || !policy.canReadOfficer(actor.principal, tree, officer.unitId)) throw notFound('Không có cán bộ này.', 'No such officer.');
  return officer;
}

/** Loads an officer for a change: 404 outside the caller's sight, 403 when they may only read. */
async function officerForChange(trx: Transaction<DB>, tree: UnitTree, actor: Actor, id: string): Promise<Officer> {
  const officer = await officerIn(trx, id);
  if (!officer || !policy.canReadOfficer(actor.principal, tree, officer.unitId)) throw notFound('Không có cán bộ này.', 'No such officer.');
  if (!policy.canManageOfficer(actor.principal, tree, officer.unitId)) throw forbidden(...NO_RIGHT);
  if (officer.id === actor.principal.accountId) {
    throw forbidden('Không tự thay đổi tài khoản của mình ở đây; hãy nhờ quản trị viên khác.', 'Ask another administrator to change your own account.');
  }
  return officer;
}

/** Keeps at least one active ministry-level administrator. */
async function assertAnotherRootAdmin(trx: Transaction<DB>, tree: UnitTree, exceptAccountId: string): Promise<void> {
  const rows = await trx
    .selectFrom('role_grant as g')
    .innerJoin('account as a', 'a.id', 'g.account_id')
    .select(['g.unit_id'])
    .where('g.role', '=', 'admin')
    .where('a.disabled_at', 'is', null)
    .where('a.id', '<>', exceptAccountId)
    .execute();
  if (!rows.some((r) => tree.parentOf(r.unit_id) === null)) {
    throw conflict('Phải còn ít nhất một quản trị viên cấp Bộ đang hoạt động.', 'At least one active ministry-level administrator must remain.');
  }
}

const holdsRootAdmin = (tree: UnitTree, officer: Officer) => officer.roles.some((g) => g.role === 'admin' && tree.parentOf(g.unitId) === null);

async function newInvitation(trx: Transaction<DB>, ctx: IdentityContext, accountId: string, createdBy: string, now: Date) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  await trx.updateTable('officer_invitation').set({ used_at: now }).where('account_id', '=', accountId).where('used_at', 'is', null).execute();
  await trx.insertInto('officer_invitation').values({ token_hash: invitationTokenHash(token), account_id: accountId, created_by: createdBy, expires_at: expiresAt }).execute();
  return { token, url: `${ctx.publicUrl()}/kich-hoat-tai-khoan#token=${token}`, expiresAt: expiresAt.toISOString() };
}

export async function createOfficer(
  ctx: IdentityContext,
  actor: Actor,
  input: OfficerCreate,
  now = new Date(),
): Promise<{ officer: Officer; invitation?: { token: string; url: string; expiresAt: string } }> {
  const { tree } = await loadTree(ctx);
  if (!policy.canManageOfficer(actor.principal, tree, input.unitId)) throw forbidden(...NO_RIGHT);
  for (const g of input.roles) if (!policy.canGrantRole(actor.principal, tree, input.unitId, g.unitId)) throw forbidden(...NO_RIGHT);
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, { username: input.username });
    if (problem) throw new ProblemError('validation', { detail: problem, errors: [{ pointer: '/body/password', code: 'password_policy', message: problem }] });
  }
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await unitRow(trx, input.unitId);
    if (!unit?.active) throw notFound('Không có đơn vị này hoặc đơn vị đã ngừng hoạt động.', 'No such active unit.');
    const taken = await trx
      .selectFrom('account')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase()))
      .executeTakeFirst();
    if (taken) throw conflict('Tên đăng nhập đã được dùng.', 'The username is taken.');
    const row = await trx
      .insertInto('account')
      .values({
        kind: 'officer',
        username: input.username,
        full_name: input.fullName,
        email: input.email ?? null,
        phone: input.phone ?? null,
        unit_id: input.unitId,
        password_hash: passwordHash,
        password_changed_at: passwordHash ? now : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const g of input.roles) {
      const grantUnit = await unitRow(trx, g.unitId);
      if (!grantUnit?.active) throw notFound(`Không có đơn vị ${g.unitId}.`, `No active unit ${g.unitId}.`);
      await trx.insertInto('role_grant').values({ account_id: row.id, unit_id: g.unitId, role: g.role, granted_by: actor.label }).onConflict((oc) => oc.doNothing()).execute();
    }
    const officer = (await officerIn(trx, row.id))!;
    const invitation = passwordHash ? undefined : await newInvitation(trx, ctx, row.id, actor.label, now);
    await recordAudit(trx, {
      actor: actor.label,
      action: 'officer.create',
      entity: 'officer',
      entityId: row.id,
      after: { ...auditView(officer), initialPassword: passwordHash ? 'set' : 'invitation' },
      requestId: actor.requestId,
    });
    return { officer, ...(invitation ? { invitation } : {}) };
  });
}

export async function updateOfficer(ctx: IdentityContext, actor: Actor, id: string, patch: OfficerPatch): Promise<Officer> {
  const { tree } = await loadTree(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await officerForChange(trx, tree, actor, id);
    if (patch.unitId !== undefined && patch.unitId !== before.unitId) {
      if (!policy.canMoveOfficer(actor.principal, tree, before.unitId, patch.unitId)) throw forbidden(...NO_RIGHT);
      const unit = await unitRow(trx, patch.unitId);
      if (!unit?.active) throw notFound('Không có đơn vị này hoặc đơn vị đã ngừng hoạt động.', 'No such active unit.');
    }
    await trx
      .updateTable('account')
      .set({
        ...(patch.fullName !== undefined ? { full_name: patch.fullName } : {}),
        ...(patch.email !== undefined ? { email: patch.email } : {}),
        ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
        ...(patch.unitId !== undefined ? { unit_id: patch.unitId } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    const after = (await officerIn(trx, id))!;
    await recordAudit(trx, { actor: actor.label, action: 'officer.update', entity: 'officer', entityId: id, before: auditView(before), after: auditView(after), requestId: actor.requestId });
    return after;
  });
}

export async function setOfficerDisabled(ctx: IdentityContext, actor: Actor, id: string, disabled: boolean, now = new Date()): Promise<Officer> {
  const { tree } = await loadTree(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await officerForChange(trx, tree, actor, id);
    if (disabled && holdsRootAdmin(tree, before)) await assertAnotherRootAdmin(trx, tree, id);
    await trx.updateTable('account').set({ disabled_at: disabled ? now : null, updated_at: now }).where('id', '=', id).execute();
    if (disabled) await closeSessionsOfAccount(trx, ctx.sessions, id);
    const after = (await officerIn(trx, id))!;
    await recordAudit(trx, {
      actor: actor.label,
      action: disabled ? 'officer.disable' : 'officer.enable',
      entity: 'officer',
      entityId: id,
      before: { disabled: before.disabled },
      after: { disabled: after.disabled },
      requestId: actor.requestId,
    });
    return after;
  });
}

/** Sets a new password (or a generated temporary one, returned once), clears a lock, ends sessions. */
export async function resetOfficerPassword(
  ctx: IdentityContext,
  actor: Actor,
  id: string,
  input: { password?: string },
  now = new Date(),
): Promise<{ temporaryPassword?: string }> {
  const { tree } = await loadTree(ctx);
  const password = input.password ?? temporaryPassword();
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction().execute(async (trx) => {
    const officer = await officerForChange(trx, tree, actor, id);
    const problem = passwordProblem(password, { username: officer.username });
    if (problem) throw new ProblemError('validation', { detail: problem, errors: [{ pointer: '/body/password', code: 'password_policy', message: problem }] });
    await trx
      .updateTable('account')
      .set({ password_hash: passwordHash, password_changed_at: now, failed_logins: 0, locked_until: null, updated_at: now })
      .where('id', '=', id)
      .execute();
    await closeSessionsOfAccount(trx, ctx.sessions, id);
    await recordAudit(trx, {
      actor: actor.label,
      action: 'officer.password.reset',
      entity: 'officer',
      entityId: id,
      after: { generated: input.password === undefined, unlocked: true },
      requestId: actor.requestId,
    });
    return input.password === undefined ? { temporaryPassword: password } : {};
  });
}

/** Removes an officer's TOTP (lost phone): they enrol again at their next login. */
export async function resetOfficerTotp(ctx: IdentityContext, actor: Actor, id: string, now = new Date()): Promise<Officer> {
  const { tree } = await loadTree(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await officerForChange(trx, tree, actor, id);
    await trx
      .updateTable('account')
      .set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: now })
      .where('id', '=', id)
      .execute();
    await closeSessionsOfAccount(trx, ctx.sessions, id);
    await recordAudit(trx, { actor: actor.label, action: 'officer.totp.reset', entity: 'officer', entityId: id, before: { totpEnabled: before.totpEnabled }, after: { totpEnabled: false }, requestId: actor.requestId });
    return (await officerIn(trx, id))!;
  });
}

export async function grantOfficerRole(ctx: IdentityContext, actor: Actor, id: string, grant: { role: Role; unitId: string }): Promise<Officer> {
  const { tree } = await loadTree(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await officerForChange(trx, tree, actor, id);
    if (!policy.canGrantRole(actor.principal, tree, before.unitId, grant.unitId)) throw forbidden(...NO_RIGHT);
    const unit = await unitRow(trx, grant.unitId);
    if (!unit?.active) throw notFound('Không có đơn vị này hoặc đơn vị đã ngừng hoạt động.', 'No such active unit.');
    if (before.roles.some((g) => g.role === grant.role && g.unitId === grant.unitId)) return before;
    await trx.insertInto('role_grant').values({ account_id: id, unit_id: grant.unitId, role: grant.role, granted_by: actor.label }).execute();
    ctx.sessions.cache?.deleteAccount(id);
    const after = (await officerIn(trx, id))!;
    await recordAudit(trx, { actor: actor.label, action: 'officer.role.grant', entity: 'officer', entityId: id, before: { roles: before.roles }, after: { roles: after.roles }, requestId: actor.requestId });
    return after;
  });
}

export async function revokeOfficerRole(ctx: IdentityContext, actor: Actor, id: string, grant: { role: Role; unitId: string }): Promise<Officer> {
  const { tree } = await loadTree(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await officerForChange(trx, tree, actor, id);
    if (!policy.canRevokeRole(actor.principal, tree, grant.unitId)) throw forbidden(...NO_RIGHT);
    if (!before.roles.some((g) => g.role === grant.role && g.unitId === grant.unitId)) throw notFound('Cán bộ không có vai trò này.', 'The officer does not hold this role.');
    if (grant.role === 'admin' && tree.parentOf(grant.unitId) === null) await assertAnotherRootAdmin(trx, tree, id);
    await trx.deleteFrom('role_grant').where('account_id', '=', id).where('unit_id', '=', grant.unitId).where('role', '=', grant.role).execute();
    ctx.sessions.cache?.deleteAccount(id);
    const after = (await officerIn(trx, id))!;
    await recordAudit(trx, { actor: actor.label, action: 'officer.role.revoke', entity: 'officer', entityId: id, before: { roles: before.roles }, after: { roles: after.roles }, requestId: actor.requestId });
    return after;
  });
}

// ---------------------------------------------------------------- audit

/**
 * The audit trail of one record. Units and officers are read by whoever covers their unit (admin
 * or auditor); any other record (citizen accounts, calendar years, ...) by the ministry level.
 */
export async function readAudit(ctx: IdentityContext, actor: Actor, entity: string, entityId: string) {
  if (!policy.canUseAdministration(actor.principal)) throw forbidden(...NO_RIGHT);
  const { tree } = await loadTree(ctx);
  let unitId: string | null = null;
  if (entity === 'unit') {
    unitId = tree.parentOf(entityId) === undefined ? null : entityId;
  } else if (entity === 'officer' && /^[0-9a-f-]{36}$/i.test(entityId)) {
    const row = await ctx.db.selectFrom('account').select(['unit_id', 'kind']).where('id', '=', entityId).executeTakeFirst();
    unitId = row?.kind === 'officer' ? row.unit_id : null;
  }
  if (!policy.canReadAudit(actor.principal, tree, unitId)) throw forbidden(...NO_RIGHT);
  const rows = await listAudit(ctx.db, entity, entityId);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
    requestId: r.request_id,
  }));
}
