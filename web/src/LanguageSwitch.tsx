// Vietnamese / English switch: two toggle buttons, each named in its own language.
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES } from './i18n/index.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="language-switch__button"
          aria-pressed={lang === active}
          onClick={() => {
            if (lang !== active) void i18n.changeLanguage(lang);
          }}
        >
          {t(`language.${lang}`)}
        </button>
      ))}
    </div>
  );
}
