// The use cases of online payment (SPEC §6): start a payment at PayGov, take its result (the
// platform's callback or the browser's return, both checked by checksum and then confirmed by a
// CHECK call: a result message alone is never trusted), record a payment made at the counter, and
// read a dossier's payments.
//
// A payment becomes paid once: the update only applies to a row that is not paid yet, and the
// listeners registered with onPaid run in that same transaction (the dossiers module appends its
// confirm_payment action there). A listener that throws rolls the payment back to unpaid; the
// platform then gets an error and delivers the callback again.
import type { Kysely, Transaction } from 'kysely';
import { isUniqueViolation } from '../../db/errors.ts';
import type { DB } from '../../db/types.ts';
import { ProblemError } from '../../http/problem.ts';
import type { PaygovClient, PaygovFailure, PaygovStatus } from './client.ts';
import { SIGNED_FIELDS, paygovTime, verifyPaygovChecksum } from './paygov-wire.ts';
import { CounterPaymentInput, InitiatePaymentInput } from './schema.ts';
import {
  findPaymentByReference,
  insertPayment,
  listPaymentsOfDossier,
  markPaid,
  markUnpaid,
  saveResult,
  type Payment,
} from './store.ts';

export type PaidListener = (trx: Transaction<DB>, payment: Payment) => Promise<void>;

export interface PaymentsService {
  initiate(input: InitiatePaymentInput): Promise<{ reference: string; paymentUrl: string }>;
  /** Asks PayGov for the state of a payment and records it (paid, failed, cancelled) if final. */
  check(reference: string): Promise<Payment>;
  /** A result from PayGov (callback body or return query): verified, confirmed by CHECK, recorded. */
  acceptResult(result: Record<string, unknown>): Promise<Payment>;
  /** A payment taken at the counter, recorded in the caller's transaction (listeners are not called: the caller records its own action). */
  recordCounterPayment(trx: Transaction<DB> | Kysely<DB>, input: CounterPaymentInput): Promise<Payment>;
  findByDossier(dossierId: string): Promise<Payment[]>;
  findByReference(reference: string): Promise<Payment | undefined>;
  /** The e-receipt (biên lai) of a paid online payment, as PayGov gives it. */
  receipt(reference: string): Promise<Record<string, unknown>>;
  onPaid(listener: PaidListener): void;
}

export interface PaymentsServiceDeps {
  db: Kysely<DB>;
  client: PaygovClient;
  now?: () => Date;
}

const notFound = (reference: string) =>
  new ProblemError('not_found', {
    detail: { vi: `Không có giao dịch thanh toán ${reference}.`, en: `No payment ${reference}.` },
  });

/** The problem for a call to PayGov that failed: 503 when it did not answer, 502 when it answered wrongly. */
export function platformProblem(failure: PaygovFailure): ProblemError {
  if (failure.reason === 'timeout' || failure.reason === 'network') {
    return new ProblemError('payment_unavailable', {
      detail:
        failure.reason === 'timeout'
          ? {
              vi: 'Nền tảng thanh toán trực tuyến không trả lời kịp thời. Chưa có khoản tiền nào được thu; vui lòng thử lại sau ít phút.',
              en: 'The online payment platform did not answer in time. Nothing has been charged; please try again in a few minutes.',
            }
          : {
              vi: 'Không kết nối được Nền tảng thanh toán trực tuyến. Chưa có khoản tiền nào được thu; vui lòng thử lại sau.',
              en: 'The online payment platform could not be reached. Nothing has been charged; please try again later.',
            },
      extensions: { reason: failure.reason },
    });
  }
  return new ProblemError('payment_gateway_error', {
    detail: {
      vi: `Nền tảng thanh toán trực tuyến từ chối hoặc trả lời không hợp lệ (${failure.code ?? failure.reason}: ${failure.message}).`,
      en: `The online payment platform refused or gave an invalid answer (${failure.code ?? failure.reason}: ${failure.message}).`,
    },
    extensions: { reason: failure.reason, ...(failure.code ? { platformCode: failure.code } : {}) },
  });
}

