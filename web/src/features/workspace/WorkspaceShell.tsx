// The officers' workspace frame: the workspace's own navigation (what the officer's roles open),
// the unit switcher (the unit the officer works for, among those where they hold a role) with the
// roles held there as badges, then the page. Pages inside it declare the permission their main
// route checks (src/core/access/permissions.ts), read from GET /api/v1/me; the frame shows a login invitation or a 403 message instead of the page when needed.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Forbidden, Loading, LoginRequired } from '../../components/AccessNotices.tsx';
import { Notice } from '../../components/Notice.tsx';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import { DOSSIER_PATHS } from '../../lib/dossier-paths.ts';
import { IDENTITY_PATHS } from '../../lib/identity-paths.ts';
import { PERMISSIONS } from '@server/contracts/access.ts';
import { hasPermission, rolesIn, unitsOf, useSession, type Me, type Permission } from '../../lib/session.tsx';
import { Link, useRouter } from '../../router.tsx';
import { useUnits } from './units.ts';
import '../../components/components.css';
import './workspace.css';
import { roleLabel } from '../../lib/roles.ts';
import { LGSP_PATH } from '../lgsp/api.ts';
import { TEMPLATES_PATH } from '../results/api.ts';
import { QUALITY_PATHS } from '../quality/paths.ts';
import { PORTAL_SYNC_PATH } from '../portal-sync/paths.ts';

export const VERIFY_PATH = '/can-bo/xac-minh-dan-cu';
/** The population query log opens with either: the units' log, or one's own queries (the use case decides). */
export const QUERY_LOG_PERMISSIONS: Permission[] = ['population.log.read', 'population.log.read_own'];

interface NavItem {
  path: string;
  labelKey: string;
  /** The permission (any of them) its page needs, as the page's WorkspaceShell says; none: every officer. */
  permission?: Permission | Permission[];
  /** Held at a root unit (the ministry-wide rules). */
  ministryWide?: boolean;
  group: 'work' | 'admin' | 'account';
}

const NAV: NavItem[] = [
  { path: IDENTITY_PATHS.workspace, labelKey: 'workspace.nav.home', group: 'work' },
  {
    path: DOSSIER_PATHS.worklists,
    labelKey: 'dossiers.nav.worklists',
    permission: 'dossier.read',
    group: 'work',
  },
  { path: DOSSIER_PATHS.intake, labelKey: 'dossiers.nav.intake', permission: 'dossier.receive', group: 'work' },
  { path: VERIFY_PATH, labelKey: 'workspace.nav.verify', permission: 'population.verify', group: 'work' },
  { path: QUALITY_PATHS.live, labelKey: 'quality.live.nav', group: 'work' },
  { path: QUALITY_PATHS.reconciliation, labelKey: 'quality.reconcile.nav', permission: 'quality.read', ministryWide: true, group: 'work' },
  { path: IDENTITY_PATHS.units, labelKey: 'workspace.nav.units', permission: 'unit.read', group: 'admin' },
  { path: IDENTITY_PATHS.officers, labelKey: 'workspace.nav.officers', permission: 'officer.read', group: 'admin' },
  {
    path: IDENTITY_PATHS.queryLog,
    labelKey: 'workspace.nav.queryLog',
    permission: QUERY_LOG_PERMISSIONS,
    group: 'admin',
  },
  { path: LGSP_PATH, labelKey: 'lgsp.nav', permission: 'lgsp.audit', group: 'admin' },
  { path: PORTAL_SYNC_PATH, labelKey: 'portalSync.nav.monitor', permission: 'portal_sync.monitor', group: 'admin' },
  { path: TEMPLATES_PATH, labelKey: 'results.templates.nav', permission: 'result.template', group: 'admin' },
  { path: IDENTITY_PATHS.totp, labelKey: 'workspace.nav.totp', group: 'account' },
];

export const navItemsFor = (me: Me | undefined) =>
  NAV.filter((item) => !item.permission || hasPermission(me, item.permission, item.ministryWide));

/** The officer roles that hold one of `permissions` (for the refusal message). */
const rolesHolding = (permissions: Permission | Permission[]): string[] => [
  ...new Set(
    (typeof permissions === 'string' ? [permissions] : permissions).flatMap((p) =>
      PERMISSIONS[p].holders.filter((h) => h !== 'citizen' && h !== 'organization'),
    ),
  ),
];

