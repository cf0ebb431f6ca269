// The population database emulator: an HTTP JSON endpoint speaking the vendor's query protocol
// (below) over the synthetic population (generator.ts, stored by store.ts). A Fastify plugin, so it
// runs mounted in motcua's own server (at /emulators/population/, the default for development) or
// standalone (`motcua emulator population --port 4002`).
//
//   GET  /                  a page saying what this is (for a browser)
//   POST /                  the query: JSON body {HoVaTen, SoDinhDanh, SoCMND, NgayThangNam,
//                           Nam, MaTichHop, MaDVC, MaCanBo, MaYeuCau}; header
//                           `Authorization: Bearer <API key of MaTichHop>`; answer
//                           {error_code, message[, mismatched]} (codes: wire.ts ERROR_CODES)
//   POST /batch             many queries in one request (UNCONFIRMED form, see BATCH_MAX_ITEMS)
//   GET  /_admin/knobs      the test knobs and request counters
//   PUT  /_admin/knobs      change knobs: {latencyMs, failureRate, failureStatus, down}
//   POST /_admin/reset      knobs back to normal, counters to zero
// The admin endpoints take the same bearer key and are never slowed, failed or taken down.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { populationEmulatorOn, type Config } from '../../config.ts';
import { populationIndexPage } from './index-page.ts';
import { countCitizens, ensureEmulatorSchema, findCitizens, type AnyDb } from './store.ts';
import type { SyntheticCitizen } from './types.ts';
import { ERROR_CODES, soapEnvelope, type PopulationQueryBody } from './wire.ts';

export const EMULATOR_PREFIX = '/emulators/population';

export const EmulatorKnobs = z
  .object({
    /** Added before every answer of the query endpoint. */
    latencyMs: z.number().int().min(0).max(120_000),
    /** Share of queries answered with `failureStatus` instead (0–1). */
    failureRate: z.number().min(0).max(1),
    failureStatus: z.union([z.literal(500), z.literal(503)]),
    /**
     * false: up. 'refuse': not listening (standalone; connection refused) — mounted in-process it
     * acts as 'reset'. 'reset': connections are dropped without an answer. '503': every query is
     * answered 503 UNAVAILABLE.
     */
    down: z.union([z.literal(false), z.enum(['refuse', 'reset', '503'])]),
  })
  .meta({ id: 'PopulationEmulatorKnobs' });
export type EmulatorKnobs = z.infer<typeof EmulatorKnobs>;

const NORMAL: EmulatorKnobs = { latencyMs: 0, failureRate: 0, failureStatus: 503, down: false };

/** Knobs and counters of one emulator, shared by its routes and whoever drives it (tests). */
export class EmulatorControl {
  knobs: EmulatorKnobs = { ...NORMAL };
  /** Query requests received (the admin endpoints are not counted). */
  requests = 0;
  /** Answers given, by error_code. */
  answers: Record<string, number> = {};
  /** The last query bodies received, newest last (at most 50). */
  recent: PopulationQueryBody[] = [];
  /** Called with each query body as it arrives, before it is answered (tests observe the caller meanwhile). */
  onQuery: ((body: PopulationQueryBody) => Promise<void> | void) | undefined;
  /** Randomness of the failure-rate knob (replaceable for deterministic tests). */
  random: () => number = Math.random;
  /** Called when `down` changes (the standalone server stops or resumes listening). */
  onDownChange: ((down: EmulatorKnobs['down']) => Promise<void>) | undefined;

  async set(patch: Partial<EmulatorKnobs>): Promise<EmulatorKnobs> {
    const next = EmulatorKnobs.parse({ ...this.knobs, ...patch });
    const downChanged = next.down !== this.knobs.down;
    this.knobs = next;
    if (downChanged) await this.onDownChange?.(next.down);
    return this.knobs;
  }

  async reset(): Promise<void> {
    await this.set({ ...NORMAL });
    this.requests = 0;
    this.answers = {};
    this.recent = [];
    this.onQuery = undefined;
  }

  count(errorCode: string): void {
    this.answers[errorCode] = (this.answers[errorCode] ?? 0) + 1;
  }
}

export interface PopulationEmulatorOptions {
  db: AnyDb;
  /** Integration code (MaTichHop) → the API key accepted for it. */
  credentials: Record<string, string>;
  control: EmulatorControl;
  /** The home page of the server it is mounted in (a way back from its index page). */
  home?: string;
}

const digest = (s: string) => createHash('sha256').update(s).digest();
const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

const bearer = (request: FastifyRequest) => {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
};

/** Name comparison of the emulator: Unicode NFC, case and spacing ignored, diacritics kept. */
export function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

