// File names: what an uploader's browser sends is shown to officers and offered again at
// download, so it is cleaned once, at upload, and encoded for the Content-Disposition header at
// every download. The stored bytes never live under this name (the store addresses them by hash).
import type { AcceptedFormat } from '../../core/catalog/types.ts';

export const MAX_NAME_LENGTH = 200;

/** The base name when nothing usable is left ("attached file"). */
export const FALLBACK_BASE = 'tep-dinh-kem';

/** Extensions a name of each format may end in (the first is the one added when it ends otherwise). */
export const FORMAT_EXTENSIONS: Record<AcceptedFormat, readonly string[]> = {
  pdf: ['pdf'],
  doc: ['doc'],
  docx: ['docx'],
  xls: ['xls'],
  xlsx: ['xlsx'],
  jpg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  png: ['png'],
  tiff: ['tiff', 'tif'],
  xml: ['xml'],
  zip: ['zip'],
};

// Controls (C0, DEL, C1), format characters (bidirectional overrides that make "gpj.exe" read
// as "exe.jpg", zero-width characters), line and paragraph separators, private-use, unpaired
// surrogates; and the characters Windows refuses in names.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}]/gu;
const RESERVED = /[<>:"/\\|?*]/g;

/** The extension of a name, lower case, without the dot ('' when none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return '';
  const extension = name.slice(dot + 1).toLowerCase();
  return /^[a-z0-9]{1,10}$/.test(extension) ? extension : '';
}

/**
 * A safe display name: NFC; only the last path component (either slash); control and invisible
 * characters removed (tabs and line breaks count as spaces); runs of white space collapsed;
 * leading dots and trailing dots/spaces removed; Vietnamese and other letters kept. At most
 * MAX_NAME_LENGTH characters, shortened before the extension. When `format` is given the name
 * ends in one of its extensions (".pdf" is added to "hop-dong.exe" holding a PDF), so the name a
 * download is saved under matches what it holds. Never empty: "tep-dinh-kem.<ext>".
 */
export function sanitizeFileName(raw: string | undefined, format?: AcceptedFormat): string {
  let name = (raw ?? '').normalize('NFC');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.]+/u, '')
    .replace(/[\s.]+$/u, '');

  // The extension as written ("PDF" stays "PDF"); compared in lower case.
  let extension = extensionOf(name) ? name.slice(name.lastIndexOf('.') + 1) : '';
  let base = extension ? name.slice(0, -(extension.length + 1)).replace(/[\s.]+$/u, '') : name;
  if (format && !FORMAT_EXTENSIONS[format].includes(extension.toLowerCase())) {
    // The name's own ending is kept as part of the base ("bao-cao.docx.zip"): it says what the
    // uploader meant, the added one what the bytes are.
    if (extension) base = base ? `${base}.${extension}` : extension;
    extension = FORMAT_EXTENSIONS[format][0]!;
  }
  if (!base) base = FALLBACK_BASE;
  const suffix = extension ? `.${extension}` : '';
  const room = MAX_NAME_LENGTH - suffix.length;
  const chars = Array.from(base);
  if (chars.length > room) base = chars.slice(0, room).join('').replace(/[\s.]+$/u, '') || FALLBACK_BASE;
  return `${base}${suffix}`;
}

/** The name in printable ASCII: diacritics removed, Đ → D, anything else outside ASCII → "_". */
export function asciiFileName(name: string): string {
  const folded = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ĐÐ]/g, 'D')
    .replace(/đ/g, 'd')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  return folded.trim() || `${FALLBACK_BASE}${extensionOf(name) ? `.${extensionOf(name)}` : ''}`;
}

/** RFC 8187 (ex-5987) value-chars: percent-encode everything outside attr-char. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment; filename="<ascii>"; filename*=UTF-8''<utf-8>` (RFC 6266 §4.3): clients that read
 * `filename*` get the Vietnamese name; the others the ASCII fallback.
 */
export function contentDisposition(name: string): string {
  const utf8 = name.normalize('NFC');
  return `attachment; filename="${asciiFileName(utf8)}"; filename*=UTF-8''${encodeRfc8187(utf8)}`;
}