export function WorkspaceShell({
  title,
  intro,
  permission,
  ministryWide = false,
  back,
  children,
}: {
  title: string;
  /** A link back to the list the page belongs to, shown above the title. */
  back?: { to: string; label: string };
  intro?: ReactNode;
  /**
   * The permission (any of them) the page's main route checks (its `config.access`): the page
   * shows when the user holds it in some unit; none: every officer.
   */
  permission?: Permission | Permission[];
  /** The permission must be held at a root unit (the page's route applies a ministry-wide rule). */
  ministryWide?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { status, me } = useSession();
  const { path } = useRouter();

  let body: ReactNode;
  if (status === 'loading') body = <Loading />;
  else if (!me) body = <LoginRequired text={t('workspace.loginText')} />;
  else if (me.kind !== 'officer') body = <Forbidden text={t('workspace.officersOnly')} />;
  else if (permission && !hasPermission(me, permission, ministryWide))
    body = me.totpEnrolmentRequired ? (
      <TotpFirst />
    ) : (
      <Forbidden text={t('workspace.rolesNeeded', { roles: rolesHolding(permission).map((r) => roleLabel(r)).join(', ') })} />
    );
  else body = children;

  const officer = me?.kind === 'officer' ? me : undefined;
  return (
    <div className={`workspace${officer ? '' : ' workspace--plain'}`}>
      {officer && <WorkspaceNav me={officer} />}
      <div className="workspace__main">
        {officer && <UnitBar me={officer} />}
        {back && (
          <Link to={back.to} className="back-link">
            <span aria-hidden="true">← </span>
            {back.label}
          </Link>
        )}
        <h1 tabIndex={-1}>{title}</h1>
        {intro && <p className="lead">{intro}</p>}
        {officer?.totpEnrolmentRequired && !permission && path !== IDENTITY_PATHS.totp && <TotpFirst />}
        {body}
      </div>
    </div>
  );
}

function TotpFirst() {
  const { t } = useTranslation();
  const { path } = useRouter();
  return (
    <Notice tone="warning" title={t('workspace.totpFirstTitle')}>
      <p>{t('workspace.totpFirstText')}</p>
      {path !== IDENTITY_PATHS.totp && (
        <p>
          <Link to={IDENTITY_PATHS.totp}>{t('workspace.totpFirstLink')}</Link>
        </p>
      )}
    </Notice>
  );
}

function WorkspaceNav({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { path } = useRouter();
  // On a phone the list folds behind a button, so that the page starts near the top.
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [path]);
  const items = navItemsFor(me);
  const groups = (['work', 'admin', 'account'] as const)
    .map((group) => ({ group, items: items.filter((i) => i.group === group) }))
    .filter((g) => g.items.length > 0);
  const current = (itemPath: string) => path === itemPath || (itemPath !== IDENTITY_PATHS.workspace && path.startsWith(`${itemPath}/`));
  const here = items.find((i) => current(i.path));
  return (
    <nav className="workspace-nav" aria-label={t('workspace.navLabel')}>
      <button
        type="button"
        className="workspace-nav__toggle"
        aria-expanded={open}
        aria-controls="workspace-nav-body"
        onClick={() => setOpen((o) => !o)}
      >
        <span>
          {t('workspace.menu')}
          {here && <span className="workspace-nav__here">: {t(here.labelKey)}</span>}
        </span>
        <svg className="workspace-nav__chevron" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      </button>
      <div className="workspace-nav__body" id="workspace-nav-body" data-open={open}>
        {groups.map(({ group, items: groupItems }) => (
          <div key={group} className="workspace-nav__group">
            <p className="workspace-nav__heading" id={`workspace-nav-${group}`}>
              {t(`workspace.navGroup.${group}`)}
            </p>
            <ul className="workspace-nav__list" aria-labelledby={`workspace-nav-${group}`}>
              {groupItems.map((item) => (
                <li key={item.path}>
                  <Link
                    to={item.path}
                    className="workspace-nav__link"
                    aria-current={path === item.path ? 'page' : current(item.path) ? 'true' : undefined}
                  >
                    {t(item.labelKey)}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </nav>
  );
}

/** The unit switcher and the roles held in the chosen unit. */
function UnitBar({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { activeUnitId, setActiveUnitId } = useSession();
  const units = useUnits();
  const unitIds = unitsOf(me);
  const roles = rolesIn(me, activeUnitId);
  if (unitIds.length === 0) {
    return (
      <div className="unit-bar">
        <p className="unit-bar__empty">{t('workspace.noRoles')}</p>
      </div>
    );
  }
  return (
    <div className="unit-bar" role="region" aria-label={t('workspace.unitBarLabel')}>
      <div className="unit-bar__unit">
        {unitIds.length > 1 ? (
          <>
            <label htmlFor="workspace-unit" className="unit-bar__label">
              {t('workspace.unit')}
            </label>
            <select
              id="workspace-unit"
              className="input select unit-bar__select"
              value={activeUnitId ?? ''}
              onChange={(e) => setActiveUnitId(e.target.value)}
              aria-describedby="workspace-unit-roles"
            >
              {unitIds.map((id) => (
                <option key={id} value={id}>
                  {units.label(id)}
                </option>
              ))}
            </select>
          </>
        ) : (
          <p className="unit-bar__single">
            <span className="unit-bar__label">{t('workspace.unit')}</span>{' '}
            <strong id="workspace-unit-name">{units.label(activeUnitId)}</strong>
          </p>
        )}
      </div>
      <div className="unit-bar__roles" id="workspace-unit-roles">
        <span className="unit-bar__label">{t('workspace.rolesHere')}</span>
        <ul className="badge-list" aria-label={t('workspace.rolesHere')}>
          {roles.map((role) => (
            <li key={role}>
              <RoleBadge role={role} />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
