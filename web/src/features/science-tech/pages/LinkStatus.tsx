// A person's link with the national population database, as a labelled state (colour is never the
// only cue: the text says it).
import { useTranslation } from 'react-i18next';
import type { Person } from '../api.ts';

const TONE: Record<Person['link']['status'], string> = {
  verified: 'ok',
  unverified: 'off',
  mismatch: 'bad',
  not_found: 'bad',
  legacy_id: 'warn',
  unavailable: 'warn',
};

export function LinkStatus({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { status, mismatched, suggestedId } = person.link;
  const detail =
    status === 'mismatch' && mismatched.length > 0
      ? t('scienceTech.link.mismatchFields', { fields: mismatched.map((f) => t(`scienceTech.link.field.${f}`)).join(', ') })
      : status === 'legacy_id' && suggestedId
        ? t('scienceTech.link.suggested', { id: suggestedId })
        : undefined;
  return (
    <span>
      <span className={`state state--${TONE[status]}`}>{t(`scienceTech.link.${status}`)}</span>
      {detail && <span className="muted st-link-detail"> {detail}</span>}
    </span>
  );
}
