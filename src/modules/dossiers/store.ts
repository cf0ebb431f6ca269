// SQL for the dossiers module's tables.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';

/**
 * Takes the next number of a unit's daily sequence. One atomic upsert: PostgreSQL serialises
 * concurrent upserts of the same (unit, day) row, so two instances can never take the same
 * number, and a rolled-back transaction gives its number back (no gaps from failed intakes).
 */
export async function nextDailySequence(
  db: Kysely<DB> | Transaction<DB>,
  unitCode: string,
  day: string,
): Promise<number> {
  const row = await db
    .insertInto('dossier_code_sequence')
    .values({ unit_code: unitCode, day, last_value: 1 })
    .onConflict((oc) =>
      oc.columns(['unit_code', 'day']).doUpdateSet({ last_value: sql`dossier_code_sequence.last_value + 1` }),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}
