// SQL for the payments module's table (payment). No other module touches it.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { FeeLine, PaymentChannel, PaymentStatus, PaymentTable } from './tables.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export interface Payment {
  id: string;
  reference: string | null;
  dossierId: string;
  dossierCode: string | null;
  amountVnd: number;
  fees: FeeLine[];
  status: PaymentStatus;
  channel: PaymentChannel;
  receiptNumber: string | null;
  transactionId: string | null;
  paidAt: Date | null;
  createdAt: Date;
  returnPath: string | null;
  recordedBy: string | null;
}

const toPayment = (row: Selectable<PaymentTable>): Payment => ({
  id: row.id,
  reference: row.reference,
  dossierId: row.dossier_id,
  dossierCode: row.dossier_code,
  amountVnd: Number(row.amount_vnd),
  fees: row.fees,
  status: row.status,
  channel: row.channel,
  receiptNumber: row.receipt_number,
  transactionId: row.transaction_id,
  paidAt: row.paid_at,
  createdAt: row.created_at,
  returnPath: row.return_path,
  recordedBy: row.recorded_by,
});

export interface NewPayment {
  reference: string | null;
  dossierId: string;
  dossierCode: string | null;
  amountVnd: number;
  fees: FeeLine[];
  status: PaymentStatus;
  channel: PaymentChannel;
  createdAt: Date;
  returnPath?: string | null;
  receiptNumber?: string | null;
  paidAt?: Date | null;
  recordedBy?: string | null;
  result?: Record<string, unknown> | null;
}

export async function insertPayment(db: Executor, p: NewPayment): Promise<Payment> {
  const row = await db
    .insertInto('payment')
    .values({
      reference: p.reference,
      dossier_id: p.dossierId,
      dossier_code: p.dossierCode,
      amount_vnd: p.amountVnd,
      fees: JSON.stringify(p.fees),
      status: p.status,
      channel: p.channel,
      created_at: p.createdAt,
      return_path: p.returnPath ?? null,
      receipt_number: p.receiptNumber ?? null,
      paid_at: p.paidAt ?? null,
      recorded_by: p.recordedBy ?? null,
      result: p.result ? JSON.stringify(p.result) : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPayment(row);
}

export async function findPaymentByReference(db: Executor, reference: string): Promise<Payment | undefined> {
  const row = await db.selectFrom('payment').selectAll().where('reference', '=', reference).executeTakeFirst();
  return row ? toPayment(row) : undefined;
}

export async function listPaymentsOfDossier(db: Executor, dossierId: string): Promise<Payment[]> {
  const rows = await db.selectFrom('payment').selectAll().where('dossier_id', '=', dossierId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toPayment);
}

/**
 * Marks a payment paid unless it already is: one statement, so of two deliveries at the same
 * moment exactly one gets the row back (the other waits for the first's row lock, then finds it
 * paid). Returns the paid payment, or undefined when it was paid already.
 */
export async function markPaid(
  db: Executor,
  id: string,
  values: { paidAt: Date; transactionId: string | null; receiptNumber: string | null; result: Record<string, unknown> },
): Promise<Payment | undefined> {
  const row = await db
    .updateTable('payment')
    .set({
      status: 'paid',
      paid_at: values.paidAt,
      transaction_id: values.transactionId,
      receipt_number: values.receiptNumber,
      result: JSON.stringify(values.result),
    })
    .where('id', '=', id)
    .where('status', '<>', 'paid')
    .returningAll()
    .executeTakeFirst();
  return row ? toPayment(row) : undefined;
}

/** Records a final failure (declined, cancelled, INIT failed) of a payment that is still initiated. */
export async function markUnpaid(
  db: Executor,
  id: string,
  status: 'failed' | 'cancelled',
  values: { transactionId?: string | null; result: Record<string, unknown> },
): Promise<Payment | undefined> {
  const row = await db
    .updateTable('payment')
    .set({ status, result: JSON.stringify(values.result), ...(values.transactionId ? { transaction_id: values.transactionId } : {}) })
    .where('id', '=', id)
    .where('status', '=', 'initiated')
    .returningAll()
    .executeTakeFirst();
  return row ? toPayment(row) : undefined;
}

/** Keeps the platform's latest answer on an initiated payment (e.g. the INIT answer). */
export async function saveResult(db: Executor, id: string, result: Record<string, unknown>): Promise<void> {
  await db.updateTable('payment').set({ result: JSON.stringify(result) }).where('id', '=', id).execute();
}
