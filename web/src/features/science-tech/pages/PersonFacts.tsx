// A person of the database as officers see them: name, ID number, birth date and link status.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCivilDate } from '../../../lib/datetime.ts';
import type { Person } from '../api.ts';
import { LinkStatus } from './LinkStatus.tsx';

export function PersonFacts({ person }: { person: Person }) {
  const { t } = useTranslation();
  const row = (label: string, value: ReactNode) => (
    <div className="kv__row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <dl className="kv">
      {row(t('scienceTech.person.fullName'), person.fullName)}
      {row(t('scienceTech.person.personalId'), <span className="masked">{person.personalId}</span>)}
      {row(t('scienceTech.person.birthDate'), person.birthDate ? formatCivilDate(t, person.birthDate) : '—')}
      {row(t('scienceTech.link.label'), <LinkStatus person={person} />)}
    </dl>
  );
}
