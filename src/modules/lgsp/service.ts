// The gateway's administration use cases: the service catalog, consumer systems (create, disable,
// rotate the secret, limits, keys), the ACL, the message log and its statistics, publishing to
// NDXP. Every change is one transaction with its audit row. Ministry-wide: the permission must be
// held at a root unit (lgsp.admin to change, lgsp.audit to read).
import type { Kysely } from 'kysely';
import type { JWK } from 'jose';
import { canMinistryWide, type Permission, type Principal } from '../../core/access/index.ts';
import { PURPOSE_LABELS } from '../../core/lgsp/index.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { DB } from '../../db/types.ts';
import { forbiddenFor } from '../../http/access.ts';
import { ProblemError } from '../../http/problem.ts';
import { actorOf, recordAudit, systemActor, type AuditActor } from '../audit/service.ts';
import type { UnitDirectory } from '../identity/units/directory.ts';
import type { NdxpClient } from './ndxp/adapter.ts';
import type { ServiceRegistry } from './registry.ts';
import type { ConsumerCreate, ConsumerItem, ConsumerPatch, LogItem, ServiceItem, ServiceList, Stats } from './schema.ts';
import { generateSecret, hashSecret } from './secrets.ts';
import {
  aclOf,
  allAcl,
  chainHead,
  findConsumer,
  grantAcl,
  insertConsumer,
  lastHead,
  listConsumers,
  listMessages,
  listServiceRows,
  messageCount,
  revokeAcl,
  setServiceEnabled,
  stats,
  updateConsumer,
  type ConsumerRow,
  type LogFilter,
} from './store.ts';

/** Who asks: an officer or machine credential (checked), or the system itself (the CLI, seeds). */
export type Caller = { principal: Principal | undefined; requestId?: string } | { system: string };

export interface LgspAdmin {
  services(caller: Caller): Promise<ServiceList>;
  setServiceEnabled(caller: Caller, code: string, enabled: boolean): Promise<ServiceItem>;
  consumers(caller: Caller): Promise<ConsumerItem[]>;
  createConsumer(caller: Caller, input: ConsumerCreate & { secret?: string }): Promise<{ consumer: ConsumerItem; clientSecret: string | null }>;
  updateConsumer(caller: Caller, id: string, patch: ConsumerPatch): Promise<ConsumerItem>;
  rotateSecret(caller: Caller, id: string): Promise<{ clientSecret: string }>;
  grant(caller: Caller, id: string, service: string): Promise<ConsumerItem>;
  revoke(caller: Caller, id: string, service: string): Promise<ConsumerItem>;
  log(caller: Caller, filter: LogFilter & { limit: number; before?: number }): Promise<{ items: LogItem[]; nextBefore: number | null }>;
  stats(caller: Caller, hours: number): Promise<Stats>;
  publishToNdxp(caller: Caller): Promise<number>;
}

const notFound = (what: string) =>
  new ProblemError('not_found', { detail: { vi: `Không tìm thấy ${what}.`, en: `${what} not found.` } });

