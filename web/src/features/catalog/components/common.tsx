// Pieces shared by the catalog pages: the logged-in user, API outcomes as messages, the error
// summary (a live region with links to the fields), money and time-limit texts.
import type { TFunction } from 'i18next';
import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/index.ts';
import type { ApiResult, Problem } from '../../../lib/api.ts';
import { catalogApi, type Me, type ProcessingTimeUnit } from '../api.ts';

export type Session = { state: 'loading' } | { state: 'anonymous' } | { state: 'user'; me: Me };

/** The logged-in user (GET /api/v1/me), or anonymous. */
export function useSession(): Session {
  const [session, setSession] = useState<Session>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void catalogApi.me(currentLanguage()).then((r) => {
      if (!live) return;
      setSession(r.kind === 'ok' ? { state: 'user', me: r.data } : { state: 'anonymous' });
    });
    return () => {
      live = false;
    };
  }, []);
  return session;
}

/** One line for a failed call. */
export function outcomeMessage(t: TFunction, r: Exclude<ApiResult<unknown>, { kind: 'ok' }>): string {
  switch (r.kind) {
    case 'problem':
      return problemText(r.problem);
    case 'network':
      return t('errors.network');
    default:
      return t('errors.unexpected');
  }
}

export const problemText = (p: Problem) => (p.detail ? `${p.title}. ${p.detail}` : p.title);

export interface SummaryItem {
  /** Id of the element to focus, when the error belongs to a field. */
  target?: string;
  text: string;
}

/**
 * The error summary at the top of a form: a live region (role=alert) whose content is re-created
 * on every attempt (`attempt`), so that it is announced again.
 */
export function ErrorSummary({ items, attempt, title }: { items: readonly SummaryItem[]; attempt: number; title?: string }) {
  const { t } = useTranslation();
  const focus = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    const element = document.getElementById(id);
    if (!element) return;
    event.preventDefault();
    element.focus();
    element.scrollIntoView({ block: 'center' });
  };
  return (
    <div className="error-summary-region" role="alert">
      {items.length > 0 && (
        <div className="error-summary" key={attempt}>
          <h2 className="error-summary__title">{title ?? t('catalog.errorSummary')}</h2>
          <ul className="error-summary__list">
            {items.map((item, i) => (
              <li key={`${i}-${item.text}`}>
                {item.target ? (
                  <a href={`#${item.target}`} onClick={(e) => focus(e, item.target!)}>
                    {item.text}
                  </a>
                ) : (
                  item.text
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** A polite status line for screen readers (loading, results found, saved). */
export function Status({ children }: { children: ReactNode }) {
  return (
    <p className="visually-hidden" role="status">
      {children}
    </p>
  );
}

export function formatVnd(amount: number, language: 'vi' | 'en'): string {
  const n = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB').format(amount);
  return language === 'vi' ? `${n} đồng` : `VND ${n}`;
}

export function durationText(t: TFunction, d: { value: number; unit: ProcessingTimeUnit }): string {
  return t(`catalog.duration.${d.unit}`, { count: d.value });
}

/** "16:00, thứ Hai, 23/02/2026" from an ISO instant; '' when absent. */
export { formatMoment, vnMoment } from '../../../lib/datetime.ts';
