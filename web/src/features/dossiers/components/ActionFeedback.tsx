// What an action did: done (polite), or why not — a changed dossier with a reload button, or the
// problem's text (assertive). Always in the page, so that filling it is announced.
import { useTranslation } from 'react-i18next';
import type { ActionFailure } from './useDossier.ts';

export function ActionFeedback({ failure, done, onReload }: { failure: ActionFailure | undefined; done: string | undefined; onReload(): void }) {
  const { t } = useTranslation();
  return (
    <>
      <div role="alert" className="dossier-feedback">
        {failure?.kind === 'stale' && (
          <div className="notice notice--warning" id="dossier-stale">
            <p>{t('dossiers.stale')}</p>
            <p>
              <button type="button" className="button button--secondary" onClick={onReload}>
                {t('dossiers.reload')}
              </button>
            </p>
          </div>
        )}
        {failure?.kind === 'text' && (
          <div className="notice notice--error" id="dossier-action-error">
            <p>{failure.text}</p>
            {failure.fields && failure.fields.length > 0 && (
              <ul>
                {failure.fields.map((f) => (
                  <li key={f.pointer + f.message}>{f.message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      <p role="status" className="dossier-done-line">
        {done ? t('dossiers.actionDone', { action: done }) : ''}
      </p>
    </>
  );
}
