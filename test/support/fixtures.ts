import type { DbHandle } from '../../src/db/connect.js';
import { withTx } from '../../src/db/connect.js';
import { newId } from '../../src/db/ids.js';
import { SHIPPED_YEARS, shippedCalendar } from '../../src/domain/calendar/production-calendar.js';
import { ROLES, type Role } from '../../src/domain/roles.js';
import { hashPassword } from '../../src/services/auth.service.js';

export const PASSWORD = 'Test-password-42';
let passwordHash: Promise<string> | undefined;

export interface Fixture {
  clinicId: string;
  branchId: string;
  chairId: string;
  /** One user per role; login = role name with dashes. */
  users: Record<Role, { id: string; login: string }>;
  sourceId: string;
}

/** A small clinic: one branch with a chair, one active user per role, an info source, the shipped calendar. */
export async function seedClinic(h: DbHandle, name = 'Тестовая клиника'): Promise<Fixture> {
  const hash = await (passwordHash ??= hashPassword(PASSWORD));
  const at = '2026-01-10T09:00:00.000Z';
  const clinicId = newId();
  const branchId = newId();
  const chairId = newId();
  const sourceId = newId();
  const suffix = clinicId.slice(-6);
  const users = {} as Fixture['users'];
  await withTx(h, async (trx) => {
    await trx.insertInto('clinics').values({ id: clinicId, name, legal_name: null, time_zone: 'Europe/Moscow', phone: null, email: null, website: null, licence: null, created_at: at }).execute();
    await trx.insertInto('branches').values({
      id: branchId, clinic_id: clinicId, name: 'Центр', address: 'Санкт-Петербург, Невский пр., 1', directions: null, phone: null, is_active: 1,
      hours_json: JSON.stringify([1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '21:00' }))), created_at: at,
    }).execute();
    await trx.insertInto('chairs').values({ id: chairId, clinic_id: clinicId, branch_id: branchId, name: 'Кресло 1', is_active: 1 }).execute();
    await trx.insertInto('info_sources').values({ id: sourceId, clinic_id: clinicId, name: 'Сайт клиники', is_active: 1 }).execute();
    for (const year of SHIPPED_YEARS) {
      const rows = shippedCalendar(year).map((d) => ({ clinic_id: clinicId, ...d }));
      if (rows.length) await trx.insertInto('calendar_days').values(rows).execute();
    }
    for (const role of ROLES) {
      const id = newId();
      const login = `${role.replace(/_/g, '-')}-${suffix}`;
      users[role] = { id, login };
      await trx.insertInto('users').values({
        id, clinic_id: clinicId, login, full_name: `Тест ${role}`, role, password_hash: hash, is_active: 1, must_change_password: 0,
        created_at: at, password_changed_at: at, last_login_at: null,
      }).execute();
    }
  });
  return { clinicId, branchId, chairId, users, sourceId };
}
