// The clamd adapter against a small TCP server speaking clamd's INSTREAM protocol (length-prefixed
// chunks, a zero-length end, one NUL-terminated reply), which flags the EICAR test string the
// way ClamAV does; and the upload route recording the scan (clean, not scanned, malware refused).
import net from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { loginAs, type TestLogin } from '../../../test/support/auth.ts';
import { pdfSample, zipOf } from './testing.ts';
import { ScannerUnavailableError, createClamdScanner, parseClamdReply } from './virus-scan.ts';

/** The EICAR anti-virus test file (eicar.org), which every scanner reports as a test signature. */
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

interface Clamd {
  url: string;
  /** Bytes received by each INSTREAM session, reassembled. */
  sessions: Buffer[];
  close(): Promise<void>;
}

async function startClamd(): Promise<Clamd> {
  const sessions: Buffer[] = [];
  const server = net.createServer((socket) => {
    let buffer = Buffer.alloc(0);
    let command: string | undefined;
    const chunks: Buffer[] = [];
    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      if (command === undefined) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        command = buffer.subarray(0, end).toString('latin1');
        buffer = buffer.subarray(end + 1);
        if (command !== 'zINSTREAM') {
          socket.end('UNKNOWN COMMAND\0');
          return;
        }
      }
      while (buffer.length >= 4) {
        const size = buffer.readUInt32BE(0);
        if (size === 0) {
          const content = Buffer.concat(chunks);
          sessions.push(content);
          socket.end(content.includes(EICAR) ? 'stream: Win.Test.EICAR_HDB-1 FOUND\0' : 'stream: OK\0');
          return;
        }
        if (buffer.length < 4 + size) return;
        chunks.push(buffer.subarray(4, 4 + size));
        buffer = buffer.subarray(4 + size);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { url: `tcp://127.0.0.1:${port}`, sessions, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let clamd: Clamd;
beforeAll(async () => {
  clamd = await startClamd();
});
afterAll(() => clamd.close());

describe('clamd INSTREAM adapter', () => {
  it('streams the content in length-prefixed chunks and reads a clean verdict', async () => {
    const content = Buffer.alloc(200_000, 7);
    const verdict = await createClamdScanner(clamd.url).scan(Readable.from([content.subarray(0, 150_000), content.subarray(150_000)]));
    expect(verdict).toEqual({ status: 'clean' });
    expect(clamd.sessions.at(-1)!.equals(content)).toBe(true);
  });

  it('reports the EICAR test string as infected with its signature', async () => {
    expect(await createClamdScanner(clamd.url).scan(Readable.from([Buffer.from(EICAR)]))).toEqual({ status: 'infected', signature: 'Win.Test.EICAR_HDB-1' });
  });

  it('fails as unavailable when nothing listens', async () => {
    const closed = await startClamd();
    await closed.close();
    await expect(createClamdScanner(closed.url).scan(Readable.from([Buffer.from('x')]))).rejects.toBeInstanceOf(ScannerUnavailableError);
  });

  it.each([
    ['stream: OK', { status: 'clean' }],
    ['stream: Eicar-Signature FOUND', { status: 'infected', signature: 'Eicar-Signature' }],
    ['INSTREAM size limit exceeded. ERROR', undefined],
  ])('parses %s', (reply, expected) => {
    expect(parseClamdReply(reply)).toEqual(expected);
  });
});

describe('uploads record their scan', () => {
  let dataDir: string;
  let scanned: TestApp;
  let unscanned: TestApp;
  let citizen: TestLogin;
  let citizen2: TestLogin;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-scan-'));
    scanned = await createTestApp({ DATA_DIR: path.join(dataDir, 'a'), CLAMAV_URL: clamd.url });
    unscanned = await createTestApp({ DATA_DIR: path.join(dataDir, 'b') });
    citizen = await loginAs(scanned.db, { kind: 'citizen', personalId: '001099000111' });
    citizen2 = await loginAs(unscanned.db, { kind: 'citizen', personalId: '001099000111' });
  });
  afterAll(async () => {
    await scanned?.close();
    await unscanned?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function upload(t: TestApp, login: TestLogin, bytes: Buffer, name: string) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...login.headers, 'content-type': request.headers.get('content-type')!, 'accept-language': 'en' },
      payload: Buffer.from(await request.arrayBuffer()),
    });
  }

  it('a clean file scanned by clamd is recorded clean', async () => {
    const res = await upload(scanned, citizen, pdfSample(10), 'don.pdf');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().scanStatus).toBe('clean');
  });

  it('a ZIP carrying EICAR is refused and nothing is recorded', async () => {
    const before = await scanned.db.selectFrom('file').select('id').execute();
    const res = await upload(scanned, citizen, zipOf({ 'eicar.com': EICAR }), 'tai-lieu.zip');
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ type: expect.stringContaining('file_infected'), signature: 'Win.Test.EICAR_HDB-1' });
    expect(await scanned.db.selectFrom('file').select('id').execute()).toEqual(before);
  });

  it('without CLAMAV_URL a file is recorded as not scanned', async () => {
    const res = await upload(unscanned, citizen2, pdfSample(10), 'don.pdf');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().scanStatus).toBe('not_scanned');
    const row = await unscanned.db.selectFrom('file').select(['scan_status', 'scanned_at']).where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row).toEqual({ scan_status: 'not_scanned', scanned_at: null });
  });
});
