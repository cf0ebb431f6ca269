import { sql, type Kysely } from 'kysely';

// The quality counters are kept per ISO week (keyed by its Monday) and per year as well as per
// day and month, so a year or a custom range reads a few rows per slot instead of every day of it.
// The new grains are summed from the day counters already kept.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table quality_counter drop constraint quality_counter_grain_check`.execute(db);
  await sql`alter table quality_counter add constraint quality_counter_grain_check check (grain in ('d', 'w', 'm', 'y'))`.execute(db);
  for (const [grain, key] of [
    ['w', sql`(day - (extract(isodow from day)::int - 1))::date`],
    ['y', sql`date_trunc('year', day)::date`],
  ] as const) {
    await sql`
      insert into quality_counter (grain, day, unit_key, procedure_code, indicator, synced, numerator, denominator, amount)
      select ${grain}, ${key}, unit_key, procedure_code, indicator, synced, sum(numerator), sum(denominator), sum(amount)
        from quality_counter where grain = 'd'
       group by 2, 3, 4, 5, 6`.execute(db);
  }
}
