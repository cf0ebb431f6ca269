// What happened, in order (a dossier's history, a procedure's versions): an ordered list of
// events, each with its time (a <time> element), what happened and who did it. Newest first or
// oldest first as the page gives them; the list says which.
import type { ReactNode } from 'react';

export interface TimelineEvent {
  id: string;
  /** ISO instant, for the <time> element. */
  at: string;
  /** The time as the page shows it ("10:32, thứ Năm, 26/11/2026"). */
  atText: string;
  title: ReactNode;
  by?: ReactNode;
  details?: ReactNode;
  tone?: 'neutral' | 'success' | 'warning' | 'error';
}

export function Timeline({ events, label, id, className }: { events: readonly TimelineEvent[]; label: string; id?: string; className?: string }) {
  return (
    <ol className={`timeline${className ? ` ${className}` : ''}`} aria-label={label} id={id}>
      {events.map((e) => (
        <li key={e.id} className={`timeline__event timeline__event--${e.tone ?? 'neutral'}`}>
          <p className="timeline__head">
            <time dateTime={e.at}>{e.atText}</time>
            {e.by && <span className="timeline__by"> · {e.by}</span>}
          </p>
          <p className="timeline__title">{e.title}</p>
          {e.details && <div className="timeline__details">{e.details}</div>}
        </li>
      ))}
    </ol>
  );
}
