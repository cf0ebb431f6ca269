// The national public service portal's dossier sync API, emulated (Cổng DVCQG, SPEC §6): the
// "thêm mới" (create) and "cập nhật" (update) endpoints taking a list of HoSoDongBoDVC, and the
// process-history endpoint taking at most 10 QuaTrinhXuLy entries, all answering
// `{error_code, message}` with "0" for success. A Fastify plugin, mounted in motcua's own server at
// /emulators/dvcqg/ (the default outside production) or in any Fastify app.
//
//   POST <create path>   [HoSoDongBoDVC]   a known MaHoSo answers error_code "3", "… đã tồn tại"
//   POST <update path>   [HoSoDongBoDVC]   an unknown MaHoSo answers error_code "4", "… không tồn tại"
//   POST <process path>  [QuaTrinhXuLy ≤ 10]  entries of known dossiers, in the order sent
//   GET  /_admin/state   knobs, dossiers and every request received (with what was answered)
//   PUT  /_admin/knobs   {down, slowMs, errorRate, errorCodes, failNext, loseNextAnswers}
//   POST /_admin/seed    [HoSoDongBoDVC]: dossiers the portal already holds (their create says "đã tồn tại")
//   POST /_admin/reset
// Every endpoint takes the configured token (`Authorization: Bearer <token>`, or the configured
// header); a wrong one answers HTTP 401 with error_code "401".
//
// Faults: `down` (the connection is dropped without an answer), `slowMs` (every answer waits),
// `errorRate` with `errorCodes` (a request is refused with a random one of the codes before
// anything is applied), `failNext` (the next requests are refused with these answers, in order),
// `loseNextAnswers` (the next requests are applied, then their answer is lost: the connection is
// dropped after `lostAnswerDelayMs` — the client sees a timeout or a reset and must retry without
// making a second dossier).
//
// Process entries identical to one the dossier already holds are kept once (a resent chunk whose
// answer was lost does not double the history). That the real portal does the same is an
// assumption (UNCONFIRMED); the received log keeps every entry as sent, so a test sees both.
//
// State is in memory (a test tool; one instance).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { dvcqgEmulatorOn, type Config } from '../../config.ts';

export const DVCQG_EMULATOR_PREFIX = '/emulators/dvcqg';

const Knobs = z.strictObject({
  down: z.boolean(),
  slowMs: z.number().int().min(0).max(600_000),
  errorRate: z.number().min(0).max(1),
  errorCodes: z.array(z.string().min(1).max(10)).min(1),
  failNext: z.array(z.object({ error_code: z.string().min(1).max(10), message: z.string().max(500) })),
  loseNextAnswers: z.number().int().min(0).max(1000),
  lostAnswerDelayMs: z.number().int().min(0).max(600_000),
});
export type DvcqgEmulatorKnobs = z.infer<typeof Knobs>;

const NORMAL: DvcqgEmulatorKnobs = { down: false, slowMs: 0, errorRate: 0, errorCodes: ['-1', '1', '2', '500'], failNext: [], loseNextAnswers: 0, lostAnswerDelayMs: 0 };

export type DvcqgOperation = 'create' | 'update' | 'process';

export interface EmulatedDossier {
  MaHoSo: string;
  /** The record as last applied (without QuaTrinhXuLy). */
  record: Record<string, unknown>;
  createdAt: Date;
  /** Every record applied, the create first. */
  versions: Record<string, unknown>[];
  /** The process history, in the order received, each entry once. */
  process: Record<string, unknown>[];
}

export interface ReceivedRequest {
  at: Date;
  operation: DvcqgOperation;
  /** The MaHoSo of each item sent. */
  codes: string[];
  items: Record<string, unknown>[];
  /** Whether it changed the state (also when its answer was then lost). */
  applied: boolean;
  /** What was answered; 'dropped' when the connection was dropped. */
  answer: { error_code: string; message: string } | 'dropped';
}

/** Knobs, dossiers and the received log of one emulator, shared by its routes and tests. */
export class DvcqgEmulatorControl {
  knobs: DvcqgEmulatorKnobs = structuredClone(NORMAL);
  readonly dossiers = new Map<string, EmulatedDossier>();
  readonly received: ReceivedRequest[] = [];
  random: () => number = Math.random;

  set(patch: Partial<DvcqgEmulatorKnobs>): DvcqgEmulatorKnobs {
    this.knobs = Knobs.parse({ ...this.knobs, ...patch });
    return this.knobs;
  }

  reset(): void {
    this.knobs = structuredClone(NORMAL);
    this.dossiers.clear();
    this.received.length = 0;
  }

  /** Creates (or replaces) a dossier as if the portal held it already. */
  seed(record: Record<string, unknown>): void {
    const { QuaTrinhXuLy: _history, ...rest } = record;
    const code = String(record.MaHoSo);
    this.dossiers.set(code, { MaHoSo: code, record: rest, createdAt: new Date(), versions: [rest], process: [] });
  }

