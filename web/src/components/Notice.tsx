// A boxed message: information, a warning, an error or a success, with an optional title.
// `live` makes it a live region (status: polite, alert: assertive) for messages that appear
// after an action.
import type { ReactNode } from 'react';

export type NoticeTone = 'info' | 'warning' | 'error' | 'success';

export function Notice({
  tone,
  title,
  headingLevel = 2,
  live,
  id,
  className,
  children,
}: {
  tone: NoticeTone;
  title?: ReactNode;
  headingLevel?: 2 | 3;
  live?: 'status' | 'alert';
  id?: string;
  className?: string;
  children?: ReactNode;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className={`notice notice--${tone}${className ? ` ${className}` : ''}`} role={live} id={id}>
      {title && <Heading className="notice__title">{title}</Heading>}
      {children}
    </div>
  );
}