const QueryBody = z.object({
  HoVaTen: z.string().trim().min(1, 'HoVaTen là bắt buộc').max(200),
  SoDinhDanh: z.string().trim().regex(/^\d{12}$/, 'SoDinhDanh phải gồm 12 chữ số').optional().or(z.literal('')),
  SoCMND: z.string().trim().regex(/^\d{9}$/, 'SoCMND phải gồm 9 chữ số').optional().or(z.literal('')),
  NgayThangNam: z.string().trim().regex(/^\d{8}$/, 'NgayThangNam phải có dạng yyyyMMdd').optional().or(z.literal('')),
  Nam: z.string().trim().regex(/^\d{4}$/, 'Nam phải có dạng yyyy').optional().or(z.literal('')),
  MaTichHop: z.string().min(1).max(64),
  MaDVC: z.string().trim().min(1, 'MaDVC là bắt buộc').max(64),
  MaCanBo: z.string().trim().min(1, 'MaCanBo là bắt buộc').max(64),
  MaYeuCau: z.string().trim().min(1, 'MaYeuCau là bắt buộc').max(64),
});

function isRealCompactDate(value: string): boolean {
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(4, 6));
  const d = Number(value.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}


/**
 * Batch form (UNCONFIRMED: no published specification of the national service offers one; this
 * emulator's choice, so that reconciliation of a whole sector database can be measured):
 *   POST <url>/batch  {MaTichHop, MaDVC, MaCanBo, DanhSach: [{HoVaTen, SoDinhDanh, SoCMND,
 *   NgayThangNam, Nam, MaYeuCau}, …]}  (at most BATCH_MAX_ITEMS items)
 *   → 200 {error_code: "0", message, KetQua: [{MaYeuCau, error_code, message[, mismatched]}, …]}
 *   one answer per item, in the order asked; each item is judged as the single query would be
 *   (an item's BAD_REQUEST does not fail the others). Request-level failures (401, 503, …) are
 *   as for the single query.
 */
export const BATCH_MAX_ITEMS = 1000;

type Verdict = { status: number; body: { error_code: string; message: string; mismatched?: string[] } };

/** One query judged against the citizens found for it (`found` keyed by `id:` and `cmnd:`). */
function evaluateQuery(raw: Record<string, unknown>, found: Map<string, SyntheticCitizen>): Verdict {
  const parsed = QueryBody.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    const message = issue.code === 'invalid_type' ? `${field} là bắt buộc` : issue.message;
    return { status: 400, body: { error_code: ERROR_CODES.badRequest, message } };
  }
  const q = parsed.data;
  if (!q.SoDinhDanh && !q.SoCMND) return { status: 400, body: { error_code: ERROR_CODES.badRequest, message: 'Cần SoDinhDanh hoặc SoCMND' } };
  if (!q.NgayThangNam && !q.Nam) return { status: 400, body: { error_code: ERROR_CODES.badRequest, message: 'Cần NgayThangNam hoặc Nam' } };
  if (q.NgayThangNam && !isRealCompactDate(q.NgayThangNam)) {
    return { status: 400, body: { error_code: ERROR_CODES.badRequest, message: 'NgayThangNam không phải là ngày có thật' } };
  }
  const citizen = q.SoDinhDanh ? found.get(`id:${q.SoDinhDanh}`) : found.get(`cmnd:${q.SoCMND}`);
  if (!citizen) return { status: 200, body: { error_code: ERROR_CODES.notFound, message: 'Không tìm thấy thông tin công dân' } };
  const mismatched: string[] = [];
  if (normalizeName(q.HoVaTen) !== normalizeName(citizen.fullName)) mismatched.push('HoVaTen');
  if (q.NgayThangNam && q.NgayThangNam !== citizen.birthDate.replaceAll('-', '')) mismatched.push('NgayThangNam');
  if (q.Nam && q.Nam !== citizen.birthDate.slice(0, 4)) mismatched.push('Nam');
  if (q.SoDinhDanh && q.SoCMND && q.SoCMND !== citizen.oldIdNumber) mismatched.push('SoCMND');
  if (mismatched.length > 0) {
    return {
      status: 200,
      body: { error_code: ERROR_CODES.mismatch, message: `Thông tin không khớp với Cơ sở dữ liệu quốc gia về dân cư: ${mismatched.join(', ')}`, mismatched },
    };
  }
  return { status: 200, body: { error_code: ERROR_CODES.ok, message: soapEnvelope([citizen]) } };
}

