// The officer account that generated dossiers (the embedded demo, `motcua dossiers generate`, the
// benchmarks) are received under when no real receiver is given: a component's digitization
// record names the account that recorded it, so the receiver needs one. Nobody can sign in to it
// (no password, disabled, no role); it is created once, audited, and found by its username after.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import { recordAudit, systemActor } from '../../audit/service.ts';

export const GENERATED_RECEIVER_USERNAME = 'tiepnhan.tonghop';

/** The account's id and the label logs name it by (`username (full name)`). */
export async function generatedDataReceiver(db: Kysely<DB>, fullName: string): Promise<{ id: string; label: string }> {
  const created = await db
    .insertInto('account')
    .values({ kind: 'officer', username: GENERATED_RECEIVER_USERNAME, full_name: fullName, disabled_at: new Date() })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (created) {
    await recordAudit(db, {
      actor: systemActor('dossiers generate'),
      action: 'officer.create',
      entity: 'officer',
      entityId: created.id,
      after: { username: GENERATED_RECEIVER_USERNAME, fullName, roles: [], disabled: true, reason: 'the receiver of generated dossiers' },
    });
  }
  const row = await db.selectFrom('account').select(['id', 'full_name']).where('username', '=', GENERATED_RECEIVER_USERNAME).executeTakeFirstOrThrow();
  return { id: row.id, label: `${GENERATED_RECEIVER_USERNAME} (${row.full_name})` };
}
