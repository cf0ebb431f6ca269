// A person's link to the national population database, as text (never colour alone).
import { useTranslation } from 'react-i18next';
import type { PersonView } from '../api.ts';

export function LinkStatus({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const { status, mismatched, suggestedId } = person.link;
  const detail =
    status === 'mismatch' && mismatched.length > 0
      ? t('ip.link.mismatchOn', { fields: mismatched.map((f) => t(`ip.field.${f}`)).join(', ') })
      : status === 'legacy_id' && suggestedId
        ? t('ip.link.suggested', { id: suggestedId })
        : undefined;
  return (
    <span>
      <span className={`ip-link ip-link--${status}`}>{t(`ip.link.${status}`)}</span>
      {detail && <span className="note"> {detail}</span>}
    </span>
  );
}