function validationProblem(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): ProblemError {
  return new ProblemError('validation', {
    detail: { vi: 'Thông tin thanh toán không hợp lệ.', en: 'Invalid payment data.' },
    errors: issues.map((i) => ({ pointer: `/${i.path.map(String).join('/')}`, code: 'invalid', message: i.message })),
  });
}


export function createPaymentsService(deps: PaymentsServiceDeps): PaymentsService {
  const { db, client } = deps;
  const now = deps.now ?? (() => new Date());
  const listeners: PaidListener[] = [];

  /** Records what CHECK said; the payment paid at most once (listeners in the same transaction). */
  async function apply(payment: Payment, status: PaygovStatus, via: Record<string, unknown>): Promise<Payment> {
    const result = { via, check: status.answer };
    if (status.state === 'paid') {
      if (status.amountVnd !== payment.amountVnd) {
        throw new ProblemError('payment_gateway_error', {
          detail: {
            vi: `Số tiền PayGov báo (${status.amountVnd}) khác số tiền phải nộp (${payment.amountVnd}); cần đối soát.`,
            en: `PayGov reports ${status.amountVnd} VND where ${payment.amountVnd} VND is due; needs reconciliation.`,
          },
        });
      }
      const paid = await db.transaction().execute(async (trx) => {
        const updated = await markPaid(trx, payment.id, {
          paidAt: status.paidAt!,
          transactionId: status.transactionId,
          receiptNumber: status.receiptNumber,
          result,
        });
        if (updated) for (const listener of listeners) await listener(trx, updated);
        return updated;
      });
      return paid ?? (await findPaymentByReference(db, payment.reference!))!;
    }
    if (status.state === 'declined' || status.state === 'cancelled') {
      const changed = await markUnpaid(db, payment.id, status.state === 'declined' ? 'failed' : 'cancelled', {
        transactionId: status.transactionId,
        result,
      });
      return changed ?? (await findPaymentByReference(db, payment.reference!))!;
    }
    return payment;
  }

  async function confirm(payment: Payment, via: Record<string, unknown>): Promise<Payment> {
    if (payment.status === 'paid' || payment.channel !== 'paygov') return payment;
    const status = await client.check(payment.reference!, paygovTime(payment.createdAt));
    if (!status.ok) throw platformProblem(status);
    return apply(payment, status, via);
  }

  return {
    async initiate(raw) {
      const parsed = InitiatePaymentInput.safeParse(raw);
      if (!parsed.success) throw validationProblem(parsed.error.issues);
      const input = parsed.data;
      // ThoiGianGD is whole seconds; the row keeps the same instant (CHECK sends it again).
      const at = new Date(Math.floor(now().getTime() / 1000) * 1000);
      const time = paygovTime(at);
      // Vendor practice (SPEC §6): MaThamChieu = MaHoSo + "-" + yyyyMMddHHmmss.
      const reference = `${input.dossierCode}-${time}`;
      let payment: Payment;
      try {
        payment = await insertPayment(db, {
          reference,
          dossierId: input.dossierId,
          dossierCode: input.dossierCode,
          amountVnd: input.amountVnd,
          fees: input.fees,
          status: 'initiated',
          channel: 'paygov',
          createdAt: at,
          returnPath: input.returnUrl,
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new ProblemError('conflict', {
          detail: {
            vi: 'Một giao dịch thanh toán cho hồ sơ này vừa được tạo. Vui lòng thử lại sau một giây.',
            en: 'A payment for this dossier was just started. Please try again in a second.',
          },
        });
      }
      const answer = await client.init({
        MaThamChieu: reference,
        SoTien: input.amountVnd,
        // Without diacritics, as banks' statements carry it.
        ThongTinGiaoDich: `Thanh toan phi, le phi ho so ${input.dossierCode}`,
        ThoiGianGD: time,
        Ip: input.ip ?? '127.0.0.1',
        ThongTinBienLai: {
          // MaDichVu "2" as the vendor sends it (SPEC §6; meaning UNCONFIRMED).
          MaDichVu: '2',
          MaDVC: input.procedure.code,
          TenDVC: input.procedure.name,
          MaTTHC: input.procedure.code,
          TenTTHC: input.procedure.name,
          MaDonVi: input.unit.code,
          TenDonVi: input.unit.name,
          MaHoSo: input.dossierCode,
          // The beneficiary account is registered with the platform per unit (not configured here yet).
          TKThuHuong: '',
          MaNHThuHuong: '',
          TenTKThuHuong: '',
          HoTenNguoiNop: input.payer.name,
          SoCMNDNguoiNop: input.payer.idNumber ?? '',
          DiaChiNguoiNop: input.payer.address ?? '',
          // Line shapes UNCONFIRMED: the spec names the lists only.
          PhiLePhi: input.fees.map((f) => ({
            MaPhiLePhi: f.code,
            TenPhiLePhi: f.name,
            LoaiPhiLePhi: f.kind === 'fee' ? '1' : '2',
            SoTien: f.amountVnd,
          })),
          DSKhoanNop: input.fees.map((f) => ({ NoiDung: f.name, SoTien: f.amountVnd })),
        },
      });
      if (!answer.ok) {
        // Nothing was charged: the payment is closed so that a new attempt starts afresh.
        await markUnpaid(db, payment.id, 'failed', { result: { init: { reason: answer.reason, code: answer.code ?? null, message: answer.message } } });
        throw platformProblem(answer);
      }
      await saveResult(db, payment.id, { init: answer.answer });
      return { reference, paymentUrl: answer.paymentUrl };
    },

    async check(reference) {
      const payment = await findPaymentByReference(db, reference);
      if (!payment) throw notFound(reference);
      return confirm(payment, { source: 'check' });
    },

    async acceptResult(result) {
      if (!verifyPaygovChecksum(result, SIGNED_FIELDS.result, client.secret) || result.MaDoiTac !== client.partnerCode) {
        throw new ProblemError('payment_checksum', {
          detail: {
            vi: 'Mã xác thực (MaXacThuc) của kết quả thanh toán không đúng; kết quả không được ghi nhận.',
            en: 'The checksum (MaXacThuc) of the payment result is wrong; the result was not recorded.',
          },
        });
      }
      const reference = String(result.MaThamChieu);
      const payment = await findPaymentByReference(db, reference);
      if (!payment) throw notFound(reference);
      return confirm(payment, { source: 'result', message: result });
    },

    async recordCounterPayment(trx, raw) {
      const parsed = CounterPaymentInput.safeParse(raw);
      if (!parsed.success) throw validationProblem(parsed.error.issues);
      const input = parsed.data;
      const at = input.paidAt ?? now();
      return insertPayment(trx, {
        reference: null,
        dossierId: input.dossierId,
        dossierCode: input.dossierCode ?? null,
        amountVnd: input.amountVnd,
        fees: input.fees,
        status: 'paid',
        channel: 'counter',
        createdAt: at,
        paidAt: at,
        receiptNumber: input.receiptNumber,
        recordedBy: input.officer.accountId,
        result: { officer: input.officer },
      });
    },

    findByDossier: (dossierId) => listPaymentsOfDossier(db, dossierId),
    findByReference: (reference) => findPaymentByReference(db, reference),

    async receipt(reference) {
      const payment = await findPaymentByReference(db, reference);
      if (!payment || payment.channel !== 'paygov') throw notFound(reference);
      const answer = await client.receipt(reference, paygovTime(payment.createdAt));
      if (!answer.ok) throw answer.reason === 'not_found' ? notFound(reference) : platformProblem(answer);
      return answer.receipt;
    },

    onPaid(listener) {
      listeners.push(listener);
    },
  };
}
