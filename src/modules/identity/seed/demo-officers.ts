// Demo officers for `npm start` (never when NODE_ENV=production): one per kind of work, across the
// ministry's units. Idempotent: an existing username is left as it is. The passwords and the
// administrator's TOTP secret are public demo values (README, "Demo accounts").
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { Role } from '../../../core/access/index.ts';
import { recordAudit, systemActor } from '../../audit/service.ts';
import { hashPassword } from '../login/passwords.ts';
import { otpauthUrl } from '../login/totp.ts';

export const DEMO_PASSWORD = 'MotCua@2026';
/** Base32 TOTP secret of the demo administrator `quantri` (public: demo only). */
export const DEMO_ADMIN_TOTP_SECRET = 'MOTCUADEMOQUANTRIVIENBKHCNXYZABC';

export interface DemoOfficer {
  username: string;
  fullName: string;
  unitId: string;
  email: string;
  roles: Array<[Role, string]>;
  totpSecret?: string;
}

export const DEMO_OFFICERS: readonly DemoOfficer[] = [
  { username: 'tiepnhan.mc', fullName: 'Nguyễn Thị Hồng Nhung', unitId: 'bo-phan-mot-cua', email: 'nhung.nth@most.example.gov.vn', roles: [['receiver', 'bo-phan-mot-cua']] },
  { username: 'tiepnhan.mc2', fullName: 'Phan Văn Khoa', unitId: 'bo-phan-mot-cua', email: 'khoa.pv@most.example.gov.vn', roles: [['receiver', 'bo-phan-mot-cua']] },
  { username: 'chuyenvien.sangche', fullName: 'Trần Minh Quân', unitId: 'cuc-shtt-sang-che', email: 'quan.tm@ipvietnam.example.gov.vn', roles: [['specialist', 'cuc-shtt-sang-che']] },
  { username: 'chuyenvien.nhanhieu', fullName: 'Lê Thu Hà', unitId: 'cuc-shtt-nhan-hieu', email: 'ha.lt@ipvietnam.example.gov.vn', roles: [['specialist', 'cuc-shtt-nhan-hieu']] },
  { username: 'lanhdao.shtt', fullName: 'Phạm Văn Dũng', unitId: 'cuc-shtt', email: 'dung.pv@ipvietnam.example.gov.vn', roles: [['unit_leader', 'cuc-shtt']] },
  { username: 'lanhdao.bo', fullName: 'Hoàng Minh Tuấn', unitId: 'bkhcn', email: 'tuan.hm@most.example.gov.vn', roles: [['ministry_leader', 'bkhcn']] },
  {
    username: 'quantri',
    fullName: 'Vũ Đức Thắng',
    unitId: 'trung-tam-cntt',
    email: 'thang.vd@most.example.gov.vn',
    roles: [['admin', 'bkhcn']],
    totpSecret: DEMO_ADMIN_TOTP_SECRET,
  },
  { username: 'kiemtra', fullName: 'Đỗ Thị Lan', unitId: 'van-phong-bo', email: 'lan.dt@most.example.gov.vn', roles: [['auditor', 'bkhcn']] },
];

/** Demo accounts only when asked for (DEMO_ACCOUNTS, default on) and never in production. */
export function demoAccountsWanted(config: { NODE_ENV: string; DEMO_ACCOUNTS: boolean }): boolean {
  return config.DEMO_ACCOUNTS && config.NODE_ENV !== 'production';
}

/** Creates the missing demo officers; returns the usernames created. Units must be seeded. */
export async function seedDemoOfficers(db: Kysely<DB>, totpIssuer = 'motcua'): Promise<{ created: string[]; adminOtpauthUrl?: string }> {
  const existing = new Set(
    (await db.selectFrom('account').select('username').where('username', 'in', DEMO_OFFICERS.map((o) => o.username)).execute()).map((r) => r.username),
  );
  const missing = DEMO_OFFICERS.filter((o) => !existing.has(o.username));
  if (missing.length === 0) return { created: [] };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const created: string[] = [];
  let adminOtpauthUrl: string | undefined;
  for (const o of missing) {
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('account')
        .values({
          kind: 'officer',
          username: o.username,
          full_name: o.fullName,
          email: o.email,
          unit_id: o.unitId,
          password_hash: passwordHash,
          password_changed_at: new Date(),
          totp_secret: o.totpSecret ?? null,
          totp_enabled_at: o.totpSecret ? new Date() : null,
        })
        .onConflict((oc) => oc.column('username').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) return;
      for (const [role, unitId] of o.roles) {
        await trx.insertInto('role_grant').values({ account_id: row.id, unit_id: unitId, role, granted_by: 'seed:demo' }).onConflict((oc) => oc.doNothing()).execute();
      }
      await recordAudit(trx, {
        actor: systemActor('seed:demo'),
        action: 'officer.create',
        entity: 'officer',
        entityId: row.id,
        after: { username: o.username, fullName: o.fullName, unitId: o.unitId, roles: o.roles.map(([role, unitId]) => ({ role, unitId })), totpEnabled: !!o.totpSecret },
      });
      created.push(o.username);
      if (o.totpSecret) adminOtpauthUrl = otpauthUrl(o.totpSecret, totpIssuer, o.username);
    });
  }
  return { created, ...(adminOtpauthUrl ? { adminOtpauthUrl } : {}) };
}
