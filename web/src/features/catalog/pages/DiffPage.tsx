// So sánh phiên bản: what changed in a version of a procedure compared with an earlier one
// (default: the previous). Public for published versions; drafts for their unit's admins.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/index.ts';
import { Link, useParams, useRouter } from '../../../router.tsx';
import { catalogApi, type VersionDiff, type VersionList } from '../api.ts';
import { failureText } from '../../../components/forms.tsx';
import { diffChangePlace } from '../components/pointers.ts';
import { Notice } from '../../../components/Notice.tsx';
import { CATALOG_PATHS } from '../paths.ts';
import '../catalog.css';

const isPrimitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** A value of the content as text: plain text, lists as lists, structures as indented JSON. */
function Value({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (typeof value === 'string') return <p className="cat-preline cat-diff-change__text">{value}</p>;
  if (typeof value === 'boolean') return <p className="cat-diff-change__text">{value ? t('catalog.diff.yes') : t('catalog.diff.no')}</p>;
  if (typeof value === 'number' || value === null) return <p className="cat-diff-change__text">{String(value)}</p>;
  if (Array.isArray(value) && value.every(isPrimitive)) {
    return value.length === 0 ? (
      <p className="cat-diff-change__text">{t('catalog.diff.empty')}</p>
    ) : (
      <ul className="cat-diff-change__items">
        {value.map((v, i) => (
          <li key={i}>{String(v)}</li>
        ))}
      </ul>
    );
  }
  return <pre>{JSON.stringify(value, null, 2)}</pre>;
}

/** For a changed list of plain values: what was removed and what was added. */
function listDelta(before: unknown, after: unknown): { removed: unknown[]; added: unknown[] } | undefined {
  if (!Array.isArray(before) || !Array.isArray(after) || !before.every(isPrimitive) || !after.every(isPrimitive)) return undefined;
  return { removed: before.filter((x) => !after.includes(x)), added: after.filter((x) => !before.includes(x)) };
}

export function DiffPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { navigate } = useRouter();
  const params = useParams();
  const code = params.code ?? '';
  const n = Number(params.n);
  const fromParam = Number(new URLSearchParams(window.location.search).get('tu') ?? '');
  const [from, setFrom] = useState<number | undefined>(Number.isInteger(fromParam) && fromParam > 0 ? fromParam : undefined);
  const [versions, setVersions] = useState<VersionList | undefined>();
  const [diff, setDiff] = useState<VersionDiff | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    void catalogApi.versions(code, language).then((r) => r.kind === 'ok' && setVersions(r.data));
  }, [code]);

  useEffect(() => {
    let live = true;
    setDiff(undefined);
    void catalogApi.diff(code, n, from, language).then((r) => {
      if (!live) return;
      if (r.kind === 'ok') {
        setDiff(r.data);
        setError(undefined);
      } else setError(failureText(t, r));
    });
    return () => {
      live = false;
    };
  }, [code, n, from, language]);

  const sectionLabel = (s: string) => diff?.sections.find((x) => x.section === s)?.label[language] ?? s;
  const older = versions?.items.filter((v) => v.number < n) ?? [];

  return (
    <div className="page catalog">
      <nav className="cat-breadcrumb" aria-label={t('catalog.breadcrumb')}>
        <ol>
          <li>
            <Link to={CATALOG_PATHS.search}>{t('catalog.search.title')}</Link>
          </li>
          <li>
            <Link to={CATALOG_PATHS.procedure(code)}>{code}</Link>
          </li>
          <li aria-current="page">{t('catalog.diff.title')}</li>
        </ol>
      </nav>
      <h1 tabIndex={-1}>{t('catalog.diff.heading', { code, n })}</h1>

      {older.length > 1 && (
        <div className="field cat-diff-from">
          <label htmlFor="diff-from" className="field__label">
            {t('catalog.diff.compareWith')}
          </label>
          <select
            id="diff-from"
            className="input select input--short"
            value={String(from ?? n - 1)}
            onChange={(e) => {
              const v = Number(e.target.value);
              setFrom(v);
              navigate(CATALOG_PATHS.diff(code, n, v));
            }}
          >
            {older.map((v) => (
              <option key={v.number} value={String(v.number)}>
                {t('catalog.diff.versionOption', { n: v.number, status: t(`catalog.status.${v.status}`) })}
              </option>
            ))}
          </select>
        </div>
      )}

      {error && <Notice tone="error">{error}</Notice>}
      {!diff && !error && <p role="status">{t('catalog.procedure.loading')}</p>}
      {diff && (
        <>
          <p className="lead" role="status">
            {t('catalog.diff.summary', { from: diff.from, to: diff.to, count: diff.changes.length })}
          </p>
          {diff.sections.length > 0 && (
            <ul className="cat-diff-sections">
              {diff.sections.map((s) => (
                <li key={s.section}>
                  <a href={`#diff-${s.section}`}>{s.label[language]}</a> — {t('catalog.diff.changes', { count: s.changes })}
                </li>
              ))}
            </ul>
          )}
          {diff.sections.map((s) => (
            <section key={s.section} className="cat-diff-section" aria-labelledby={`diff-${s.section}`}>
              <h2 id={`diff-${s.section}`}>{sectionLabel(s.section)}</h2>
              <ul className="cat-diff-list">
                {diff.changes
                  .filter((c) => c.section === s.section)
                  .map((c, i) => (
                    <li key={`${c.path}-${i}`} className={`cat-diff-change diff-change--${c.kind}`}>
                      <p className="cat-diff-change__head">
                        <span className={`cat-tag cat-tag--${c.kind}`}>{t(`catalog.diff.kind.${c.kind}`)}</span> <span className="cat-diff-change__where">{diffChangePlace(t, c, s.label[language])}</span>
                      </p>
                      {(() => {
                        const delta = c.kind === 'changed' ? listDelta(c.before, c.after) : undefined;
                        if (delta && (delta.removed.length > 0 || delta.added.length > 0)) {
                          return (
                            <>
                              {delta.removed.length > 0 && (
                                <div className="cat-diff-change__value cat-diff-change__value--before">
                                  <span className="cat-diff-change__label">{t('catalog.diff.removedItems')}</span>
                                  <Value value={delta.removed} />
                                </div>
                              )}
                              {delta.added.length > 0 && (
                                <div className="cat-diff-change__value cat-diff-change__value--after">
                                  <span className="cat-diff-change__label">{t('catalog.diff.addedItems')}</span>
                                  <Value value={delta.added} />
                                </div>
                              )}
                            </>
                          );
                        }
                        return (
                          <>
                            {c.before !== undefined && (
                              <div className="cat-diff-change__value cat-diff-change__value--before">
                                <span className="cat-diff-change__label">{t('catalog.diff.before')}</span>
                                <Value value={c.before} />
                              </div>
                            )}
                            {c.after !== undefined && (
                              <div className="cat-diff-change__value cat-diff-change__value--after">
                                <span className="cat-diff-change__label">{t('catalog.diff.after')}</span>
                                <Value value={c.after} />
                              </div>
                            )}
                          </>
                        );
                      })()}
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
