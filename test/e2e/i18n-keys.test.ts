// The web app's translations: Vietnamese and English have the same keys, and every key the code
// names exists. (No browser needed; lives with the web tests.)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../src/core/access/permissions.ts';
import baseEn from '../../web/src/i18n/en.json' with { type: 'json' };
import baseVi from '../../web/src/i18n/vi.json' with { type: 'json' };

// Features keep their texts in web/src/features/<name>/i18n/{vi,en}.json (merged by the app).
const featuresDir = path.join(import.meta.dirname, '../../web/src/features');
const featureTexts = (language: 'vi' | 'en'): Record<string, unknown> =>
  Object.assign(
    {},
    ...(existsSync(featuresDir) ? readdirSync(featuresDir) : [])
      .map((name) => path.join(featuresDir, name, 'i18n', `${language}.json`))
      .filter((file) => existsSync(file))
      .map((file) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>),
  );
const vi = { ...baseVi, ...featureTexts('vi') } as typeof baseVi & Record<string, unknown>;
const en = { ...baseEn, ...featureTexts('en') } as typeof baseEn & Record<string, unknown>;

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const normalized = (tree: unknown) => [...new Set(keys(tree).map((k) => k.replace(PLURAL_SUFFIX, '')))].sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

// One spelling of the words with "oa", "oe", "uy" and no final consonant: the tone mark on the
// first vowel ("xóa", "khóa", "hóa", "khỏe", "thủy"), as the web app was unified ("xoá"/"khoá"
// became "xóa"/"khóa"). After "q" the "u" belongs to the consonant ("quý" is right either way).
const TONE_ON_SECOND_VOWEL = /(?<![qQ])(?:[oO][áàảãạéèẻẽẹÁÀẢÃẠÉÈẺẼẸ]|[uU][ýỳỷỹỵÝỲỶỸỴ])$/u;
const otherSpelling = (word: string) => TONE_ON_SECOND_VOWEL.test(word);

function textFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return textFiles(full);
    return /\.(tsx?|json|css|html)$/.test(entry.name) ? [full] : [];
  });
}

describe('web translations', () => {
  it('vi and en have the same keys', () => {
    expect(normalized(en)).toEqual(normalized(vi));
  });

  it('every literal key used in web/src exists', () => {
    const known = new Set(normalized(vi));
    const namespaces = new Set(Object.keys(vi));
    const used = new Set<string>();
    for (const file of sourceFiles(path.join(import.meta.dirname, '../../web/src'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/['"]([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+)['"]/g)) {
        const key = match[1]!;
        // A permission's name ('lgsp.admin', given to a page or useCan) shares the namespaces' words but is no text key.
        if (namespaces.has(key.split('.')[0]!) && !key.endsWith('.json') && !(key in PERMISSIONS)) used.add(key);
      }
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((k) => !known.has(k))).toEqual([]);
  });

  it('spells xóa, khóa (and every word like them) one way: the tone mark on the first vowel', () => {
    for (const word of ['xoá', 'Xoá', 'khoá', 'Khoá', 'hoá', 'khoẻ', 'thuỷ', 'Uỷ']) expect(otherSpelling(word), word).toBe(true);
    for (const word of ['xóa', 'Xóa', 'khóa', 'Khóa', 'hóa', 'khỏe', 'thủy', 'Ủy', 'quý', 'Quý', 'hoàn', 'soát', 'khoản', 'thoại']) expect(otherSpelling(word), word).toBe(false);

    const root = path.join(import.meta.dirname, '../../web/src');
    const found: string[] = [];
    for (const file of textFiles(root)) {
      readFileSync(file, 'utf8')
        .normalize('NFC')
        .split('\n')
        .forEach((line, i) => {
          for (const [word] of line.matchAll(/\p{L}+/gu)) if (otherSpelling(word)) found.push(`${path.relative(root, file)}:${i + 1}: ${word}`);
        });
    }
    // The Vietnamese texts themselves (the files above include them; this says so if they move).
    const texts = JSON.stringify(vi);
    expect(texts).toContain('Xóa');
    expect(texts).toContain('khóa');
    expect(found).toEqual([]);
  });

  it('Vietnamese texts carry their diacritics', () => {
    expect(vi.app.ministry).toBe('Bộ Khoa học và Công nghệ');
    expect(vi.app.system).toBe('Hệ thống thông tin giải quyết thủ tục hành chính');
    expect(vi.nav.deadline).toBe('Tính hạn giải quyết');
  });
});
