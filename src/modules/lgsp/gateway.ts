// The gateway's hot path: the OAuth2 token endpoint (client credentials, RFC 6749 §4.4; client
// authentication client_secret_basic or private_key_jwt, RFC 7523) and the call of a service at
// /lgsp/v1/{service}: token, consumer, ACL and scope, purpose (Decree 278/2025; Decree 13/2023
// Art. 3), rate limit and quota, request schema, provider, response schema, the message log row
// committed, metrics — then the answer.
//
// What an instance keeps in memory, and for how long: a consumer's settings and ACL, its day
// count and the services' enabled flags for LGSP_CACHE_MS (a change made through this instance
// applies at once here, elsewhere within that time); verified access tokens until they expire
// (a disabled consumer or a revoked grant still stops them, at the next refresh); the minute
// windows of the rate limits (per instance, like the login throttles: N instances let a consumer
// make up to N times its per-minute limit; the day quota is counted in the database).
import { createHash, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { SignJWT, createLocalJWKSet, decodeJwt, jwtVerify, type JWK } from 'jose';
import type { Kysely } from 'kysely';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { decideLimit, localDay, minuteWindow } from '../../core/lgsp/index.ts';
import type { DB } from '../../db/types.ts';
import { pickLanguage } from '../../http/language.ts';
import { ProblemError, problemBody, problemCatalog, type ProblemCode } from '../../http/problem.ts';
import type { GatewayKey } from './keys.ts';
import type { MessageLogWriter } from './log-writer.ts';
import type { GatewayMetrics } from './metrics.ts';
import type { ServiceRegistry } from './registry.ts';
import { verifySecret, verifySecretDummy } from './secrets.ts';
import { aclOf, findConsumer, listServiceRows, rememberJti, usageOn, type ConsumerRow } from './store.ts';

export const TOKEN_PATH = '/lgsp/oauth/token';
export const CALL_PREFIX = '/lgsp/v1';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const TOKEN_AUDIENCE = 'lgsp';
/** The longest lifetime a client assertion may claim (its exp after now), seconds. */
const ASSERTION_MAX_LIFETIME_S = 300;
/** Failed client authentications per client id and minute before the token endpoint answers 429. */
const AUTH_FAILURES_PER_MINUTE = 10;

export interface GatewaySettings {
  issuer: () => string;
  tokenTtlSeconds: number;
  /** Token requests per minute from one client address (per instance). */
  tokenPerMinutePerAddress: number;
  purposes: readonly string[];
  defaultPerMinute: number;
  defaultPerDay: number;
  cacheMs: number;
}

interface ConsumerState {
  row: ConsumerRow;
  acl: Set<string>;
  fetchedAt: number;
}

interface Usage {
  minuteStart: number;
  minute: number;
  day: string;
  /** The day's count read from the database at `syncedAt`, plus the calls admitted here since. */
  dayBase: number;
  dayHere: number;
  syncedAt: number;
}

interface VerifiedToken {
  consumerId: string;
  scopes: Set<string>;
  expMs: number;
}

export interface Gateway {
  token(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  call(request: FastifyRequest<{ Params: { service: string; version?: string } }>, reply: FastifyReply): Promise<void>;
  /** Forget what this instance keeps of a consumer (after an administrative change). */
  invalidate(consumerId?: string): void;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

export function createGateway(deps: {
  db: Kysely<DB>;
  key: () => Promise<GatewayKey>;
  registry: ServiceRegistry;
  writer: MessageLogWriter;
  metrics: GatewayMetrics;
  settings: GatewaySettings;
  now?: () => Date;
}): Gateway {
  const { db, registry, writer, metrics, settings } = deps;
  const now = deps.now ?? (() => new Date());
  const consumers = new Map<string, ConsumerState>();
  const loading = new Map<string, Promise<ConsumerState | undefined>>();
  const usage = new Map<string, Usage>();
  const tokens = new Map<string, VerifiedToken>();
  const authFailures = new Map<string, { minuteStart: number; count: number }>();
  let enabledServices: { set: Set<string>; fetchedAt: number } | undefined;

  async function consumer(id: string): Promise<ConsumerState | undefined> {
    const cached = consumers.get(id);
    if (cached && Date.now() - cached.fetchedAt < settings.cacheMs) return cached;
    let pending = loading.get(id);
    if (!pending) {
      pending = (async () => {
        const row = await findConsumer(db, id);
        if (!row) {
          consumers.delete(id);
          return undefined;
        }
        const state = { row, acl: new Set(await aclOf(db, id)), fetchedAt: Date.now() };
        consumers.set(id, state);
        return state;
      })().finally(() => loading.delete(id));
      loading.set(id, pending);
    }
    return pending;
  }

  async function serviceEnabled(code: string): Promise<boolean> {
    if (!enabledServices || Date.now() - enabledServices.fetchedAt >= settings.cacheMs) {
      const rows = await listServiceRows(db);
      // A registered service without its row yet (before the first sync) counts as enabled.
      const disabled = new Set(rows.filter((r) => !r.enabled).map((r) => r.code));
      enabledServices = { set: new Set(registry.latest().map((s) => s.code).filter((c) => !disabled.has(c))), fetchedAt: Date.now() };
    }
    return enabledServices.set.has(code);
  }

  // ---- the token endpoint ----

  function oauthProblem(code: ProblemCode, error: string, description: { vi: string; en: string }): ProblemError {
    return new ProblemError(code, { detail: description, extensions: { error, error_description: description.en } });
  }
  const invalidClient = () =>
    oauthProblem('lgsp_invalid_client', 'invalid_client', { vi: 'Sai mã hệ thống hoặc thông tin xác thực.', en: 'Unknown client or wrong credentials.' });

  function countFailure(clientId: string): void {
    const window = minuteWindow(now()).start;
    const entry = authFailures.get(clientId);
    if (!entry || entry.minuteStart !== window) authFailures.set(clientId, { minuteStart: window, count: 1 });
    else entry.count++;
    if (authFailures.size > 10_000) authFailures.clear();
  }
  // Token requests per client address in the current minute (per instance): bounds guessing
  // across many client ids from one address, which the per-client failure count does not.
  let addressMinute = 0;
  const addressCounts = new Map<string, number>();
  function addressThrottled(address: string): number | undefined {
    const window = minuteWindow(now());
    if (window.start !== addressMinute) {
      addressMinute = window.start;
      addressCounts.clear();
    }
    const count = (addressCounts.get(address) ?? 0) + 1;
    addressCounts.set(address, count);
    return count > settings.tokenPerMinutePerAddress ? window.retryAfter : undefined;
  }

  function throttled(clientId: string): number | undefined {
    const at = now();
    const entry = authFailures.get(clientId);
    if (entry && entry.minuteStart === minuteWindow(at).start && entry.count >= AUTH_FAILURES_PER_MINUTE) return minuteWindow(at).retryAfter;
    return undefined;
  }

  async function authenticateClient(request: FastifyRequest, form: Record<string, string>): Promise<ConsumerRow> {
    const authorization = request.headers.authorization;
    const basic = typeof authorization === 'string' ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization) : null;
    if (basic) {
      const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) throw invalidClient();
      let clientId: string;
      let secret: string;
      try {
        // RFC 6749 §2.3.1: both are form-urlencoded before they are joined.
        clientId = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
        secret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
      } catch {
        throw invalidClient();
      }
      const retryAfter = throttled(clientId);
      if (retryAfter) throw rateLimited(retryAfter, 'auth');
      const row = await findConsumer(db, clientId);
      const ok = row?.auth_method === 'client_secret_basic' && row.secret_hash ? await verifySecret(row.secret_hash, secret) : await verifySecretDummy(secret);
      if (!ok || !row || !row.enabled) {
        countFailure(clientId);
        throw invalidClient();
      }
      return row;
    }
    if (form.client_assertion_type === JWT_BEARER && form.client_assertion) {
      let claimed: string | undefined;
      try {
        claimed = decodeJwt(form.client_assertion).iss;
      } catch {
        throw invalidClient();
      }
      if (!claimed) throw invalidClient();
      const retryAfter = throttled(claimed);
      if (retryAfter) throw rateLimited(retryAfter, 'auth');
      const row = await findConsumer(db, claimed);
      if (!row || row.auth_method !== 'private_key_jwt' || !row.jwks || !row.enabled) {
        countFailure(claimed);
        throw invalidClient();
      }
      // RFC 7523 §3: iss = sub = client_id, aud = the token endpoint (or the issuer), exp, a jti used once.
      const issuer = settings.issuer();
      try {
        const { payload } = await jwtVerify(form.client_assertion, createLocalJWKSet(row.jwks as { keys: JWK[] }), {
          issuer: row.id,
          subject: row.id,
          audience: [`${issuer}/oauth/token`, issuer],
          requiredClaims: ['exp', 'jti'],
          currentDate: now(),
        });
        const nowS = Math.floor(now().getTime() / 1000);
        if (payload.exp! - nowS > ASSERTION_MAX_LIFETIME_S) throw new Error('lifetime');
        if (!(await rememberJti(db, row.id, String(payload.jti), new Date(payload.exp! * 1000)))) {
          countFailure(row.id);
          throw oauthProblem('lgsp_invalid_client', 'invalid_client', { vi: 'Xác nhận của hệ thống đã được dùng (jti).', en: 'The client assertion was already used (jti).' });
        }
      } catch (error) {
        if (error instanceof ProblemError) throw error;
        countFailure(row.id);
        throw invalidClient();
      }
      return row;
    }
    throw invalidClient();
  }

  // ---- limits ----

  function rateLimited(retryAfter: number, limit: 'minute' | 'day' | 'auth' | 'address'): ProblemError {
    const text = {
      minute: { vi: 'Vượt giới hạn số lần gọi trong một phút.', en: 'Calls per minute exceeded.' },
      address: { vi: 'Có quá nhiều yêu cầu cấp mã truy cập từ địa chỉ này.', en: 'Too many token requests from this address.' },
      day: { vi: 'Vượt hạn mức số lần gọi trong ngày.', en: 'Daily quota exceeded.' },
      auth: { vi: 'Có quá nhiều lần xác thực sai.', en: 'Too many failed authentications.' },
    }[limit];
    return new ProblemError('lgsp_rate_limited', { detail: text, extensions: { limit, retryAfter } });
  }

  async function admit(state: ConsumerState, at: Date): Promise<void> {
    const id = state.row.id;
    const day = localDay(at);
    const window = minuteWindow(at).start;
    let u = usage.get(id);
    if (!u || u.day !== day || Date.now() - u.syncedAt >= settings.cacheMs) {
      const dayBase = await usageOn(db, id, day);
      u = { minuteStart: u?.minuteStart ?? window, minute: u?.minute ?? 0, day, dayBase, dayHere: 0, syncedAt: Date.now() };
      usage.set(id, u);
    }
    if (u.minuteStart !== window) {
      u.minuteStart = window;
      u.minute = 0;
    }
    const decision = decideLimit(at, { minute: u.minute, day: u.dayBase + u.dayHere }, {
      perMinute: state.row.per_minute ?? settings.defaultPerMinute,
      perDay: state.row.per_day ?? settings.defaultPerDay,
    });
    if (!decision.allowed) throw rateLimited(decision.retryAfter, decision.limit);
    u.minute++;
    u.dayHere++;
  }

  // ---- access tokens ----

  async function verifyAccessToken(request: FastifyRequest): Promise<VerifiedToken> {
    const authorization = request.headers.authorization;
    const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
    if (!match) {
      throw new ProblemError('lgsp_invalid_token', { detail: { vi: 'Thiếu mã truy cập (Bearer).', en: 'A bearer access token is required.' } });
    }
    const token = match[1]!;
    const cached = tokens.get(token);
    if (cached && cached.expMs > now().getTime()) return cached;
    const key = await deps.key();
    try {
      const { payload } = await jwtVerify(token, key.publicKey, {
        issuer: settings.issuer(),
        audience: TOKEN_AUDIENCE,
        algorithms: [key.alg],
        requiredClaims: ['sub', 'exp'],
        currentDate: now(),
      });
      const verified = { consumerId: payload.sub!, scopes: new Set(String(payload.scope ?? '').split(' ').filter(Boolean)), expMs: payload.exp! * 1000 };
      if (tokens.size >= 10_000) tokens.clear();
      tokens.set(token, verified);
      return verified;
    } catch {
      throw new ProblemError('lgsp_invalid_token', { detail: { vi: 'Mã truy cập không hợp lệ hoặc đã hết hạn.', en: 'The access token is not valid or has expired.' } });
    }
  }

  // ---- answering ----

  function send(reply: FastifyReply, status: number, text: string, headers: Record<string, string>, problem: boolean): void {
    reply.code(status).headers(headers).type(problem ? 'application/problem+json' : 'application/json; charset=utf-8').send(text);
  }

  return {
    invalidate(consumerId) {
      if (consumerId === undefined) {
        consumers.clear();
        usage.clear();
      } else {
        consumers.delete(consumerId);
        usage.delete(consumerId);
      }
      enabledServices = undefined;
    },

    async token(request, reply) {
      const lang = pickLanguage(request.headers['accept-language']);
      const form = (request.body ?? {}) as Record<string, string>;
      try {
        const retryAfter = addressThrottled(request.ip);
        if (retryAfter) throw rateLimited(retryAfter, 'address');
        // The client first: an unauthenticated caller learns nothing about the rest of its request.
        const row = await authenticateClient(request, form);
        if (form.grant_type !== 'client_credentials') {
          throw oauthProblem('bad_request', 'unsupported_grant_type', { vi: 'Chỉ hỗ trợ grant_type=client_credentials.', en: 'Only grant_type=client_credentials is supported.' });
        }
        const state = await consumer(row.id);
        const granted = [...(state?.acl ?? [])];
        const asked = (form.scope ?? '').split(' ').filter(Boolean);
        const refused = asked.filter((s) => !granted.includes(s));
        if (refused.length > 0) {
          throw oauthProblem('bad_request', 'invalid_scope', {
            vi: `Hệ thống không được cấp quyền: ${refused.join(', ')}.`,
            en: `Scopes not granted to this client: ${refused.join(', ')}.`,
          });
        }
        const scopes = asked.length > 0 ? asked : granted;
        const key = await deps.key();
        const issuedAt = Math.floor(now().getTime() / 1000);
        const accessToken = await new SignJWT({ scope: scopes.join(' '), client_id: row.id })
          .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'at+jwt' })
          .setIssuer(settings.issuer())
          .setSubject(row.id)
          .setAudience(TOKEN_AUDIENCE)
          .setIssuedAt(issuedAt)
          .setExpirationTime(issuedAt + settings.tokenTtlSeconds)
          .setJti(randomUUID())
          .sign(key.privateKey);
        reply
          .code(200)
          .header('cache-control', 'no-store')
          .type('application/json; charset=utf-8')
          .send({ access_token: accessToken, token_type: 'Bearer', expires_in: settings.tokenTtlSeconds, scope: scopes.join(' ') });
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        const body = problemBody(error.code, lang, {
          ...(error.detailText !== undefined ? { detail: error.detailText } : {}),
          ...(error.extensions ? { extensions: error.extensions } : {}),
          instance: TOKEN_PATH,
        });
        if (error.code === 'lgsp_invalid_client' && request.headers.authorization) reply.header('www-authenticate', 'Basic realm="lgsp"');
        if (error.code === 'lgsp_rate_limited') reply.header('retry-after', String(error.extensions?.retryAfter ?? 60));
        reply.header('cache-control', 'no-store');
        send(reply, body.status, JSON.stringify(body), {}, true);
      }
    },

    async call(request, reply) {
      const started = performance.now();
      const at = now();
      const lang = pickLanguage(request.headers['accept-language']);
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const requestDigest = sha256(raw);
      let consumerId: string | null = null;
      let serviceCode: string | null = null;
      let serviceVersion: number | null = null;
      let purpose: string | null = null;
      let status = 200;
      let outcome = 'ok';
      let text: string;
      const headers: Record<string, string> = { 'cache-control': 'no-store' };
      try {
        const token = await verifyAccessToken(request);
        consumerId = token.consumerId;
        const versionParam = request.params.version;
        let version: number | undefined;
        if (versionParam !== undefined) {
          const m = /^v([1-9][0-9]{0,3})$/.exec(versionParam);
          if (!m) throw new ProblemError('lgsp_unknown_service', { detail: { vi: 'Phiên bản dịch vụ có dạng v1, v2…', en: 'A service version looks like v1, v2…' } });
          version = Number(m[1]);
        }
        const service = registry.find(request.params.service, version);
        if (!service) {
          throw new ProblemError('lgsp_unknown_service', {
            detail: { vi: `Không có dịch vụ ${request.params.service}.`, en: `No service ${request.params.service}.` },
          });
        }
        serviceCode = service.code;
        serviceVersion = service.version;
        const state = await consumer(token.consumerId);
        if (!state || !state.row.enabled) {
          throw new ProblemError('lgsp_invalid_token', { detail: { vi: 'Hệ thống khai thác đã bị khóa.', en: 'The client is disabled.' } });
        }
        if (!token.scopes.has(service.code) || !state.acl.has(service.code) || !(await serviceEnabled(service.code))) {
          throw new ProblemError('lgsp_not_allowed', {
            detail: { vi: `Hệ thống ${state.row.id} không được phép gọi dịch vụ ${service.code}.`, en: `Client ${state.row.id} may not call ${service.code}.` },
          });
        }
        const declared = request.headers['x-purpose'];
        purpose = typeof declared === 'string' && declared.length <= 64 ? declared : null;
        const allowedPurposes = service.registration.purposes ?? settings.purposes;
        if (!purpose || !settings.purposes.includes(purpose) || !allowedPurposes.includes(purpose)) {
          const given = purpose;
          purpose = null;
          throw new ProblemError('lgsp_purpose_required', {
            detail: given
              ? { vi: `Mục đích "${given}" không được chấp nhận cho dịch vụ này.`, en: `The purpose "${given}" is not accepted for this service.` }
              : { vi: 'Mỗi lần gọi phải nêu mục đích khai thác trong tiêu đề X-Purpose.', en: 'Every call names its purpose in the X-Purpose header.' },
            extensions: { purposes: allowedPurposes.filter((p) => settings.purposes.includes(p)) },
          });
        }
        await admit(state, at);
        const type = String(request.headers['content-type'] ?? '');
        if (!/^application\/json\b/i.test(type)) {
          throw new ProblemError('lgsp_request_invalid', { detail: { vi: 'Hãy gửi dữ liệu dạng application/json.', en: 'Send the body as application/json.' } });
        }
        let body: unknown;
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          throw new ProblemError('lgsp_request_invalid', { detail: { vi: 'Không đọc được nội dung JSON.', en: 'The JSON body could not be parsed.' } });
        }
        if (!service.validateRequest(body)) {
          throw new ProblemError('lgsp_request_invalid', {
            detail: { vi: 'Yêu cầu không đúng lược đồ của dịch vụ.', en: 'The request does not match the service schema.' },
            errors: (service.validateRequest.errors ?? []).slice(0, 20).map((e) => ({ pointer: `/body${e.instancePath}`, code: e.keyword, message: e.message ?? e.keyword })),
          });
        }
        let result: unknown;
        try {
          result = await service.registration.handler({ body, consumerId: state.row.id, purpose, requestId: request.id });
        } catch (error) {
          if (error instanceof ProblemError && problemCatalog[error.code].status < 500) throw error;
          request.log.warn({ err: error, service: service.code }, 'lgsp provider failed');
          throw new ProblemError('lgsp_provider_failed', { detail: { vi: 'Hệ thống cung cấp dữ liệu không trả lời được.', en: 'The provider could not answer.' } });
        }
        if (!service.validateResponse(result)) {
          request.log.warn({ service: service.code, errors: service.validateResponse.errors }, 'lgsp provider answered outside its schema');
          throw new ProblemError('lgsp_response_invalid', { detail: { vi: 'Câu trả lời không đúng lược đồ đã công bố.', en: 'The answer does not match the published schema.' } });
        }
        text = JSON.stringify(result);
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        const body = problemBody(error.code, lang, {
          ...(error.detailText !== undefined ? { detail: error.detailText } : {}),
          ...(error.fieldErrors ? { errors: error.fieldErrors } : {}),
          ...(error.extensions ? { extensions: error.extensions } : {}),
          instance: request.url,
        });
        status = body.status;
        outcome = error.code;
        if (error.code === 'lgsp_rate_limited') headers['retry-after'] = String(error.extensions?.retryAfter ?? 60);
        if (error.code === 'lgsp_invalid_token') headers['www-authenticate'] = 'Bearer realm="lgsp", error="invalid_token"';
        text = JSON.stringify(body);
      }
      const bytes = Buffer.byteLength(text);
      const latencyUs = Math.round((performance.now() - started) * 1000);
      try {
        const row = await writer.append({
          at: at.toISOString(),
          consumerId,
          serviceCode,
          serviceVersion,
          purpose,
          requestId: request.id,
          requestDigest,
          responseDigest: sha256(text),
          status,
          outcome,
          requestBytes: raw.length,
          responseBytes: bytes,
          latencyUs,
        });
        headers['x-lgsp-seq'] = String(row.seq);
      } catch (error) {
        // No answer without its log row (log-writer.ts).
        request.log.error({ err: error }, 'lgsp message log write failed');
        metrics.observe(serviceCode ?? 'unknown', consumerId ?? 'unknown', 503, (performance.now() - started) / 1000);
        const body = problemBody('lgsp_log_unavailable', lang, {
          detail: { vi: 'Chưa ghi được nhật ký; lần gọi không được thực hiện, hãy thử lại.', en: 'The call could not be logged and is not answered; try again.' },
          instance: request.url,
        });
        send(reply, 503, JSON.stringify(body), { 'retry-after': '5', 'cache-control': 'no-store' }, true);
        return;
      }
      metrics.observe(serviceCode ?? 'unknown', consumerId ?? 'unknown', status, (performance.now() - started) / 1000);
      send(reply, status, text, headers, status >= 400);
    },
  };
}