  /** The requests received for one dossier, in order. */
  receivedFor(code: string): ReceivedRequest[] {
    return this.received.filter((r) => r.codes.includes(code));
  }
}

export interface DvcqgEmulatorOptions {
  control: DvcqgEmulatorControl;
  /** The credential callers must send; none: no check. */
  token?: string;
  authHeader?: string;
  paths: Record<DvcqgOperation, string>;
}

const date = z.string().regex(/^(\d{14})?$/);
const DossierItem = z
  .object({
    MaHoSo: z.string().min(1).max(100),
    MaTTHC: z.string().regex(/^[123]\.\d{6}$/),
    TenTTHC: z.string().min(1),
    KenhThucHien: z.enum(['1', '2', '3']),
    TrangThaiHoSo: z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']),
    TrichYeuHoSo: z.string().max(1000),
    NgayTiepNhan: date,
    NgayHenTra: date,
    NgayTra: date,
    NgayKetThucXuLy: date,
    NgayTuChoi: date,
    NgayNopHoSo: date,
  })
  .loose();
const ProcessItem = z
  .object({
    MaHoSo: z.string().min(1).max(100),
    NguoiXuLy: z.string().max(50),
    ThoiDiemXuLy: z.string().regex(/^\d{14}$/),
    TrangThai: z.string().min(1).max(2),
    NgayBatDau: date,
    NgayKetThucTheoQuyDinh: date,
  })
  .loose();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The emulator as a Fastify plugin (encapsulated: its error handler answers in its own format). */