/** The citizens the queries name, in one round trip per kind of key. */
async function lookupCitizens(db: AnyDb, bodies: Array<Record<string, unknown>>): Promise<Map<string, SyntheticCitizen>> {
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const ids = [...new Set(bodies.map((b) => str(b.SoDinhDanh)).filter((v) => /^\d{12}$/.test(v)))];
  const cmnds = [...new Set(bodies.filter((b) => !str(b.SoDinhDanh)).map((b) => str(b.SoCMND)).filter((v) => /^\d{9}$/.test(v)))];
  return findCitizens(db, { personalIds: ids, oldIdNumbers: cmnds });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The emulator as a Fastify plugin (encapsulated: its error handler answers in its own format). */
export async function populationEmulator(app: FastifyInstance, opts: PopulationEmulatorOptions): Promise<void> {
  const { db, credentials, control } = opts;

  const answer = (reply: FastifyReply, status: number, body: { error_code: string; message: string; mismatched?: string[]; KetQua?: unknown[] }) => {
    control.count(body.error_code);
    return reply.status(status).type('application/json; charset=utf-8').send(body);
  };

  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? 400 : 500;
    return answer(reply, status, {
      error_code: status === 400 ? ERROR_CODES.badRequest : ERROR_CODES.systemError,
      message: status === 400 ? 'Yêu cầu không đúng định dạng JSON' : 'Lỗi hệ thống',
    });
  });

  const adminOnly = async (request: FastifyRequest, reply: FastifyReply) => {
    const key = bearer(request);
    if (!key || !Object.values(credentials).some((k) => sameSecret(k, key))) {
      return reply.status(401).send({ error_code: ERROR_CODES.unauthorized, message: 'Sai khóa truy cập' });
    }
  };

  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    const people = await countCitizens(db).catch(() => null);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(populationIndexPage({ mountPath: app.prefix, people, ...(opts.home ? { home: opts.home } : {}) }));
  });

  app.post(
    '/',
    {
      schema: { hide: true },
      onRequest: async (request, reply) => {
        control.requests++;
        const { down } = control.knobs;
        if (down === 'reset' || down === 'refuse') {
          // No answer at all: the caller sees the connection drop.
          reply.hijack();
          request.raw.socket.destroy();
          return reply;
        }
        if (down === '503') {
          return answer(reply, 503, { error_code: ERROR_CODES.unavailable, message: 'Hệ thống đang bảo trì' });
        }
      },
    },
    async (request, reply) => {
      const raw = (request.body ?? {}) as Record<string, unknown>;
      control.recent.push({ ...(raw as unknown as PopulationQueryBody) });
      if (control.recent.length > 50) control.recent.shift();
      await control.onQuery?.(raw as unknown as PopulationQueryBody);
      const { latencyMs, failureRate, failureStatus } = control.knobs;
      if (latencyMs > 0) await sleep(latencyMs);
      if (failureRate > 0 && control.random() < failureRate) {
        return answer(reply, failureStatus, {
          error_code: failureStatus === 503 ? ERROR_CODES.unavailable : ERROR_CODES.systemError,
          message: failureStatus === 503 ? 'Hệ thống tạm thời không sẵn sàng' : 'Lỗi hệ thống',
        });
      }

      // Authorization: the API key issued for the integration code.
      const key = bearer(request);
      const expected = typeof raw.MaTichHop === 'string' ? credentials[raw.MaTichHop] : undefined;
      if (!key || expected === undefined || !sameSecret(expected, key)) {
        return answer(reply, 401, { error_code: ERROR_CODES.unauthorized, message: 'Sai mã tích hợp hoặc khóa truy cập' });
      }

      const result = evaluateQuery(raw, await lookupCitizens(db, [raw]));
      return answer(reply, result.status, result.body);
    },
  );

  app.post(
    '/batch',
    {
      schema: { hide: true },
      bodyLimit: 4 * 1024 * 1024,
      onRequest: async (request, reply) => {
        control.requests++;
        const { down } = control.knobs;
        if (down === 'reset' || down === 'refuse') {
          reply.hijack();
          request.raw.socket.destroy();
          return reply;
        }
        if (down === '503') {
          return answer(reply, 503, { error_code: ERROR_CODES.unavailable, message: 'Hệ thống đang bảo trì' });
        }
      },
    },
    async (request, reply) => {
      const raw = (request.body ?? {}) as Record<string, unknown>;
      const { latencyMs, failureRate, failureStatus } = control.knobs;
      if (latencyMs > 0) await sleep(latencyMs);
      if (failureRate > 0 && control.random() < failureRate) {
        return answer(reply, failureStatus, {
          error_code: failureStatus === 503 ? ERROR_CODES.unavailable : ERROR_CODES.systemError,
          message: failureStatus === 503 ? 'Hệ thống tạm thời không sẵn sàng' : 'Lỗi hệ thống',
        });
      }
      const key = bearer(request);
      const expected = typeof raw.MaTichHop === 'string' ? credentials[raw.MaTichHop] : undefined;
      if (!key || expected === undefined || !sameSecret(expected, key)) {
        return answer(reply, 401, { error_code: ERROR_CODES.unauthorized, message: 'Sai mã tích hợp hoặc khóa truy cập' });
      }
      const items = raw.DanhSach;
      if (!Array.isArray(items) || items.length === 0 || items.length > BATCH_MAX_ITEMS) {
        return answer(reply, 400, { error_code: ERROR_CODES.badRequest, message: `DanhSach phải có từ 1 đến ${BATCH_MAX_ITEMS} yêu cầu` });
      }
      // Each item inherits the request's MaTichHop, MaDVC and MaCanBo.
      const bodies = items.map((item): Record<string, unknown> => ({
        ...(typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {}),
        MaTichHop: raw.MaTichHop,
        MaDVC: raw.MaDVC,
        MaCanBo: raw.MaCanBo,
      }));
      const found = await lookupCitizens(db, bodies);
      const KetQua = bodies.map((body) => {
        const result = evaluateQuery(body, found);
        control.count(result.body.error_code);
        return { MaYeuCau: typeof body.MaYeuCau === 'string' ? body.MaYeuCau : '', ...result.body };
      });
      return answer(reply, 200, { error_code: ERROR_CODES.ok, message: `${KetQua.length} kết quả`, KetQua });
    },
  );

  app.get('/_admin/knobs', { schema: { hide: true }, preHandler: adminOnly }, async () => ({
    knobs: control.knobs,
    requests: control.requests,
    answers: control.answers,
  }));

  app.put('/_admin/knobs', { schema: { hide: true }, preHandler: adminOnly }, async (request, reply) => {
    const parsed = EmulatorKnobs.partial().strict().safeParse(request.body ?? {});
    if (!parsed.success) {
      return reply.status(400).send({ error_code: ERROR_CODES.badRequest, message: parsed.error.issues[0]!.message });
    }
    return { knobs: await control.set(parsed.data) };
  });

  app.post('/_admin/reset', { schema: { hide: true }, preHandler: adminOnly }, async () => {
    await control.reset();
    return { knobs: control.knobs };
  });
}

