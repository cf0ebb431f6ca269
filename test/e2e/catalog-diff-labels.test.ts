// The version diff page names every change by its place in words, in the page language: a
// field's label, an item's number, a list item's key — never the content's own keys or the JSON
// pointer. (A regression: a changed time-limit note was shown as "Sửa note".) The page takes the
// place from diffChangePlace (web/src/features/catalog/components/pointers.ts); this runs it over
// every change the server's diff gives for the seed catalog, with the app's translations. (No
// browser needed; lives with the web tests.)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffContent, type ContentChange } from '../../src/core/catalog/diff.ts';
import { sampleContent } from '../../src/core/catalog/fixtures.ts';
import type { ProcedureContent } from '../../src/core/catalog/types.ts';
import { SEED_PROCEDURES } from '../../src/modules/catalog/seed/procedures.ts';
import baseEn from '../../web/src/i18n/en.json' with { type: 'json' };
import baseVi from '../../web/src/i18n/vi.json' with { type: 'json' };
import { diffChangePlace } from '../../web/src/features/catalog/components/pointers.ts';

const featuresDir = path.join(import.meta.dirname, '../../web/src/features');
const featureTexts = (language: 'vi' | 'en'): Record<string, unknown> =>
  Object.assign(
    {},
    ...readdirSync(featuresDir)
      .map((name) => path.join(featuresDir, name, 'i18n', `${language}.json`))
      .filter((file) => existsSync(file))
      .map((file) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>),
  );

const translations: Record<'vi' | 'en', TFunction> = {} as never;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { vi: { translation: { ...baseVi, ...featureTexts('vi') } }, en: { translation: { ...baseEn, ...featureTexts('en') } } },
    lng: 'vi',
    fallbackLng: false,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  translations.vi = i18n.getFixedT('vi');
  translations.en = i18n.getFixedT('en');
});

const KEY_FIELDS = new Set(['code', 'number', 'unitId']);

/** Every value changed (strings, numbers, booleans, lists of plain values), list keys kept. */
function touched(value: unknown, field = ''): unknown {
  if (typeof value === 'string') return KEY_FIELDS.has(field) ? value : `${value} (sửa)`;
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  if (Array.isArray(value)) return value.every((x) => x === null || typeof x !== 'object') ? [...value, 'thêm'] : value.map((x) => touched(x));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, touched(v, k)]));
  return value;
}

/** The changes of many edits of one version: every leaf changed, every list emptied, every part removed and added. */
function changesOf(content: ProcedureContent): ContentChange[] {
  const record = content as unknown as Record<string, unknown>;
  const emptied = Object.fromEntries(Object.entries(record).map(([k, v]) => [k, Array.isArray(v) ? [] : v])) as unknown as ProcedureContent;
  const changes = [...diffContent(content, touched(content) as ProcedureContent), ...diffContent(content, emptied), ...diffContent(emptied, content)];
  for (const part of Object.keys(record)) {
    const without = { ...record, [part]: undefined } as unknown as ProcedureContent;
    changes.push(...diffContent(content, without), ...diffContent(without, content));
  }
  return changes;
}

const contents: ProcedureContent[] = [
  sampleContent({ processingTime: { value: 20, unit: 'working_days', skipDaysOff: false, note: 'Không kể thời gian sửa đổi hồ sơ' }, requiredAssurance: 'LoA2' } as Partial<ProcedureContent>),
  ...SEED_PROCEDURES.map((p) => p.content as ProcedureContent),
];

/** What a label must never be or contain: the pointer, a content key, an untranslated i18n key. */
function rawParts(place: string, change: ContentChange, language: 'vi' | 'en'): string[] {
  const found: string[] = [];
  if (place.trim() === '') found.push('(empty)');
  if (place.includes(change.path) || place.includes('/')) found.push('a JSON pointer');
  if (/\bcatalog\.|\{\{/.test(place)) found.push('an i18n key');
  if (place === translations[language]('catalog.pointer.other')) found.push('"other content" for a part the page should name');
  for (const segment of change.path.split('/').filter((s) => s && !/^\d+$/.test(s))) {
    // Vietnamese labels hold no English words at all; English labels may hold plain words
    // ("name"), so there only the content's compound keys (processingTime) give it away.
    const suspicious = language === 'vi' || /[a-z][A-Z]/.test(segment);
    if (suspicious && new RegExp(`(^|[^\\p{L}])${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(place)) found.push(`the key "${segment}"`);
  }
  return found;
}

describe('the version diff’s place of each change', () => {
  it('names a changed time-limit note by its label, not by its key (the "Sửa note" regression)', () => {
    const before = contents[0]!;
    const after = { ...before, processingTime: { ...before.processingTime!, note: 'Không kể ngày nghỉ' } };
    const [change] = diffContent(before, after);
    expect(change).toMatchObject({ path: '/processingTime/note', kind: 'changed' });
    expect(diffChangePlace(translations.vi, change!, 'Thời hạn giải quyết')).toBe('Thời hạn giải quyết — Ghi chú về thời hạn');
    expect(diffChangePlace(translations.en, change!, 'Processing time')).toBe('Processing time limit — Note on the time limit');
  });

  it('names an item of a keyed list by its part, number, field and key', () => {
    const before = contents[0]!;
    const after = { ...before, components: [{ ...before.components[0]!, name: 'Tờ khai (mẫu mới)' }] };
    const [change] = diffContent(before, after);
    expect(diffChangePlace(translations.vi, change!, 'Thành phần hồ sơ')).toBe('Thành phần, số lượng hồ sơ — mục 1 — Tên giấy tờ (TP01)');
  });

  it.each(['vi', 'en'] as const)('names every change of the seed catalog in words (%s)', (language) => {
    const t = translations[language];
    const seen = new Set<string>();
    const wrong: string[] = [];
    for (const content of contents) {
      for (const change of changesOf(content)) {
        const place = diffChangePlace(t, change, `[${change.section}]`);
        // The key of a keyed list's item is data (a component's code, a decree's number), shown as such.
        const words = change.key ? place.replace(` (${change.key})`, '') : place;
        seen.add(change.path.replace(/\/\d+/g, '/#'));
        const found = rawParts(words, change, language);
        if (words.startsWith('[')) found.push('only the section fallback');
        if (found.length > 0) wrong.push(`${change.path} → "${place}": ${found.join(', ')}`);
      }
    }
    expect(seen.size).toBeGreaterThan(100); // every part, and fields deep inside them
    expect([...new Set(wrong)]).toEqual([]);
  });
});
