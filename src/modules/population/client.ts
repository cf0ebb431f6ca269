// PopulationClient: motcua's adapter for the national population database (CSDL quốc gia về dân
// cư), reached through the provincial integration platform (LGSP) or the national data-sharing
// platform (SPEC §4.4, §10.5 PopulationDbClient). The production code path: the in-process
// emulator is just another server at the configured URL.
//
// Protocol: POST <url> with JSON {HoVaTen, SoDinhDanh, SoCMND, NgayThangNam (yyyyMMdd), Nam,
// MaTichHop, MaDVC, MaCanBo, MaYeuCau} and `Authorization: Bearer <key>`; the answer is
// {error_code, message} where message is, on success, a SOAP envelope (record.ts parses it).
//
// Resilience (cockatiel): each attempt has a timeout; the query is idempotent (a read, same
// MaYeuCau) so transient failures (network errors, timeouts, HTTP 5xx/429) are retried with
// exponential backoff; a circuit breaker stops calling a system that keeps failing and lets one
// trial call through after a pause. Answers (found / not found / mismatch) are kept for a short
// time, keyed by the whole query. The client never throws for the other system's failures: the
// caller gets `{ status: 'unavailable' }` and asks the officer or citizen to verify manually.
//
// The breaker and the cache live in each instance (a few seconds' difference between instances
// is harmless: both only decide whether to call the other system again).
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
} from 'cockatiel';
import { parseCongDanEnvelope, PopulationProtocolError, type PopulationRecord } from './record.ts';

export interface PopulationQuery {
  /** 12-digit personal identification number. */
  personalId?: string;
  /** 9-digit former identity card number (used when there is no personalId). */
  oldIdNumber?: string;
  fullName: string;
  /** YYYY-MM-DD; or give birthYear. */
  birthDate?: string;
  birthYear?: number;
}

export interface QueryMeta {
  /** MaYeuCau: unique per query (retries reuse it). */
  requestId: string;
  /** MaCanBo. */
  officerCode: string;
}

export type MismatchField = 'fullName' | 'birthDate' | 'birthYear' | 'oldIdNumber';
export type UnavailableReason = 'timeout' | 'circuit_open' | 'network' | 'server_error' | 'bad_response' | 'rejected';

interface Answered {
  fetchedAt: Date;
  fromCache: boolean;
  errorCode: string;
}

export type PopulationAnswer =
  | (Answered & { status: 'found'; record: PopulationRecord })
  | (Answered & { status: 'not_found' })
  /** `mismatched` null: the system did not say which fields differ. */
  | (Answered & { status: 'mismatch'; mismatched: MismatchField[] | null })
  | { status: 'unavailable'; reason: UnavailableReason; errorCode: string | null; message: string; fromCache: false };

export type BreakerState = 'closed' | 'open' | 'half_open' | 'isolated';

export interface PopulationClientOptions {
  /** The service URL, or a function giving it (undefined while unknown, e.g. before listen). */
  url: string | (() => string | undefined);
  integrationCode: string;
  apiKey: string;
  serviceCode: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Retries after the first attempt, for transient failures. */
  retries: number;
  /** First backoff delay; doubles with jitter up to 2 s. Default 100 ms. */
  retryBaseMs?: number;
  /** Consecutive failures that open the circuit. */
  breakerFailures: number;
  /** How long the circuit stays open before a trial call. */
  breakerOpenMs: number;
  /** 0 disables the cache. */
  cacheTtlMs: number;
  cacheMaxEntries: number;
  fetch?: typeof fetch;
  now?: () => number;
  /**
   * Queries per request of the batch endpoint (`<url>/batch`, UNCONFIRMED: the national service's
   * batch form is not published; see the emulator's server.ts). 0 or unset: no batch endpoint,
   * `queryBatch` sends single queries, `concurrency` at a time.
   */
  batchSize?: number;
  /** Requests in flight at once for `queryBatch` (default 8). */
  concurrency?: number;
  /** Told when the circuit opens or closes. */
  onBreakerChange?: (state: BreakerState) => void;
}

