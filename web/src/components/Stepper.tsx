// The steps of a wizard ("Bước 2 trên 4: Thành phần hồ sơ"): an ordered list where the current
// step is marked aria-current="step", the steps done can be gone back to, and the ones ahead are
// plain text. On a phone only the current step's name is written out next to the numbers.
import { useTranslation } from 'react-i18next';

export interface Step {
  id: string;
  label: string;
}

export function Stepper({
  steps,
  current,
  onGoTo,
  label,
}: {
  steps: readonly Step[];
  /** Index of the current step. */
  current: number;
  /** Going back to a step already done; without it, done steps are plain text. */
  onGoTo?(index: number): void;
  /** The list's accessible name, e.g. "Các bước nộp hồ sơ". */
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <nav className="stepper" aria-label={label}>
      <p className="stepper__status">{t('form.stepOf', { n: current + 1, total: steps.length, name: steps[current]?.label ?? '' })}</p>
      <ol className="stepper__list">
        {steps.map((step, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          const content = (
            <>
              <span className="stepper__number" aria-hidden="true">
                {i + 1}
              </span>
              <span className="stepper__label">
                {step.label}
                {state === 'done' && <span className="visually-hidden"> ({t('form.stepDone')})</span>}
              </span>
            </>
          );
          return (
            <li key={step.id} className={`stepper__step stepper__step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              {state === 'done' && onGoTo ? (
                <button type="button" className="stepper__back" onClick={() => onGoTo(i)}>
                  {content}
                </button>
              ) : (
                content
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
