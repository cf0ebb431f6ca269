// Không gian làm việc: the officer's home, with what their roles open as cards.
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/session.tsx';
import { Link } from '../../router.tsx';
import { navItemsFor, WorkspaceShell } from './WorkspaceShell.tsx';

export function WorkspaceHome() {
  const { t } = useTranslation();
  const { me } = useSession();
  const tasks = navItemsFor(me).filter((item) => item.labelKey !== 'workspace.nav.home');
  return (
    <WorkspaceShell title={t('workspace.title')}>
      {me && <p className="lead">{t('workspace.greeting', { name: me.fullName })}</p>}
      <section aria-labelledby="workspace-tasks-title">
        <h2 id="workspace-tasks-title">{t('workspace.tasksHeading')}</h2>
        <ul className="task-list">
          {tasks.map((item) => (
            <li key={item.path}>
              <div className="task">
                <h3>
                  <Link to={item.path}>{t(item.labelKey)}</Link>
                </h3>
                <p>{t(item.labelKey.replace('.nav.', '.task.'))}</p>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </WorkspaceShell>
  );
}
