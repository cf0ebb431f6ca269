// PaygovClient: motcua's adapter for the national online payment platform (PayGov, on DVCQG;
// SPEC §6). The production code path: the in-process emulator is just another server at the
// configured URL. POST <url>/init, <url>/check and <url>/receipt with JSON; every message and
// every answer carries MaXacThuc (paygov-wire.ts), and an answer whose checksum is wrong is
// treated as no answer.
//
// Each call has a time limit (AbortSignal.timeout). INIT is not retried: it creates a transaction,
// and a second one under the same MaThamChieu would be refused anyway. The client never throws for
// the platform's failures; it answers `{ ok: false, reason }` and the use case decides.
import { PAYGOV_OK, PAYGOV_STATE, PAYGOV_VERSION, SIGNED_FIELDS, paygovChecksum, parsePaygovTime, verifyPaygovChecksum } from './paygov-wire.ts';

export interface PaygovClientOptions {
  /** Base URL of the platform, or a function giving it (undefined while unknown, e.g. before listen). */
  url: string | (() => string | undefined);
  /** MaDoiTac. */
  partnerCode: string;
  secret: string;
  timeoutMs: number;
}

export type PaygovFailureReason = 'timeout' | 'network' | 'bad_answer' | 'rejected' | 'not_found';

export interface PaygovFailure {
  ok: false;
  reason: PaygovFailureReason;
  /** MaKetQua of a refusal. */
  code?: string;
  message: string;
}

/** The INIT fields motcua chooses (the client adds LoaiBanTin, PhienBan, MaDoiTac, MaXacThuc). */
export interface InitFields {
  MaThamChieu: string;
  SoTien: number;
  ThongTinGiaoDich: string;
  ThoiGianGD: string;
  Ip: string;
  ThongTinBienLai: Record<string, unknown>;
}

export type PaygovState = 'paid' | 'pending' | 'declined' | 'cancelled';

export interface PaygovStatus {
  ok: true;
  state: PaygovState;
  transactionId: string | null;
  amountVnd: number;
  paidAt: Date | null;
  receiptNumber: string | null;
  answer: Record<string, unknown>;
}

const STATES: Record<string, PaygovState> = {
  [PAYGOV_STATE.paid]: 'paid',
  [PAYGOV_STATE.pending]: 'pending',
  [PAYGOV_STATE.declined]: 'declined',
  [PAYGOV_STATE.cancelled]: 'cancelled',
};

export class PaygovClient {
  constructor(private readonly options: PaygovClientOptions) {}

  get partnerCode(): string {
    return this.options.partnerCode;
  }

  get secret(): string {
    return this.options.secret;
  }

  async init(fields: InitFields): Promise<{ ok: true; paymentUrl: string; answer: Record<string, unknown> } | PaygovFailure> {
    const message: Record<string, unknown> = {
      LoaiBanTin: 'INIT',
      PhienBan: PAYGOV_VERSION,
      MaDoiTac: this.options.partnerCode,
      MaThamChieu: fields.MaThamChieu,
      SoTien: fields.SoTien,
      LoaiHinhThanhToan: 'PAY',
      MaKenhThanhToan: '1',
      MaThietBi: '1',
      NgonNgu: 'vi-VN',
      MaTienTe: 'VND',
      MaNganHang: 'PAYMENT',
      ThongTinGiaoDich: fields.ThongTinGiaoDich,
      ThoiGianGD: fields.ThoiGianGD,
      Ip: fields.Ip,
      ThongTinBienLai: fields.ThongTinBienLai,
    };
    message.MaXacThuc = paygovChecksum(message, SIGNED_FIELDS.init, this.options.secret);
    const answer = await this.post('init', message, SIGNED_FIELDS.initAnswer);
    if (!answer.ok) return answer;
    const body = answer.body;
    if (body.MaKetQua !== PAYGOV_OK) return refused(body);
    if (body.MaThamChieu !== fields.MaThamChieu || typeof body.UrlThanhToan !== 'string' || !/^https?:\/\//.test(body.UrlThanhToan)) {
      return { ok: false, reason: 'bad_answer', message: 'INIT answer without a payment URL for this reference' };
    }
    return { ok: true, paymentUrl: body.UrlThanhToan, answer: body };
  }

