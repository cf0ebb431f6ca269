// Chất lượng phục vụ — số liệu trực tiếp: the officers' page of the Decision 766 index, current to
// the last action. Every officer reads their own scores (the dossiers where they finished a
// workflow step, and those steps on time or late); leaders, administrators and auditors also read
// their units (with the units below), the ministry where they hold a role at the top, and the
// officers of those units. "Giải thích" asks the server for the dossiers and procedures behind
// each figure and lists those that count against it, with the engine's reason in the page's
// language — the part the national portal does not give.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INDICATORS } from '@server/core/quality/indicators.ts';
import { reasonText } from '@server/core/quality/reasons.ts';
import { Loading } from '../../../components/AccessNotices.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { Checkbox, failureText, SelectField } from '../../../components/forms.tsx';
import { Notice } from '../../../components/Notice.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatMoment, vnMoment } from '../../../lib/datetime.ts';
import { DOSSIER_PATHS } from '../../../lib/dossier-paths.ts';
import { Link } from '../../../router.tsx';
import { WorkspaceShell } from '../../workspace/WorkspaceShell.tsx';
import { GROUPS, liveQualityApi, type LiveIndex, type LiveScope, type Scopes } from '../api.ts';
import { number, recentMonths, TotalAndBand } from '../components/figures.tsx';
import '../quality.css';

/** Periods offered: this month and the eleven before it, this quarter, this year (Vietnam's local date). */
export function periodChoices(now: Date, language: string): Array<{ value: string; label: string }> {
  const today = vnMoment(now.toISOString());
  const year = today?.year ?? now.getUTCFullYear();
  const month = today?.month ?? now.getUTCMonth() + 1;
  const months = recentMonths(now, language, 12);
  const quarter = Math.floor((month - 1) / 3) + 1;
  return [
    ...months,
    { value: `${year}-Q${quarter}`, label: language === 'vi' ? `Quý ${quarter}/${year}` : `Q${quarter} ${year}` },
    { value: String(year), label: language === 'vi' ? `Năm ${year}` : `Year ${year}` },
  ];
}

const scopeValue = (s: LiveScope): string => (s.kind === 'unit' ? `unit:${s.unitId}` : s.kind === 'officer' ? `officer:${s.accountId}` : s.kind);
function parseScope(value: string | null): LiveScope {
  if (value === 'ministry') return { kind: 'ministry' };
  if (value?.startsWith('unit:')) return { kind: 'unit', unitId: value.slice(5) };
  if (value?.startsWith('officer:')) return { kind: 'officer', accountId: value.slice(8) };
  return { kind: 'me' };
}

/** Is the scope among those the officer may read (their own always)? */
function allowed(scope: LiveScope, scopes: Scopes): boolean {
  if (scope.kind === 'ministry') return scopes.ministry;
  if (scope.kind === 'unit') return scopes.units.some((u) => u.id === scope.unitId);
  if (scope.kind === 'officer') return scopes.officers.some((o) => o.accountId === scope.accountId);
  return true;
}

export function OfficerQualityPage() {
  const { t } = useTranslation();
  return (
    <WorkspaceShell title={t('quality.live.title')} intro={t('quality.live.intro')}>
      <LiveQuality />
    </WorkspaceShell>
  );
}

