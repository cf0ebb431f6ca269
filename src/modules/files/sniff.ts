// What a file is, decided from its bytes (never from its name or the Content-Type its sender
// declared), mapped to the formats a procedure's dossier components accept (AcceptedFormat).
//
//   pdf, jpg, png, tiff, zip   file-type's magic numbers
//   docx, xlsx                 file-type, from the zip's entries ([Content_Types].xml, word/, xl/)
//   doc, xls                   an OLE2 compound file (file-type: 'cfb'); which one is read from
//                              its directory: a "WordDocument" stream makes it a Word document,
//                              "Workbook" (BIFF8) or "Book" (BIFF5) an Excel workbook. Only when
//                              the directory cannot be read (no entry but the root) does the
//                              declared extension decide, and only between doc and xls (a .ppt
//                              or .msi, whose directory names other streams, stays refused).
//   xml                        text starting with `<?xml` (after an optional UTF-8 byte order
//                              mark, or in UTF-16 with its mark)
//
// Anything else is refused, naming what was detected.
import { PassThrough, type Readable } from 'node:stream';
import { fileTypeFromBuffer, fileTypeFromStream, type FileTypeResult } from 'file-type';
import type { AcceptedFormat } from '../../core/catalog/types.ts';
import { extensionOf } from './names.ts';

/** How many leading bytes the XML check reads. */
export const HEAD_BYTES = 4100;

export const MEDIA_TYPES: Record<AcceptedFormat, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
  xml: 'application/xml',
  zip: 'application/zip',
};

const FROM_FILE_TYPE: Partial<Record<string, AcceptedFormat>> = {
  pdf: 'pdf',
  jpg: 'jpg',
  png: 'png',
  tif: 'tiff',
  zip: 'zip',
  docx: 'docx',
  xlsx: 'xlsx',
  xml: 'xml',
};

export type SniffResult =
  | { ok: true; format: AcceptedFormat; mediaType: string }
  /** `detected`: file-type's extension and media type, or 'unknown'. */
  | { ok: false; detected: string; detectedMediaType?: string };

/**
 * The bytes to sniff: a buffer (small inputs, tests), or a function opening a fresh stream of
 * the complete content (called at most three times: the XML check, file-type, the OLE2 directory).
 */
export type SniffSource = Uint8Array | (() => Readable);

export async function sniff(source: SniffSource, declaredName?: string): Promise<SniffResult> {
  const head = source instanceof Uint8Array ? source.subarray(0, HEAD_BYTES) : await readHead(source(), HEAD_BYTES);
  if (isXml(head)) return accepted('xml');

  let type: FileTypeResult | undefined;
  const stream = source instanceof Uint8Array ? undefined : byteStream(source());
  try {
    type = stream ? await fileTypeFromStream(stream) : await fileTypeFromBuffer(source as Uint8Array);
  } catch {
    // A file that trips file-type's own limits (a zip bomb's headers, a truncated container).
    type = undefined;
  } finally {
    stream?.destroy();
  }
  if (!type) return { ok: false, detected: 'unknown' };

  if (type.ext === 'cfb') {
    const streams = await compoundStreamNames(source instanceof Uint8Array ? [source] : source());
    if (streams.has('WordDocument')) return accepted('doc');
    if (streams.has('Workbook') || streams.has('Book')) return accepted('xls');
    // A directory that names other streams (PowerPoint, an installer) is neither; only one whose
    // entries could not be read (nothing beyond the root) leaves the choice to the declared name.
    const declared = extensionOf(declaredName ?? '');
    const unreadable = [...streams].every((name) => name === 'Root Entry');
    if (unreadable && (declared === 'doc' || declared === 'xls')) return accepted(declared);
    return { ok: false, detected: type.ext, detectedMediaType: type.mime };
  }
  const format = FROM_FILE_TYPE[type.ext];
  return format ? accepted(format) : { ok: false, detected: type.ext, detectedMediaType: type.mime };
}

/** file-type reads a byte stream; a stream of Buffer objects (Readable.from) is turned into one. */
function byteStream(stream: Readable): Readable {
  return stream.readableObjectMode ? stream.pipe(new PassThrough()) : stream;
}

function accepted(format: AcceptedFormat): SniffResult {
  return { ok: true, format, mediaType: MEDIA_TYPES[format] };
}

/** `<?xml` followed by white space, after an optional UTF-8 BOM; or the same in UTF-16 with its BOM. */
export function isXml(head: Uint8Array): boolean {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const declaration = /^<\?xml[ \t\r\n]/;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 14));
    return declaration.test(swapped.swap16().toString('utf16le'));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return declaration.test(bytes.subarray(2, 14).toString('utf16le'));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return declaration.test(bytes.subarray(start, start + 6).toString('latin1'));
}

async function readHead(stream: Readable, size: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= size) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, size);
}

/**
 * The names of the entries of an OLE2 compound file's directory, read in one pass. Directory
 * entries are 128 bytes, in sectors of 512 or 4096 bytes after a 512-byte header, so every entry
 * starts at a multiple of 128: at each, a UTF-16LE name (up to 31 characters, NUL-terminated)
 * and, at byte 64, its length in bytes including the NUL. Only entries whose recorded length
 * matches a name of letters are taken, so content bytes are very unlikely to pass for one.
 */
async function compoundStreamNames(chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<Set<string>> {
  const names = new Set<string>();
  let pending = Buffer.alloc(0);
  let offset = 0;
  for await (const chunk of chunks) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : Buffer.from(chunk);
    let at = 0;
    for (; at + 128 <= pending.length; at += 128, offset += 128) {
      if (offset < 512) continue;
      const nameBytes = pending.readUInt16LE(at + 64);
      if (nameBytes < 4 || nameBytes > 64 || nameBytes % 2 !== 0) continue;
      const name = pending.toString('utf16le', at, at + nameBytes - 2);
      if (pending.readUInt16LE(at + nameBytes - 2) === 0 && /^[A-Za-z][A-Za-z0-9 _]*$/.test(name)) names.add(name);
    }
    pending = pending.subarray(at);
  }
  return names;
}
