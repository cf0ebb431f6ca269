// Vietnamese text folding for search: the same function folds what is stored (search columns) and
// what the user types, so "dang ky sang che", "ĐĂNG KÝ SÁNG CHẾ" and "Đăng ký sáng chế" meet.
// Pure code (no Node APIs): the web app may use it to highlight matches.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Lower case, diacritics removed, đ → d. NFD splits precomposed letters (ế = e + ̂ + ́) so the
 * marks can be dropped; đ/Đ have no decomposition and are mapped explicitly (Ð, U+00D0, is a
 * frequent look-alike typed for Đ).
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐÐ]/g, 'd')
    .toLowerCase();
}

/** Folded words of a text: runs of a–z and 0–9 (everything else separates words). */
export function searchWords(text: string): string[] {
  return foldVietnamese(text).match(/[a-z0-9]+/g) ?? [];
}

/** Search text as stored: folded words joined by single spaces. */
export function toSearchText(...parts: Array<string | undefined | null>): string {
  return parts.flatMap((p) => (p ? searchWords(p) : [])).join(' ');
}

/** The words of a query (at most `max`, duplicates removed), ready for a prefix search. */
export function queryWords(query: string, max = 12): string[] {
  return [...new Set(searchWords(query))].slice(0, max);
}
