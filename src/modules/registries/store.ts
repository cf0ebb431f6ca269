// Queries of the registries module's tables (registry_person, registry_person_change).
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { PersonCheck, PersonInput, RegistryCode } from './people.ts';
import type { RegistryPersonTable } from './tables.ts';

export type Executor = Kysely<DB> | Transaction<DB>;
export type PersonRow = Selectable<RegistryPersonTable>;

const checkColumns = (check: PersonCheck) => ({
  link_status: check.status,
  link_mismatched: JSON.stringify(check.mismatched),
  link_suggested_id: check.suggestedId,
  link_checked_at: check.checkedAt,
  link_request_id: check.requestId,
});

export async function upsertPerson(db: Executor, registry: RegistryCode, input: PersonInput, check: PersonCheck | undefined, by: string): Promise<PersonRow> {
  const values = {
    full_name: input.fullName.normalize('NFC').trim().replace(/\s+/g, ' '),
    birth_date: input.birthDate ?? null,
    updated_by: by,
    ...(check ? checkColumns(check) : {}),
  };
  return db
    .insertInto('registry_person')
    .values({ registry, personal_id: input.personalId, ...values })
    .onConflict((oc) => oc.columns(['registry', 'personal_id']).doUpdateSet({ ...values, updated_at: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function recordCheck(db: Executor, personId: string, check: PersonCheck): Promise<void> {
  await db.updateTable('registry_person').set(checkColumns(check)).where('id', '=', personId).execute();
}

export async function findPerson(db: Executor, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('registry_person').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPeople(db: Executor, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('registry_person').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}
