// i18n: Vietnamese by default, English on request. The choice is kept in localStorage and
// mirrored in <html lang> so that assistive technology reads the page in the right language.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json' with { type: 'json' };
import vi from './vi.json' with { type: 'json' };

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';

const STORAGE_KEY = 'motcua.language';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(value)) return value;
  } catch {
    // Storage can be unavailable (privacy settings); fall back to the default.
  }
  return DEFAULT_LANGUAGE;
}

function applyLanguage(language: string): void {
  document.documentElement.lang = isLanguage(language) ? language : DEFAULT_LANGUAGE;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted; the page still switches.
  }
}

i18n.on('languageChanged', applyLanguage);

// Each feature keeps its texts beside its pages (src/features/<name>/i18n/vi.json, en.json), under
// a top-level key of its own, merged here into one translation tree.
const featureTexts = (language: Language) =>
  Object.assign(
    {},
    ...Object.values(
      language === 'vi'
        ? import.meta.glob<Record<string, unknown>>('../features/*/i18n/vi.json', { eager: true, import: 'default' })
        : import.meta.glob<Record<string, unknown>>('../features/*/i18n/en.json', { eager: true, import: 'default' }),
    ),
  ) as Record<string, unknown>;

await i18n.use(initReactI18next).init({
  resources: {
    vi: { translation: { ...vi, ...featureTexts('vi') } },
    en: { translation: { ...en, ...featureTexts('en') } },
  },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes.
  returnNull: false,
  showSupportNotice: false,
});

/** The current UI language (always one of LANGUAGES). */
export const currentLanguage = (): Language =>
  isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;

export default i18n;
