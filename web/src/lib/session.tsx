// The logged-in user, read once from GET /api/v1/me and shared with every page through a context:
// the header (login button or user menu), the navigation (officer-only entries) and the pages that
// need a citizen or an officer. Also the unit an officer is working for (the workspace's unit
// switcher), kept per account in localStorage so that a reload keeps it.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { currentLanguage } from '../i18n/index.ts';
import { requestJson } from './api.ts';
import type { Me as ServerMe } from '@server/modules/identity/sessions/schema.ts';
import type { Permission } from '@server/core/access/permissions.ts';
import type { Language } from '../i18n/index.ts';

export { ROLES as ROLE_NAMES, type Role as RoleName } from '@server/contracts/identity.ts';

/** One role grant, with its unit's names (src/modules/identity/sessions/schema.ts). */
export type RoleGrant = ServerMe['roles'][number];

/**
 * The logged-in user (GET /api/v1/me) as the server's schema declares it: the ONE shape of it in
 * the web app (a type-only import: nothing of the server or of Zod reaches the bundle).
 */
export type Me = ServerMe;

/** A permission of the server's one table (src/core/access/permissions.ts). */
export type { Permission };

export type SessionStatus = 'loading' | 'anonymous' | 'authenticated' | 'error';

export interface Session {
  status: SessionStatus;
  /** The user, when authenticated. */
  me: Me | undefined;
  /** Asks the server again (after a login or logout made in the page). */
  refresh(): Promise<Me | undefined>;
  /** Ends the session (and, by default, the identity provider's), then leaves the page. */
  logout(): Promise<void>;
  /** The unit an officer works for (one where they hold a role), undefined otherwise. */
  activeUnitId: string | undefined;
  setActiveUnitId(unitId: string): void;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function isMe(body: unknown): body is Me {
  return (
    isObject(body) &&
    (body.kind === 'citizen' || body.kind === 'organization' || body.kind === 'officer') &&
    typeof body.accountId === 'string' &&
    typeof body.fullName === 'string' &&
    Array.isArray(body.roles)
  );
}

const SessionContext = createContext<Session | undefined>(undefined);

const unitKey = (accountId: string) => `motcua.activeUnit.${accountId}`;

function storedUnit(accountId: string): string | undefined {
  try {
    return window.localStorage.getItem(unitKey(accountId)) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Units where the officer holds a role, in the order of their grants, without repeats. */
export function unitsOf(me: Me | undefined): string[] {
  return [...new Set((me?.roles ?? []).map((g) => g.unitId))];
}

/**
 * A unit's name as the officer's grants carry it, in the page language (the other language when
 * one is missing), or undefined when no grant names it.
 */
export function grantUnitName(me: Me | undefined, unitId: string | null | undefined, language: Language): string | undefined {
  if (!unitId) return undefined;
  const grant = (me?.roles ?? []).find((g) => g.unitId === unitId && (g.unitNameVi || g.unitNameEn));
  if (!grant) return undefined;
  return (language === 'en' ? grant.unitNameEn || grant.unitNameVi : grant.unitNameVi || grant.unitNameEn) ?? undefined;
}

/** The unit's name from the grants, or its id when no grant names it. */
export function unitLabelOf(me: Me | undefined, unitId: string, language: Language): string {
  return grantUnitName(me, unitId, language) ?? unitId;
}

/** The roles an officer holds in one unit (as granted there; a grant also covers the units below). */
export function rolesIn(me: Me | undefined, unitId: string | undefined): string[] {
  return (me?.roles ?? []).filter((g) => g.unitId === unitId).map((g) => g.role);
}

/**
 * Does the user hold one of `permissions` in some unit, as GET /api/v1/me lists them (computed by
 * the server from its one table)? `ministryWide`: held at a root unit (the ministry-wide rules).
 * What a route checks at its door (`config.access`), so a page or an action shows when the route
 * would answer.
 */
export function hasPermission(me: Me | undefined, permissions: Permission | readonly Permission[], ministryWide = false): boolean {
  const held = ministryWide ? me?.ministryPermissions : me?.permissions;
  if (!held) return false;
  return (typeof permissions === 'string' ? [permissions] : permissions).some((p) => held.includes(p));
}

/** `hasPermission` for the logged-in user: `const can = useCan(); can('dossier.receive')`. */
export function useCan(): (permissions: Permission | readonly Permission[], ministryWide?: boolean) => boolean {
  const { me } = useSession();
  return useCallback((permissions: Permission | readonly Permission[], ministryWide = false) => hasPermission(me, permissions, ministryWide), [me]);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [me, setMe] = useState<Me | undefined>();
  const [chosenUnit, setChosenUnit] = useState<string | undefined>();

  const refresh = useCallback(async (): Promise<Me | undefined> => {
    let outcome;
    try {
      outcome = await requestJson('/api/v1/me', currentLanguage(), { accept: isMe });
    } catch {
      outcome = { kind: 'network' as const };
    }
    if (outcome.kind === 'ok') {
      setMe(outcome.data);
      setStatus('authenticated');
      setChosenUnit(storedUnit(outcome.data.accountId));
      return outcome.data;
    }
    setMe(undefined);
    setChosenUnit(undefined);
    setStatus(outcome.kind === 'problem' && outcome.problem.status === 401 ? 'anonymous' : 'error');
    return undefined;
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const logout = useCallback(async () => {
    const outcome = await requestJson<{ redirectTo?: string }>('/auth/logout', currentLanguage(), { method: 'POST' });
    const target = outcome.kind === 'ok' && typeof outcome.data?.redirectTo === 'string' ? outcome.data.redirectTo : '/';
    setMe(undefined);
    setStatus('anonymous');
    // The provider's logout page, or the home page: a full load, so no page keeps stale data.
    window.location.assign(target);
  }, []);

  const units = unitsOf(me);
  const activeUnitId = chosenUnit && units.includes(chosenUnit) ? chosenUnit : units[0];

  const setActiveUnitId = useCallback(
    (unitId: string) => {
      setChosenUnit(unitId);
      if (!me) return;
      try {
        window.localStorage.setItem(unitKey(me.accountId), unitId);
      } catch {
        // Not kept across reloads; the choice still applies to this page.
      }
    },
    [me],
  );

  const value = useMemo<Session>(
    () => ({ status, me, refresh, logout, activeUnitId, setActiveUnitId }),
    [status, me, refresh, logout, activeUnitId, setActiveUnitId],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside <SessionProvider>');
  return session;
}