  /** CHECK: the transaction's state at the platform. `time`: the ThoiGianGD of its INIT. */
  async check(reference: string, time: string): Promise<PaygovStatus | PaygovFailure> {
    const answer = await this.post('check', this.query('CHECK', reference, time), SIGNED_FIELDS.checkAnswer);
    if (!answer.ok) return answer;
    const body = answer.body;
    if (body.MaKetQua !== PAYGOV_OK) return refused(body);
    const state = STATES[String(body.TrangThaiGD)];
    const amount = body.SoTien;
    if (body.MaThamChieu !== reference || !state || typeof amount !== 'number' || !Number.isSafeInteger(amount)) {
      return { ok: false, reason: 'bad_answer', message: 'CHECK answer without a state or amount for this reference' };
    }
    const paidAt = parsePaygovTime(body.ThoiGianThanhToan) ?? null;
    if (state === 'paid' && !paidAt) return { ok: false, reason: 'bad_answer', message: 'CHECK says paid without ThoiGianThanhToan' };
    return {
      ok: true,
      state,
      transactionId: typeof body.MaGiaoDich === 'string' && body.MaGiaoDich ? body.MaGiaoDich : null,
      amountVnd: amount,
      paidAt,
      receiptNumber: typeof body.SoBienLai === 'string' && body.SoBienLai ? body.SoBienLai : null,
      answer: body,
    };
  }

  /** The e-receipt (biên lai) of a paid transaction. */
  async receipt(reference: string, time: string): Promise<{ ok: true; receipt: Record<string, unknown> } | PaygovFailure> {
    const answer = await this.post('receipt', this.query('RECEIPT', reference, time), SIGNED_FIELDS.receiptAnswer);
    if (!answer.ok) return answer;
    const body = answer.body;
    if (body.MaKetQua !== PAYGOV_OK) return refused(body);
    if (!body.BienLai || typeof body.BienLai !== 'object') return { ok: false, reason: 'bad_answer', message: 'RECEIPT answer without BienLai' };
    return { ok: true, receipt: body.BienLai as Record<string, unknown> };
  }

  private query(kind: 'CHECK' | 'RECEIPT', reference: string, time: string): Record<string, unknown> {
    const message: Record<string, unknown> = {
      LoaiBanTin: kind,
      PhienBan: PAYGOV_VERSION,
      MaDoiTac: this.options.partnerCode,
      MaThamChieu: reference,
      ThoiGianGD: time,
    };
    message.MaXacThuc = paygovChecksum(message, SIGNED_FIELDS.check, this.options.secret);
    return message;
  }

  private async post(
    endpoint: string,
    message: Record<string, unknown>,
    answerFields: readonly string[],
  ): Promise<{ ok: true; body: Record<string, unknown> } | PaygovFailure> {
    const base = typeof this.options.url === 'function' ? this.options.url() : this.options.url;
    if (!base) return { ok: false, reason: 'network', message: 'the payment platform address is not known yet' };
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${base.replace(/\/?$/, '/')}${endpoint}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        return { ok: false, reason: 'timeout', message: `no answer within ${this.options.timeoutMs} ms` };
      }
      return { ok: false, reason: 'network', message: error instanceof Error ? error.message : String(error) };
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { ok: false, reason: 'bad_answer', message: `HTTP ${response.status}, not JSON` };
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, reason: 'bad_answer', message: `HTTP ${response.status}, not an object` };
    const record = body as Record<string, unknown>;
    // A refusal for a wrong checksum or an unknown partner cannot be signed with our secret.
    if (record.MaXacThuc === undefined && typeof record.MaKetQua === 'string' && record.MaKetQua !== PAYGOV_OK) return { ok: true, body: record };
    if (!verifyPaygovChecksum(record, answerFields, this.options.secret)) {
      return { ok: false, reason: 'bad_answer', message: `HTTP ${response.status}, wrong or missing MaXacThuc` };
    }
    return { ok: true, body: record };
  }
}

function refused(body: Record<string, unknown>): PaygovFailure {
  const code = String(body.MaKetQua ?? '');
  return {
    ok: false,
    reason: code === '04' ? 'not_found' : 'rejected',
    code,
    message: typeof body.MoTaKetQua === 'string' ? body.MoTaKetQua : `MaKetQua ${code}`,
  };
}