function LiveQuality() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const periods = useMemo(() => periodChoices(new Date(), language), [language]);
  const [scopes, setScopes] = useState<Scopes | undefined>();
  const [scope, setScope] = useState<LiveScope>(() => parseScope(new URLSearchParams(window.location.search).get('pham-vi')));
  const [period, setPeriod] = useState<string>(() => {
    const asked = new URLSearchParams(window.location.search).get('ky');
    return asked && /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/.test(asked) ? asked : (periods[0]?.value ?? '');
  });
  const [explain, setExplain] = useState(false);
  const [result, setResult] = useState<{ key: string; data: LiveIndex } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void liveQualityApi.scopes(language).then((r) => {
      if (r.kind !== 'ok') return setError(failureText(t, r));
      setScopes(r.data);
      setScope((s) => (allowed(s, r.data) ? s : { kind: 'me' }));
    });
  }, [language, t]);

  const key = `${scopeValue(scope)}|${period}|${explain}`;
  useEffect(() => {
    if (!scopes || !allowed(scope, scopes)) return;
    let live = true;
    setBusy(true);
    const q = new URLSearchParams(window.location.search);
    q.set('pham-vi', scopeValue(scope));
    q.set('ky', period);
    window.history.replaceState(null, '', `${window.location.pathname}?${q.toString()}`);
    void liveQualityApi.index(scope, period, explain, language).then((r) => {
      if (!live) return;
      setBusy(false);
      if (r.kind === 'ok') {
        setResult({ key, data: r.data });
        setError(undefined);
      } else setError(failureText(t, r));
    });
    return () => {
      live = false;
    };
  }, [key, scopes, language, t]);

  if (!scopes && !error) return <Loading />;
  const data = result?.key === key ? result.data : undefined;
  const periodLabel = periods.find((p) => p.value === period)?.label ?? period;
  const officerName = scope.kind === 'officer' ? scopes?.officers.find((o) => o.accountId === scope.accountId)?.fullName : undefined;
  const scopeLabel =
    scope.kind === 'me'
      ? t('quality.live.scopeMe')
      : scope.kind === 'ministry'
        ? t('quality.live.scopeMinistry')
        : scope.kind === 'unit'
          ? (scopes?.units.find((u) => u.id === scope.unitId)?.[language === 'vi' ? 'nameVi' : 'nameEn'] ?? scope.unitId)
          : (officerName ?? scope.accountId);
  const minDepth = Math.min(...(scopes?.units.map((u) => u.depth) ?? [0]));

  return (
    <div className="quality quality-live">
      <form className="panel quality-live__choose" onSubmit={(e) => e.preventDefault()}>
        <SelectField id="ql-scope" label={t('quality.live.scope')} value={scopeValue(scope)} onValue={(v) => setScope(parseScope(v))}>
          <option value="me">{t('quality.live.scopeMe')}</option>
          {scopes?.ministry && <option value="ministry">{t('quality.live.scopeMinistry')}</option>}
          {scopes && scopes.units.length > 0 && (
            <optgroup label={t('quality.live.units')}>
              {scopes.units.map((u) => (
                <option key={u.id} value={`unit:${u.id}`}>
                  {`${'\u00a0\u00a0'.repeat(u.depth - minDepth)}${language === 'vi' ? u.nameVi : u.nameEn}`}
                </option>
              ))}
            </optgroup>
          )}
          {scopes && scopes.officers.length > 0 && (
            <optgroup label={t('quality.live.officers')}>
              {scopes.officers.map((o) => (
                <option key={o.accountId} value={`officer:${o.accountId}`}>
                  {o.fullName}
                </option>
              ))}
            </optgroup>
          )}
        </SelectField>
        <SelectField id="ql-period" label={t('quality.live.period')} value={period} onValue={setPeriod} options={periods} />
        <Checkbox id="ql-explain" label={t('quality.live.explain')} hint={t('quality.live.explainSlow')} checked={explain} onValue={setExplain} />
      </form>
      {error && <Notice tone="error">{error}</Notice>}
      <p role="status" className="quality-live__status">
        {busy ? t('quality.live.loading') : data ? t('quality.live.shown', { scope: scopeLabel, period: periodLabel }) : ''}
      </p>
      {data && <LiveResult data={data} scopeLabel={scopeLabel} periodLabel={periodLabel} explain={explain} />}
    </div>
  );
}

function LiveResult({ data, scopeLabel, periodLabel, explain }: { data: LiveIndex; scopeLabel: string; periodLabel: string; explain: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const rows = GROUPS.flatMap((g) =>
    Object.entries(data.groups[g].indicators).map(([id, ind]) => ({ id, group: g, ind, def: INDICATORS.find((d) => d.id === id) })),
  );
  return (
    <>
      <section aria-labelledby="ql-summary">
        <h2 id="ql-summary">{t('quality.live.summary', { scope: scopeLabel, period: periodLabel })}</h2>
        <TotalAndBand result={{ ...data, dossiers: data.scope.dossiers }} id="ql-total" />
        <p className="quality-recompute">{t('quality.live.asOf')}</p>
      </section>
      {data.officer && <OfficerSteps officer={data.officer} />}
      <section aria-labelledby="ql-indicators">
        <h2 id="ql-indicators">{t('quality.live.indicators')}</h2>
        <DataTable
          id="ql-indicator-table"
          caption={t('quality.live.indicatorsCaption', { scope: scopeLabel, period: periodLabel })}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { id: 'id', header: t('quality.live.indicator'), rowHeader: true, cell: (r) => `${r.id} — ${r.def ? r.def.name[language === 'vi' ? 'vi' : 'en'] : ''}` },
            { id: 'group', header: t('quality.groups.group'), cell: (r) => r.group },
            { id: 'figures', header: t('quality.live.figures'), numeric: true, cell: (r) => (r.ind.denominator === null ? '–' : `${number(r.ind.numerator, language)} / ${number(r.ind.denominator, language)}`) },
            { id: 'ratio', header: t('quality.live.ratio'), numeric: true, cell: (r) => (r.ind.ratio === null ? '–' : `${number(r.ind.ratio, language)}%`) },
            { id: 'target', header: t('quality.targets.target'), numeric: true, cell: (r) => `${number(r.ind.target, language)}%` },
            { id: 'score', header: t('quality.groups.score'), numeric: true, cell: (r) => `${number(r.ind.score, language)} / ${number(r.ind.max, language)}` },
          ]}
        />
        {!explain && <p>{t('quality.live.explainHint')}</p>}
      </section>
      {explain && (
        <section aria-labelledby="ql-why">
          <h2 id="ql-why">{t('quality.live.why')}</h2>
          <p>{t('quality.live.whyIntro')}</p>
          {rows.map((r) => (
            <IndicatorWhy key={r.id} id={r.id} name={r.def ? r.def.name[language === 'vi' ? 'vi' : 'en'] : r.id} basis={r.def?.basis} explain={r.ind.explain} />
          ))}
        </section>
      )}
    </>
  );
}

