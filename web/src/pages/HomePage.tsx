import { useTranslation } from 'react-i18next';
import { PATHS } from '../paths.ts';
import { Link } from '../router.tsx';

export function HomePage() {
  const { t } = useTranslation();
  return (
    <div className="page page--home">
      <h1 tabIndex={-1}>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>

      <section aria-labelledby="home-tools" className="tools">
        <h2 id="home-tools">{t('home.toolsHeading')}</h2>
        <ul className="card-list">
          <li className="card">
            <h3 className="card__title">{t('home.deadlineTitle')}</h3>
            <p>{t('home.deadlineText')}</p>
            <Link to={PATHS.deadline} className="button button--primary">
              {t('home.deadlineLink')}
            </Link>
          </li>
        </ul>
      </section>
    </div>
  );
}
