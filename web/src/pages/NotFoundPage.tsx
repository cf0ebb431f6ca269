import { useTranslation } from 'react-i18next';
import { PATHS } from '../paths.ts';
import { Link } from '../router.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page page--not-found">
      <h1 tabIndex={-1}>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to={PATHS.home}>{t('notFound.back')}</Link>
      </p>
    </div>
  );
}
