// The page frame: skip link, header with the ministry and system names, language switch, the
// login button or the user's menu, main navigation (officer entries for officers only), the
// current page, footer. The logged-in user is read once and shared (lib/session.tsx).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { AccountMenu } from './components/AccountMenu.tsx';
import { SessionProvider, useSession } from './lib/session.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { PATHS } from './paths.ts';
import { findRoute, NAV_ROUTES } from './routes.tsx';
import { Link, ParamsProvider, RouterProvider, useRouter } from './router.tsx';

export function App() {
  return (
    <RouterProvider>
      <SessionProvider>
        <Layout />
      </SessionProvider>
    </RouterProvider>
  );
}

function Layout() {
  const { t } = useTranslation();
  const { path } = useRouter();
  const { me } = useSession();
  const navRoutes = NAV_ROUTES.filter((r) => r.navAudience !== 'officer' || me?.kind === 'officer');
  const match = findRoute(path);
  const route = match?.route;
  const Page = route?.Component ?? NotFoundPage;
  const pageTitle = t(route?.titleKey ?? 'notFound.title');

  useEffect(() => {
    document.title = t('app.documentTitle', { page: pageTitle });
  }, [t, pageTitle]);

  // After an in-app navigation, move focus to the new page's heading so that screen readers
  // read it and keyboard users start from the top of the content. Pages load lazily and their
  // heading may come a moment later: wait for it (never leaving focus on <body>).
  const shownPath = useRef(path);
  useEffect(() => {
    if (shownPath.current === path) return; // first render (and StrictMode's second run)
    shownPath.current = path;
    return focusHeadingOf(document.getElementById('main-content'));
  }, [path]);

  return (
    <>
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__top">
          <div className="container site-header__bar">
            <Link to={PATHS.home} className="brand">
              <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                <circle cx="16" cy="16" r="15" fill="#a3161a" stroke="#ffd54a" strokeWidth="2" />
                <path
                  fill="#ffd54a"
                  d="M16 6.5l2.4 7.3h7.7l-6.2 4.5 2.4 7.3-6.3-4.5-6.3 4.5 2.4-7.3-6.2-4.5h7.7z"
                />
              </svg>
              <span className="brand__text">
                <span className="brand__ministry">{t('app.ministry')}</span>
                <span className="brand__system">{t('app.system')}</span>
              </span>
            </Link>
            <div className="site-header__tools">
              <LanguageSwitch />
              <AccountMenu />
            </div>
          </div>
        </div>
        <nav className="main-nav" aria-label={t('app.mainNav')}>
          <ul className="container main-nav__list">
            {navRoutes.map((r) => (
              <li key={r.path}>
                <Link
                  to={r.path}
                  className="main-nav__link"
                  aria-current={r.path === path ? 'page' : undefined}
                >
                  {t(r.navKey ?? '')}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>

      <main id="main-content" className="container site-main" tabIndex={-1}>
        <ParamsProvider params={match?.params ?? {}}>
          <Page key={path} />
        </ParamsProvider>
      </main>

      <footer className="site-footer">
        <div className="container site-footer__inner">
          <div>
            <p className="site-footer__name">{t('app.ministry')}</p>
            <p>{t('app.footerAbout')}</p>
            <p>{t('app.footerTime')}</p>
          </div>
          <nav aria-label={t('app.footerLinks')}>
            <ul className="site-footer__links">
              <li>
                <a href="/api/docs">{t('app.apiDocs')}</a>
              </li>
            </ul>
          </nav>
        </div>
      </footer>
    </>
  );
}

/**
 * Focus the page's h1 (made focusable) as soon as it is in `main`, and again when a loading
 * heading is replaced by the page's own while focus has nowhere else to be; `main` until then.
 * Stops after a few seconds or at the user's first key or click.
 */
function focusHeadingOf(main: HTMLElement | null): (() => void) | undefined {
  if (!main) return undefined;
  const tryFocus = (): boolean => {
    const heading = main.querySelector<HTMLElement>('h1');
    if (!heading) return false;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
    return true;
  };
  if (!tryFocus()) main.focus({ preventScroll: true });
  const lost = () => {
    const active = document.activeElement;
    return !active || active === document.body || active === main;
  };
  const observer = new MutationObserver(() => {
    if (lost()) tryFocus();
  });
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
    window.removeEventListener('keydown', stop, true);
    window.removeEventListener('pointerdown', stop, true);
  };
  const timer = window.setTimeout(stop, 5000);
  window.addEventListener('keydown', stop, true);
  window.addEventListener('pointerdown', stop, true);
  observer.observe(main, { childList: true, subtree: true });
  return stop;
}
