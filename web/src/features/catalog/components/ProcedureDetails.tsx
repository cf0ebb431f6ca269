// The content of a procedure version as the public sees it: the seven parts that Decree
// 63/2010/NĐ-CP Art. 8(2) requires to be public (a name, b sequence, c method, d dossier
// components, đ time limit, e subjects, g implementing agency), then fees, requirements, result,
// legal basis. Used by the public procedure page and by the administrators' preview of a draft.
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../i18n/index.ts';
import type { ProcedureVersionView } from '../api.ts';
import { durationText, feeStatusOf, formatVnd } from './format.ts';
import { ViOnlyNotice } from './LocalText.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import '../../../components/components.css';

export function ProcedureDetails({ view, language, headingLevel = 2 }: { view: ProcedureVersionView; language: Language; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const c = view.content;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const unitName = (id: string) => view.units[id]?.name[language] ?? id;
  const part = (key: string) => view.publicParts.items.find((i) => i.part === key);
  const heading = (key: string, text: string) => {
    const p = part(key);
    return (
      <H id={`part-${key}`} className="cat-public-part__title">
        {p && <span className="cat-public-part__point">{p.point})</span>} {text}
      </H>
    );
  };
  const missing = <p className="cat-public-part__missing">{t('catalog.procedure.notSet')}</p>;

  return (
    <div className="procedure-details">
      <ViOnlyNotice language={language} id="procedure-vi-only" />
      <section className="cat-public-part" aria-labelledby="part-name">
        {heading('name', t('catalog.parts.name'))}
        <p className="cat-public-part__value" lang="vi">
          {c.name}
        </p>
        {c.nameEn && (
          <p lang="en" className="cat-procedure-details__name-en">
            {c.nameEn}
          </p>
        )}
      </section>

      <section className="cat-public-part" aria-labelledby="part-sequence">
        {heading('sequence', t('catalog.parts.sequence'))}
        {c.sequence.length > 0 ? (
          <ol className="cat-sequence">
            {c.sequence.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
        ) : (
          missing
        )}
      </section>

      <section className="cat-public-part" aria-labelledby="part-method">
        {heading('method', t('catalog.parts.method'))}
        {c.methods.channels.length > 0 ? (
          <ul>
            {c.methods.channels.map((ch) => (
              <li key={ch}>{t(`catalog.channel.${ch}`)}</li>
            ))}
          </ul>
        ) : (
          missing
        )}
        {c.methods.description && <p>{c.methods.description}</p>}
        <p>
          {t('catalog.procedure.onlineLevel')}: <strong>{t(`catalog.online.${c.onlineLevel}`)}</strong>
        </p>
      </section>

      <section className="cat-public-part" aria-labelledby="part-components">
        {heading('components', t('catalog.parts.components'))}
        {c.components.length > 0 ? (
          <DataTable
            id="components-table"
            caption={t('catalog.components.caption')}
            captionHidden
            rows={c.components}
            rowKey={(k) => k.code}
            columns={[
              {
                id: 'name',
                header: t('catalog.components.name'),
                label: '',
                rowHeader: true,
                className: 'cat-name-cell',
                cell: (k) => (
                  <span>
                    <span lang="vi">{k.name}</span>
                    {k.templateRef && <span className="cat-subnote">{t('catalog.components.template', { ref: k.templateRef })}</span>}
                    {k.replacedByPopulationData && <span className="cat-subnote">{t('catalog.components.replaced')}</span>}
                    {k.acceptedFormats.length > 0 && (
                      <span className="cat-subnote">{t('catalog.components.formats', { formats: k.acceptedFormats.join(', ').toUpperCase() })}</span>
                    )}
                  </span>
                ),
              },
              { id: 'originals', header: t('catalog.components.originals'), numeric: true, cell: (k) => k.originals },
              { id: 'copies', header: t('catalog.components.copies'), numeric: true, cell: (k) => k.copies },
              {
                id: 'requirement',
                header: t('catalog.components.requirement'),
                cell: (k) => (
                  <span>
                    {t(`catalog.components.${k.requirement}`)}
                    {k.condition && <span className="cat-subnote">{k.condition}</span>}
                  </span>
                ),
              },
            ]}
          />
        ) : (
          missing
        )}
        <p className="cat-public-part__count">{t('catalog.components.count', { count: c.components.length })}</p>
      </section>

      <section className="cat-public-part" aria-labelledby="part-timeLimit">
        {heading('timeLimit', t('catalog.parts.timeLimit'))}
        {c.processingTime ? (
          <>
            <p className="cat-public-part__value">
              {durationText(t, c.processingTime)}
              {c.processingTime.online && (
                <>
                  {' '}
                  {t('catalog.procedure.onlineLimit', { limit: durationText(t, c.processingTime.online) })}
                </>
              )}
            </p>
            {c.processingTime.note && <p>{c.processingTime.note}</p>}
          </>
        ) : (
          missing
        )}
      </section>

      <section className="cat-public-part" aria-labelledby="part-subjects">
        {heading('subjects', t('catalog.parts.subjects'))}
        {c.subjects.kinds.length > 0 ? (
          <p className="cat-public-part__value">
            {[...c.subjects.kinds, ...c.subjects.origins].map((s) => t(`catalog.subject.${s}`)).join('; ')}
          </p>
        ) : (
          missing
        )}
      </section>

      <section className="cat-public-part" aria-labelledby="part-agency">
        {heading('agency', t('catalog.parts.agency'))}
        {c.implementingUnits.length > 0 ? (
          <ul>
            {c.implementingUnits.map((u) => (
              <li key={`${u.unitId}-${u.role}`}>
                <strong>{t(`catalog.unitRole.${u.role}`)}:</strong> {unitName(u.unitId)}
              </li>
            ))}
          </ul>
        ) : (
          missing
        )}
        <p>
          {t('catalog.procedure.level')}: {t(`catalog.level.${c.level}`)}
        </p>
      </section>

      <section className="cat-public-part public-part--extra" aria-labelledby="part-fees">
        <H id="part-fees" className="cat-public-part__title">
          {t('catalog.parts.fees')}
        </H>
        {c.fees.length === 0 ? (
          <p className="cat-public-part__value" id="fees-status">
            {feeStatusOf(view) === 'free' ? t('catalog.procedure.free') : t('catalog.procedure.noFeeInfo')}
          </p>
        ) : (
          <ul className="cat-fees">
            {c.fees.map((f) => (
              <li key={f.code}>
                <span className="fees__name">
                  {f.name} ({t(`catalog.feeKind.${f.kind}`)})
                </span>
                <span className="cat-fees__amount">{f.amountVnd === 0 ? t('catalog.procedure.free') : formatVnd(f.amountVnd, language)}</span>
                {f.basis && <span className="cat-subnote">{f.basis}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      {c.requirements && (
        <section className="cat-public-part public-part--extra" aria-labelledby="part-requirements">
          <H id="part-requirements" className="cat-public-part__title">
            {t('catalog.parts.requirements')}
          </H>
          <p className="cat-preline">{c.requirements}</p>
        </section>
      )}

      <section className="cat-public-part public-part--extra" aria-labelledby="part-result">
        <H id="part-result" className="cat-public-part__title">
          {t('catalog.parts.result')}
        </H>
        <p>{c.result.name ?? (c.result.producesDocument ? t('catalog.procedure.resultDocument') : t('catalog.procedure.resultNone'))}</p>
      </section>

      {c.legalBasis.length > 0 && (
        <section className="cat-public-part public-part--extra" aria-labelledby="part-legal">
          <H id="part-legal" className="cat-public-part__title">
            {t('catalog.parts.legalBasis')}
          </H>
          <ul>
            {c.legalBasis.map((l) => (
              <li key={l.number}>
                <strong>{l.number}</strong> — {l.title}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
