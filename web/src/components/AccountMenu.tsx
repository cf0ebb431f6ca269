// The header's account area: "Đăng nhập" for a visitor; for a logged-in user a disclosure button
// with their name that opens a panel with who they are (ID or username, e-ID level, role badges),
// their pages and "Đăng xuất". A plain disclosure (button + aria-expanded), not an ARIA menu:
// Tab moves through the panel, Escape closes it and returns focus to the button.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IDENTITY_PATHS as ROUTE_PATHS } from '../lib/identity-paths.ts';
import { useSession } from '../lib/session.tsx';
import { Link, useRouter } from '../router.tsx';
import { RoleBadge } from './RoleBadge.tsx';
import './components.css';
import './account-menu.css';

/** The login page, coming back to `path` afterwards (not for the home page or the login page). */
export function loginPathFor(path: string): string {
  if (path === '/' || path === ROUTE_PATHS.login) return ROUTE_PATHS.login;
  return `${ROUTE_PATHS.login}?returnTo=${encodeURIComponent(path + window.location.search)}`;
}

export function AccountMenu() {
  const { t } = useTranslation();
  const { status, me, logout } = useSession();
  const { path } = useRouter();
  const [open, setOpen] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // A new page closes the panel.
  useEffect(() => setOpen(false), [path]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  if (status === 'loading') return <span className="account-menu account-menu--pending" />;

  if (!me) {
    return (
      <Link to={loginPathFor(path)} className="account-login">
        <UserIcon />
        <span>{t('account.header.login')}</span>
      </Link>
    );
  }

  const roles = [...new Set(me.roles.map((g) => g.role))];
  const identity =
    me.kind === 'citizen' && me.personalId
      ? t('account.header.personalId', { id: me.personalId })
      : me.kind === 'organization' && me.taxCode
        ? t('account.header.taxCode', { code: me.taxCode })
        : me.username
          ? t('account.header.username', { username: me.username })
          : '';

  return (
    <div className="account-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="account-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <UserIcon />
        <span className="account-menu__name">{me.fullName}</span>
        <span className="visually-hidden">{t('account.header.menuHint')}</span>
        <svg className="account-menu__chevron" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      </button>
      <div className="account-menu__panel" id={panelId} hidden={!open}>
        <p className="account-menu__who">
          <span className="account-menu__fullname">{me.fullName}</span>
          {identity && <span className="account-menu__identity">{identity}</span>}
          {me.acr && <span className="account-menu__identity">{t('account.header.level', { level: t(`account.level.${me.acr}`, { defaultValue: me.acr }) })}</span>}
        </p>
        {roles.length > 0 && (
          <>
            <p className="visually-hidden" id={`${panelId}-roles`}>
              {t('account.header.roles')}
            </p>
            <ul className="badge-list account-menu__roles" aria-labelledby={`${panelId}-roles`}>
              {roles.map((role) => (
                <li key={role}>
                  <RoleBadge role={role} />
                </li>
              ))}
            </ul>
          </>
        )}
        {me.totpEnrolmentRequired && <p className="account-menu__warning">{t('account.header.totpRequired')}</p>}
        <ul className="account-menu__links">
          {me.kind === 'citizen' && (
            <li>
              <Link to={ROUTE_PATHS.profile}>{t('account.header.profile')}</Link>
            </li>
          )}
          {me.kind === 'organization' && (
            <li>
              <Link to={ROUTE_PATHS.organization}>{t('account.header.organization')}</Link>
            </li>
          )}
          {me.kind === 'officer' && (
            <>
              <li>
                <Link to={ROUTE_PATHS.workspace}>{t('account.header.workspace')}</Link>
              </li>
              <li>
                <Link to={ROUTE_PATHS.totp}>{t('account.header.totp')}</Link>
              </li>
            </>
          )}
        </ul>
        <button
          type="button"
          className="button button--secondary button--small button--block"
          aria-disabled={leaving || undefined}
          onClick={() => {
            if (leaving) return;
            setLeaving(true);
            void logout().catch(() => setLeaving(false));
          }}
        >
          {leaving ? t('account.header.loggingOut') : t('account.header.logout')}
        </button>
      </div>
    </div>
  );
}

function UserIcon() {
  return (
    <svg className="account-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}
