// SQL for the calendar module's table (calendar_year_schedule).
import type { Kysely, Transaction } from 'kysely';
import type { YearSchedule } from '../../core/calendar/types.ts';
import type { DB } from '../../db/types.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export async function listYearSchedules(db: Executor): Promise<YearSchedule[]> {
  const rows = await db.selectFrom('calendar_year_schedule').select(['schedule']).execute();
  return rows.map((r) => r.schedule as YearSchedule);
}

export async function findYearSchedule(db: Executor, year: number, lock = false): Promise<YearSchedule | undefined> {
  let query = db.selectFrom('calendar_year_schedule').select(['schedule']).where('year', '=', year);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row?.schedule as YearSchedule | undefined;
}

export async function saveYearSchedule(db: Executor, schedule: YearSchedule, actor: string): Promise<void> {
  const json = JSON.stringify(schedule);
  await db
    .insertInto('calendar_year_schedule')
    .values({ year: schedule.year, schedule: json, updated_by: actor })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({ schedule: json, updated_by: actor, updated_at: new Date() }),
    )
    .execute();
}

export async function deleteYearSchedule(db: Executor, year: number): Promise<boolean> {
  const result = await db.deleteFrom('calendar_year_schedule').where('year', '=', year).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
