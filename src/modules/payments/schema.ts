// Zod schemas of the payments module: the use cases' inputs, and what PayGov sends to the result
// callback and the browser return (the platform's field names, SPEC §6; see paygov-wire.ts).
import { z } from 'zod';

const amountVnd = z.number().int().positive().max(1e13);

export const FeeLineInput = z.object({
  code: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(500),
  kind: z.enum(['fee', 'charge']),
  amountVnd,
});
export type FeeLineInput = z.infer<typeof FeeLineInput>;

/** A path on this server (never another site: the return route redirects there). */
const localPath = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s\\]*$/, 'expects a path on this server, such as /ho-so/123');

export const InitiatePaymentInput = z
  .object({
    dossierId: z.string().min(1).max(100),
    /** The dossier code (mã hồ sơ); MaThamChieu is this + "-" + yyyyMMddHHmmss. */
    dossierCode: z.string().trim().min(1).max(80).regex(/^[\p{L}\p{N}.\-_/]+$/u, 'expects a dossier code'),
    amountVnd,
    fees: z.array(FeeLineInput).min(1).max(50),
    payer: z.object({
      name: z.string().trim().min(1).max(200),
      idNumber: z.string().trim().max(20).optional(),
      address: z.string().trim().max(500).optional(),
    }),
    procedure: z.object({ code: z.string().trim().min(1).max(64), name: z.string().trim().min(1).max(1000) }),
    unit: z.object({ code: z.string().trim().min(1).max(64), name: z.string().trim().min(1).max(500) }),
    /** The page the browser is sent to after paying, e.g. /ho-so/<dossierId>. */
    returnUrl: localPath,
    /** The payer's address (Ip of INIT). */
    ip: z.string().max(64).optional(),
  })
  .refine((input) => input.fees.reduce((sum, f) => sum + f.amountVnd, 0) === input.amountVnd, {
    message: 'the fee lines must add up to amountVnd',
    path: ['fees'],
  });
export type InitiatePaymentInput = z.input<typeof InitiatePaymentInput>;

export const CounterPaymentInput = z
  .object({
    dossierId: z.string().min(1).max(100),
    dossierCode: z.string().trim().min(1).max(80).optional(),
    amountVnd,
    fees: z.array(FeeLineInput).max(50).default([]),
    /** The number of the receipt handed over at the counter. */
    receiptNumber: z.string().trim().min(1).max(64),
    officer: z.object({ accountId: z.string().min(1).max(100), name: z.string().min(1).max(200) }),
    paidAt: z.date().optional(),
  })
  .refine((input) => input.fees.length === 0 || input.fees.reduce((sum, f) => sum + f.amountVnd, 0) === input.amountVnd, {
    message: 'the fee lines must add up to amountVnd',
    path: ['fees'],
  });
export type CounterPaymentInput = z.input<typeof CounterPaymentInput>;

/** A payment result from PayGov: the callback's JSON body and the return URL's query (UNCONFIRMED fields). */
export const PaygovResult = z
  .object({
    LoaiBanTin: z.string().max(16).optional(),
    PhienBan: z.string().max(16).optional(),
    MaDoiTac: z.string().max(64),
    MaThamChieu: z.string().min(1).max(100),
    MaGiaoDich: z.string().max(100).optional(),
    SoTien: z.union([z.number(), z.string().max(20)]).optional(),
    MaKetQua: z.string().max(8),
    MoTaKetQua: z.string().max(500).optional(),
    ThoiGianThanhToan: z.string().max(14).optional(),
    MaXacThuc: z.string().max(128),
  })
  .loose()
  .meta({ id: 'PaygovResult', description: 'Payment result sent by PayGov (fields UNCONFIRMED, see paygov-wire.ts)' });
export type PaygovResult = z.infer<typeof PaygovResult>;

export const PaygovReturnQuery = z
  .object({
    MaThamChieu: z.string().min(1).max(100),
    LoaiBanTin: z.string().max(16).optional(),
    PhienBan: z.string().max(16).optional(),
    MaDoiTac: z.string().max(64).optional(),
    MaGiaoDich: z.string().max(100).optional(),
    SoTien: z.string().max(20).optional(),
    MaKetQua: z.string().max(8).optional(),
    MoTaKetQua: z.string().max(500).optional(),
    ThoiGianThanhToan: z.string().max(14).optional(),
    MaXacThuc: z.string().max(128).optional(),
  })
  .loose();

export const PaygovCallbackAnswer = z
  .object({ MaKetQua: z.string(), MoTaKetQua: z.string() })
  .meta({ id: 'PaygovCallbackAnswer', description: 'Answer to PayGov: MaKetQua "00" = received (UNCONFIRMED)' });
