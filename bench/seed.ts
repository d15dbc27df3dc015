import { sql } from 'kysely';
import type { DbHandle } from '../src/db/connect.js';
import { withTx } from '../src/db/connect.js';
import { addDays } from '../src/domain/dates.js';
import { SHIPPED_YEARS, shippedCalendar, type CalendarOverride } from '../src/domain/calendar/production-calendar.js';
import { searchKey } from '../src/domain/names.js';
import type { WeeklyShift } from '../src/domain/schedule/availability.js';
import { localDateOf } from '../src/domain/schedule/time.js';
import type { Specialty } from '../src/domain/specialties.js';
import { hashPassword } from '../src/services/auth.service.js';
import type { BenchConfig } from './config.js';
import { insertBatches } from './db.js';
import { seededV7 } from './ids.js';
import { MOBILE_CODES } from '../src/demo/demo-patients.js';
import { person } from './names.js';
import { Rng } from '../src/demo/demo-random.js';
import { planAppointments } from './seed-schedule.js';

export const ADMIN_LOGIN = 'bench-admin';
export const ADMIN_PASSWORD = 'Bench-password-42';
const TZ = 'Europe/Moscow';
const DAY = 86_400_000;

export interface Dataset {
  clinicId: string;
  doctors: { id: string; specialties: Specialty[]; shifts: WeeklyShift[] }[];
  patientIds: string[];
  calendar: Map<string, CalendarOverride>;
  tz: string;
  counts: Record<string, number>;
  /** Seconds per part of the generation. */
  seconds: Record<string, number>;
}

/** Specialty sets handed out in turn: every specialty has at least three doctors. */
const SPECIALTY_SETS: Specialty[][] = [
  ['therapist'], ['therapist', 'endodontist'], ['surgeon'], ['surgeon', 'implantologist'], ['orthopedist'],
  ['orthodontist'], ['periodontist', 'hygienist'], ['pediatric'], ['hygienist'], ['general', 'therapist'],
];

async function timed<T>(seconds: Record<string, number>, name: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await fn();
  seconds[name] = (performance.now() - t0) / 1000;
  return r;
}

/**
 * The bench clinic, generated straight into the database (no HTTP, no services) from one seed:
 * 2 branches, 15 chairs, 30 doctors in two shifts per chair, the production calendar, patients
 * with phones, one year of appointments, calls, and one administrator to sign in as.
 */
