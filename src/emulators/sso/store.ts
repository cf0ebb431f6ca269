// Where the SSO emulator keeps its state when it runs inside motcua: a PostgreSQL schema of its
// own, `sso_emulator` (like the population emulator's, created here and never by motcua's
// migrations, since the emulator stands for another system). With it, every motcua instance
// behind a load balancer serves the same logins: oidc-provider's artefacts (interactions,
// sessions, codes, tokens, grants), the signing keys and who logged in under which `sub`.
// Standalone and in tests without a database, memory (oidc-provider's own adapter) is used.
import { sql, type Kysely } from 'kysely';
import { generateEmulatorKeys, type EmulatorKeys } from './keys.ts';
import type { SsoSubject, SubjectDirectory } from './subjects.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function ensureSsoSchema(db: AnyDb): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('sso_emulator.schema'))`.execute(trx);
    await sql`create schema if not exists sso_emulator`.execute(trx);
    await sql`
      create table if not exists sso_emulator.artefact (
        model text not null,
        id text not null,
        payload jsonb not null,
        grant_id text,
        uid text,
        user_code text,
        expires_at timestamptz,
        primary key (model, id)
      )`.execute(trx);
    await sql`create index if not exists artefact_grant_idx on sso_emulator.artefact (grant_id) where grant_id is not null`.execute(trx);
    await sql`create index if not exists artefact_uid_idx on sso_emulator.artefact (uid) where uid is not null`.execute(trx);
    await sql`create index if not exists artefact_expires_idx on sso_emulator.artefact (expires_at)`.execute(trx);
    await sql`create table if not exists sso_emulator.keys (id integer primary key, value jsonb not null)`.execute(trx);
    await sql`create table if not exists sso_emulator.subject (sub text primary key, key text not null)`.execute(trx);
  });
}

/** The signing and cookie keys, generated once for all instances. */
export async function loadOrCreateDbKeys(db: AnyDb): Promise<EmulatorKeys> {
  const fresh = await generateEmulatorKeys();
  await sql`insert into sso_emulator.keys (id, value) values (1, ${JSON.stringify(fresh)}::jsonb) on conflict (id) do nothing`.execute(db);
  const { rows } = await sql<{ value: EmulatorKeys | string }>`select value from sso_emulator.keys where id = 1`.execute(db);
  const value = rows[0]!.value;
  return typeof value === 'string' ? (JSON.parse(value) as EmulatorKeys) : value;
}

const GRANTABLE = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);

/** An oidc-provider adapter over `sso_emulator.artefact`. */
export function dbAdapterFactory(db: AnyDb) {
  let writes = 0;
  return (model: string) => {
    const find = async (where: 'id' | 'uid' | 'user_code', value: string) => {
      const column = sql.ref(where);
      const { rows } = await sql<{ payload: Record<string, unknown> | string }>`
        select payload from sso_emulator.artefact
        where model = ${model} and ${column} = ${value} and (expires_at is null or expires_at > now())
        limit 1`.execute(db);
      const payload = rows[0]?.payload;
      return payload === undefined ? undefined : typeof payload === 'string' ? JSON.parse(payload) : payload;
    };
    return {
      async upsert(id: string, payload: Record<string, unknown>, expiresIn?: number) {
        const expiresAt = typeof expiresIn === 'number' ? new Date(Date.now() + expiresIn * 1000) : null;
        await sql`
          insert into sso_emulator.artefact (model, id, payload, grant_id, uid, user_code, expires_at)
          values (${model}, ${id}, ${JSON.stringify(payload)}::jsonb,
                  ${GRANTABLE.has(model) ? ((payload.grantId as string | undefined) ?? null) : null},
                  ${(payload.uid as string | undefined) ?? null}, ${(payload.userCode as string | undefined) ?? null}, ${expiresAt})
          on conflict (model, id) do update set payload = excluded.payload, grant_id = excluded.grant_id,
            uid = excluded.uid, user_code = excluded.user_code, expires_at = excluded.expires_at`.execute(db);
        // Now and then, drop what has expired.
        if (++writes % 200 === 0) await sql`delete from sso_emulator.artefact where expires_at < now()`.execute(db);
      },
      find: (id: string) => find('id', id),
      findByUid: (uid: string) => find('uid', uid),
      findByUserCode: (userCode: string) => find('user_code', userCode),
      async consume(id: string) {
        await sql`
          update sso_emulator.artefact
          set payload = jsonb_set(payload, '{consumed}', to_jsonb(floor(extract(epoch from now()))::bigint))
          where model = ${model} and id = ${id}`.execute(db);
      },
      async destroy(id: string) {
        await sql`delete from sso_emulator.artefact where model = ${model} and id = ${id}`.execute(db);
      },
      async revokeByGrantId(grantId: string) {
        await sql`delete from sso_emulator.artefact where grant_id = ${grantId}`.execute(db);
      },
    };
  };
}

/** Who logged in under which `sub`: the claims are then read from the directory by key. */
export interface SubjectStore {
  remember(subject: SsoSubject): Promise<void>;
  find(sub: string): Promise<SsoSubject | undefined>;
}

export function memorySubjectStore(max = 50_000): SubjectStore {
  const subjects = new Map<string, SsoSubject>();
  return {
    async remember(subject) {
      if (subjects.size >= max) subjects.delete(subjects.keys().next().value!);
      subjects.set(subject.sub, subject);
    },
    async find(sub) {
      return subjects.get(sub);
    },
  };
}

export function dbSubjectStore(db: AnyDb, directory: SubjectDirectory): SubjectStore {
  return {
    async remember(subject) {
      await sql`insert into sso_emulator.subject (sub, key) values (${subject.sub}, ${subject.key})
                on conflict (sub) do update set key = excluded.key`.execute(db);
    },
    async find(sub) {
      const { rows } = await sql<{ key: string }>`select key from sso_emulator.subject where sub = ${sub}`.execute(db);
      return rows[0] ? directory.findByKey(rows[0].key) : undefined;
    },
  };
}
