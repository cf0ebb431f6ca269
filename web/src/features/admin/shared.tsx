// Pieces shared by the administration pages: API shapes, dates, unit options, the audit trail.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { AuditList as AuditListSchema, Officer, RoleGrantView } from '@server/modules/identity/schema.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { requestJson, type ApiResult } from '../../lib/api.ts';
import { formatMoment, vnMoment } from '../../lib/datetime.ts';
import { failureText } from '../../components/forms.tsx';
import { Timeline } from '../../components/Timeline.tsx';
import { type FlatUnit, unitName, useUnits } from '../workspace/units.ts';
import '../../components/components.css';
import './admin.css';
import { roleLabel } from '../../lib/roles.ts';

/** The kinds of unit (src/contracts/identity.ts: the server's UnitKindName is built from it), in the order the unit form offers them. */
export { UNIT_KINDS } from '@server/contracts/identity.ts';
export { ROLES } from '../../lib/roles.ts';

/** The administration API's shapes (type-only imports from the identity module's schemas). */
export type { Officer };
export type RoleGrant = z.infer<typeof RoleGrantView>;
/** GET /api/v1/audit: the audit trail of one record. */
type AuditList = z.infer<typeof AuditListSchema>;

export const isOfficer = (body: unknown): body is Officer =>
  typeof body === 'object' && body !== null && typeof (body as Officer).id === 'string' && Array.isArray((body as Officer).roles);

/** An ISO date-time in Vietnam time: "10:32, thứ Năm, 26/11/2026". */
export function moment(t: TFunction, iso: string | null | undefined): string {
  if (!iso) return '';
  const m = vnMoment(iso);
  return m ? formatMoment(t, m) : iso;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO date-time in Vietnam time, short: "27/11/2026 04:12" (vi), "27 November 2026 04:12" (en). */
export function shortMoment(t: TFunction, iso: string | null | undefined): string {
  if (!iso) return '';
  const m = vnMoment(iso);
  if (!m) return iso;
  const date = t('datetime.date', { d: String(m.day), dd: pad(m.day), mm: pad(m.month), month: t(`datetime.month.${m.month}`), yyyy: String(m.year) });
  return `${date} ${pad(m.hour)}:${pad(m.minute)}`;
}

/** The <option>s of a unit select, indented by depth (non-breaking spaces and a dash). */
export function UnitOptions({ units, includeInactive = false }: { units: readonly FlatUnit[]; includeInactive?: boolean }) {
  const language = currentLanguage();
  return (
    <>
      {units
        .filter((u) => includeInactive || u.active)
        .map((u) => (
          <option key={u.id} value={u.id}>
            {`${'\u00a0\u00a0\u00a0'.repeat(u.depth)}${unitName(u, language)}`}
          </option>
        ))}
    </>
  );
}

/** The state of an officer's account as a badge. */
export function OfficerState({ officer }: { officer: Officer }) {
  const { t } = useTranslation();
  const locked = officer.lockedUntil && Date.parse(officer.lockedUntil) > Date.now();
  if (officer.disabled) return <span className="state state--off">{t('admin.officer.state.disabled')}</span>;
  if (locked) return <span className="state state--bad">{t('admin.officer.state.locked')}</span>;
  if (!officer.hasPassword) return <span className="state state--warn">{t('admin.officer.state.invited')}</span>;
  return <span className="state state--ok">{t('admin.officer.state.active')}</span>;
}

const isAuditList = (body: unknown): body is AuditList =>
  typeof body === 'object' && body !== null && Array.isArray((body as { items?: unknown }).items);

/** Labels of the fields an audit snapshot holds (others are shown by their name). */
const AUDIT_FIELD_KEYS: Record<string, string> = {
  fullName: 'admin.officer.fullName',
  username: 'admin.officer.username',
  email: 'admin.officer.email',
  phone: 'admin.officer.phone',
  unitId: 'admin.officer.unit',
  roles: 'admin.officer.roles',
  totpEnabled: 'admin.officer.totp',
  disabled: 'admin.officer.stateLabel',
  nameVi: 'admin.unit.nameVi',
  nameEn: 'admin.unit.nameEn',
  agencyCode: 'admin.unit.agencyCode',
  kind: 'admin.unit.kindLabel',
  parentId: 'admin.unit.parent',
  sortOrder: 'admin.unit.sortOrder',
  active: 'admin.unit.stateHeading',
};

/** Fields that changed between two audit snapshots, as "label: before → after". */
function changes(t: TFunction, label: (unitId: string) => string, before: unknown, after: unknown): string[] {
  const b = (typeof before === 'object' && before !== null ? before : {}) as Record<string, unknown>;
  const a = (typeof after === 'object' && after !== null ? after : {}) as Record<string, unknown>;
  const show = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return v ? t('admin.audit.yes') : t('admin.audit.no');
    if ((key === 'unitId' || key === 'parentId') && typeof v === 'string') return label(v);
    if (key === 'kind' && typeof v === 'string') return t(`admin.unit.kind.${v}`, { defaultValue: v });
    if (key === 'roles' && Array.isArray(v)) {
      return (
        v
          .map((g) => (g && typeof g === 'object' ? (g as { role?: string; unitId?: string }) : {}))
          .map((g) => `${roleLabel(g.role ?? '')} (${label(g.unitId ?? '')})`)
          .join(', ') || '—'
      );
    }
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
  const name = (key: string) => (AUDIT_FIELD_KEYS[key] ? t(AUDIT_FIELD_KEYS[key]) : key);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => (k in b ? `${name(k)}: ${show(k, b[k])} → ${show(k, a[k])}` : `${name(k)}: ${show(k, a[k])}`));
}

/** The audit trail of one record (GET /api/v1/audit), newest first. `version` re-reads it. */
export function AuditTrail({ entity, entityId, version }: { entity: string; entityId: string; version: number }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const units = useUnits();
  const [outcome, setOutcome] = useState<ApiResult<AuditList> | undefined>();

  useEffect(() => {
    let live = true;
    const query = new URLSearchParams({ entity, entityId });
    void requestJson(`/api/v1/audit?${query.toString()}`, language, { accept: isAuditList }).then((o) => {
      if (live) setOutcome(o);
    });
    return () => {
      live = false;
    };
  }, [entity, entityId, version, language]);

  return (
    <section className="section" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('admin.audit.heading')}</h2>
      {!outcome ? (
        <p className="loading">{t('account.common.loading')}</p>
      ) : outcome.kind !== 'ok' ? (
        <p>{failureText(t, outcome)}</p>
      ) : outcome.data.items.length === 0 ? (
        <p className="muted">{t('admin.audit.empty')}</p>
      ) : (
        <Timeline
          id="audit-trail"
          className="audit-list"
          label={t('admin.audit.heading')}
          events={[...outcome.data.items]
            .sort((x, y) => y.id - x.id)
            .map((entry) => {
              const changed = changes(t, units.label, entry.before, entry.after);
              return {
                id: String(entry.id),
                at: entry.at,
                atText: moment(t, entry.at),
                by: entry.actor,
                title: t(`admin.audit.action.${entry.action.replace(/\./g, '_')}`, { defaultValue: entry.action }),
                ...(changed.length > 0
                  ? {
                      details: (
                        <ul className="audit-list__changes">
                          {changed.map((c) => (
                            <li key={c}>{c}</li>
                          ))}
                        </ul>
                      ),
                    }
                  : {}),
              };
            })}
        />
      )}
    </section>
  );
}