export async function seedDataset(h: DbHandle, cfg: BenchConfig): Promise<Dataset> {
  const root = new Rng(cfg.seed);
  const seconds: Record<string, number> = {};
  const counts: Record<string, number> = {};
  const at = `${cfg.year - 1}-12-01T09:00:00.000Z`;
  const atMs = Date.parse(at);
  const rng = root.fork('staff');
  const clinicId = seededV7(atMs, rng);
  const branchIds = [seededV7(atMs, rng), seededV7(atMs, rng)];
  const chairIds = Array.from({ length: 15 }, () => seededV7(atMs, rng));
  const adminId = seededV7(atMs, rng);
  const sourceId = seededV7(atMs, rng);
  const calendar = new Map<string, CalendarOverride>();
  for (const y of SHIPPED_YEARS) for (const d of shippedCalendar(y)) calendar.set(d.date, d);

  // Chair c has doctors 2c and 2c+1: one works 09–15 on Mon/Wed/Fri and 15–21 on Tue/Thu/Sat,
  // the other the opposite, so a chair is never double-booked and every doctor has mornings and evenings.
  const doctors = Array.from({ length: 30 }, (_, i) => {
    const c = Math.floor(i / 2);
    const branchId = c < 8 ? branchIds[0] : branchIds[1];
    const shifts: WeeklyShift[] = [1, 2, 3, 4, 5, 6].map((weekday) => {
      const morning = (weekday % 2 === 1) === (i % 2 === 0);
      return { weekday, branchId, chairId: chairIds[c], starts: morning ? '09:00' : '15:00', ends: morning ? '15:00' : '21:00', breakStarts: null, breakEnds: null };
    });
    return { id: seededV7(atMs, rng), specialties: SPECIALTY_SETS[i % SPECIALTY_SETS.length], shifts, person: person(rng, 1965 + (i % 30)) };
  });

  await timed(seconds, 'clinic', async () => {
    const hash = await hashPassword(ADMIN_PASSWORD);
    await withTx(h, async (trx) => {
      await trx.insertInto('clinics').values({ id: clinicId, name: 'Клиника «Бенч»', legal_name: null, time_zone: TZ, phone: null, email: null, website: null, licence: null, created_at: at }).execute();
      const hours = JSON.stringify([1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '09:00', closes: '21:00' })));
      await trx.insertInto('branches').values(branchIds.map((id, i) => ({
        id, clinic_id: clinicId, name: i ? 'Васильевский' : 'Центр', address: i ? 'Санкт-Петербург, 7-я линия В.О., 30' : 'Санкт-Петербург, Невский пр., 1',
        directions: null, phone: null, is_active: 1 as const, hours_json: hours, created_at: at,
      }))).execute();
      await trx.insertInto('chairs').values(chairIds.map((id, c) => ({ id, clinic_id: clinicId, branch_id: c < 8 ? branchIds[0] : branchIds[1], name: `Кресло ${c + 1}`, is_active: 1 as const }))).execute();
      await trx.insertInto('info_sources').values({ id: sourceId, clinic_id: clinicId, name: 'Сайт клиники', is_active: 1 }).execute();
      await insertBatches(trx, 'calendar_days', [...calendar.values()].map((d) => ({ clinic_id: clinicId, date: d.date, kind: d.kind, note: d.note })));
      await trx.insertInto('users').values({
        id: adminId, clinic_id: clinicId, login: ADMIN_LOGIN, full_name: 'Администратор Бенч', role: 'administrator', password_hash: hash,
        is_active: 1, must_change_password: 0, created_at: at, password_changed_at: at, last_login_at: null,
      }).execute();
      await trx.insertInto('doctors').values(doctors.map((d) => ({
        id: d.id, clinic_id: clinicId, user_id: null, surname: d.person.surname, first_name: d.person.firstName, patronymic: d.person.patronymic,
        position: 'Врач-стоматолог', specialties_json: JSON.stringify(d.specialties), education: null, qualification: null,
        experience_since: 2000 + rng.int(0, 19), color: `#${(0x406080 + rng.int(0, 0x9f9f7e)).toString(16).padStart(6, '0')}`, is_active: 1 as const, created_at: at,
      }))).execute();
      await insertBatches(trx, 'doctor_hours', doctors.flatMap((d) => d.shifts.map((s) => ({
        id: seededV7(atMs, rng), clinic_id: clinicId, doctor_id: d.id, branch_id: s.branchId, chair_id: s.chairId, weekday: s.weekday,
        starts: s.starts, ends: s.ends, break_starts: null, break_ends: null,
      }))));
      await trx.insertInto('counters').values({ clinic_id: clinicId, name: 'card', value: cfg.patients }).execute();
    });
  });

  const patientIds = await timed(seconds, 'patients', () => seedPatients(h, root.fork('patients'), clinicId, sourceId, adminId, cfg.patients, Date.parse(cfg.now)));
  counts.patients = patientIds.length;
  counts.patient_phones = patientIds.length;

  const nowMs = Date.parse(cfg.now);
  // A clinic-year of history up to "now" plus the bookings ahead to the end of the year: the table
  // a live desk has in July. (A calendar year alone holds only ~80k: 15 chairs x 12 h x ~300 days at ~31 min a visit.)
  const today = localDateOf(nowMs, TZ);
  const appts = planAppointments(root.fork('appointments'), { clinicId, adminId, from: addDays(today, -365), to: `${cfg.year}-12-31`, tz: TZ, nowMs, today, calendar, doctors, patientIds });
  counts.appointments = appts.length;
  await timed(seconds, 'appointments', () => withTx(h, (trx) => insertBatches(trx, 'appointments', appts)));

  counts.calls = cfg.calls;
  const primaryVisits = appts.filter((a) => a.kind === 'primary').map((a) => ({ id: a.id, patientId: a.patient_id, ms: Date.parse(a.starts_at) })).sort((a, b) => a.ms - b.ms);
  await timed(seconds, 'calls', () => seedCalls(h, root.fork('calls'), { clinicId, branchIds, sourceId, adminId, patientIds, primaryVisits, n: cfg.calls, nowMs }));
  // PostgreSQL's autovacuum analyses a freshly loaded table within a minute or so; do it now so the
  // plans do not change mid-run. SQLite gets no ANALYZE: the app never runs one, so neither do we.
  if (h.dialect === 'postgres') await timed(seconds, 'analyze', () => sql`analyze`.execute(h.db));
  return { clinicId, doctors, patientIds, calendar, tz: TZ, counts, seconds };
}

