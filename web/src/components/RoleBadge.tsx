// A role as a small badge ("Quản trị hệ thống"); administrators' in red.
import { roleLabel } from '../lib/roles.ts';

export function RoleBadge({ role }: { role: string }) {
  return <span className={`role-badge${role === 'admin' ? ' role-badge--admin' : ''}`}>{roleLabel(role)}</span>;
}
