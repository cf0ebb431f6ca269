// The wizard's reuse offer: for each component a valid document of the applicant's warehouse
// satisfies, that document is offered already attached (a checkbox, on by default); components
// that population data replaces are listed as needing nothing. The wizard sends the chosen
// documents as `warehouseDocumentIds` (no upload).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../../components/forms.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { warehouseApi, type Offers } from '../api.ts';

/** Component code → the chosen warehouse document id. */
export type ReuseChoice = Record<string, string | undefined>;

/** Loads the offers of a procedure for the signed-in applicant and keeps the choice (each offered document chosen at first). */
export function useReuseOffers(procedureCode: string | undefined, enabled: boolean) {
  const [offers, setOffers] = useState<Offers>([]);
  const [chosen, setChosen] = useState<ReuseChoice>({});
  useEffect(() => {
    if (!procedureCode || !enabled) return;
    let live = true;
    void warehouseApi.offers(procedureCode, currentLanguage()).then((r) => {
      if (!live || r.kind !== 'ok') return;
      setOffers(r.data.items);
      setChosen(Object.fromEntries(r.data.items.filter((o) => o.documents.length > 0).map((o) => [o.componentCode, o.documents[0]!.id])));
    });
    return () => {
      live = false;
    };
  }, [procedureCode, enabled]);
  /** Whether a component needs no upload: a warehouse document is chosen, or population data replaces it. */
  const satisfied = (code: string) => !!chosen[code] || !!offers.find((o) => o.componentCode === code)?.replacedByPopulationData;
  return { offers, chosen, setChosen, satisfied };
}

/** Adds the chosen documents to the components of the request body. */
export function withReuse(components: Array<{ code: string; fileIds: string[] }>, chosen: ReuseChoice): Array<{ code: string; fileIds: string[]; warehouseDocumentIds?: string[] }> {
  const out: Array<{ code: string; fileIds: string[]; warehouseDocumentIds?: string[] }> = components.map((c) => (chosen[c.code] ? { ...c, warehouseDocumentIds: [chosen[c.code]!] } : c));
  for (const [code, id] of Object.entries(chosen)) {
    if (id && !components.some((c) => c.code === code)) out.push({ code, fileIds: [], warehouseDocumentIds: [id] });
  }
  return out;
}

export function ReuseOffers({
  components,
  offers,
  chosen,
  onChange,
}: {
  components: ReadonlyArray<{ code: string; name: string }>;
  offers: Offers;
  chosen: ReuseChoice;
  onChange(choice: ReuseChoice): void;
}) {
  const { t } = useTranslation();
  const nameOf = (code: string) => components.find((c) => c.code === code)?.name ?? code;
  const withDocs = offers.filter((o) => o.documents.length > 0);
  const population = offers.filter((o) => o.replacedByPopulationData);
  if (withDocs.length === 0 && population.length === 0) return null;
  return (
    <section className="panel warehouse-reuse" aria-labelledby="reuse-title">
      <h2 id="reuse-title">{t('warehouse.reuse.title')}</h2>
      {withDocs.length > 0 && <p>{t('warehouse.reuse.intro')}</p>}
      {withDocs.map((o) => (
        <fieldset key={o.componentCode} className="fieldset">
          <legend>
            {o.componentCode}. {nameOf(o.componentCode)}
          </legend>
          {o.documents.map((d) => (
            <Checkbox
              key={d.id}
              id={`reuse-${o.componentCode}-${d.id}`}
              checked={chosen[o.componentCode] === d.id}
              onValue={(on) => onChange({ ...chosen, [o.componentCode]: on ? d.id : undefined })}
              label={
                d.number
                  ? t('warehouse.reuse.use', { title: d.title, number: d.number, provenance: t(`warehouse.provenance.${d.provenance}`) })
                  : t('warehouse.reuse.useNoNumber', { title: d.title, provenance: t(`warehouse.provenance.${d.provenance}`) })
              }
            />
          ))}
        </fieldset>
      ))}
      {population.length > 0 && (
        <ul>
          {population.map((o) => (
            <li key={o.componentCode}>{t('warehouse.reuse.population', { code: o.componentCode, name: nameOf(o.componentCode) })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