/** A failure worth retrying and counting against the breaker. */
class TransientError extends Error {
  constructor(
    readonly reason: 'network' | 'server_error',
    readonly errorCode: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** A failure that retrying will not fix (refused request, unreadable answer). */
class FinalError extends Error {
  constructor(
    readonly reason: 'rejected' | 'bad_response',
    readonly errorCode: string | null,
    message: string,
  ) {
    super(message);
  }
}

type Outcome =
  | { status: 'found'; record: PopulationRecord; errorCode: string }
  | { status: 'not_found'; errorCode: string }
  | { status: 'mismatch'; mismatched: MismatchField[] | null; errorCode: string };

const MAX_ANSWER_BYTES = 2 * 1024 * 1024;

const WIRE_FIELDS: Record<string, MismatchField> = {
  HoVaTen: 'fullName',
  NgayThangNam: 'birthDate',
  Nam: 'birthYear',
  SoCMND: 'oldIdNumber',
};

const compactDate = (isoDate: string) => isoDate.replaceAll('-', '');

/** Cache key: the whole query, names compared as the population database compares them. */
export function queryKey(q: PopulationQuery): string {
  return JSON.stringify([
    q.personalId ?? '',
    q.oldIdNumber ?? '',
    q.fullName.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi'),
    q.birthDate ?? '',
    q.birthYear ?? '',
  ]);
}

export class PopulationClient {
  readonly #options: PopulationClientOptions;
  readonly #fetch: typeof fetch;
  readonly #now: () => number;
  readonly #cache = new Map<string, { at: number; outcome: Outcome }>();
  readonly #breaker;
  readonly #policy;

  constructor(options: PopulationClientOptions) {
    this.#options = options;
    this.#fetch = options.fetch ?? fetch;
    this.#now = options.now ?? Date.now;
    const transient = handleWhen((error) => error instanceof TransientError || error instanceof TaskCancelledError);
    this.#breaker = circuitBreaker(transient, {
      halfOpenAfter: options.breakerOpenMs,
      breaker: new ConsecutiveBreaker(options.breakerFailures),
    });
    this.#breaker.onStateChange((state) => options.onBreakerChange?.(stateName(state)));
    const retryPolicy = retry(transient, {
      maxAttempts: options.retries,
      backoff: new ExponentialBackoff({ initialDelay: options.retryBaseMs ?? 100, maxDelay: 2000 }),
    });
    this.#policy = wrap(retryPolicy, this.#breaker, timeout(options.timeoutMs, TimeoutStrategy.Aggressive));
  }

