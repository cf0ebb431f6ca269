import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCitizen } from '../../emulators/population/generator.ts';
import { startTestEmulator, TEST_API_KEY, TEST_INTEGRATION_CODE, type TestEmulator } from '../../emulators/population/testing.ts';
import { PopulationClient, queryKey, type PopulationClientOptions, type PopulationQuery } from './client.ts';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ people: 200 });
});
afterAll(async () => {
  await emu?.close();
});
afterEach(async () => {
  await emu.control.reset();
});

const client = (overrides: Partial<PopulationClientOptions> = {}) =>
  new PopulationClient({
    url: emu.url,
    integrationCode: TEST_INTEGRATION_CODE,
    apiKey: TEST_API_KEY,
    serviceCode: 'BKHCN',
    timeoutMs: 2000,
    retries: 0,
    retryBaseMs: 1,
    breakerFailures: 3,
    breakerOpenMs: 150,
    cacheTtlMs: 60_000,
    cacheMaxEntries: 100,
    ...overrides,
  });

const meta = () => ({ requestId: `r-${Math.random().toString(36).slice(2)}`, officerCode: 'tester' });
const queryOf = (index: number, extra: Partial<PopulationQuery> = {}): PopulationQuery => {
  const p = emu.person(index);
  return { personalId: p.personalId, fullName: p.fullName, birthDate: p.birthDate, ...extra };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PopulationClient: answers', () => {
  it('parses a found record and sends the protocol fields', async () => {
    const c = client();
    const m = meta();
    const answer = await c.query(queryOf(10), m);
    expect(answer.status).toBe('found');
    if (answer.status !== 'found') return;
    expect(answer.record.personalId).toBe(emu.person(10).personalId);
    expect(answer.record.fullName).toBe(emu.person(10).fullName);
    expect(answer.fromCache).toBe(false);
    expect(emu.control.recent.at(-1)).toMatchObject({
      MaTichHop: TEST_INTEGRATION_CODE,
      MaDVC: 'BKHCN',
      MaCanBo: 'tester',
      MaYeuCau: m.requestId,
      NgayThangNam: emu.person(10).birthDate.replaceAll('-', ''),
    });
  });

  it('tells not found from mismatch, naming the fields that differ', async () => {
    const c = client();
    const outside = syntheticCitizen(9999, emu.seed);
    expect((await c.query({ personalId: outside.personalId, fullName: outside.fullName, birthYear: 1990 }, meta())).status).toBe('not_found');
    const mismatch = await c.query(queryOf(11, { fullName: 'Ai Đó Khác' }), meta());
    expect(mismatch).toMatchObject({ status: 'mismatch', mismatched: ['fullName'] });
    const both = await c.query(queryOf(11, { fullName: 'Ai Đó Khác', birthDate: '1900-01-01' }), meta());
    expect(both).toMatchObject({ status: 'mismatch', mismatched: ['fullName', 'birthDate'] });
  });

  it('reports a refused query (wrong key) as unavailable/rejected without retrying', async () => {
    const c = client({ apiKey: 'wrong-key-wrong-key-wrong', retries: 3 });
    const answer = await c.query(queryOf(1), meta());
    expect(answer).toMatchObject({ status: 'unavailable', reason: 'rejected', errorCode: 'UNAUTHORIZED' });
    expect(emu.control.requests).toBe(1);
    expect(c.breakerState).toBe('closed');
  });

  it('reports an unreadable answer (not JSON, bad XML, a DTD) as bad_response', async () => {
    const answers = [
      new Response('<html>gateway</html>', { status: 200 }),
      new Response(JSON.stringify({ error_code: '0', message: '<Envelope><Body>' }), { status: 200 }),
      new Response(JSON.stringify({ error_code: '0', message: '<!DOCTYPE x [<!ENTITY a "b">]><Envelope/>' }), { status: 200 }),
      new Response(JSON.stringify({ error_code: '0', message: '<Envelope><Body><CongdanCollection/></Body></Envelope>' }), { status: 200 }),
    ];
    for (const response of answers) {
      const c = client({ fetch: async () => response });
      expect(await c.query(queryOf(1), meta())).toMatchObject({ status: 'unavailable', reason: 'bad_response' });
    }
  });

  it('is unavailable, not crashing, while its URL is unknown', async () => {
    expect(await client({ url: () => undefined }).query(queryOf(1), meta())).toMatchObject({ status: 'unavailable', reason: 'network' });
  });
});

