// A boxed message: information, a warning, an error or a success, with an optional title.
// `live` makes it a live region (status: polite, alert: assertive) for messages that appear
// after an action. A notice that receives focus after an action takes `tabIndex={-1}` and a `ref`.
import type { ReactNode, Ref } from 'react';

export type NoticeTone = 'info' | 'warning' | 'error' | 'success';

export function Notice({
  tone,
  title,
  headingLevel = 2,
  live,
  id,
  className,
  tabIndex,
  ref,
  children,
}: {
  tone: NoticeTone;
  title?: ReactNode;
  headingLevel?: 2 | 3;
  live?: 'status' | 'alert';
  id?: string;
  className?: string;
  tabIndex?: number;
  ref?: Ref<HTMLDivElement>;
  children?: ReactNode;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className={`notice notice--${tone}${className ? ` ${className}` : ''}`} role={live} id={id} tabIndex={tabIndex} ref={ref}>
      {title && <Heading className="notice__title">{title}</Heading>}
      {children}
    </div>
  );
}