function OfficerSteps({ officer }: { officer: NonNullable<LiveIndex['officer']> }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const when = (iso: string) => {
    const m = vnMoment(iso);
    return m ? formatMoment(t, m) : iso;
  };
  return (
    <section aria-labelledby="ql-steps">
      <h2 id="ql-steps">{t('quality.live.steps')}</h2>
      <p className="quality-total">
        <span>
          {t('quality.live.stepsFinished')}: <strong>{officer.steps.finished}</strong>
        </span>
        <span>
          {t('quality.live.stepsOnTime')}: <strong>{officer.steps.onTime}</strong>
        </span>
        <span>
          {t('quality.live.stepsLate')}: <strong>{officer.steps.late}</strong>
        </span>
        <span>
          {t('quality.live.ratio')}: <strong>{officer.steps.ratio === null ? '–' : `${number(officer.steps.ratio, language)}%`}</strong>
        </span>
      </p>
      {officer.lateSteps.length === 0 ? (
        <p>{t('quality.live.noLateSteps')}</p>
      ) : (
        <DataTable
          id="ql-late-steps"
          caption={t('quality.live.lateCaption', { count: officer.lateSteps.length })}
          rows={officer.lateSteps}
          rowKey={(s, i) => `${s.dossierCode}-${s.step}-${i}`}
          columns={[
            { id: 'code', header: t('dossiers.fields.code'), rowHeader: true, cell: (s) => <Link to={DOSSIER_PATHS.byCode(s.dossierCode)}>{s.dossierCode}</Link> },
            { id: 'step', header: t('dossiers.steps.kind'), cell: (s) => t(`dossiers.step.${s.step}`, { defaultValue: s.step }) },
            { id: 'due', header: t('dossiers.steps.due'), cell: (s) => when(s.dueAt) },
            { id: 'finished', header: t('dossiers.steps.finished'), cell: (s) => when(s.finishedAt) },
          ]}
        />
      )}
    </section>
  );
}

/** The most entries an indicator lists (the count says how many there are). */
const SHOWN = 50;

function IndicatorWhy({ id, name, basis, explain }: { id: string; name: string; basis: string | undefined; explain: LiveIndex['groups']['CKMB']['indicators'][string]['explain'] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (!explain) return null;
  const counted = new Set(explain.numerator);
  const inDenominator = new Set(explain.denominator);
  const against = explain.denominator.filter((x) => !counted.has(x));
  const outside = Object.keys(explain.reasonCodes).filter((x) => !inDenominator.has(x));
  const item = (x: string) => (basis === 'dossiers' ? <Link to={DOSSIER_PATHS.byCode(x)}>{x}</Link> : <span>{x}</span>);
  return (
    <details className="quality-why">
      <summary>
        {id} — {name}: {t('quality.live.whyCounts', { numerator: explain.numerator.length, denominator: explain.denominator.length, against: against.length })}
      </summary>
      {explain.noteCodes && <p className="quality-why__reason">{reasonText(explain.noteCodes, language)}</p>}
      {against.length === 0 ? (
        <p>{t('quality.live.nothingAgainst')}</p>
      ) : (
        <>
          <h3>{t('quality.live.against', { count: against.length })}</h3>
          <ul>
            {against.slice(0, SHOWN).map((x) => (
              <li key={x}>
                {item(x)}
                {explain.reasonCodes[x] && (
                  <>
                    {': '}
                    <span className="quality-why__reason">{reasonText(explain.reasonCodes[x], language)}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
          {against.length > SHOWN && <p>{t('quality.live.more', { count: against.length - SHOWN })}</p>}
        </>
      )}
      {outside.length > 0 && (
        <>
          <h3>{t('quality.live.outside', { count: outside.length })}</h3>
          <ul>
            {outside.slice(0, SHOWN).map((x) => (
              <li key={x}>
                {item(x)}
                {': '}
                <span className="quality-why__reason">{reasonText(explain.reasonCodes[x] ?? [], language)}</span>
              </li>
            ))}
          </ul>
          {outside.length > SHOWN && <p>{t('quality.live.more', { count: outside.length - SHOWN })}</p>}
        </>
      )}
    </details>
  );
}
