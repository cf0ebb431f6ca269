// The national online payment platform emulator (PayGov, SPEC §6): the INIT, CHECK and e-receipt
// endpoints of its JSON protocol (wire.ts), its payment page, and the result it sends back to the
// partner — a server-to-server callback and a browser redirect — with fault knobs for tests. A
// Fastify plugin, mounted in motcua's own server at /emulators/payment/ (the default outside
// production) or in any Fastify app.
//
//   GET  /                      a page saying what this is
//   POST /init                  INIT → {MaKetQua, MoTaKetQua, MaThamChieu, UrlThanhToan, MaXacThuc}
//   POST /check                 CHECK → {MaKetQua, …, TrangThaiGD, ThoiGianThanhToan, SoBienLai, MaXacThuc}
//   POST /receipt               RECEIPT → {MaKetQua, MoTaKetQua, BienLai{…}, MaXacThuc}
//   GET  /pay/:id[?loi=…]       the payment page ("Thanh toán" / "Hủy"); `loi` adds faults
//   POST /pay/:id               the person's choice: result callback, then 303 to the return URL
//   GET  /_admin/knobs          the knobs, transactions and callback deliveries
//   PUT  /_admin/knobs          {faults: Fault[], hangMs, lateCallbackMs}
//   PUT  /_admin/transactions/:reference   {faults: Fault[]} for one transaction
//   POST /_admin/reset
// The admin endpoints take `Authorization: Bearer <partner secret>`.
//
// Faults: `declined` (the payment is refused), `timeout` (INIT answers only after hangMs, longer
// than any sensible client timeout), `duplicate_callback` (the callback is delivered twice, at the
// same time), `late_callback` (the callback is delivered lateCallbackMs after the browser was sent
// back, so the partner's CHECK already says paid).
//
// State is in memory (a test tool; one instance): transactions live as long as the process.
import { randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { paymentEmulatorOn, type Config } from '../../config.ts';
import { messagePage, page, paymentPage, escapeHtml } from './pages.ts';
import {
  CHECK_ANSWER_CHECKSUM_FIELDS,
  CHECK_CHECKSUM_FIELDS,
  INIT_ANSWER_CHECKSUM_FIELDS,
  INIT_CHECKSUM_FIELDS,
  PROTOCOL_VERSION,
  RESULT_CHECKSUM_FIELDS,
  RESULT_CODES,
  TRANSACTION_STATES,
  checksumOf,
  formatWireTime,
  sameChecksum,
  type InitMessage,
  type ResultMessage,
  type TransactionState,
} from './wire.ts';

export const PAYMENT_EMULATOR_PREFIX = '/emulators/payment';

export const FAULTS = ['declined', 'timeout', 'duplicate_callback', 'late_callback'] as const;
export type Fault = (typeof FAULTS)[number];

const Knobs = z.object({
  /** Faults applied to every transaction. */
  faults: z.array(z.enum(FAULTS)),
  /** How long INIT hangs under the `timeout` fault. */
  hangMs: z.number().int().min(0).max(600_000),
  /** Delay of the callback under the `late_callback` fault. */
  lateCallbackMs: z.number().int().min(0).max(600_000),
});
export type PaymentEmulatorKnobs = z.infer<typeof Knobs>;

const NORMAL: PaymentEmulatorKnobs = { faults: [], hangMs: 60_000, lateCallbackMs: 500 };

export interface EmulatedTransaction {
  /** MaGiaoDich. */
  id: string;
  partner: string;
  init: InitMessage;
  state: TransactionState;
  paidAt?: Date;
  receiptNumber?: string;
  faults: Set<Fault>;
}

export interface CallbackDelivery {
  reference: string;
  /** The partner's HTTP status, or the error that prevented an answer. */
  status: number | string;
  at: Date;
}

/** Knobs, transactions and deliveries of one emulator, shared by its routes and tests. */
export class PaymentEmulatorControl {
  knobs: PaymentEmulatorKnobs = { ...NORMAL, faults: [] };
  /** By MaThamChieu. */
  readonly transactions = new Map<string, EmulatedTransaction>();
  readonly deliveries: CallbackDelivery[] = [];
  /** INIT requests received. */
  initRequests = 0;
  private readonly pending = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly hangs = new Set<() => void>();

  set(patch: Partial<PaymentEmulatorKnobs>): PaymentEmulatorKnobs {
    this.knobs = Knobs.parse({ ...this.knobs, ...patch });
    return this.knobs;
  }

  reset(): void {
    this.knobs = { ...NORMAL, faults: [] };
    this.transactions.clear();
    this.deliveries.length = 0;
    this.initRequests = 0;
  }

  faultsOf(txn: EmulatedTransaction | undefined, extra: Iterable<Fault> = []): Set<Fault> {
    return new Set([...this.knobs.faults, ...(txn?.faults ?? []), ...extra]);
  }

  /** Resolves once every scheduled or running callback delivery has ended. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Runs `task` after `ms` (tracked: idle() waits for it, close() cancels it). */
  track(task: () => Promise<void>, ms = 0): void {
    const run = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void task().finally(resolve);
      }, ms);
      this.timers.add(timer);
    });
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  /** Waits `ms`, or less if `abort` fires or the emulator closes. */
  hang(ms: number, abort: (listener: () => void) => void): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.hangs.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.hangs.add(done);
      abort(done);
    });
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const done of [...this.hangs]) done();
    this.pending.clear();
  }
}

