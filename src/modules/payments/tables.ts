// Tables of the payments module: one row per payment (online through PayGov or at the counter).
// See migration 0009.
import type { Generated } from 'kysely';
import type { DefaultTimestamp, Json, NullableTimestamp } from '../../db/types.ts';

export type PaymentStatus = 'initiated' | 'paid' | 'failed' | 'cancelled';
export type PaymentChannel = 'paygov' | 'counter';

/** One line of what is paid: a fee (phí) or a charge (lệ phí), in integer VND. */
export interface FeeLine {
  code: string;
  name: string;
  kind: 'fee' | 'charge';
  amountVnd: number;
}

export interface PaymentTable {
  id: Generated<string>;
  /** MaThamChieu sent to PayGov; null for a counter payment. */
  reference: string | null;
  /** The dossier (opaque here: the dossiers module owns it). */
  dossier_id: string;
  dossier_code: string | null;
  amount_vnd: number;
  fees: Json<FeeLine[]>;
  status: PaymentStatus;
  channel: PaymentChannel;
  receipt_number: string | null;
  /** MaGiaoDich of PayGov. */
  transaction_id: string | null;
  paid_at: NullableTimestamp;
  created_at: DefaultTimestamp;
  /** The page the browser returns to after PayGov. */
  return_path: string | null;
  /** The officer who took a counter payment (account id). */
  recorded_by: string | null;
  /** What the platform said (INIT answer, callback, CHECK). */
  result: Json<Record<string, unknown>> | null;
}

export interface PaymentTables {
  payment: PaymentTable;
}
