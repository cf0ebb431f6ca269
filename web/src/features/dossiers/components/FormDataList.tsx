// The filled e-form as a list of "label: value" (the review step, the officer's view), in the
// form's own order, with the option labels instead of the stored values.
import { useTranslation } from 'react-i18next';
import type { EformDefinition } from '@server/core/eforms/validate.ts';
import { getAt } from '@server/core/eforms/ui-schema.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { fieldOrder, isVisible } from '../../catalog/eform/convert.ts';

export function FormDataList({ definition, data, id }: { definition: EformDefinition; data: Record<string, unknown>; id?: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const rows = fieldOrder(definition)
    .filter((pointer) => definition.uiSchema.fields[pointer]?.widget !== 'hidden' && isVisible(definition, pointer, data))
    .map((pointer) => {
      const ui = definition.uiSchema.fields[pointer];
      const value = getAt(data, pointer);
      const option = (v: unknown) => ui?.options?.find((o) => o.value === v)?.label[language];
      let text: string;
      if (value === undefined || value === null || value === '') text = t('dossiers.review.empty');
      else if (typeof value === 'boolean') text = value ? t('dossiers.review.yes') : t('dossiers.review.no');
      else if (Array.isArray(value)) text = value.map((v) => option(v) ?? String(v)).join(', ');
      else text = option(value) ?? (typeof value === 'object' ? JSON.stringify(value) : String(value as string | number));
      return { pointer, label: ui?.label[language] ?? pointer, text };
    });
  return (
    <dl className="dossier-data" id={id}>
      {rows.map((r) => (
        <div className="dossier-data__row" key={r.pointer}>
          <dt>{r.label}</dt>
          <dd>{r.text}</dd>
        </div>
      ))}
    </dl>
  );
}