export interface PaymentPartner {
  secret: string;
  /** The partner's result callback URL (server-to-server), or a function giving it once known. */
  callbackUrl: string | (() => string | undefined);
  /** Where the browser is sent back: absolute, or a path on the server the emulator is mounted in. */
  returnUrl: string;
}

export interface PaymentEmulatorOptions {
  /** MaDoiTac → the partner's secret and registered URLs. */
  partners: Record<string, PaymentPartner>;
  control: PaymentEmulatorControl;
  /** The public base URL of the server (for UrlThanhToan); default: the INIT request's own origin. */
  publicUrl?: string;
  now?: () => Date;
}

const InitBody = z.object({
  LoaiBanTin: z.literal('INIT'),
  PhienBan: z.string().min(1).max(16),
  MaDoiTac: z.string().min(1).max(64),
  MaThamChieu: z.string().min(1).max(100),
  SoTien: z.number().int().positive().max(1e13),
  LoaiHinhThanhToan: z.string().max(16),
  MaKenhThanhToan: z.string().max(16),
  MaThietBi: z.string().max(16),
  NgonNgu: z.string().max(16),
  MaTienTe: z.literal('VND'),
  MaNganHang: z.string().max(64),
  ThongTinGiaoDich: z.string().max(500),
  ThoiGianGD: z.string().regex(/^\d{14}$/),
  Ip: z.string().max(64),
  ThongTinBienLai: z.object({ MaDichVu: z.string() }).loose(),
  MaXacThuc: z.string().regex(/^[0-9a-fA-F]{64}$/),
});

const CheckBody = z.object({
  LoaiBanTin: z.enum(['CHECK', 'RECEIPT']),
  PhienBan: z.string().min(1).max(16),
  MaDoiTac: z.string().min(1).max(64),
  MaThamChieu: z.string().min(1).max(100),
  ThoiGianGD: z.string().regex(/^\d{14}$/),
  MaXacThuc: z.string().regex(/^[0-9a-fA-F]{64}$/),
});

const STATE_TEXT: Record<TransactionState, string> = {
  '00': 'Giao dịch thành công',
  '01': 'Giao dịch đang chờ thanh toán',
  '02': 'Giao dịch bị từ chối',
  '03': 'Người nộp đã hủy giao dịch',
};

const parseFaults = (text: unknown): Fault[] =>
  typeof text === 'string' ? text.split(',').filter((f): f is Fault => (FAULTS as readonly string[]).includes(f)) : [];

