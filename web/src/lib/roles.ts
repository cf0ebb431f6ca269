// Officers' roles and their names: the one list the server uses (src/contracts/identity.ts).
import { ROLE_LABELS, ROLES, type Role } from '@server/contracts/identity.ts';
import { currentLanguage, type Language } from '../i18n/index.ts';

export { ROLES, type Role };

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** A role's name in the page language; an unknown role (a newer server) by its code. */
export function roleLabel(role: string | undefined, language: Language = currentLanguage()): string {
  if (!role) return '';
  return isRole(role) ? ROLE_LABELS[role][language] : role;
}
