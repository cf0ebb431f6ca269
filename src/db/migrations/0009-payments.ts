import { sql, type Kysely } from 'kysely';

// Payments module: one row per payment of a dossier's fees and charges, online through the
// national payment platform (PayGov, SPEC §6) or taken at the counter. The dossier is referenced
// by its id only (the dossiers module owns it; no foreign key across modules).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table payment (
      id uuid primary key default gen_random_uuid(),
      -- MaThamChieu sent to PayGov (dossier code + "-" + yyyyMMddHHmmss); none for the counter
      reference text unique,
      dossier_id text not null,
      dossier_code text,
      amount_vnd bigint not null check (amount_vnd > 0),
      -- [{code, name, kind: 'fee' | 'charge', amountVnd}]
      fees jsonb not null default '[]',
      status text not null check (status in ('initiated', 'paid', 'failed', 'cancelled')),
      channel text not null check (channel in ('paygov', 'counter')),
      -- biên lai number (PayGov's e-receipt, or the counter's receipt)
      receipt_number text,
      -- MaGiaoDich of PayGov
      transaction_id text,
      paid_at timestamptz,
      created_at timestamptz not null default now(),
      -- the page the browser returns to after PayGov (a path on this server)
      return_path text,
      -- the officer who took a counter payment
      recorded_by text,
      -- what the platform said (INIT answer, callback, CHECK), for reconciliation
      result jsonb,
      check (status <> 'paid' or paid_at is not null),
      check (channel <> 'paygov' or reference is not null)
    )`.execute(db);
  await sql`create index payment_dossier_idx on payment (dossier_id, created_at)`.execute(db);
}