/** The server's own http origin, once it listens (the callback is sent there). */
export function listeningOrigin(app: FastifyInstance): string | undefined {
  const address = app.server.address();
  if (!address || typeof address === 'string') return undefined;
  const host =
    address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address.includes(':') ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** The emulator as a Fastify plugin (encapsulated: its error handler answers in its own format). */
export async function paymentEmulator(app: FastifyInstance, opts: PaymentEmulatorOptions): Promise<void> {
  const { partners, control } = opts;
  const now = opts.now ?? (() => new Date());
  const prefix = app.prefix;

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  app.addHook('onClose', async () => control.close());

  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? 400 : 500;
    return reply.status(status).send({
      MaKetQua: status === 400 ? RESULT_CODES.badRequest : RESULT_CODES.systemError,
      MoTaKetQua: status === 400 ? 'Yêu cầu không đúng định dạng' : 'Lỗi hệ thống',
    });
  });

  const signed = <T extends Record<string, unknown>>(body: T, fields: readonly string[], secret: string | undefined) =>
    secret ? { ...body, MaXacThuc: checksumOf(body, fields, secret) } : body;

  /** Parses and authenticates a partner's request; answers and returns undefined when it fails. */
  function authenticate<T extends { MaDoiTac: string; MaXacThuc: string }>(
    reply: FastifyReply,
    schema: z.ZodType<T>,
    raw: unknown,
    fields: readonly string[],
  ): { body: T; partner: PaymentPartner } | undefined {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') ?? '';
      void reply.send({ MaKetQua: RESULT_CODES.badRequest, MoTaKetQua: `Dữ liệu không hợp lệ: ${field}` });
      return undefined;
    }
    const partner = partners[parsed.data.MaDoiTac];
    if (!partner) {
      void reply.send({ MaKetQua: RESULT_CODES.unknownPartner, MoTaKetQua: 'Mã đối tác không tồn tại' });
      return undefined;
    }
    const body = parsed.data as T & Record<string, unknown>;
    if (!sameChecksum(body.MaXacThuc, checksumOf(body, fields, partner.secret))) {
      void reply.send({ MaKetQua: RESULT_CODES.badChecksum, MoTaKetQua: 'Sai mã xác thực' });
      return undefined;
    }
    return { body: parsed.data, partner };
  }

  const adminOnly = async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization;
    const key = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!Object.values(partners).some((p) => p.secret === key)) return reply.status(401).send({ MaKetQua: RESULT_CODES.badChecksum, MoTaKetQua: 'Sai khóa' });
  };

  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(
        page(
          'Mô phỏng Nền tảng thanh toán trực tuyến',
          `<div class="card"><h1>Mô phỏng Nền tảng thanh toán trực tuyến (PayGov)</h1><p>Các điểm cuối: <code>${escapeHtml(prefix)}/init</code>, <code>${escapeHtml(prefix)}/check</code>, <code>${escapeHtml(prefix)}/receipt</code>. Giao dịch đang lưu: ${control.transactions.size}.</p></div>`,
        ),
      ),
  );

  app.post('/init', { schema: { hide: true } }, async (request, reply) => {
    control.initRequests++;
    const auth = authenticate(reply, InitBody, request.body, INIT_CHECKSUM_FIELDS);
    if (!auth) return reply;
    const init = auth.body as InitMessage;
    if (control.faultsOf(undefined).has('timeout')) {
      await control.hang(control.knobs.hangMs, (done) => reply.raw.once('close', done));
      if (reply.raw.destroyed) return reply.hijack();
    }
    const answer = (body: Record<string, unknown>) => reply.send(signed(body, INIT_ANSWER_CHECKSUM_FIELDS, auth.partner.secret));
    if (control.transactions.has(init.MaThamChieu)) {
      return answer({ MaKetQua: RESULT_CODES.duplicateReference, MoTaKetQua: 'Mã tham chiếu đã tồn tại', MaThamChieu: init.MaThamChieu, UrlThanhToan: '' });
    }
    const txn: EmulatedTransaction = {
      id: `${formatWireTime(now())}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`,
      partner: init.MaDoiTac,
      init,
      state: TRANSACTION_STATES.pending,
      faults: new Set(),
    };
    control.transactions.set(init.MaThamChieu, txn);
    const base = opts.publicUrl ? new URL(prefix, opts.publicUrl).toString().replace(/\/$/, '') : `${request.protocol}://${request.host}${prefix}`;
    return answer({
      MaKetQua: RESULT_CODES.ok,
      MoTaKetQua: 'Thành công',
      MaThamChieu: init.MaThamChieu,
      UrlThanhToan: `${base}/pay/${txn.id}`,
    });
  });

  const checkAnswer = (txn: EmulatedTransaction) => ({
    MaKetQua: RESULT_CODES.ok,
    MoTaKetQua: STATE_TEXT[txn.state],
    MaThamChieu: txn.init.MaThamChieu,
    MaGiaoDich: txn.id,
    SoTien: txn.init.SoTien,
    TrangThaiGD: txn.state,
    ThoiGianThanhToan: txn.paidAt ? formatWireTime(txn.paidAt) : '',
    SoBienLai: txn.receiptNumber ?? '',
  });

  app.post('/check', { schema: { hide: true } }, async (request, reply) => {
    const auth = authenticate(reply, CheckBody, request.body, CHECK_CHECKSUM_FIELDS);
    if (!auth) return reply;
    const txn = control.transactions.get(auth.body.MaThamChieu);
    if (!txn || txn.partner !== auth.body.MaDoiTac) {
      return reply.send(signed({ MaKetQua: RESULT_CODES.notFound, MoTaKetQua: 'Không tìm thấy giao dịch', MaThamChieu: auth.body.MaThamChieu }, CHECK_ANSWER_CHECKSUM_FIELDS, auth.partner.secret));
    }
    return reply.send(signed(checkAnswer(txn), CHECK_ANSWER_CHECKSUM_FIELDS, auth.partner.secret));
  });

  app.post('/receipt', { schema: { hide: true } }, async (request, reply) => {
    const auth = authenticate(reply, CheckBody, request.body, CHECK_CHECKSUM_FIELDS);
    if (!auth) return reply;
    const txn = control.transactions.get(auth.body.MaThamChieu);
    const answer = (body: Record<string, unknown>) => reply.send(signed(body, ['MaKetQua', 'MaThamChieu'], auth.partner.secret));
    if (!txn || txn.partner !== auth.body.MaDoiTac || txn.state !== TRANSACTION_STATES.paid) {
      return answer({ MaKetQua: RESULT_CODES.notFound, MoTaKetQua: 'Không có biên lai cho giao dịch này', MaThamChieu: auth.body.MaThamChieu });
    }
    return answer({
      MaKetQua: RESULT_CODES.ok,
      MoTaKetQua: 'Thành công',
      MaThamChieu: txn.init.MaThamChieu,
      BienLai: {
        SoBienLai: txn.receiptNumber,
        KyHieuBienLai: 'PG-MP',
        NgayLap: formatWireTime(txn.paidAt!),
        MaGiaoDich: txn.id,
        SoTien: txn.init.SoTien,
        NoiDung: txn.init.ThongTinGiaoDich,
        ...txn.init.ThongTinBienLai,
      },
    });
  });

  const byId = (id: string) => [...control.transactions.values()].find((t) => t.id === id);
  const html = (reply: FastifyReply, status: number, body: string) =>
    reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);

  app.get<{ Params: { id: string }; Querystring: { loi?: string } }>('/pay/:id', { schema: { hide: true } }, async (request, reply) => {
    const txn = byId(request.params.id);
    if (!txn) return html(reply, 404, messagePage('Không tìm thấy giao dịch', 'Đường dẫn thanh toán không đúng hoặc đã hết hạn.', 'error'));
    if (txn.state !== TRANSACTION_STATES.pending) return html(reply, 409, messagePage('Giao dịch đã được xử lý', STATE_TEXT[txn.state], 'error'));
    const fault = parseFaults(request.query.loi).join(',');
    return html(reply, 200, paymentPage({ action: `${prefix}/pay/${txn.id}`, init: txn.init, ...(fault ? { fault } : {}) }));
  });

  async function deliver(partner: PaymentPartner, result: ResultMessage): Promise<void> {
    const url = typeof partner.callbackUrl === 'function' ? partner.callbackUrl() : partner.callbackUrl;
    const record = (status: number | string) => control.deliveries.push({ reference: result.MaThamChieu, status, at: now() });
    if (!url) return void record('no callback URL');
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(result),
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      record(response.status);
    } catch (error) {
      record(error instanceof Error ? error.message : String(error));
    }
  }

  app.post<{ Params: { id: string }; Body: Record<string, string> | undefined }>('/pay/:id', { schema: { hide: true } }, async (request, reply) => {
    const txn = byId(request.params.id);
    if (!txn) return html(reply, 404, messagePage('Không tìm thấy giao dịch', 'Đường dẫn thanh toán không đúng hoặc đã hết hạn.', 'error'));
    if (txn.state !== TRANSACTION_STATES.pending) return html(reply, 409, messagePage('Giao dịch đã được xử lý', STATE_TEXT[txn.state], 'error'));
    const partner = partners[txn.partner]!;
    const form = request.body ?? {};
    const faults = control.faultsOf(txn, parseFaults(form.loi));
    const at = now();
    if (form.hanhDong === 'cancel') txn.state = TRANSACTION_STATES.cancelled;
    else if (faults.has('declined')) txn.state = TRANSACTION_STATES.declined;
    else {
      txn.state = TRANSACTION_STATES.paid;
      txn.paidAt = at;
      txn.receiptNumber = `BL${formatWireTime(at).slice(2, 8)}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
    }
    const unsigned = {
      LoaiBanTin: 'RESULT' as const,
      PhienBan: PROTOCOL_VERSION,
      MaDoiTac: txn.partner,
      MaThamChieu: txn.init.MaThamChieu,
      MaGiaoDich: txn.id,
      SoTien: txn.init.SoTien,
      MaKetQua: txn.state,
      MoTaKetQua: STATE_TEXT[txn.state],
      ThoiGianThanhToan: formatWireTime(at),
    };
    const result: ResultMessage = { ...unsigned, MaXacThuc: checksumOf(unsigned, RESULT_CHECKSUM_FIELDS, partner.secret) };
    const copies = faults.has('duplicate_callback') ? 2 : 1;
    const deliverAll = async () => {
      await Promise.all(Array.from({ length: copies }, () => deliver(partner, result)));
    };
    if (faults.has('late_callback')) control.track(deliverAll, control.knobs.lateCallbackMs);
    else await deliverAll();
    const query = new URLSearchParams(Object.entries(result).map(([k, v]) => [k, String(v)])).toString();
    return reply.redirect(`${partner.returnUrl}${partner.returnUrl.includes('?') ? '&' : '?'}${query}`, 303);
  });

  app.get('/_admin/knobs', { schema: { hide: true }, onRequest: adminOnly }, async () => ({
    knobs: control.knobs,
    transactions: [...control.transactions.values()].map((t) => ({
      MaThamChieu: t.init.MaThamChieu,
      MaGiaoDich: t.id,
      TrangThaiGD: t.state,
      faults: [...t.faults],
    })),
    deliveries: control.deliveries,
  }));
  app.put('/_admin/knobs', { schema: { hide: true }, onRequest: adminOnly }, async (request, reply) => {
    const parsed = Knobs.partial().safeParse(request.body);
    if (!parsed.success) return reply.status(400).send({ MaKetQua: RESULT_CODES.badRequest, MoTaKetQua: 'Dữ liệu không hợp lệ' });
    return { knobs: control.set(parsed.data) };
  });
  app.put<{ Params: { reference: string } }>('/_admin/transactions/:reference', { schema: { hide: true }, onRequest: adminOnly }, async (request, reply) => {
    const txn = control.transactions.get(request.params.reference);
    const parsed = z.object({ faults: z.array(z.enum(FAULTS)) }).safeParse(request.body);
    if (!txn) return reply.status(404).send({ MaKetQua: RESULT_CODES.notFound, MoTaKetQua: 'Không tìm thấy giao dịch' });
    if (!parsed.success) return reply.status(400).send({ MaKetQua: RESULT_CODES.badRequest, MoTaKetQua: 'Dữ liệu không hợp lệ' });
    txn.faults = new Set(parsed.data.faults);
    return { faults: [...txn.faults] };
  });
  app.post('/_admin/reset', { schema: { hide: true }, onRequest: adminOnly }, async () => {
    control.reset();
    return { knobs: control.knobs };
  });
}

/** Whether the emulator is mounted (production: only when PAYMENT_EMULATOR=true; src/config.ts). */
export function paymentEmulatorEnabled(config: Pick<Config, 'NODE_ENV' | 'PAYMENT_EMULATOR' | 'PAYGOV_URL'>): boolean {
  return paymentEmulatorOn(config);
}

const mounted = new WeakMap<FastifyInstance, PaymentEmulatorControl>();

/** The control of the emulator mounted in `app` (tests drive its knobs), if any. */
export function paymentEmulatorOf(app: FastifyInstance): PaymentEmulatorControl | undefined {
  return mounted.get(app);
}

/**
 * Mounts the emulator in motcua's own server at /emulators/payment/ when enabled, with this
 * server as its one partner (PAYGOV_PARTNER_CODE, PAYGOV_SECRET): the callback goes to this
 * server's listening address, the browser back to `returnPath` on the same origin.
 */
export async function mountPaymentEmulator(
  app: FastifyInstance,
  deps: { config: Config; callbackPath: string; returnPath: string },
): Promise<PaymentEmulatorControl | undefined> {
  if (!paymentEmulatorEnabled(deps.config)) return undefined;
  const control = new PaymentEmulatorControl();
  const { config } = deps;
  await app.register(paymentEmulator, {
    prefix: PAYMENT_EMULATOR_PREFIX,
    partners: {
      [config.PAYGOV_PARTNER_CODE]: {
        secret: config.PAYGOV_SECRET,
        callbackUrl: () => {
          const origin = listeningOrigin(app);
          return origin ? `${origin}${deps.callbackPath}` : undefined;
        },
        returnUrl: config.PUBLIC_URL ? new URL(deps.returnPath, config.PUBLIC_URL).toString() : deps.returnPath,
      },
    },
    control,
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
  });
  mounted.set(app, control);
  return control;
}
