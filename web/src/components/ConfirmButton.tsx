// A button for an action that is hard to undo: the first press asks, inline, for confirmation
// (no modal dialog); focus moves to the confirming button and back when the question is dismissed.
import { useEffect, useRef, useState } from 'react';

export function ConfirmButton({
  label,
  question,
  confirmLabel,
  cancelLabel,
  onConfirm,
  busy = false,
  danger = false,
  primary = false,
  id,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void | Promise<void>;
  busy?: boolean;
  danger?: boolean;
  /** The first button is the page's main action (button--primary). */
  primary?: boolean;
  id?: string;
}) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      startRef.current?.focus();
    }
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={startRef}
        id={id}
        type="button"
        className={`button ${danger ? 'button--danger-outline' : primary ? 'button--primary' : 'button--secondary'}`}
        aria-disabled={busy || undefined}
        onClick={() => {
          if (!busy) setAsking(true);
        }}
      >
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={question}>
      <p className="confirm__question">{question}</p>
      <div className="button-row">
        <button
          ref={confirmRef}
          {...(id ? { id: `${id}-confirm` } : {})}
          type="button"
          className={`button ${danger ? 'button--danger' : 'button--primary'}`}
          onClick={() => {
            setAsking(false);
            returnFocus.current = true;
            void onConfirm();
          }}
        >
          {confirmLabel}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            returnFocus.current = true;
            setAsking(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              returnFocus.current = true;
              setAsking(false);
            }
          }}
        >
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