export async function dvcqgEmulator(app: FastifyInstance, opts: DvcqgEmulatorOptions): Promise<void> {
  const { control } = opts;
  const header = (opts.authHeader ?? 'authorization').toLowerCase();
  const expected = opts.token ? (header === 'authorization' ? `Bearer ${opts.token}` : opts.token) : undefined;

  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? 400 : 500;
    return reply.status(status).send({ error_code: status === 400 ? '2' : '-1', message: status === 400 ? 'Dữ liệu không đúng định dạng' : 'Lỗi hệ thống' });
  });

  const authenticated = (request: FastifyRequest, reply: FastifyReply): boolean => {
    if (!expected || request.headers[header] === expected) return true;
    void reply.status(401).send({ error_code: '401', message: 'Sai thông tin xác thực' });
    return false;
  };

  function drop(reply: FastifyReply): FastifyReply {
    reply.hijack();
    reply.raw.destroy();
    return reply;
  }

  /** Applies a request, answering as the knobs say. */
  async function handle(operation: DvcqgOperation, request: FastifyRequest, reply: FastifyReply) {
    if (!authenticated(request, reply)) return reply;
    const knobs = control.knobs;
    if (knobs.down) return drop(reply);
    if (knobs.slowMs > 0) await sleep(knobs.slowMs);
    const body = Array.isArray(request.body) ? (request.body as unknown[]) : undefined;
    const entry: ReceivedRequest = { at: new Date(), operation, codes: [], items: [], applied: false, answer: 'dropped' };
    control.received.push(entry);
    const answer = (error_code: string, message: string) => {
      entry.answer = { error_code, message };
      return reply.status(200).send(entry.answer);
    };
    if (!body || body.length === 0) return answer('2', 'Dữ liệu không đúng định dạng: cần một danh sách');
    entry.items = body.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null);
    entry.codes = entry.items.map((x) => String(x.MaHoSo ?? ''));
    const refusal = knobs.failNext.shift();
    if (refusal) return answer(refusal.error_code, refusal.message);
    if (knobs.errorRate > 0 && control.random() < knobs.errorRate) {
      const code = knobs.errorCodes[Math.floor(control.random() * knobs.errorCodes.length)] ?? '-1';
      return answer(code, `Lỗi xử lý dữ liệu (mã ${code})`);
    }
    let result: { error_code: string; message: string };
    if (operation === 'process') {
      if (body.length > 10) return answer('2', 'Mỗi lần đồng bộ tối đa 10 bản ghi quá trình xử lý');
      const parsed = z.array(ProcessItem).safeParse(body);
      if (!parsed.success) return answer('2', `Dữ liệu quá trình xử lý không hợp lệ: ${parsed.error.issues[0]?.path.join('.')}`);
      const unknown = parsed.data.find((p) => !control.dossiers.has(p.MaHoSo));
      if (unknown) return answer('4', `Hồ sơ ${unknown.MaHoSo} không tồn tại`);
      for (const item of parsed.data) {
        const dossier = control.dossiers.get(item.MaHoSo)!;
        const text = JSON.stringify(item);
        if (!dossier.process.some((p) => JSON.stringify(p) === text)) dossier.process.push(item);
      }
      result = { error_code: '0', message: 'Đồng bộ quá trình xử lý thành công' };
    } else {
      const parsed = z.array(DossierItem).max(100).safeParse(body);
      if (!parsed.success) return answer('2', `Dữ liệu hồ sơ không hợp lệ: ${parsed.error.issues[0]?.path.join('.')}`);
      const items = parsed.data.map(({ QuaTrinhXuLy: _history, ...rest }) => rest as Record<string, unknown> & { MaHoSo: string });
      if (operation === 'create') {
        const existing = items.find((d) => control.dossiers.has(d.MaHoSo));
        if (existing) return answer('3', `Mã hồ sơ ${existing.MaHoSo} đã tồn tại trên hệ thống`);
        for (const d of items) control.dossiers.set(d.MaHoSo, { MaHoSo: d.MaHoSo, record: d, createdAt: new Date(), versions: [d], process: [] });
        result = { error_code: '0', message: 'Thêm mới hồ sơ thành công' };
      } else {
        const missing = items.find((d) => !control.dossiers.has(d.MaHoSo));
        if (missing) return answer('4', `Hồ sơ ${missing.MaHoSo} không tồn tại`);
        for (const d of items) {
          const dossier = control.dossiers.get(d.MaHoSo)!;
          dossier.record = d;
          dossier.versions.push(d);
        }
        result = { error_code: '0', message: 'Cập nhật hồ sơ thành công' };
      }
    }
    entry.applied = true;
    if (control.knobs.loseNextAnswers > 0) {
      control.knobs.loseNextAnswers--;
      if (knobs.lostAnswerDelayMs > 0) await sleep(knobs.lostAnswerDelayMs);
      return drop(reply);
    }
    return answer(result.error_code, result.message);
  }

  app.post(opts.paths.create, { schema: { hide: true } }, (request, reply) => handle('create', request, reply));
  app.post(opts.paths.update, { schema: { hide: true } }, (request, reply) => handle('update', request, reply));
  app.post(opts.paths.process, { schema: { hide: true } }, (request, reply) => handle('process', request, reply));

  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .send(`Giả lập Cổng Dịch vụ công quốc gia — API đồng bộ hồ sơ (thêm mới ${opts.paths.create}, cập nhật ${opts.paths.update}, quá trình xử lý ${opts.paths.process}). Hồ sơ đã nhận: ${control.dossiers.size}.\n`),
  );
  app.get('/_admin/state', { schema: { hide: true } }, async (request, reply) => {
    if (!authenticated(request, reply)) return reply;
    return { knobs: control.knobs, dossiers: [...control.dossiers.values()], received: control.received };
  });
  app.put('/_admin/knobs', { schema: { hide: true } }, async (request, reply) => {
    if (!authenticated(request, reply)) return reply;
    const parsed = Knobs.partial().safeParse(request.body);
    if (!parsed.success) return reply.status(400).send({ error_code: '2', message: 'Dữ liệu không hợp lệ' });
    return { knobs: control.set(parsed.data) };
  });
  app.post('/_admin/seed', { schema: { hide: true } }, async (request, reply) => {
    if (!authenticated(request, reply)) return reply;
    const parsed = z.array(DossierItem).safeParse(request.body);
    if (!parsed.success) return reply.status(400).send({ error_code: '2', message: 'Dữ liệu không hợp lệ' });
    for (const d of parsed.data) control.seed(d);
    return { dossiers: control.dossiers.size };
  });
  app.post('/_admin/reset', { schema: { hide: true } }, async (request, reply) => {
    if (!authenticated(request, reply)) return reply;
    control.reset();
    return { knobs: control.knobs };
  });
}

const mounted = new WeakMap<FastifyInstance, DvcqgEmulatorControl>();

/** The control of the emulator mounted in `app` (tests drive its knobs), if any. */
export function dvcqgEmulatorOf(app: FastifyInstance): DvcqgEmulatorControl | undefined {
  return mounted.get(app);
}

/** Mounts the emulator in motcua's own server at /emulators/dvcqg/ when enabled, with the configured paths and token. */
export async function mountDvcqgEmulator(app: FastifyInstance, deps: { config: Config }): Promise<DvcqgEmulatorControl | undefined> {
  const { config } = deps;
  if (!dvcqgEmulatorOn(config)) return undefined;
  const control = new DvcqgEmulatorControl();
  await app.register(dvcqgEmulator, {
    prefix: DVCQG_EMULATOR_PREFIX,
    control,
    token: config.DVCQG_SYNC_TOKEN,
    authHeader: config.DVCQG_SYNC_AUTH_HEADER,
    paths: { create: config.DVCQG_SYNC_CREATE_PATH, update: config.DVCQG_SYNC_UPDATE_PATH, process: config.DVCQG_SYNC_PROCESS_PATH },
  });
  mounted.set(app, control);
  return control;
}
