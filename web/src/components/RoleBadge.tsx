// A role as a small badge ("Quản trị hệ thống"); administrators' in red.
import { useTranslation } from 'react-i18next';

export function RoleBadge({ role }: { role: string }) {
  const { t } = useTranslation();
  return (
    <span className={`role-badge${role === 'admin' ? ' role-badge--admin' : ''}`}>
      {t(`account.role.${role}`, { defaultValue: role })}
    </span>
  );
}
