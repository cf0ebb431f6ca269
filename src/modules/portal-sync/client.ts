// DvcqgSyncClient: motcua's adapter for the national public service portal's dossier sync API
// (Cổng DVCQG, SPEC §6). The production code path: the in-process emulator is just another server
// at the configured URL.
//
// The protocol as SPEC §6 describes it from a production vendor [S10]: POST JSON to the
// "thêm mới" (create) endpoint, then to "cập nhật" (update) for later changes; the body is a list
// of `HoSoDongBoDVC`; the answer is `{error_code, message}`, `error_code "0"` is success, and a
// message containing "đã tồn tại" (already exists) means: call update. The process history
// (QuaTrinhXuLy) goes in chunks of 10 entries, each entry naming its MaHoSo.
//
// UNCONFIRMED, and therefore settings (src/config.ts), not constants:
// - the endpoint paths under DVCQG_SYNC_URL (the vendor configures three: create, update and the
//   process history, which it posts to its own endpoint after the dossier);
// - the authentication: no scheme is documented; a token is sent in a header when configured
//   (DVCQG_SYNC_TOKEN, by default as `Authorization: Bearer <token>`);
// - the answer of the process-history endpoint: read as `{error_code, message}`, or, as the vendor
//   reads it, a plain-text answer counts as success when it says "thành công".
//
// The client never throws for the portal's failures: it answers what happened (outcome, HTTP
// status, error code, message, duration, the request's SHA-256) and the caller logs and decides.
import { createHash } from 'node:crypto';

export type SyncOperation = 'create' | 'update' | 'process';

export interface DvcqgSyncClientOptions {
  /** Base URL of the sync API, or a function giving it (undefined while unknown, e.g. before listen). */
  url: string | (() => string | undefined);
  paths: Record<SyncOperation, string>;
  /** Sent in `authHeader` when set; as `Bearer <token>` when the header is Authorization. */
  token?: string | undefined;
  authHeader: string;
  timeoutMs: number;
}

export type SyncFailure = 'timeout' | 'network' | 'http' | 'bad_answer' | 'rejected' | 'not_configured';

export interface SyncAnswer {
  operation: SyncOperation;
  /** error_code "0" (or, for the process history, a plain-text "thành công"). */
  ok: boolean;
  /** The portal holds this dossier already ("đã tồn tại"). */
  exists: boolean;
  failure?: SyncFailure;
  httpStatus: number | null;
  errorCode: string | null;
  message: string;
  durationMs: number;
  /** SHA-256 (hex) of the request body as sent. */
  requestDigest: string;
}

/** Case and Unicode normalization insensitive "contains" (the portal's messages are Vietnamese). */
export function mentions(message: string, phrase: string): boolean {
  return message.normalize('NFC').toLocaleLowerCase('vi').includes(phrase.normalize('NFC').toLocaleLowerCase('vi'));
}

export const ALREADY_EXISTS = 'đã tồn tại';
const SUCCEEDED = 'thành công';

export class DvcqgSyncClient {
  constructor(private readonly options: DvcqgSyncClientOptions) {}

  async send(operation: SyncOperation, body: readonly unknown[]): Promise<SyncAnswer> {
    const text = JSON.stringify(body);
    const requestDigest = createHash('sha256').update(text).digest('hex');
    const started = performance.now();
    const answer = (a: Omit<SyncAnswer, 'operation' | 'durationMs' | 'requestDigest'>): SyncAnswer => ({
      operation,
      ...a,
      durationMs: Math.round(performance.now() - started),
      requestDigest,
    });
    const base = typeof this.options.url === 'function' ? this.options.url() : this.options.url;
    if (!base) return answer({ ok: false, exists: false, failure: 'not_configured', httpStatus: null, errorCode: null, message: 'the portal address is not known yet' });
    const url = `${base.replace(/\/+$/, '')}/${this.options.paths[operation].replace(/^\/+/, '')}`;
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' };
    if (this.options.token) {
      headers[this.options.authHeader] = this.options.authHeader.toLowerCase() === 'authorization' ? `Bearer ${this.options.token}` : this.options.token;
    }
    let response: Response;
    let raw: string;
    try {
      response = await fetch(url, { method: 'POST', headers, body: text, signal: AbortSignal.timeout(this.options.timeoutMs) });
      raw = await response.text();
    } catch (error) {
      const timeout = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      return answer({
        ok: false,
        exists: false,
        failure: timeout ? 'timeout' : 'network',
        httpStatus: null,
        errorCode: null,
        message: timeout ? `no answer within ${this.options.timeoutMs} ms` : `${error instanceof Error ? error.message : String(error)}${cause}`,
      });
    }
    const httpStatus = response.status;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && 'error_code' in parsed) {
      const p = parsed as { error_code: unknown; message?: unknown };
      const errorCode = String(p.error_code);
      const message = typeof p.message === 'string' ? p.message : '';
      const exists = operation === 'create' && mentions(message, ALREADY_EXISTS);
      const ok = errorCode === '0' && !exists && response.ok;
      return answer({ ok, exists, ...(ok || exists ? {} : { failure: 'rejected' as const }), httpStatus, errorCode, message: message.slice(0, 2000) });
    }
    if (!response.ok) return answer({ ok: false, exists: false, failure: 'http', httpStatus, errorCode: null, message: raw.slice(0, 500) || `HTTP ${httpStatus}` });
    // The vendor reads the process-history answer as text.
    if (operation === 'process' && mentions(raw, SUCCEEDED)) return answer({ ok: true, exists: false, httpStatus, errorCode: null, message: raw.slice(0, 500) });
    return answer({ ok: false, exists: false, failure: 'bad_answer', httpStatus, errorCode: null, message: `unreadable answer: ${raw.slice(0, 300)}` });
  }
}
