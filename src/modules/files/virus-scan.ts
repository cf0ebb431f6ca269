// Optional virus scan of uploads, behind one small interface. Where CLAMAV_URL is configured the
// bytes are streamed to ClamAV's daemon (clamd) with its INSTREAM command; without it every file
// is recorded as not scanned (file.scan_status), and officers see that on the dossier.
//
// The clamd protocol (clamd(8), "INSTREAM"): send `zINSTREAM\0`, then the content as chunks each
// prefixed by its length (4 bytes, network order), then a zero length; clamd answers one line
// `stream: OK`, `stream: <signature> FOUND` or `... ERROR`, terminated by NUL with the z prefix.
import net from 'node:net';
import type { Readable } from 'node:stream';

export type ScanStatus = 'not_scanned' | 'clean';

export type ScanVerdict = { status: 'clean' } | { status: 'infected'; signature: string };

export interface VirusScanner {
  /** The scanner's name in records ("clamd"). */
  readonly name: string;
  scan(content: Readable): Promise<ScanVerdict>;
}

export class ScannerUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScannerUnavailableError';
  }
}

/** Where clamd listens, from tcp://host:port or unix:///path. */
export function clamdAddress(url: string): net.NetConnectOpts {
  if (url.startsWith('unix://')) return { path: url.slice('unix://'.length) };
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port) };
}

/** The most clamd takes in one chunk is StreamMaxLength; 64 KiB chunks stay well below. */
const CHUNK = 64 * 1024;

export function createClamdScanner(url: string, options: { timeoutMs?: number } = {}): VirusScanner {
  const address = clamdAddress(url);
  const timeoutMs = options.timeoutMs ?? 60_000;
  return {
    name: 'clamd',
    scan: (content) =>
      new Promise<ScanVerdict>((resolve, reject) => {
        const socket = net.connect(address);
        const replies: Buffer[] = [];
        let settled = false;
        const fail = (error: Error) => {
          if (settled) return;
          settled = true;
          socket.destroy();
          content.destroy();
          reject(error instanceof ScannerUnavailableError ? error : new ScannerUnavailableError(`clamd: ${error.message}`));
        };
        socket.setTimeout(timeoutMs, () => fail(new Error('timed out')));
        socket.on('error', fail);
        socket.on('data', (chunk: Buffer) => replies.push(chunk));
        socket.on('end', () => {
          if (settled) return;
          settled = true;
          socket.destroy();
          const reply = Buffer.concat(replies).toString('utf8').replace(/\0+$/, '').trim();
          const verdict = parseClamdReply(reply);
          if (verdict) resolve(verdict);
          else reject(new ScannerUnavailableError(`clamd: unexpected reply "${reply.slice(0, 200)}"`));
        });
        socket.once('connect', () => void send());
        const send = async () => {
          try {
            socket.write('zINSTREAM\0');
            for await (const piece of content) {
              const buffer = piece as Buffer;
              for (let at = 0; at < buffer.length; at += CHUNK) {
                const part = buffer.subarray(at, at + CHUNK);
                const size = Buffer.alloc(4);
                size.writeUInt32BE(part.length, 0);
                if (!socket.write(Buffer.concat([size, part]))) await new Promise((r) => socket.once('drain', r));
                if (settled) return;
              }
            }
            socket.write(Buffer.alloc(4));
          } catch (error) {
            fail(error as Error);
          }
        };
      }),
  };
}

/** clamd's answer to INSTREAM: `stream: OK`, `stream: Eicar-Test-Signature FOUND`; anything else is an error. */
export function parseClamdReply(reply: string): ScanVerdict | undefined {
  const text = reply.replace(/^stream:\s*/, '');
  if (text === 'OK') return { status: 'clean' };
  const found = /^(.+) FOUND$/.exec(text);
  if (found) return { status: 'infected', signature: found[1]! };
  return undefined;
}
