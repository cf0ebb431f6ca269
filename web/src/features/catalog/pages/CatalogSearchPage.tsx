// Tra cứu thủ tục hành chính: the public catalog. Finds Vietnamese with or without diacritics
// (the server folds both sides), filters by field, unit, subject, online level and fee. The query
// and filters live in the address, so a search can be shared and the back button restores it.
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/index.ts';
import { Link } from '../../../router.tsx';
import { catalogApi, type ProcedureList, type SearchParams, type SubjectFilter } from '../api.ts';
import { failureText, Status } from '../../../components/forms.tsx';
import { durationText, feeText } from '../components/format.ts';
import { procedureName } from '../components/LocalText.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { CATALOG_PATHS } from '../paths.ts';
import '../catalog.css';

const SUBJECTS: SubjectFilter[] = ['citizen', 'business', 'organization', 'vietnamese', 'overseas_vietnamese', 'foreigner'];
const PAGE_SIZE = 20;

interface Filters {
  q: string;
  field: string;
  unit: string;
  subject: string;
  online: string;
  fee: string;
  page: number;
}

const EMPTY: Filters = { q: '', field: '', unit: '', subject: '', online: '', fee: '', page: 1 };

function readFilters(): Filters {
  const p = new URLSearchParams(window.location.search);
  const page = Number(p.get('trang') ?? '1');
  return {
    q: p.get('q') ?? '',
    field: p.get('linh-vuc') ?? '',
    unit: p.get('don-vi') ?? '',
    subject: p.get('doi-tuong') ?? '',
    online: p.get('muc-do') ?? '',
    fee: p.get('le-phi') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function writeFilters(f: Filters): void {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.field) p.set('linh-vuc', f.field);
  if (f.unit) p.set('don-vi', f.unit);
  if (f.subject) p.set('doi-tuong', f.subject);
  if (f.online) p.set('muc-do', f.online);
  if (f.fee) p.set('le-phi', f.fee);
  if (f.page > 1) p.set('trang', String(f.page));
  const s = p.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${s ? `?${s}` : ''}`);
}

function toParams(f: Filters): SearchParams {
  return {
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
    ...(f.field ? { field: f.field } : {}),
    ...(f.unit ? { unit: f.unit } : {}),
    ...(f.subject ? { subject: f.subject as SubjectFilter } : {}),
    ...(f.online === 'full' || f.online === 'partial' ? { online: f.online } : {}),
    ...(f.fee === 'free' || f.fee === 'paid' ? { fee: f.fee } : {}),
    page: f.page,
    pageSize: PAGE_SIZE,
  };
}

export function CatalogSearchPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [filters, setFilters] = useState<Filters>(readFilters);
  const [text, setText] = useState(filters.q);
  const [result, setResult] = useState<ProcedureList | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [loading, setLoading] = useState(true);
  const [fields, setFields] = useState<Array<{ code: string; name: string; count: number }>>([]);
  const [units, setUnits] = useState<Array<{ id: string; name: { vi: string; en: string } }>>([]);
  const controller = useRef<AbortController | undefined>(undefined);

  // Filter choices: the fields of the published catalog, and the units that decide its procedures.
  useEffect(() => {
    void catalogApi.fields(language).then((r) => r.kind === 'ok' && setFields(r.data.items));
    void catalogApi.search({ pageSize: 100 }, language).then((r) => {
      if (r.kind !== 'ok') return;
      const byId = new Map(r.data.items.map((i) => [i.unit.id, i.unit]));
      setUnits([...byId.values()].sort((a, b) => a.name.vi.localeCompare(b.name.vi, 'vi')));
    });
  }, []);

  useEffect(() => {
    writeFilters(filters);
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    setLoading(true);
    catalogApi
      .search(toParams(filters), language, mine.signal)
      .then((r) => {
        if (mine.signal.aborted) return;
        if (r.kind === 'ok') {
          setResult(r.data);
          setError(undefined);
        } else {
          setResult(undefined);
          setError(failureText(t, r));
        }
      })
      .catch(() => undefined)
      .finally(() => {
        if (controller.current === mine) setLoading(false);
      });
    return () => mine.abort();
  }, [filters, language]);

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, page: 1, ...patch }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    set({ q: text });
  };
  const reset = () => {
    setText('');
    setFilters(EMPTY);
  };
  const anyFilter = useMemo(() => Object.entries(filters).some(([k, v]) => k !== 'page' && v !== ''), [filters]);
  const activeFilters = (['field', 'unit', 'subject', 'online', 'fee'] as const).filter((k) => filters[k] !== '').length;
  // The filters fold away on a phone (the results come first); open on a wide screen, or when some are set.
  const [filtersOpen, setFiltersOpen] = useState(() => activeFilters > 0 || window.matchMedia('(min-width: 48rem)').matches);
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;

  const status = loading ? t('catalog.search.loading') : result ? t('catalog.search.found', { count: result.total }) : '';

  return (
    <div className="page catalog">
      <h1 tabIndex={-1}>{t('catalog.search.title')}</h1>
      <p className="lead">{t('catalog.search.intro')}</p>

      <form className="panel cat-catalog-search" role="search" aria-label={t('catalog.search.formLabel')} onSubmit={onSubmit}>
        <div className="catalog-search__query">
          <label htmlFor="catalog-q" className="field__label">
            {t('catalog.search.queryLabel')}
          </label>
          <p className="field__hint" id="catalog-q-hint">
            {t('catalog.search.queryHint')}
          </p>
          <div className="cat-catalog-search__row">
            <input
              id="catalog-q"
              name="q"
              type="search"
              className="input"
              value={text}
              autoComplete="off"
              aria-describedby="catalog-q-hint"
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="button button--primary">
              {t('catalog.search.submit')}
            </button>
          </div>
        </div>
        <details
          className="cat-catalog-filters disclosure"
          open={filtersOpen}
          onToggle={(e) => setFiltersOpen((e.currentTarget as HTMLDetailsElement).open)}
        >
          <summary className="disclosure__summary cat-catalog-filters__legend">
            {t('catalog.search.filters')}
            {activeFilters > 0 && <span className="disclosure__count"> ({t('catalog.search.filtersActive', { count: activeFilters })})</span>}
          </summary>
        <fieldset className="cat-catalog-filters__set">
          <legend className="visually-hidden">{t('catalog.search.filters')}</legend>
          <div className="cat-catalog-filters__grid">
            <FilterSelect id="filter-field" label={t('catalog.search.field')} value={filters.field} onChange={(v) => set({ field: v })}>
              {fields.map((f) => (
                <option key={f.code} value={f.code}>
                  {f.name} ({f.count})
                </option>
              ))}
            </FilterSelect>
            <FilterSelect id="filter-unit" label={t('catalog.search.unit')} value={filters.unit} onChange={(v) => set({ unit: v })}>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name[language]}
                </option>
              ))}
            </FilterSelect>
            <FilterSelect id="filter-subject" label={t('catalog.search.subject')} value={filters.subject} onChange={(v) => set({ subject: v })}>
              {SUBJECTS.map((s) => (
                <option key={s} value={s}>
                  {t(`catalog.subject.${s}`)}
                </option>
              ))}
            </FilterSelect>
            <FilterSelect id="filter-online" label={t('catalog.search.online')} value={filters.online} onChange={(v) => set({ online: v })}>
              <option value="full">{t('catalog.online.full')}</option>
              <option value="partial">{t('catalog.online.partial')}</option>
            </FilterSelect>
            <FilterSelect id="filter-fee" label={t('catalog.search.fee')} value={filters.fee} onChange={(v) => set({ fee: v })}>
              <option value="free">{t('catalog.search.feeFree')}</option>
              <option value="paid">{t('catalog.search.feePaid')}</option>
            </FilterSelect>
          </div>
          {anyFilter && (
            <button type="button" className="button button--secondary" onClick={reset}>
              {t('catalog.search.reset')}
            </button>
          )}
        </fieldset>
        </details>
      </form>

      <section className="catalog-results" aria-labelledby="catalog-results-title" aria-busy={loading}>
        <h2 id="catalog-results-title">
          {result ? t('catalog.search.found', { count: result.total }) : t('catalog.search.results')}
        </h2>
        {error && <Notice tone="error">{error}</Notice>}
        {result && result.items.length === 0 && <p>{t('catalog.search.none')}</p>}
        {result && result.items.length > 0 && (
          <ol className="cat-procedure-list" start={(result.page - 1) * PAGE_SIZE + 1}>
            {result.items.map((p) => (
              <li key={p.id} className="cat-procedure-card">
                <h3 className="cat-procedure-card__title">
                  <Link to={CATALOG_PATHS.procedure(p.code)} lang={procedureName(p, language).lang === language ? undefined : 'vi'}>
                    {procedureName(p, language).text}
                  </Link>
                </h3>
                <dl className="cat-procedure-card__facts">
                  <div>
                    <dt>{t('catalog.procedure.code')}</dt>
                    <dd>{p.code}</dd>
                  </div>
                  <div>
                    <dt>{t('catalog.procedure.field')}</dt>
                    <dd>{p.field.name}</dd>
                  </div>
                  <div>
                    <dt>{t('catalog.procedure.agency')}</dt>
                    <dd>{p.unit.name[language]}</dd>
                  </div>
                  <div>
                    <dt>{t('catalog.procedure.timeLimit')}</dt>
                    <dd>{p.processingTime ? durationText(t, p.processingTime) : t('catalog.procedure.notSet')}</dd>
                  </div>
                  <div>
                    <dt>{t('catalog.procedure.fee')}</dt>
                    <dd>{feeText(t, p, language)}</dd>
                  </div>
                </dl>
                <p className="cat-procedure-card__badges">
                  <span className={`cat-tag cat-tag--${p.onlineLevel}`}>{t(`catalog.online.${p.onlineLevel}`)}</span>
                </p>
              </li>
            ))}
          </ol>
        )}
        {result && pages > 1 && (
          <nav className="cat-pager" aria-label={t('catalog.search.pages')}>
            <button
              type="button"
              className="button button--secondary"
              disabled={filters.page <= 1}
              onClick={() => setFilters((f) => ({ ...f, page: f.page - 1 }))}
            >
              {t('catalog.search.previous')}
            </button>
            <span>{t('catalog.search.pageOf', { page: filters.page, pages })}</span>
            <button
              type="button"
              className="button button--secondary"
              disabled={filters.page >= pages}
              onClick={() => setFilters((f) => ({ ...f, page: f.page + 1 }))}
            >
              {t('catalog.search.next')}
            </button>
          </nav>
        )}
      </section>
      <Status>{status}</Status>
    </div>
  );
}

function FilterSelect(props: { id: string; label: string; value: string; onChange(v: string): void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={props.id} className="field__label">
        {props.label}
      </label>
      <select id={props.id} className="input select" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{t('catalog.search.all')}</option>
        {props.children}
      </select>
    </div>
  );
}