  get breakerState(): BreakerState {
    return stateName(this.#breaker.state);
  }

  get cacheSize(): number {
    return this.#cache.size;
  }

  clearCache(): void {
    this.#cache.clear();
  }

  /** Asks the population database; never throws for the other system's failures. */
  async query(q: PopulationQuery, meta: QueryMeta): Promise<PopulationAnswer> {
    const key = queryKey(q);
    const cached = this.#fromCache(key);
    if (cached) return { ...cached.outcome, fetchedAt: new Date(cached.at), fromCache: true };

    const url = typeof this.#options.url === 'function' ? this.#options.url() : this.#options.url;
    if (!url) {
      return { status: 'unavailable', reason: 'network', errorCode: null, message: 'population service address unknown', fromCache: false };
    }
    const body = {
      ...wireQuery(q),
      MaTichHop: this.#options.integrationCode,
      MaDVC: this.#options.serviceCode,
      MaCanBo: meta.officerCode,
      MaYeuCau: meta.requestId,
    };
    try {
      // A signal per query (cockatiel would otherwise hang every call's listener on one shared signal).
      const outcome = await this.#policy.execute(({ signal }) => this.#send(url, body, q, signal), new AbortController().signal);
      const at = this.#now();
      this.#remember(key, at, outcome);
      return { ...outcome, fetchedAt: new Date(at), fromCache: false };
    } catch (error) {
      return unavailable(error);
    }
  }

  /**
   * Asks about many people; one answer per query, in order; never throws for the other system's
   * failures. With `batchSize` > 0 the queries go `batchSize` at a time to the batch endpoint
   * (UNCONFIRMED form: {MaTichHop, MaDVC, MaCanBo, DanhSach: [...]} → {error_code, KetQua: [...]},
   * one answer per item in order); otherwise as single queries, `concurrency` in flight. Both go
   * through the same timeout, retries and breaker. Batch answers skip the cache (a reconciliation
   * wants the population database's current answer) but single fallbacks use it as `query` does.
   */
  async queryBatch(items: ReadonlyArray<{ query: PopulationQuery; meta: QueryMeta }>): Promise<PopulationAnswer[]> {
    const answers: PopulationAnswer[] = new Array<PopulationAnswer>(items.length);
    const concurrency = Math.max(1, this.#options.concurrency ?? 8);
    const size = this.#options.batchSize ?? 0;
    const chunks: Array<[number, number]> = [];
    const step = size > 0 ? size : 1;
    for (let i = 0; i < items.length; i += step) chunks.push([i, Math.min(items.length, i + step)]);
    let next = 0;
    const worker = async () => {
      while (next < chunks.length) {
        const [from, to] = chunks[next++]!;
        if (size > 0) {
          const part = await this.#sendBatch(items.slice(from, to));
          for (let i = from; i < to; i++) answers[i] = part[i - from]!;
        } else {
          answers[from] = await this.query(items[from]!.query, items[from]!.meta);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
    return answers;
  }

  async #sendBatch(items: ReadonlyArray<{ query: PopulationQuery; meta: QueryMeta }>): Promise<PopulationAnswer[]> {
    const base = typeof this.#options.url === 'function' ? this.#options.url() : this.#options.url;
    if (!base) {
      const a: PopulationAnswer = { status: 'unavailable', reason: 'network', errorCode: null, message: 'population service address unknown', fromCache: false };
      return items.map(() => a);
    }
    const url = base.replace(/\/?$/, '/batch');
    const body = {
      MaTichHop: this.#options.integrationCode,
      MaDVC: this.#options.serviceCode,
      // One officer per request: the items of a batch are one officer's run.
      MaCanBo: items[0]?.meta.officerCode ?? '',
      DanhSach: items.map(({ query: q, meta }) => ({ ...wireQuery(q), MaYeuCau: meta.requestId })),
    };
    try {
      const outcomes = await this.#policy.execute(async ({ signal }) => {
        const json = await this.#post(url, body, signal);
        if (json.errorCode !== '0' || !Array.isArray(json.json.KetQua) || json.json.KetQua.length !== items.length) {
          throw new FinalError('bad_response', json.errorCode, 'the batch answer does not have one result per query');
        }
        return (json.json.KetQua as Array<Record<string, unknown>>).map((item, i): Outcome | PopulationAnswer => {
          try {
            return this.#outcomeOf({ error_code: item.error_code, message: item.message, mismatched: item.mismatched }, items[i]!.query);
          } catch (error) {
            return unavailable(error);
          }
        });
      }, new AbortController().signal);
      const at = new Date(this.#now());
      return outcomes.map((o) => (o.status === 'unavailable' ? o : { ...o, fetchedAt: at, fromCache: false }));
    } catch (error) {
      const a = unavailable(error);
      return items.map(() => a);
    }
  }

  async #post(url: string, body: unknown, signal: AbortSignal): Promise<{ errorCode: string | null; json: Record<string, unknown> }> {
    let response: Response;
    try {
      response = await this.#fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          accept: 'application/json',
          authorization: `Bearer ${this.#options.apiKey}`,
        },
        body: JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new TransientError('network', null, `cannot reach the population service: ${causeOf(error)}`);
    }
    const text = await readLimited(response, MAX_ANSWER_BYTES * 8);
    let json: Record<string, unknown> | undefined;
    try {
      json = text === undefined ? undefined : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      json = undefined;
    }
    const errorCode = json && json.error_code !== undefined && json.error_code !== null ? String(json.error_code) : null;
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      throw new TransientError('server_error', errorCode, `population service answered HTTP ${response.status}`);
    }
    if (response.status !== 200) {
      throw new FinalError('rejected', errorCode, `population service refused the query: HTTP ${response.status} ${errorCode ?? ''}`.trim());
    }
    if (!json || errorCode === null) throw new FinalError('bad_response', null, 'the answer is not {error_code, message} JSON');
    return { errorCode, json };
  }

  #fromCache(key: string): { at: number; outcome: Outcome } | undefined {
    if (this.#options.cacheTtlMs <= 0) return undefined;
    const entry = this.#cache.get(key);
    if (!entry) return undefined;
    if (this.#now() - entry.at >= this.#options.cacheTtlMs) {
      this.#cache.delete(key);
      return undefined;
    }
    // Least recently used goes first: move this one to the end.
    this.#cache.delete(key);
    this.#cache.set(key, entry);
    return entry;
  }