describe('PopulationClient: cache', () => {
  it('a cache hit does not call the population database', async () => {
    const c = client();
    const first = await c.query(queryOf(12), meta());
    expect(emu.control.requests).toBe(1);
    const second = await c.query({ ...queryOf(12), fullName: `  ${emu.person(12).fullName.toLocaleUpperCase('vi')} ` }, meta());
    expect(second).toMatchObject({ status: 'found', fromCache: true });
    expect(emu.control.requests).toBe(1);
    if (first.status === 'found' && second.status === 'found') expect(second.record).toEqual(first.record);
    // Another query (another birth date) is another key.
    await c.query(queryOf(12, { birthDate: '1900-01-01' }), meta());
    expect(emu.control.requests).toBe(2);
  });

  it('expires entries after the TTL and keeps at most cacheMaxEntries', async () => {
    let now = 1_000_000;
    const c = client({ cacheTtlMs: 60_000, cacheMaxEntries: 2, now: () => now });
    await c.query(queryOf(1), meta());
    await c.query(queryOf(1), meta());
    expect(emu.control.requests).toBe(1);
    now += 60_000;
    await c.query(queryOf(1), meta());
    expect(emu.control.requests).toBe(2);
    await c.query(queryOf(2), meta());
    await c.query(queryOf(3), meta());
    expect(c.cacheSize).toBe(2);
    await c.query(queryOf(1), meta()); // evicted (least recently used)
    expect(emu.control.requests).toBe(5);
  });

  it('does not cache an unavailable answer', async () => {
    const c = client();
    await emu.control.set({ down: '503' });
    expect((await c.query(queryOf(4), meta())).status).toBe('unavailable');
    await emu.control.set({ down: false });
    expect(await c.query(queryOf(4), meta())).toMatchObject({ status: 'found', fromCache: false });
  });

  it('keys the whole query', () => {
    const q = queryOf(5);
    expect(queryKey(q)).toBe(queryKey({ ...q, fullName: q.fullName.normalize('NFD').toLocaleUpperCase('vi') .normalize('NFC') }));
    expect(queryKey(q)).not.toBe(queryKey({ ...q, birthDate: undefined, birthYear: Number(q.birthDate!.slice(0, 4)) }));
  });
});

describe('PopulationClient: resilience', () => {
  it('times out a slow answer', async () => {
    await emu.control.set({ latencyMs: 400 });
    const answer = await client({ timeoutMs: 50 }).query(queryOf(6), meta());
    expect(answer).toMatchObject({ status: 'unavailable', reason: 'timeout' });
  });

  it('retries a transient failure with the same MaYeuCau and succeeds', async () => {
    let n = 0;
    emu.control.random = () => (n++ === 0 ? 0 : 0.99); // first attempt fails, then not
    await emu.control.set({ failureRate: 0.5 });
    const m = meta();
    const answer = await client({ retries: 2 }).query(queryOf(7), m);
    expect(answer.status).toBe('found');
    // Two attempts of this query, one MaYeuCau (a slow answer of the test before may still arrive meanwhile).
    expect(emu.control.recent.filter((b) => b.MaYeuCau === m.requestId)).toHaveLength(2);
    emu.control.random = Math.random;
  });

  it('gives up after the configured retries', async () => {
    await emu.control.set({ failureRate: 1, failureStatus: 500 });
    const answer = await client({ retries: 2 }).query(queryOf(7), meta());
    expect(answer).toMatchObject({ status: 'unavailable', reason: 'server_error', errorCode: 'SYSTEM_ERROR' });
    expect(emu.control.requests).toBe(3);
  });

  it('opens the circuit when the population database is down, stops calling it, and recovers', async () => {
    const states: string[] = [];
    const c = client({ breakerFailures: 3, breakerOpenMs: 150, onBreakerChange: (s) => states.push(s) });
    await emu.control.set({ down: '503' });
    for (let i = 0; i < 3; i++) expect(await c.query(queryOf(8), meta())).toMatchObject({ status: 'unavailable', reason: 'server_error' });
    expect(c.breakerState).toBe('open');
    expect(emu.control.requests).toBe(3);
    expect(await c.query(queryOf(8), meta())).toMatchObject({ status: 'unavailable', reason: 'circuit_open' });
    expect(emu.control.requests).toBe(3); // not called while open

    await emu.control.set({ down: false });
    await sleep(200);
    expect((await c.query(queryOf(8), meta())).status).toBe('found'); // the trial call
    expect(c.breakerState).toBe('closed');
    expect(states).toEqual(['open', 'half_open', 'closed']);
  });

  it('counts refused connections (emulator not listening) against the breaker', async () => {
    const c = client({ breakerFailures: 2 });
    await emu.control.set({ down: 'refuse' });
    expect(await c.query(queryOf(9), meta())).toMatchObject({ status: 'unavailable', reason: 'network' });
    expect(await c.query(queryOf(9), meta())).toMatchObject({ status: 'unavailable', reason: 'network' });
    expect(await c.query(queryOf(9), meta())).toMatchObject({ status: 'unavailable', reason: 'circuit_open' });
    await emu.control.set({ down: false });
  });
});