/**
 * The emulator is mounted in motcua's server unless a real service is configured; in production
 * only when POPULATION_EMULATOR=true (src/config.ts).
 */
export function populationEmulatorEnabled(config: Pick<Config, 'NODE_ENV' | 'POPULATION_EMULATOR' | 'POPULATION_API_URL'>): boolean {
  return populationEmulatorOn(config);
}

/**
 * Mounts the emulator in motcua's own server at /emulators/population/ when enabled; returns its
 * control (knobs), or undefined when not mounted.
 */
export async function mountPopulationEmulator(
  app: FastifyInstance,
  deps: { config: Config; db: AnyDb },
): Promise<EmulatorControl | undefined> {
  if (!populationEmulatorEnabled(deps.config)) return undefined;
  await ensureEmulatorSchema(deps.db);
  const control = new EmulatorControl();
  await app.register(populationEmulator, {
    prefix: EMULATOR_PREFIX,
    db: deps.db,
    credentials: { [deps.config.POPULATION_INTEGRATION_CODE]: deps.config.POPULATION_API_KEY },
    control,
    home: '/',
  });
  return control;
}

export interface StandaloneEmulator {
  url: string;
  port: number;
  control: EmulatorControl;
  close(): Promise<void>;
}

/** Runs the emulator as its own HTTP server (the `down: 'refuse'` knob stops it listening). */
export async function startPopulationEmulator(options: {
  db: AnyDb;
  credentials: Record<string, string>;
  port?: number;
  host?: string;
  control?: EmulatorControl;
  logger?: boolean;
}): Promise<StandaloneEmulator> {
  const control = options.control ?? new EmulatorControl();
  const host = options.host ?? '127.0.0.1';
  await ensureEmulatorSchema(options.db);
  const app = Fastify({ logger: options.logger ?? false, forceCloseConnections: true });
  await app.register(populationEmulator, { db: options.db, credentials: options.credentials, control });
  await app.listen({ port: options.port ?? 0, host });
  const server: Server = app.server;
  const port = (server.address() as { port: number }).port;
  let listening = true;
  control.onDownChange = async (down) => {
    if (down === 'refuse' && listening) {
      listening = false;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    } else if (down !== 'refuse' && !listening) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      listening = true;
    }
  };
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    port,
    control,
    close: async () => {
      control.onDownChange = undefined;
      if (!listening) {
        // Fastify's close() expects its server to be listening.
        await new Promise<void>((resolve) => server.listen(port, host, () => resolve()));
      }
      await app.close();
    },
  };
}
