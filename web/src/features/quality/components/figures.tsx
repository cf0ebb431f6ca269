// The pieces both pages show: the total and band, the six groups, the trend as an SVG chart with
// the same figures as a table, and the plan targets.
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { vnMoment } from '../../../lib/datetime.ts';
import { GROUPS, type Group, type PublishedIndex, type Targets, type Trend } from '../api.ts';

export const number = (n: number | null | undefined, language: string): string =>
  n === null || n === undefined ? '–' : n.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });
export const monthLabel = (month: string, language: string): string => (language === 'vi' ? `Tháng ${month.slice(5)}/${month.slice(0, 4)}` : `${month.slice(5)}/${month.slice(0, 4)}`);

/** This month and the `count - 1` before it (Vietnam's local date), newest first. */
export function recentMonths(now: Date, language: string, count: number): Array<{ value: string; label: string }> {
  const today = vnMoment(now.toISOString());
  const year = today?.year ?? now.getUTCFullYear();
  const month = today?.month ?? now.getUTCMonth() + 1;
  return Array.from({ length: count }, (_, i) => {
    const value = new Date(Date.UTC(year, month - 1 - i, 1)).toISOString().slice(0, 7);
    return { value, label: monthLabel(value, language) };
  });
}

export function TotalAndBand({ result, id }: { result: PublishedIndex; id: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <p className="quality-total" id={id}>
      <span>
        {t('quality.total')}: <strong>{number(result.total, language)}</strong> / {number(result.totalMax, language)}
      </span>
      <span>
        {t('quality.band')}: <strong>{result.band}</strong>
      </span>
      <span>{t('quality.dossiers', { count: result.dossiers })}</span>
    </p>
  );
}

export function GroupsTable({ result, current, id, caption }: { result: PublishedIndex; current?: PublishedIndex | null; id: string; caption?: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const rows = GROUPS.map((g) => ({ g, frozen: result.groups[g], now: current?.groups[g] }));
  return (
    <DataTable
      id={id}
      caption={caption ?? t('quality.groups.caption')}
      rows={rows}
      rowKey={(r) => r.g}
      columns={[
        { id: 'group', header: t('quality.groups.group'), rowHeader: true, cell: (r) => `${r.g} — ${t(`quality.group.${r.g}`)}` },
        { id: 'score', header: t('quality.groups.score'), numeric: true, cell: (r) => number(r.frozen.score, language) },
        { id: 'max', header: t('quality.groups.max'), numeric: true, cell: (r) => number(r.frozen.max, language) },
        ...(current ? [{ id: 'now', header: t('quality.recomputed'), numeric: true, cell: (r: (typeof rows)[number]) => number(r.now?.score, language) }] : []),
      ]}
    />
  );
}

const COLORS = ['#0b5394', '#b45f06', '#38761d', '#741b47', '#134f5c', '#7f6000', '#990000'];

/** The trend: the total and the six group scores over the frozen months, as lines; the table below carries the same figures. */
export function TrendChart({ trend, id }: { trend: Trend; id: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const items = trend.items;
  if (items.length === 0) return <p>{t('quality.trend.empty')}</p>;
  const width = 640;
  const height = 260;
  const pad = { left: 36, right: 12, top: 12, bottom: 28 };
  const x = (i: number) => pad.left + (items.length === 1 ? (width - pad.left - pad.right) / 2 : (i * (width - pad.left - pad.right)) / (items.length - 1));
  const y = (v: number) => pad.top + (1 - v / 100) * (height - pad.top - pad.bottom);
  const series: Array<{ key: string; values: Array<number | null> }> = [{ key: 'total', values: items.map((m) => m.total) }, ...GROUPS.map((g: Group) => ({ key: g, values: items.map((m) => m.groups[g]) }))];
  return (
    <figure className="quality-trend">
      <svg className="quality-chart" viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={v}>
            <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} stroke="#ccc" />
            <text x={4} y={y(v) + 4}>
              {v}
            </text>
          </g>
        ))}
        {items.map((m, i) => (
          <text key={m.month} x={x(i)} y={height - 8} textAnchor="middle">
            {m.month.slice(5)}/{m.month.slice(2, 4)}
          </text>
        ))}
        {series.map((s, k) => {
          const points = s.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter(Boolean);
          return (
            <g key={s.key} stroke={COLORS[k]} fill={COLORS[k]}>
              {points.length > 1 && <polyline points={points.join(' ')} fill="none" strokeWidth={s.key === 'total' ? 3 : 1.5} />}
              {s.values.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={s.key === 'total' ? 4 : 2.5} />))}
            </g>
          );
        })}
      </svg>
      <figcaption>{t('quality.trend.legend')}</figcaption>
      <DataTable
        id={id}
        caption={t('quality.trend.caption')}
        rows={items}
        rowKey={(m) => m.month}
        columns={[
          { id: 'month', header: t('quality.trend.month'), rowHeader: true, cell: (m) => monthLabel(m.month, language) },
          { id: 'total', header: t('quality.total'), numeric: true, cell: (m) => number(m.total, language) },
          ...GROUPS.map((g) => ({ id: g, header: g, label: `${g} — ${t(`quality.group.${g}`)}`, numeric: true, cell: (m: (typeof items)[number]) => number(m.groups[g], language) })),
          { id: 'band', header: t('quality.band'), cell: (m) => m.band },
        ]}
      />
    </figure>
  );
}

export function TargetsTable({ targets, id }: { targets: Targets; id: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const rows = (['satisfaction', 'resultsDigitized', 'processedOnline'] as const).map((key) => ({ key, ...targets[key] }));
  return (
    <DataTable
      id={id}
      caption={t('quality.targets.caption')}
      rows={rows}
      rowKey={(r) => r.key}
      columns={[
        { id: 'name', header: t('quality.targets.name'), rowHeader: true, cell: (r) => t(`quality.targets.${r.key}`) },
        { id: 'value', header: t('quality.targets.value'), numeric: true, cell: (r) => (r.value === null ? t('quality.targets.noData') : `${number(r.value, language)}%`) },
        { id: 'figures', header: t('quality.targets.figures'), numeric: true, cell: (r) => (r.denominator === null ? '–' : `${r.numerator ?? 0} / ${r.denominator}`) },
        { id: 'target', header: t('quality.targets.target'), numeric: true, cell: (r) => `${r.comparison === '>' ? '>' : '≥'} ${r.target}%` },
        { id: 'met', header: t('quality.targets.met'), cell: (r) => (r.met === null ? '–' : r.met ? t('quality.targets.yes') : t('quality.targets.no')) },
      ]}
    />
  );
}
