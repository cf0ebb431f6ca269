// Trang thủ tục: the published version of one procedure, with everything the law requires to be
// public, the fee and the time limit at the top, and "Nộp hồ sơ trực tuyến" where it is offered.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/index.ts';
import { Link, useParams } from '../../../router.tsx';
import { catalogApi, type ProcedureVersionView } from '../api.ts';
import { failureText } from '../../../components/forms.tsx';
import { durationText, feeText } from '../components/format.ts';
import { formatMoment, vnMoment } from '../../../lib/datetime.ts';
import { ProcedureDetails } from '../components/ProcedureDetails.tsx';
import { procedureName } from '../components/LocalText.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { CATALOG_PATHS } from '../paths.ts';
import { DOSSIER_PATHS } from '../../../lib/dossier-paths.ts';
import '../catalog.css';

export function ProcedurePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { code = '' } = useParams();
  const [view, setView] = useState<ProcedureVersionView | undefined>();
  const [error, setError] = useState<{ notFound: boolean; text: string } | undefined>();

  useEffect(() => {
    let live = true;
    void catalogApi.published(code, language).then((r) => {
      if (!live) return;
      if (r.kind === 'ok') {
        setView(r.data);
        setError(undefined);
      } else {
        setError({ notFound: r.kind === 'problem' && r.problem.status === 404, text: failureText(t, r) });
      }
    });
    return () => {
      live = false;
    };
  }, [code, language]);

  useEffect(() => {
    if (view) document.title = t('app.documentTitle', { page: procedureName(view.content, language).text });
  }, [view, t]);

  if (error) {
    return (
      <div className="page catalog">
        <h1 tabIndex={-1}>{error.notFound ? t('catalog.procedure.notFoundTitle') : t('catalog.procedure.title')}</h1>
        <Notice tone="error">{error.text}</Notice>
        <p>
          <Link to={CATALOG_PATHS.search}>{t('catalog.procedure.backToSearch')}</Link>
        </p>
      </div>
    );
  }
  if (!view) {
    return (
      <div className="page catalog" aria-busy="true">
        <h1 tabIndex={-1}>{t('catalog.procedure.title')}</h1>
        <p role="status">{t('catalog.procedure.loading')}</p>
      </div>
    );
  }

  const c = view.content;
  const online = c.methods.channels.includes('online');
  const published = view.version.publishedAt ? vnMoment(view.version.publishedAt) : undefined;
  const decider = c.implementingUnits.find((u) => u.role === 'decides')?.unitId ?? view.ownerUnit.id;

  return (
    <div className="page catalog procedure-page">
      <nav className="cat-breadcrumb" aria-label={t('catalog.breadcrumb')}>
        <ol>
          <li>
            <Link to={CATALOG_PATHS.search}>{t('catalog.search.title')}</Link>
          </li>
          <li aria-current="page">{view.code}</li>
        </ol>
      </nav>
      <h1 tabIndex={-1} lang={procedureName(c, language).lang === language ? undefined : 'vi'}>
        {procedureName(c, language).text}
      </h1>
      {language === 'en' && !c.nameEn && <p className="vi-only">{t('catalog.viOnly.nameOnly')}</p>}
      <p className="cat-procedure-page__meta">
        {t('catalog.procedure.codeLine', { code: view.code })}
        {view.codeStatus === 'demo' && <span className="badge">{t('catalog.procedure.demoCode')}</span>}
      </p>

      <div className="cat-procedure-summary panel">
        <dl className="facts cat-procedure-summary__facts">
          <div className="facts__item">
            <dt>{t('catalog.procedure.timeLimit')}</dt>
            <dd id="procedure-time-limit">{c.processingTime ? durationText(t, c.processingTime) : t('catalog.procedure.notSet')}</dd>
          </div>
          <div className="facts__item">
            <dt>{t('catalog.procedure.fee')}</dt>
            <dd id="procedure-fee">{feeText(t, view, language)}</dd>
          </div>
          <div className="facts__item">
            <dt>{t('catalog.procedure.onlineLevel')}</dt>
            <dd>{t(`catalog.online.${c.onlineLevel}`)}</dd>
          </div>
          <div className="facts__item">
            <dt>{t('catalog.procedure.agency')}</dt>
            <dd>{view.units[decider]?.name[language] ?? decider}</dd>
          </div>
          <div className="facts__item">
            <dt>{t('catalog.procedure.field')}</dt>
            <dd>{c.field.name}</dd>
          </div>
        </dl>
        {online ? (
          <div className="cat-procedure-summary__action">
            <Link to={DOSSIER_PATHS.submit(view.code)} className="button button--primary cat-button--large">
              {t('catalog.procedure.submitOnline')}
            </Link>
            <p className="field__hint">{t('catalog.procedure.submitOnlineHint')}</p>
          </div>
        ) : (
          <p className="cat-procedure-summary__action cat-note">{t('catalog.procedure.noOnline')}</p>
        )}
      </div>

      <nav className="cat-toc" aria-labelledby="toc-title">
        <h2 id="toc-title" className="cat-toc__title">
          {t('catalog.procedure.publicParts')}
        </h2>
        <p className="field__hint">{t('catalog.procedure.publicPartsHint')}</p>
        <ol className="cat-toc__list">
          {view.publicParts.items.map((p) => (
            <li key={p.part}>
              <a href={`#part-${p.part}`}>
                {p.point}) {p.label[language]}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <ProcedureDetails view={view} language={language} />

      <p className="cat-procedure-page__version">
        {t('catalog.procedure.versionLine', { n: view.version.number })}
        {published && <> — {t('catalog.procedure.publishedAt', { moment: formatMoment(t, published) })}</>}
        {view.version.number > 1 && (
          <>
            {' '}
            <Link to={CATALOG_PATHS.diff(view.code, view.version.number)}>{t('catalog.procedure.whatChanged')}</Link>
          </>
        )}
      </p>
    </div>
  );
}
