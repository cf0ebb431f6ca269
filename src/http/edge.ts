// The edge of the server: what reaches it before (or instead of) a route — errors of the router
// (a malformed address, a parameter over its length), errors of the connection (a body shorter
// than its Content-Length, a request sent too slowly) and input no route should see (a NUL
// character). Every one of them leaves as an RFC 9457 problem (or, for a person in a browser,
// the error page), never as Fastify's own JSON.
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendErrorPage, wantsErrorPage } from './error-page.ts';
import { pickLanguage, type Localized } from './language.ts';
import { ProblemError, problemBody, type ProblemCode } from './problem.ts';

type ProblemOptions = NonNullable<Parameters<typeof problemBody>[2]>;

/** Answers a problem: problem+json in the request's language, or the error page for a browser. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, code: ProblemCode, options: ProblemOptions = {}): FastifyReply {
  const withInstance = { instance: request.url, ...options };
  if (wantsErrorPage(request)) return sendErrorPage(reply, code, withInstance);
  const body = problemBody(code, pickLanguage(request.headers['accept-language']), withInstance);
  return reply.status(body.status).type('application/problem+json').send(body);
}

/** Fastify's `frameworkErrors`: errors of the router, before any route or hook runs. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  // No hook has run (no route matched): the headers they would have set.
  reply.header('x-request-id', request.id).header('x-content-type-options', 'nosniff');
  // The raw address is not echoed back: it is what could not be read.
  const options: ProblemOptions = { instance: undefined };
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      sendProblem(request, reply, 'bad_url', {
        ...options,
        detail: {
          vi: 'Địa chỉ chứa ký tự mã hóa không hợp lệ.',
          en: 'The address contains an invalid percent-encoded character.',
        },
      });
      return;
    case 'FST_ERR_MAX_PARAM_LENGTH':
      sendProblem(request, reply, 'uri_too_long', {
        ...options,
        detail: { vi: 'Một phần của địa chỉ quá dài.', en: 'A part of the address is too long.' },
      });
      return;
    default:
      request.log.error({ err: error }, 'router error');
      sendProblem(request, reply, 'internal', options);
  }
}

const CLIENT_ERRORS: Record<string, { code: ProblemCode; status: number; reason: string; detail: Localized }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    code: 'request_timeout',
    status: 408,
    reason: 'Request Timeout',
    detail: { vi: 'Yêu cầu không được gửi hết trong thời gian cho phép.', en: 'The request was not received in time.' },
  },
  HPE_HEADER_OVERFLOW: {
    code: 'headers_too_large',
    status: 431,
    reason: 'Request Header Fields Too Large',
    detail: { vi: 'Phần đầu (header) của yêu cầu quá lớn.', en: 'The request headers are too large.' },
  },
};

const BAD_REQUEST = {
  code: 'bad_request' as const,
  status: 400,
  reason: 'Bad Request',
  detail: {
    vi: 'Yêu cầu HTTP không đúng (ví dụ: nội dung ngắn hơn Content-Length).',
    en: 'The HTTP request is malformed (e.g. a body shorter than its Content-Length).',
  },
};

/**
 * Fastify's `clientErrorHandler`: the connection failed before a request could be formed (Node's
 * HTTP parser or its request timeout). Only the socket exists, so the answer is written by hand;
 * the language is read from the bytes received, when they hold an Accept-Language header.
 */
export function clientErrorHandler(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const kind = CLIENT_ERRORS[error.code ?? ''] ?? BAD_REQUEST;
  if (socket.writable) {
    const packet = Buffer.isBuffer(error.rawPacket) ? error.rawPacket.toString('latin1') : '';
    const header = /^accept-language:[ \t]*([^\r\n]*)/im.exec(packet)?.[1];
    const body = JSON.stringify(problemBody(kind.code, pickLanguage(header), { detail: kind.detail }));
    socket.write(
      `HTTP/1.1 ${kind.status} ${kind.reason}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

// ---- NUL characters ----
// PostgreSQL text cannot hold U+0000: a string with one fails deep in a query (a 500). No field of
// this application has a use for it, so it is refused at the edge, wherever it is.

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1').replace(/\0/g, '\\u0000');

/** The JSON pointer of the first string (or key) holding a NUL character, under `base`. */
export function findNul(value: unknown, base: string): string | undefined {
  if (typeof value === 'string') return value.includes('\0') ? base || '/' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], `${base}/${i}`);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const pointer = `${base}/${escapePointer(key)}`;
    if (key.includes('\0')) return pointer;
    const found = findNul(item, pointer);
    if (found) return found;
  }
  return undefined;
}

export function nulProblem(pointer: string): ProblemError {
  return new ProblemError('validation', {
    detail: { vi: 'Dữ liệu chứa ký tự NUL (U+0000).', en: 'The input contains a NUL character (U+0000).' },
    errors: [
      {
        pointer,
        code: 'nul_character',
        message: { vi: 'Không được chứa ký tự NUL (U+0000).', en: 'Must not contain a NUL character (U+0000).' },
      },
    ],
  });
}

/**
 * Refuses NUL characters: in JSON bodies (the JSON parser, which stays Fastify's own secure one,
 * is wrapped) and in the query string and path parameters (one onRequest hook, before anything
 * reads them).
 */
export function refuseNulCharacters(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // The default parser answers through its callback (its returned promise carries nothing).
    void parseJson(request, body as string, (error: Error | null, value?: unknown) => {
      if (error) return done(error, undefined);
      const pointer = findNul(value, '/body');
      if (pointer) return done(nulProblem(pointer), undefined);
      return done(null, value);
    });
  });
  app.addHook('onRequest', async (request) => {
    const pointer = findNul(request.query, '/query') ?? findNul(request.params, '/params');
    if (pointer) throw nulProblem(pointer);
  });
}
