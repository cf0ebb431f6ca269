// Quản trị đơn vị: the units the caller administers or audits, as a tree, each leading to its
// page; administrators add units from here.
import { useTranslation } from 'react-i18next';
import { Forbidden } from '../../components/AccessNotices.tsx';
import { failureText } from '../../components/forms.tsx';
import { Notice } from '../../components/Notice.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { IDENTITY_PATHS, pathWith } from '../../lib/identity-paths.ts';
import { hasPermission, useSession } from '../../lib/session.tsx';
import { Link } from '../../router.tsx';
import { unitName, useUnits, type UnitTreeNode } from '../workspace/units.ts';
import { WorkspaceShell } from '../workspace/WorkspaceShell.tsx';
import './admin.css';

export function UnitsPage() {
  const { t } = useTranslation();
  return (
    <WorkspaceShell title={t('admin.units.title')} intro={t('admin.units.intro')} permission="unit.read">
      <UnitTree />
    </WorkspaceShell>
  );
}

function UnitTree() {
  const { t } = useTranslation();
  const { me } = useSession();
  const units = useUnits();
  const canManage = hasPermission(me, 'unit.manage');

  if (units.status === 'failed' && units.failure) {
    if (units.failure.kind === 'problem' && units.failure.problem.status === 403) {
      return <Forbidden text={failureText(t, units.failure)} />;
    }
    return (
      <Notice tone="error" title={t('account.common.loadFailedTitle')} live="alert">
        <p>{failureText(t, units.failure)}</p>
      </Notice>
    );
  }
  if (units.status !== 'ok') return <p className="loading" role="status">{t('account.common.loading')}</p>;

  return (
    <>
      <div className="page-actions">
        <p className="result-count" role="status">
          {t('admin.units.count', { count: units.flat.length })}
        </p>
        {canManage && (
          <Link to={IDENTITY_PATHS.unitNew} className="button button--primary">
            {t('admin.units.add')}
          </Link>
        )}
      </div>
      <div className="panel">
        <ul className="unit-tree" aria-label={t('admin.units.treeLabel')}>
          {units.roots.map((u) => (
            <UnitBranch key={u.id} unit={u} />
          ))}
        </ul>
      </div>
    </>
  );
}

function UnitBranch({ unit }: { unit: UnitTreeNode }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <li>
      <div className="unit-tree__row">
        <Link className="unit-tree__name" to={pathWith(IDENTITY_PATHS.unit, { id: unit.id })}>
          {unitName(unit, language)}
        </Link>
        <span className="unit-tree__meta">
          <span className="unit-tree__code">
            <span className="visually-hidden">{t('admin.unit.agencyCode')}: </span>
            {unit.agencyCode}
          </span>
          <span>{t(`admin.unit.kind.${unit.kind}`, { defaultValue: unit.kind })}</span>
          {!unit.active && <span className="state state--off">{t('admin.unit.inactive')}</span>}
        </span>
      </div>
      {unit.children.length > 0 && (
        <ul>
          {unit.children.map((c) => (
            <UnitBranch key={c.id} unit={c} />
          ))}
        </ul>
      )}
    </li>
  );
}
