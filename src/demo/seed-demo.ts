/**
 * Seeds a realistic demo clinic («Улыбка», two branches in St. Petersburg): staff logins for
 * every role, ten doctors with a weekly rota, two thousand patients, four months of schedule
 * and three months of calls. Deterministic for a given `seed` and `now` (ids and password
 * hashes aside), and runs unchanged on SQLite and PostgreSQL.
 *
 * The password hasher is passed in because src/demo must not import src/services.
 */
import { addDays, weekdayOf } from '../domain/dates.js';
import { SHIPPED_YEARS, shippedCalendar, toOverrideMap, isWorkingDay } from '../domain/calendar/production-calendar.js';
import type { Role } from '../domain/roles.js';
import type { Insertable } from 'kysely';
import { withTx, type Db, type DbHandle } from '../db/connect.js';
import { newId } from '../db/ids.js';
import type { Database, DoctorExceptionsTable } from '../db/schema.js';
import { generateCalls } from './demo-calls.js';
import { demoCallScript } from './demo-call-script.js';
import { demoCallQuality } from './demo-call-quality.js';
import { generateChecklists } from './demo-checklist.js';
import { demoWorklists } from './demo-worklists.js';
import { demoPriceList } from './demo-price-list.js';
import { Desk } from './demo-desk.js';
import { generateHistory } from './demo-history.js';
import { generateRecallVisits, recallHistory } from './demo-recall.js';
import { generateIncidents } from './demo-incidents.js';
import { generateDemoMoney } from './demo-money.js';
import { seedDemoInsurance } from './demo-insurance.js';
import { generateTeam } from './demo-team.js';
import { seedDemoLeaving } from './demo-leaving.js';
import { seedDemoMailings } from './demo-mailings.js';
import { seedDemoSurveys } from './demo-surveys.js';
import { generatePatients, PhoneFactory } from './demo-patients.js';
import { Rng } from './demo-random.js';
import { generateAppointments, type RotaDay, type ScheduleDoctor } from './demo-schedule.js';
import { DEMO_BRANCHES, DEMO_CLINIC, DEMO_DOCTORS, DEMO_PASSWORD, DEMO_SOURCES, DEMO_USERS, SHIFTS } from './demo-staff.js';
import { ClinicClock, DAY_MS, iso } from './demo-time.js';
import { minutesOf } from '../domain/schedule/time.js';

export interface DemoLogin {
  login: string;
  password: string;
  role: Role;
  fullName: string;
}

export interface SeedDemoOptions {
  now: Date;
  hashPassword: (p: string) => Promise<string>;
  seed?: number;
  patients?: number;
}

/** Rows per INSERT: well under SQLite's 32 766 and PostgreSQL's 65 535 bound parameters for ≤ 18 columns. */
const BATCH = 400;

async function insertAll<T extends keyof Database>(trx: Db, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    // Kysely's per-table insert typing does not follow a generic table name; the rows are typed by the caller.
    await trx.insertInto(table).values(rows.slice(i, i + BATCH) as never).execute();
  }
}

/** The demo doctors' vacation (next month), sick leave (last month) and a training day (soon). */
function demoExceptions(today: string, calendar: ReturnType<typeof toOverrideMap>): { doctor: number; kind: string; from: string; to: string; note: string; createdDaysAgo: number }[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const firstOf = (yy: number, mm: number) => `${yy}-${String(mm).padStart(2, '0')}-01`;
  const nextMonth = m === 12 ? firstOf(y + 1, 1) : firstOf(y, m + 1);
  const prevMonth = m === 1 ? firstOf(y - 1, 12) : firstOf(y, m - 1);
  const vacationFrom = addDays(nextMonth, 7);
  const sickFrom = addDays(prevMonth, 9);
  const lebedev = DEMO_DOCTORS.findIndex((d) => d.surname === 'Лебедев');
  const lebedevDays = new Set(DEMO_DOCTORS[lebedev].rota.flatMap((r) => r.weekdays));
  let training = addDays(today, 10);
  while (!lebedevDays.has(weekdayOf(training)) || !isWorkingDay(training, calendar)) training = addDays(training, 1);
  return [
    { doctor: DEMO_DOCTORS.findIndex((d) => d.surname === 'Фёдорова'), kind: 'vacation', from: vacationFrom, to: addDays(vacationFrom, 13), note: 'Ежегодный оплачиваемый отпуск', createdDaysAgo: 25 },
    { doctor: DEMO_DOCTORS.findIndex((d) => d.surname === 'Морозов'), kind: 'sick_leave', from: sickFrom, to: addDays(sickFrom, 4), note: 'Больничный лист', createdDaysAgo: 0 },
    { doctor: lebedev, kind: 'training', from: training, to: training, note: 'Обучение: курс «Протезирование на имплантатах по цифровому протоколу»', createdDaysAgo: 12 },
  ];
}

