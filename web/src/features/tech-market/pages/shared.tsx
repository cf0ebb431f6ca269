// Pieces the tech-market pages share: the search form, money and status texts, link status.
import type { TFunction } from 'i18next';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/forms.tsx';
import type { Language } from '../../../i18n/index.ts';
import type { Catalog } from '../api.ts';

export interface SearchValues {
  kind: 'offers' | 'demands';
  q: string;
  field: string;
  province: string;
  status?: string;
}

export const vnd = (n: number | null, negotiable: boolean, t: TFunction, lang: Language) => {
  if (n === null) return t('techMarket.negotiable');
  const text = `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(n)} ₫`;
  return negotiable ? `${text} (${t('techMarket.negotiableShort')})` : text;
};

export function SearchForm({
  id,
  catalog,
  values,
  onValues,
  onSubmit,
  busy,
  statuses,
}: {
  id: string;
  catalog: Catalog | undefined;
  values: SearchValues;
  onValues(v: SearchValues): void;
  onSubmit(e: FormEvent): void;
  busy: boolean;
  statuses?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const set = (patch: Partial<SearchValues>) => onValues({ ...values, ...patch });
  return (
    <form className="panel techmarket-search" onSubmit={onSubmit} noValidate aria-busy={busy || undefined} role="search" aria-label={t('techMarket.search.label')}>
      <SelectField
        id={`${id}-kind`}
        label={t('techMarket.search.kind')}
        value={values.kind}
        onValue={(v) => set({ kind: v === 'demands' ? 'demands' : 'offers' })}
        options={[
          { value: 'offers', label: t('techMarket.offers') },
          { value: 'demands', label: t('techMarket.demands') },
        ]}
      />
      <TextField id={`${id}-q`} label={t('techMarket.search.q')} hint={t('techMarket.search.qHint')} value={values.q} onValue={(q) => set({ q })} />
      <SelectField
        id={`${id}-field`}
        label={t('techMarket.search.field')}
        value={values.field}
        onValue={(field) => set({ field })}
        options={[{ value: '', label: t('techMarket.search.all') }, ...(catalog?.fields ?? []).map((f) => ({ value: f.code, label: f.name[lang] }))]}
      />
      <SelectField
        id={`${id}-province`}
        label={t('techMarket.search.province')}
        value={values.province}
        onValue={(province) => set({ province })}
        options={[{ value: '', label: t('techMarket.search.all') }, ...(catalog?.provinces ?? []).map((p) => ({ value: p.code, label: p.name }))]}
      />
      {statuses && (
        <SelectField
          id={`${id}-status`}
          label={t('techMarket.search.status')}
          value={values.status ?? ''}
          onValue={(status) => set({ status })}
          options={[{ value: '', label: t('techMarket.search.all') }, ...(['draft', 'published', 'withdrawn', 'expired'] as const).map((s) => ({ value: s, label: t(`techMarket.status.${s}`) }))]}
        />
      )}
      <button type="submit" className="button" disabled={busy}>
        {t('techMarket.search.submit')}
      </button>
    </form>
  );
}

export function LinkBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`techmarket-link techmarket-link--${status}`}>{t(`techMarket.link.${status}`)}</span>;
}