export function createLgspAdmin(deps: {
  db: Kysely<DB>;
  units: UnitDirectory;
  registry: ServiceRegistry;
  purposes: readonly string[];
  ndxp: NdxpClient;
  /** The public address of a service's calls, for NDXP's catalog. */
  endpointOf: (code: string) => string;
  /** Tells the gateway to drop what it keeps of a consumer. */
  invalidate: (consumerId?: string) => void;
  /** Writes the registered services' catalog rows. */
  syncCatalog: () => Promise<void>;
}): LgspAdmin {
  const { db, registry } = deps;

  async function authorize(caller: Caller, permission: Permission): Promise<{ actor: AuditActor; requestId?: string }> {
    if ('system' in caller) return { actor: systemActor(caller.system) };
    if (!caller.principal || !canMinistryWide(caller.principal, permission, await deps.units.tree())) throw forbiddenFor(permission, null);
    return { actor: actorOf(caller.principal), ...(caller.requestId ? { requestId: caller.requestId } : {}) };
  }

  async function item(row: ConsumerRow): Promise<ConsumerItem> {
    return {
      id: row.id,
      name: row.name,
      unitId: row.unit_id,
      authMethod: row.auth_method,
      enabled: row.enabled,
      perMinute: row.per_minute,
      perDay: row.per_day,
      services: await aclOf(db, row.id),
      createdAt: row.created_at.toISOString(),
      secretRotatedAt: row.secret_rotated_at?.toISOString() ?? null,
    };
  }

  async function serviceItems(): Promise<ServiceItem[]> {
    const rows = new Map((await listServiceRows(db)).map((r) => [r.code, r]));
    const acl = await allAcl(db);
    return registry.latest().map((s) => {
      const r = s.registration;
      return {
        code: s.code,
        version: s.version,
        versions: registry.all().filter((v) => v.code === s.code).map((v) => v.version),
        name: r.name,
        description: r.description ?? null,
        ownerUnitId: r.ownerUnitId,
        provider: r.provider,
        enabled: rows.get(s.code)?.enabled ?? true,
        purposes: (r.purposes ?? deps.purposes).filter((p) => deps.purposes.includes(p)),
        requestSchema: r.requestSchema,
        responseSchema: r.responseSchema,
        consumers: acl.filter((a) => a.service_code === s.code).map((a) => a.consumer_id),
        path: `/lgsp/v1/${s.code}`,
      };
    });
  }

  async function knownService(code: string): Promise<void> {
    // The registry of this process, or the catalog rows the server wrote (the CLI registers no providers).
    if (registry.find(code) || (await listServiceRows(db)).some((r) => r.code === code)) return;
    throw new ProblemError('validation', { detail: { vi: `Không có dịch vụ ${code}.`, en: `No service ${code}.` }, errors: [{ pointer: '/service', code: 'unknown', message: { vi: 'Dịch vụ không tồn tại', en: 'Unknown service' } }] });
  }

  async function consumerOrThrow(id: string): Promise<ConsumerRow> {
    const row = await findConsumer(db, id);
    if (!row) throw notFound(`hệ thống khai thác ${id}`);
    return row;
  }

  function checkJwks(jwks: { keys: Array<Record<string, unknown>> } | undefined): { keys: JWK[] } | null {
    if (!jwks) return null;
    for (const key of jwks.keys) {
      if ('d' in key || 'p' in key || 'k' in key) {
        throw new ProblemError('validation', { detail: { vi: 'Chỉ đăng ký khóa công khai.', en: 'Register public keys only.' }, errors: [{ pointer: '/body/jwks', code: 'private_key', message: { vi: 'Khóa bí mật không được gửi', en: 'A private key was sent' } }] });
      }
    }
    return jwks as { keys: JWK[] };
  }

  return {
    async services(caller) {
      await authorize(caller, 'lgsp.audit');
      return { items: await serviceItems(), purposes: deps.purposes.map((code) => ({ code, name: PURPOSE_LABELS[code] ?? { vi: code, en: code } })) };
    },

    async setServiceEnabled(caller, code, enabled) {
      const { actor, requestId } = await authorize(caller, 'lgsp.admin');
      await knownService(code);
      if (registry.find(code)) await deps.syncCatalog();
      await db.transaction().execute(async (trx) => {
        const before = (await listServiceRows(trx)).find((r) => r.code === code);
        const after = await setServiceEnabled(trx, code, enabled);
        await recordAudit(trx, { actor, action: 'lgsp.service.update', entity: 'lgsp_service', entityId: code, before: { enabled: before?.enabled }, after: { enabled: after?.enabled }, ...(requestId ? { requestId } : {}) });
      });
      deps.invalidate();
      return (await serviceItems()).find((s) => s.code === code)!;
    },

    async consumers(caller) {
      await authorize(caller, 'lgsp.audit');
      return Promise.all((await listConsumers(db)).map(item));
    },

    async createConsumer(caller, input) {
      const { actor, requestId } = await authorize(caller, 'lgsp.admin');
      const authMethod = input.authMethod ?? 'client_secret_basic';
      const jwks = checkJwks(input.jwks);
      if (authMethod === 'private_key_jwt' && !jwks) {
        throw new ProblemError('validation', { detail: { vi: 'Cần khóa công khai (JWKS) của hệ thống.', en: 'The client’s public keys (JWKS) are required.' }, errors: [{ pointer: '/body/jwks', code: 'required', message: { vi: 'Bắt buộc', en: 'Required' } }] });
      }
      for (const s of input.services ?? []) await knownService(s);
      if (input.unitId && !(await deps.units.tree()).ids().includes(input.unitId)) {
        throw new ProblemError('validation', { detail: { vi: 'Không có đơn vị này.', en: 'No such unit.' }, errors: [{ pointer: '/body/unitId', code: 'unknown', message: { vi: 'Đơn vị không tồn tại', en: 'Unknown unit' } }] });
      }
      const secret = authMethod === 'client_secret_basic' ? (input.secret ?? generateSecret()) : null;
      const secretHash = secret ? await hashSecret(secret) : null;
      try {
        const row = await db.transaction().execute(async (trx) => {
          const created = await insertConsumer(trx, {
            id: input.id,
            name: input.name,
            unitId: input.unitId ?? null,
            authMethod,
            secretHash,
            jwks,
            perMinute: input.perMinute ?? null,
            perDay: input.perDay ?? null,
          });
          for (const s of input.services ?? []) await grantAcl(trx, created.id, s, actor.label);
          await recordAudit(trx, { actor, action: 'lgsp.consumer.create', entity: 'lgsp_consumer', entityId: created.id, after: { name: created.name, authMethod, services: input.services ?? [], perMinute: created.per_minute, perDay: created.per_day }, ...(requestId ? { requestId } : {}) });
          return created;
        });
        return { consumer: await item(row), clientSecret: secret };
      } catch (error) {
        if (isUniqueViolation(error)) throw new ProblemError('conflict', { detail: { vi: `Đã có hệ thống ${input.id}.`, en: `Client ${input.id} exists.` } });
        throw error;
      }
    },

    async updateConsumer(caller, id, patch) {
      const { actor, requestId } = await authorize(caller, 'lgsp.admin');
      const jwks = patch.jwks ? checkJwks(patch.jwks) : undefined;
      const row = await db.transaction().execute(async (trx) => {
        const before = await findConsumer(trx, id);
        if (!before) throw notFound(`hệ thống khai thác ${id}`);
        const after = (await updateConsumer(trx, id, {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
          ...(patch.perMinute !== undefined ? { perMinute: patch.perMinute } : {}),
          ...(patch.perDay !== undefined ? { perDay: patch.perDay } : {}),
          ...(jwks ? { jwks } : {}),
        }))!;
        const view = (r: ConsumerRow) => ({ name: r.name, enabled: r.enabled, perMinute: r.per_minute, perDay: r.per_day, keys: (r.jwks as { keys?: unknown[] } | null)?.keys?.length ?? 0 });
        await recordAudit(trx, { actor, action: 'lgsp.consumer.update', entity: 'lgsp_consumer', entityId: id, before: view(before), after: view(after), ...(requestId ? { requestId } : {}) });
        return after;
      });
      deps.invalidate(id);
      return item(row);
    },

    async rotateSecret(caller, id) {
      const { actor, requestId } = await authorize(caller, 'lgsp.admin');
      const row = await consumerOrThrow(id);
      if (row.auth_method !== 'client_secret_basic') {
        throw new ProblemError('conflict', { detail: { vi: 'Hệ thống này xác thực bằng khóa (private_key_jwt).', en: 'This client authenticates with keys (private_key_jwt).' } });
      }
      const secret = generateSecret();
      const secretHash = await hashSecret(secret);
      await db.transaction().execute(async (trx) => {
        await updateConsumer(trx, id, { secretHash });
        await recordAudit(trx, { actor, action: 'lgsp.consumer.secret.rotate', entity: 'lgsp_consumer', entityId: id, ...(requestId ? { requestId } : {}) });
      });
      deps.invalidate(id);
      return { clientSecret: secret };
    },

    async grant(caller, id, service) {
      const { actor, requestId } = await authorize(caller, 'lgsp.admin');
      await knownService(service);
      const row = await consumerOrThrow(id);
      await db.transaction().execute(async (trx) => {
        if (await grantAcl(trx, id, service, actor.label)) {
          await recordAudit(trx, { actor, action: 'lgsp.acl.grant', entity: 'lgsp_consumer', entityId: id, after: { service }, ...(requestId ? { requestId } : {}) });
        }
      });
      deps.invalidate(id);
      return item(row);
    },

    async revoke(caller, id, service) {
      const { actor, requestId } = await authorize(caller, 'lgsp.admin');
      const row = await consumerOrThrow(id);
      await db.transaction().execute(async (trx) => {
        if (await revokeAcl(trx, id, service)) {
          await recordAudit(trx, { actor, action: 'lgsp.acl.revoke', entity: 'lgsp_consumer', entityId: id, before: { service }, ...(requestId ? { requestId } : {}) });
        }
      });
      deps.invalidate(id);
      return item(row);
    },

    async log(caller, filter) {
      await authorize(caller, 'lgsp.audit');
      const items = await listMessages(db, filter);
      return { items, nextBefore: items.length === filter.limit ? items.at(-1)!.seq : null };
    },

    async stats(caller, hours) {
      await authorize(caller, 'lgsp.audit');
      const since = new Date(Date.now() - hours * 3600_000);
      const head = await chainHead(db);
      const signed = await lastHead(db);
      return {
        since: since.toISOString(),
        rows: await stats(db, since),
        log: { rows: await messageCount(db), lastSeq: head.lastSeq, lastSignedSeq: signed?.seq ?? null, lastSignedAt: signed?.at ?? null },
      };
    },

    async publishToNdxp(caller) {
      await authorize(caller, 'lgsp.admin');
      // The ministry's own services (national ones are NDXP's to publish).
      const own = registry.latest().filter((s) => s.registration.provider.kind !== 'national');
      return deps.ndxp.publish(
        own.map((s) => ({
          code: s.code,
          version: s.version,
          name: s.registration.name.vi,
          endpoint: deps.endpointOf(s.code),
          requestSchema: s.registration.requestSchema,
          responseSchema: s.registration.responseSchema,
        })),
      ).catch((error: unknown) => {
        throw new ProblemError('lgsp_provider_failed', { detail: { vi: `Không công bố được lên NDXP: ${(error as Error).message}`, en: `Could not publish to NDXP: ${(error as Error).message}` } });
      });
    },
  };
}