export async function seedDemoClinic(h: DbHandle, opts: SeedDemoOptions): Promise<{ clinicId: string; logins: DemoLogin[] }> {
  const nowMs = opts.now.getTime();
  const rng = new Rng(opts.seed ?? 20260101);
  const clock = new ClinicClock(DEMO_CLINIC.time_zone);
  const today = clock.localDate(nowMs);
  const calendarRows = SHIPPED_YEARS.flatMap((year) => shippedCalendar(year));
  const calendar = toOverrideMap(calendarRows);
  const clinicId = newId();
  const foundedMs = nowMs - (3 * 365 + 20) * DAY_MS;
  const founded = iso(foundedMs);

  // Hash before the transaction: argon2 is slow on purpose and must not hold the write lock.
  const hashes = await Promise.all(DEMO_USERS.map(() => opts.hashPassword(DEMO_PASSWORD)));

  const branches = DEMO_BRANCHES.map((b, i) => ({
    id: newId(), clinic_id: clinicId, name: b.name, address: b.address, directions: b.directions, phone: b.phone,
    is_active: 1 as const, hours_json: JSON.stringify(b.hours), created_at: iso(foundedMs + i * 60_000),
  }));
  let chairNo = 0;
  const chairs = DEMO_BRANCHES.map((b, bi) =>
    Array.from({ length: b.chairs }, () => ({ id: newId(), clinic_id: clinicId, branch_id: branches[bi].id, name: `Кресло ${++chairNo}`, is_active: 1 as const })),
  );
  const sources = DEMO_SOURCES.map(([name]) => ({ id: newId(), clinic_id: clinicId, name, is_active: 1 as const }));
  const users = DEMO_USERS.map((u, i) => ({
    id: newId(), clinic_id: clinicId, login: u.login, full_name: u.fullName, role: u.role, password_hash: hashes[i],
    is_active: 1 as const, must_change_password: 0 as const, created_at: founded, password_changed_at: founded, last_login_at: null,
  }));
  const userId = (login: string) => users.find((u) => u.login === login)!.id;

  const doctors = DEMO_DOCTORS.map((d, i) => ({
    id: newId(), clinic_id: clinicId, user_id: d.login ? userId(d.login) : null, surname: d.surname, first_name: d.firstName,
    patronymic: d.patronymic, position: d.position, specialties_json: JSON.stringify(d.specialties), education: d.education,
    qualification: d.qualification, experience_since: d.experienceSince, color: d.color, is_active: 1 as const,
    created_at: iso(foundedMs + DAY_MS + i * 60_000),
  }));
  const hours = DEMO_DOCTORS.flatMap((d, i) =>
    d.rota.flatMap((r) =>
      r.weekdays.map((weekday) => ({
        id: newId(), clinic_id: clinicId, doctor_id: doctors[i].id, branch_id: branches[r.branch].id, chair_id: chairs[r.branch][r.chair].id,
        weekday, ...SHIFTS[r.shift],
      })),
    ),
  );
  const exceptionSpecs = demoExceptions(today, calendar);
  const exceptions: DoctorExceptionsTable[] = exceptionSpecs.map((e) => ({
    id: newId(), clinic_id: clinicId, doctor_id: doctors[e.doctor].id, kind: e.kind, date_from: e.from, date_to: e.to, note: e.note,
    created_at: iso(e.createdDaysAgo ? nowMs - e.createdDaysAgo * DAY_MS : Math.min(nowMs, clock.toUtcMs(e.from, 9 * 60 + 30))),
  }));

  const desk = new Desk(clock, calendar, [userId('admin'), userId('admin2')]);
  const phones = new PhoneFactory(rng.fork('phones'));
  const sourceWeights = DEMO_SOURCES.map(([, w]) => w);
  const patients = generatePatients(
    { rng: rng.fork('patients'), desk, nowMs, clinicId, sourceIds: sources.map((s) => s.id), sourceWeights, phones, id: newId },
    opts.patients ?? 2000,
  );

  const scheduleDoctors: ScheduleDoctor[] = DEMO_DOCTORS.map((d, i) => {
    const rota = new Map<number, RotaDay>();
    for (const r of d.rota) {
      const s = SHIFTS[r.shift];
      const segments: [number, number][] = s.break_starts
        ? [[minutesOf(s.starts), minutesOf(s.break_starts)], [minutesOf(s.break_ends!), minutesOf(s.ends)]]
        : [[minutesOf(s.starts), minutesOf(s.ends)]];
      for (const wd of r.weekdays) rota.set(wd, { branchId: branches[r.branch].id, chairId: chairs[r.branch][r.chair].id, segments });
    }
    const off = exceptionSpecs.filter((e) => e.doctor === i).map((e) => [e.from, e.to] as const);
    return { id: doctors[i].id, practice: d.practice, rota, off };
  });
  const appointments = generateAppointments({ rng: rng.fork('schedule'), desk, nowMs, clinicId, doctors: scheduleDoctors, patients, id: newId });
  const recallVisits = generateRecallVisits({
    clock, calendar, nowMs, clinicId, doctors: scheduleDoctors, id: newId,
    patients: patients.map((p) => ({ id: p.row.id, createdMs: p.createdMs })),
    seenLately: new Set(appointments.filter((a) => a.row.status === 'done').map((a) => a.row.patient_id)),
  });
  const calls = generateCalls({
    rng: rng.fork('calls'), desk, nowMs, clinicId, branchIds: branches.map((b) => b.id), sourceIds: sources.map((s) => s.id),
    sourceWeights, patients, appointments, phones, id: newId,
  });

  const prices = demoPriceList({ clinicId, today, createdAt: iso(foundedMs + 2 * DAY_MS), chiefId: userId('chief'), id: newId });
  const money = generateDemoMoney({
    rng: rng.fork('money'), desk, nowMs, today, clinicId, legalName: DEMO_CLINIC.legal_name, branches: branches.map((b) => ({ id: b.id, address: b.address })),
    practiceOf: new Map(DEMO_DOCTORS.map((d, i) => [doctors[i].id, d.practice])), appointments, patients,
    userNames: new Map(users.map((u) => [u.id, u.full_name])), prices, id: newId,
  });

  const worklists = demoWorklists({
    rng: rng.fork('worklists'), nowMs, today, tz: DEMO_CLINIC.time_zone, clinicId, adminId: userId('admin'), calendar,
    branches: DEMO_BRANCHES.map((b, i) => ({ id: branches[i].id, hours: b.hours })), appointments, id: newId,
  });

  await withTx(h, async (trx) => {
    await insertAll(trx, 'clinics', [{ id: clinicId, ...DEMO_CLINIC, created_at: founded }]);
    await insertAll(trx, 'branches', branches);
    await insertAll(trx, 'chairs', chairs.flat());
    await insertAll(trx, 'calendar_days', calendarRows.map((c) => ({ clinic_id: clinicId, date: c.date, kind: c.kind, note: c.note })));
    await insertAll(trx, 'info_sources', sources);
    await insertAll(trx, 'users', users);
    await insertAll(trx, 'doctors', doctors);
    await insertAll(trx, 'doctor_hours', hours);
    await insertAll(trx, 'doctor_exceptions', exceptions);
    await insertAll(trx, 'counters', [{ clinic_id: clinicId, name: 'card', value: patients.length }]);
    await insertAll(trx, 'patients', patients.map((p) => p.row));
    await insertAll(trx, 'patient_phones', patients.flatMap((p) => p.phones));
    await insertAll(trx, 'appointments', appointments.map((a) => a.row));
    await insertAll(trx, 'appointments', recallVisits);
    await insertAll(trx, 'appointment_history', recallHistory(recallVisits, newId));
    await insertAll(trx, 'appointment_history', generateHistory(appointments, desk, newId));
    await insertAll(trx, 'calls', calls);
    await insertAll(trx, 'calls', worklists.calls);
    await insertAll(trx, 'call_quality_scores', demoCallQuality({
      rng: rng.fork('call-quality'), nowMs, clinicId, calls, admins: { senior: userId('admin'), trainee: userId('admin2') },
      scorers: { chief: userId('chief'), owner: userId('owner') }, id: newId,
    }));
    await insertAll(trx, 'recall_rules', worklists.rules);
    await insertAll(trx, 'call_scripts', [demoCallScript({ clinicId, chiefId: userId('chief'), foundedYear: Number(founded.slice(0, 4)), savedAt: iso(foundedMs + DAY_MS), id: newId() })]);
    await insertAll(trx, 'price_items', prices.items);
    await insertAll(trx, 'price_versions', prices.versions);
    await insertAll(trx, 'cash_shifts', money.shifts);
    await insertAll(trx, 'bills', money.bills);
    await insertAll(trx, 'bill_lines', money.lines);
    await insertAll(trx, 'payments', money.payments);
    await insertAll(trx, 'fiscal_outbox', money.fiscal);
    await insertAll(trx, 'counters', money.counters);
    const incidents = generateIncidents({ desk, nowMs, clinicId, branchIds: branches.map((b) => b.id), id: newId });
    await insertAll(trx, 'incidents', incidents.incidents);
    await insertAll(trx, 'incident_notes', incidents.notes);
    const checklists = generateChecklists({
      rng: rng.fork('checklist'), desk, nowMs, clinicId, branches: DEMO_BRANCHES.map((b, i) => ({ id: branches[i].id, hours: b.hours })),
      openers: [userId('admin'), userId('admin2')], createdMs: foundedMs, id: newId,
    });
    await insertAll(trx, 'checklist_items', checklists.items);
    await insertAll(trx, 'checklist_days', checklists.days);
    await insertAll(trx, 'checklist_marks', checklists.marks);
    const team = generateTeam({
      nowMs, today, clock, clinicId, userId, logins: DEMO_USERS.map((x) => x.login), patientIds: patients.slice(0, 5).map((p) => p.row.id as string), id: newId,
    });
    await insertAll(trx, 'team_messages', team.messages);
    await insertAll(trx, 'team_message_reads', team.reads);
    await insertAll(trx, 'tasks', team.tasks);
    await insertAll(trx, 'job_descriptions', team.descriptions);
    await insertAll(trx, 'job_description_reads', team.confirmations);
    await insertAll(trx, 'training_items', team.training);
    await insertAll(trx, 'exam_attempts', team.exams);
  });

  // ДМС and tax certificates after the visits (and the money demo): they bill finished visits that have no bill yet.
  await seedDemoInsurance({ h, clinicId, nowMs, tz: DEMO_CLINIC.time_zone, rng: rng.fork('insurance'), adminId: userId('admin'), chiefName: users.find((u) => u.login === 'chief')!.full_name, id: newId });
  // #12: the service card regulation's second version and the leaving records of finished visits.
  await seedDemoLeaving({ h, clinicId, nowMs, userId: (l) => users.find((u) => u.login === l)?.id, adminName: users.find((u) => u.login === 'admin')!.full_name, id: newId });
  // #10 REC-4: consents to mailings, two past mailings and the outbox (SMTP left for the owner to enter).
  await seedDemoMailings({ h, clinicId, nowMs, rng: rng.fork('mailings'), id: newId, ownerId: userId('owner'), chiefId: userId('chief'), adminId: userId('admin'), clinicName: DEMO_CLINIC.name });
  // #12: survey consents, six months of post-treatment survey calls and today's survey list.
  await seedDemoSurveys({ h, clinicId, nowMs, tz: DEMO_CLINIC.time_zone, rng: rng.fork('surveys'), id: newId, callers: [{ id: userId('admin'), name: users.find((u) => u.login === 'admin')!.full_name }, { id: userId('admin2'), name: users.find((u) => u.login === 'admin2')!.full_name }], chief: { id: userId('chief'), name: users.find((u) => u.login === 'chief')!.full_name } });

  return { clinicId, logins: DEMO_USERS.map((u) => ({ login: u.login, password: DEMO_PASSWORD, role: u.role, fullName: u.fullName })) };
}
