// Emulator of the national data integration and sharing platform (NDXP, Nền tảng tích hợp, chia sẻ
// dữ liệu quốc gia; SPEC §5). It keeps the catalog of services that agencies publish to it, and
// answers exchanges addressed to a national service it stands in for: the national business
// registration database (`business-registry`, by tax code), with synthetic, deterministic
// companies. State in memory.
//
// The real platform's message formats are UNCONFIRMED (not published to us). What this emulator
// speaks — and the adapter in src/modules/lgsp/ndxp/ — is an assumption, kept in those two places:
//   POST {base}/catalog              {agencyCode, services: [{code, version, name, endpoint, requestSchema, responseSchema}]}
//   GET  {base}/catalog              {services: [... with agencyCode]}
//   POST {base}/exchange/{service}   {header: {messageId, from, to, service, purpose, sentAt}, body}
//     -> 200 {header: {messageId, correlationId, status: 'OK' | 'NOT_FOUND' | 'REJECTED'}, body}
// Authentication: `Authorization: Bearer <agency key>` and `X-Agency-Code`.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const NDXP_EMULATOR_PREFIX = '/emulators/ndxp';

export interface PublishedService {
  agencyCode: string;
  code: string;
  version: number;
  name: string;
  endpoint: string;
  requestSchema: unknown;
  responseSchema: unknown;
  publishedAt: string;
}

export interface NdxpEmulatorOptions {
  /** Agency code → the key accepted for it. */
  agencies: Record<string, string>;
}

export interface NdxpEmulatorState {
  catalog: Map<string, PublishedService>;
  exchanges: number;
}

const digest = (s: string) => createHash('sha256').update(s).digest();
const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

const PROVINCES = ['Hà Nội', 'TP. Hồ Chí Minh', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ'];
const KINDS = ['Công ty TNHH', 'Công ty cổ phần', 'Doanh nghiệp tư nhân'];
const NAMES = ['Sáng Tạo Việt', 'Khoa Học Mới', 'Công Nghệ Xanh', 'Đổi Mới Số', 'Tri Thức Trẻ'];

/** A synthetic company for a tax code (deterministic); tax codes ending in 000 are not registered. */
export function syntheticCompany(taxCode: string) {
  if (taxCode.endsWith('000')) return undefined;
  const h = digest(taxCode);
  return {
    taxCode,
    name: `${KINDS[h[0]! % KINDS.length]} ${NAMES[h[1]! % NAMES.length]} ${1 + (h[2]! % 90)}`,
    status: h[3]! % 10 === 0 ? 'dissolved' : 'active',
    province: PROVINCES[h[4]! % PROVINCES.length]!,
    registeredOn: `20${String(10 + (h[5]! % 15)).padStart(2, '0')}-${String(1 + (h[6]! % 12)).padStart(2, '0')}-${String(1 + (h[7]! % 28)).padStart(2, '0')}`,
  };
}

export function ndxpEmulator(state: NdxpEmulatorState) {
  return async function plugin(app: FastifyInstance, opts: NdxpEmulatorOptions): Promise<void> {
    const refuse = (reply: FastifyReply, status: number, message: string) => reply.code(status).send({ error: message });
    const agencyOf = (request: FastifyRequest): string | undefined => {
      const code = request.headers['x-agency-code'];
      const auth = request.headers.authorization;
      if (typeof code !== 'string' || typeof auth !== 'string' || !auth.startsWith('Bearer ')) return undefined;
      const key = opts.agencies[code];
      return key && same(key, auth.slice(7).trim()) ? code : undefined;
    };

    app.post('/catalog', { schema: { hide: true } }, async (request, reply) => {
      const agency = agencyOf(request);
      if (!agency) return refuse(reply, 401, 'unauthorized');
      const body = request.body as { agencyCode?: unknown; services?: unknown };
      if (body?.agencyCode !== agency || !Array.isArray(body.services)) return refuse(reply, 400, 'agencyCode and services are required');
      let accepted = 0;
      for (const s of body.services as Array<Record<string, unknown>>) {
        if (typeof s.code !== 'string' || typeof s.version !== 'number' || typeof s.name !== 'string' || typeof s.endpoint !== 'string') {
          return refuse(reply, 400, 'each service has code, version, name and endpoint');
        }
        state.catalog.set(`${agency}:${s.code}:${s.version}`, {
          agencyCode: agency,
          code: s.code,
          version: s.version,
          name: s.name,
          endpoint: s.endpoint,
          requestSchema: s.requestSchema ?? null,
          responseSchema: s.responseSchema ?? null,
          publishedAt: new Date().toISOString(),
        });
        accepted++;
      }
      return { accepted };
    });

    app.get('/catalog', { schema: { hide: true } }, async (request, reply) => {
      if (!agencyOf(request)) return refuse(reply, 401, 'unauthorized');
      return { services: [...state.catalog.values()] };
    });

    app.post('/exchange/:service', { schema: { hide: true } }, async (request, reply) => {
      const agency = agencyOf(request);
      if (!agency) return refuse(reply, 401, 'unauthorized');
      const { service } = request.params as { service: string };
      const envelope = request.body as { header?: { messageId?: unknown; purpose?: unknown }; body?: Record<string, unknown> };
      const messageId = typeof envelope?.header?.messageId === 'string' ? envelope.header.messageId : undefined;
      if (!messageId || typeof envelope.header?.purpose !== 'string') return refuse(reply, 400, 'header.messageId and header.purpose are required');
      state.exchanges++;
      const header = (status: string) => ({ messageId: randomUUID(), correlationId: messageId, status });
      if (service !== 'business-registry') return { header: header('REJECTED'), body: { reason: `unknown service ${service}` } };
      const taxCode = envelope.body?.taxCode;
      if (typeof taxCode !== 'string' || !/^[0-9]{10}$/.test(taxCode)) return { header: header('REJECTED'), body: { reason: 'taxCode: 10 digits' } };
      const company = syntheticCompany(taxCode);
      return company ? { header: header('OK'), body: company } : { header: header('NOT_FOUND'), body: {} };
    });
  };
}

/** Mounts the emulator at /emulators/ndxp; returns its state (the catalog, for tests). */
export async function mountNdxpEmulator(app: FastifyInstance, options: NdxpEmulatorOptions): Promise<NdxpEmulatorState> {
  const state: NdxpEmulatorState = { catalog: new Map(), exchanges: 0 };
  await app.register(ndxpEmulator(state), { prefix: NDXP_EMULATOR_PREFIX, ...options });
  return state;
}