describe('PopulationClient: many queries (queryBatch)', () => {
  const mixed = (): PopulationQuery[] => {
    const outside = syntheticCitizen(9999, emu.seed);
    const legacy = Array.from({ length: 200 }, (_, i) => emu.person(i)).find((p) => p.oldIdNumber)!;
    return [
      queryOf(20),
      queryOf(21, { fullName: 'Ai Đó Khác' }),
      { personalId: outside.personalId, fullName: outside.fullName, birthYear: 1990 },
      { oldIdNumber: legacy.oldIdNumber!, fullName: legacy.fullName, birthDate: legacy.birthDate },
      queryOf(22, { birthDate: '1900-01-01' }),
      ...Array.from({ length: 15 }, (_, i) => queryOf(30 + i)),
    ];
  };
  const strip = (answers: Awaited<ReturnType<PopulationClient['queryBatch']>>) =>
    answers.map((a) => (a.status === 'found' ? { status: a.status, id: a.record.personalId } : a.status === 'mismatch' ? { status: a.status, mismatched: a.mismatched } : { status: a.status }));

  it('gives the same answers, in order, with the batch endpoint and with single queries', async () => {
    const queries = mixed();
    const items = queries.map((query) => ({ query, meta: meta() }));
    const single = await client({ batchSize: 0, concurrency: 4, cacheTtlMs: 0 }).queryBatch(items);
    expect(emu.control.requests).toBe(queries.length);
    await emu.control.reset();
    const batched = await client({ batchSize: 8, cacheTtlMs: 0 }).queryBatch(items);
    // 20 queries, 8 a request: 3 requests.
    expect(emu.control.requests).toBe(3);
    expect(strip(batched)).toEqual(strip(single));
    expect(strip(batched).slice(0, 5)).toEqual([
      { status: 'found', id: emu.person(20).personalId },
      { status: 'mismatch', mismatched: ['fullName'] },
      { status: 'not_found' },
      { status: 'found', id: expect.any(String) as unknown as string },
      { status: 'mismatch', mismatched: ['birthDate'] },
    ]);
  });

  it('answers every item of a failed batch unavailable, and one bad item alone as refused', async () => {
    await emu.control.set({ down: '503' });
    const failed = await client({ batchSize: 5 }).queryBatch([queryOf(1), queryOf(2)].map((query) => ({ query, meta: meta() })));
    expect(failed.map((a) => a.status)).toEqual(['unavailable', 'unavailable']);
    await emu.control.reset();
    const answers = await client({ batchSize: 5 }).queryBatch(
      [queryOf(1), { personalId: emu.person(2).personalId, fullName: emu.person(2).fullName }].map((query) => ({ query, meta: meta() })),
    );
    expect(answers[0]!.status).toBe('found');
    expect(answers[1]).toMatchObject({ status: 'unavailable', reason: 'rejected', errorCode: 'BAD_REQUEST' });
  });
});
