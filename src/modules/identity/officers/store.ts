// SQL for accounts and role grants.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { AccountTable, Role } from './tables.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export async function insertAccount(db: Executor, values: Insertable<AccountTable>): Promise<string> {
  const row = await db.insertInto('account').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function grantRole(db: Executor, accountId: string, unitId: string, role: Role, grantedBy: string): Promise<void> {
  await db
    .insertInto('role_grant')
    .values({ account_id: accountId, unit_id: unitId, role, granted_by: grantedBy })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
