import { describe, expect, it } from 'vitest';
import { pickLanguage } from './language.ts';

describe('pickLanguage', () => {
  it.each([
    [undefined, 'vi'],
    ['', 'vi'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    ['fr-FR,en;q=0.5', 'en'],
    ['en;q=0.4,vi;q=0.6', 'vi'],
    ['de, fr', 'vi'],
    ['en;q=0', 'vi'],
  ] as const)('%s → %s', (header, lang) => {
    expect(pickLanguage(header)).toBe(lang);
  });
});
