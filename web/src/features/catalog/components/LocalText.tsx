// Catalog texts are written in Vietnamese; some have an English version (a procedure's `nameEn`,
// the public parts' labels). On an English page the English text is shown where there is one;
// elsewhere the Vietnamese text is marked lang="vi" (so a screen reader reads it as Vietnamese)
// and, where it matters, said to be in Vietnamese only.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../components/Notice.tsx';
import type { Language } from '../../../i18n/index.ts';

/** A procedure's name in the page language: `{ text, lang }` (lang 'vi' when only Vietnamese exists). */
export function procedureName(p: { name: string; nameEn?: string | null | undefined }, language: Language): { text: string; lang: Language } {
  if (language === 'en' && p.nameEn) return { text: p.nameEn, lang: 'en' };
  return { text: p.name, lang: 'vi' };
}

/** A Vietnamese-only text inside an English page: lang="vi", and "(in Vietnamese only)" when `note`. */
export function ViText({ language, note = false, children }: { language: Language; note?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  if (language === 'vi') return <>{children}</>;
  return (
    <>
      <span lang="vi">{children}</span>
      {note && <span className="vi-only"> ({t('catalog.viOnly.short')})</span>}
    </>
  );
}

/** The notice above content that exists in Vietnamese only (shown on English pages). */
export function ViOnlyNotice({ language, id }: { language: Language; id?: string }) {
  const { t } = useTranslation();
  if (language === 'vi') return null;
  return (
    <Notice tone="info" id={id}>
      {t('catalog.viOnly.content')}
    </Notice>
  );
}