  #remember(key: string, at: number, outcome: Outcome): void {
    if (this.#options.cacheTtlMs <= 0 || this.#options.cacheMaxEntries <= 0) return;
    this.#cache.delete(key);
    this.#cache.set(key, { at, outcome });
    while (this.#cache.size > this.#options.cacheMaxEntries) {
      const oldest = this.#cache.keys().next().value as string;
      this.#cache.delete(oldest);
    }
  }

  async #send(url: string, body: Record<string, string>, q: PopulationQuery, signal: AbortSignal): Promise<Outcome> {
    const { json } = await this.#post(url, body, signal);
    return this.#outcomeOf(json, q);
  }

  /** The outcome of one answer {error_code, message, mismatched}; throws FinalError when unreadable or refused. */
  #outcomeOf(json: { error_code?: unknown; message?: unknown; mismatched?: unknown }, q: PopulationQuery): Outcome {
    const errorCode = json.error_code !== undefined && json.error_code !== null ? String(json.error_code) : null;
    if (errorCode === null) throw new FinalError('bad_response', null, 'the answer is not {error_code, message} JSON');
    switch (errorCode) {
      case '0': {
        if (typeof json.message !== 'string') throw new FinalError('bad_response', errorCode, 'the answer has no SOAP message');
        let records: PopulationRecord[];
        try {
          records = parseCongDanEnvelope(json.message);
        } catch (error) {
          if (error instanceof PopulationProtocolError) throw new FinalError('bad_response', errorCode, error.message);
          throw error;
        }
        const record = q.personalId ? records.find((r) => r.personalId === q.personalId) : records[0];
        if (!record) throw new FinalError('bad_response', errorCode, 'the answer does not contain the citizen asked for');
        return { status: 'found', record, errorCode };
      }
      case 'NOT_FOUND':
        return { status: 'not_found', errorCode };
      case 'DATA_MISMATCH': {
        const fields = Array.isArray(json.mismatched)
          ? [...new Set(json.mismatched.map((f) => WIRE_FIELDS[String(f)]).filter((f): f is MismatchField => !!f))]
          : null;
        return { status: 'mismatch', mismatched: fields && fields.length > 0 ? fields : null, errorCode };
      }
      default:
        throw new FinalError('rejected', errorCode, `population service answered error_code ${errorCode}`);
    }
  }
}

/** The query fields of the protocol (SPEC §4.4). */
function wireQuery(q: PopulationQuery): Record<string, string> {
  return {
    HoVaTen: q.fullName,
    SoDinhDanh: q.personalId ?? '',
    SoCMND: q.oldIdNumber ?? '',
    NgayThangNam: q.birthDate ? compactDate(q.birthDate) : '',
    // The year only when the date is not known (sending both would report a wrong date twice).
    Nam: q.birthYear !== undefined ? String(q.birthYear) : '',
  };
}

function stateName(state: CircuitState): BreakerState {
  switch (state) {
    case CircuitState.Open:
      return 'open';
    case CircuitState.HalfOpen:
      return 'half_open';
    case CircuitState.Isolated:
      return 'isolated';
    default:
      return 'closed';
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

async function readLimited(response: Response, limit: number): Promise<string | undefined> {
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > limit) {
    await response.body?.cancel();
    throw new FinalError('bad_response', null, `answer larger than ${limit} bytes`);
  }
  const text = await response.text();
  if (text.length > limit) throw new FinalError('bad_response', null, `answer larger than ${limit} bytes`);
  return text;
}

function unavailable(error: unknown): PopulationAnswer {
  const base = { status: 'unavailable' as const, fromCache: false as const };
  if (error instanceof BrokenCircuitError) {
    return { ...base, reason: 'circuit_open', errorCode: null, message: 'circuit open: the population service failed repeatedly' };
  }
  if (error instanceof TaskCancelledError) {
    return { ...base, reason: 'timeout', errorCode: null, message: 'the population service did not answer in time' };
  }
  if (error instanceof TransientError || error instanceof FinalError) {
    return { ...base, reason: error.reason, errorCode: error.errorCode, message: error.message };
  }
  return { ...base, reason: 'network', errorCode: null, message: (error as Error)?.message ?? String(error) };
}
