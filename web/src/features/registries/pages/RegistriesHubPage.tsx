// Cơ sở dữ liệu chuyên ngành: the four sector databases, each with a link to its public page.
import { useTranslation } from 'react-i18next';
import { Link } from '../../../router.tsx';

const ENTRIES = [
  { key: 'st', path: '/co-so-du-lieu/khoa-hoc-cong-nghe' },
  { key: 'techmarket', path: '/co-so-du-lieu/cung-cau-cong-nghe' },
  { key: 'ip', path: '/co-so-du-lieu/so-huu-tri-tue' },
  { key: 'stameq', path: null },
] as const;

export function RegistriesHubPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('registries.hub.title')}</h1>
      <p>{t('registries.hub.intro')}</p>
      <ul className="registries-hub">
        {ENTRIES.map((e) => (
          <li key={e.key}>
            <h2>{e.path ? <Link to={e.path}>{t(`registries.name.${e.key}`)}</Link> : t(`registries.name.${e.key}`)}</h2>
            <p>{t(`registries.hub.about.${e.key}`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