async function seedPatients(h: DbHandle, rng: Rng, clinicId: string, sourceId: string, adminId: string, n: number, nowMs: number): Promise<string[]> {
  const ids: string[] = [];
  const CHUNK = 20_000;
  await withTx(h, async (trx) => {
    for (let start = 0; start < n; start += CHUNK) {
      const patients = [];
      const phones = [];
      for (let i = start; i < Math.min(n, start + CHUNK); i++) {
        const birthYear = 1940 + rng.int(0, 79);
        const p = person(rng, birthYear);
        const created = nowMs - (1 + rng.int(0, 3649)) * DAY;
        const id = seededV7(created, rng);
        ids.push(id);
        patients.push({
          id, clinic_id: clinicId, card_number: i + 1, surname: p.surname, first_name: p.firstName, patronymic: p.patronymic,
          name_key: searchKey(`${p.surname} ${p.firstName} ${p.patronymic}`),
          birth_date: `${birthYear}-${String(1 + rng.int(0, 11)).padStart(2, '0')}-${String(1 + rng.int(0, 27)).padStart(2, '0')}`,
          sex: p.sex, address_as: null, email: null, source_id: rng.chance(0.3) ? sourceId : null,
          pd_consent_version: '2025-1', pd_consent_date: new Date(created).toISOString().slice(0, 10), note: null,
          created_at: new Date(created).toISOString(), updated_at: new Date(created).toISOString(), created_by: adminId,
        });
        const e164 = `+7${rng.weighted(MOBILE_CODES)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
        phones.push({ id: seededV7(created, rng), clinic_id: clinicId, patient_id: id, number: e164, digits: e164.slice(1), kind: 'mobile', note: null, position: 0 });
      }
      await insertBatches(trx, 'patients', patients);
      await insertBatches(trx, 'patient_phones', phones);
    }
  });
  return ids;
}

/** A year of the desk's telephone log before "now", generated and written in chunks to keep memory flat. */
async function seedCalls(h: DbHandle, rng: Rng, p: { clinicId: string; branchIds: string[]; sourceId: string; adminId: string; patientIds: string[]; primaryVisits: { id: string; patientId: string; ms: number }[]; n: number; nowMs: number }) {
  const CHUNK = 20_000;
  // A primary call that booked is linked to a primary visit starting within days after it (its caller is now that visit's patient), so the conversion report has visits to count.
  const v = p.primaryVisits;
  const visitAfter = (ms: number) => {
    let lo = 0;
    let hi = v.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v[mid].ms < ms) lo = mid + 1;
      else hi = mid;
    }
    return v[Math.min(v.length - 1, lo + rng.int(0, 200))];
  };
  const from = p.nowMs - 365 * DAY;
  await withTx(h, async (trx) => {
    for (let start = 0; start < p.n; start += CHUNK) {
      const rows = [];
      for (let i = start; i < Math.min(p.n, start + CHUNK); i++) {
        const startedAt = from + Math.floor(((i + rng.next()) / p.n) * 365 * DAY);
        const known = rng.chance(0.7);
        const direction = rng.chance(0.6) ? 'in' : 'out';
        const outcome = rng.pick(['booked', 'confirmed', 'callback', 'not_booked', 'info_given']);
        const visit = !known && direction === 'in' && outcome === 'booked' && v.length ? visitAfter(startedAt) : undefined;
        rows.push({
          id: seededV7(startedAt, rng), clinic_id: p.clinicId, branch_id: rng.pick(p.branchIds), direction: direction as 'in' | 'out',
          caller_type: known ? 'repeat' : 'primary',
          purpose: direction === 'out' ? rng.pick(['confirmation', 'recall']) : rng.pick(['booking', 'price', 'reschedule', 'cancel', 'info']),
          patient_id: known ? rng.pick(p.patientIds) : (visit?.patientId ?? null),
          phone: `+7${rng.weighted(MOBILE_CODES)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`,
          caller_name: null, source_id: known ? null : p.sourceId,
          outcome, outcome_reason: null,
          appointment_id: visit?.id ?? null, user_id: p.adminId, started_at: new Date(startedAt).toISOString(), duration_sec: 20 + rng.int(0, 399), note: null,
        });
      }
      await insertBatches(trx, 'calls', rows);
    }
  });
}

