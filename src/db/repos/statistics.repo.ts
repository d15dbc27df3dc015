import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db, Dialect } from '../connect.js';

/** The statuses that hold a chair's time (SCH-6): everything but cancelled and no-show. */
const HELD = ['booked', 'confirmed', 'arrived', 'in_chair', 'done'];

export interface Period {
  clinicId: string;
  from: string;
  to: string;
  branchId?: string;
}

function visitsOf(db: Db, p: Period) {
  let q = db.selectFrom('appointments as a').where('a.clinic_id', '=', p.clinicId).where('a.local_date', '>=', p.from).where('a.local_date', '<=', p.to);
  if (p.branchId) q = q.where('a.branch_id', '=', p.branchId);
  return q;
}

/**
 * The clinic-local start of a visit's day as an instant comparable with the instant columns.
 * PostgreSQL converts with the zone itself; SQLite knows no zones, so the zone's offset is
 * passed in (the Russian zones keep one offset all year).
 */
function dayStart(dialect: Dialect, tz: string, offsetMinutes: number) {
  return dialect === 'postgres'
    ? sql`(cast(a.local_date as date)::timestamp at time zone ${tz})`
    : sql`strftime('%Y-%m-%dT%H:%M:%fZ', a.local_date, ${`${-offsetMinutes} minutes`})`;
}

export interface DayStartOpts {
  dialect: Dialect;
  tz: string;
  offsetMinutes: number;
}

/** Filter: a visit booked before its day, not a walk-in, not cancelled — one that could be confirmed in advance. */
function confirmable(o: DayStartOpts): Expression<SqlBool> {
  return sql<SqlBool>`a.walk_in = 0 and a.status <> 'cancelled' and a.created_at < ${dayStart(o.dialect, o.tz, o.offsetMinutes)}`;
}

/** Filter: confirmed (by a call or at booking) before the visit's day began. */
function confirmedBefore(o: DayStartOpts): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from appointment_history h where h.appointment_id = a.id and h.to_status = 'confirmed' and h.at < ${dayStart(o.dialect, o.tz, o.offsetMinutes)})`;
}

/**
 * The period's visits in one pass over the appointments_stats index (#14): counts by status and
 * reason, booked minutes of the visits that hold the time per doctor and chair, and CONF (the visits
 * that could be confirmed in advance and, of them, those confirmed before their day) — what
 * statusCounts, bookedMinutes and confirmationCounts return, in one statement instead of three scans.
 */
export async function visitAggregates(db: Db, p: Period, o: DayStartOpts) {
  const held = sql.join(HELD.map((s) => sql.lit(s)));
  const rows = await visitsOf(db, p)
    .select([
      'a.status',
      'a.cancel_reason',
      'a.doctor_id',
      'a.chair_id',
      (eb) => eb.fn.countAll<string | number>().as('n'),
      sql<string | number>`sum(case when a.status in (${held}) then ${minutesOf(o.dialect)} else 0 end)`.as('minutes'),
      sql<string | number>`sum(case when ${confirmable(o)} then 1 else 0 end)`.as('due'),
      sql<string | number>`sum(case when ${confirmable(o)} then (case when ${confirmedBefore(o)} then 1 else 0 end) else 0 end)`.as('confirmed'),
    ])
    .groupBy(['a.status', 'a.cancel_reason', 'a.doctor_id', 'a.chair_id'])
    .execute();
  const counts = new Map<string, { status: string; cancelReason: string | null; count: number }>();
  const minutes = new Map<string, { doctorId: string; chairId: string | null; minutes: number }>();
  let due = 0;
  let confirmed = 0;
  for (const r of rows) {
    const ck = `${r.status}\u0000${r.cancel_reason ?? ''}`;
    const c = counts.get(ck) ?? { status: r.status, cancelReason: r.cancel_reason, count: 0 };
    c.count += Number(r.n);
    counts.set(ck, c);
    if (HELD.includes(r.status)) {
      const mk = `${r.doctor_id}\u0000${r.chair_id ?? ''}`;
      const m = minutes.get(mk) ?? { doctorId: r.doctor_id, chairId: r.chair_id, minutes: 0 };
      m.minutes += Number(r.minutes);
      minutes.set(mk, m);
    }
    due += Number(r.due);
    confirmed += Number(r.confirmed);
  }
  return {
    statusCounts: [...counts.values()],
    bookedMinutes: [...minutes.values()].map((m) => ({ ...m, minutes: Math.round(m.minutes) })),
    confirmation: { due, confirmed },
  };
}

/** One visit's length in minutes. */
function minutesOf(dialect: Dialect) {
  return dialect === 'postgres' ? sql`extract(epoch from (a.ends_at - a.starts_at)) / 60` : sql`(julianday(a.ends_at) - julianday(a.starts_at)) * 1440.0`;
}

/** Patients registered in [fromIso, toIso), by information source. */
export async function newPatientsBySource(db: Db, clinicId: string, fromIso: string, toIso: string) {
  const rows = await db
    .selectFrom('patients as p')
    .leftJoin('info_sources as s', 's.id', 'p.source_id')
    .select(['p.source_id', 's.name', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('p.clinic_id', '=', clinicId)
    .where('p.created_at', '>=', fromIso)
    .where('p.created_at', '<', toIso)
    .groupBy(['p.source_id', 's.name'])
    .execute();
  return rows.map((r) => ({ sourceId: r.source_id, name: r.name, count: Number(r.n) }));
}

const PATIENT_COLS = ['p.id', 'p.surname', 'p.first_name', 'p.patronymic', 'p.card_number', 'p.created_at'] as const;

/** Patients of the clinic by id with their source (the recall figure's drill-down: recall-due.service picks them). */
export async function patientsByIds(db: Db, clinicId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('patients as p')
    .leftJoin('info_sources as s', 's.id', 'p.source_id')
    .select([...PATIENT_COLS, 's.name as source_name'])
    .where('p.clinic_id', '=', clinicId)
    .where('p.id', 'in', ids)
    .execute();
}

/** New patients of [fromIso, toIso) from one source (or none given). */
export async function newPatients(db: Db, clinicId: string, fromIso: string, toIso: string, source: { sourceId?: string; none?: boolean }, limit: number) {
  let q = db
    .selectFrom('patients as p')
    .leftJoin('info_sources as s', 's.id', 'p.source_id')
    .where('p.clinic_id', '=', clinicId)
    .where('p.created_at', '>=', fromIso)
    .where('p.created_at', '<', toIso);
  if (source.sourceId) q = q.where('p.source_id', '=', source.sourceId);
  if (source.none) q = q.where('p.source_id', 'is', null);
  const [items, total] = await Promise.all([
    q.select([...PATIENT_COLS, 's.name as source_name', sql<string | null>`null`.as('last')]).orderBy('p.created_at').orderBy('p.id').limit(limit).execute(),
    q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export interface VisitFilter {
  status?: string;
  cancelReason?: string;
  doctorId?: string;
  chairId?: string;
  confirmation?: 'confirmed' | 'unconfirmed';
}

/** The visits behind a figure, earliest first, with the patient's and doctor's names. */
export async function visitsBehind(db: Db, p: Period, f: VisitFilter, o: DayStartOpts, limit: number) {
  let q = visitsOf(db, p).innerJoin('patients as p', 'p.id', 'a.patient_id').innerJoin('doctors as d', 'd.id', 'a.doctor_id');
  if (f.status === 'held') q = q.where('a.status', 'in', HELD);
  else if (f.status) q = q.where('a.status', '=', f.status);
  if (f.cancelReason) q = q.where('a.cancel_reason', '=', f.cancelReason);
  if (f.doctorId) q = q.where('a.doctor_id', '=', f.doctorId);
  if (f.chairId) q = q.where('a.chair_id', '=', f.chairId);
  if (f.confirmation) {
    q = q.where(confirmable(o));
    q = f.confirmation === 'confirmed' ? q.where(confirmedBefore(o)) : q.where(({ not }) => not(confirmedBefore(o)));
  }
  const [items, total] = await Promise.all([
    q
      .select([
        'a.id', 'a.patient_id', 'a.doctor_id', 'a.branch_id', 'a.chair_id', 'a.local_date', 'a.starts_at', 'a.ends_at', 'a.status', 'a.cancel_reason',
        'p.surname', 'p.first_name', 'p.patronymic', 'p.card_number',
        'd.surname as d_surname', 'd.first_name as d_first_name', 'd.patronymic as d_patronymic',
      ])
      .orderBy('a.starts_at')
      .orderBy('a.id')
      .limit(limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Today's open visits (expected, waiting, in the chair) for the desk's board. */
export async function openVisitsOfDay(db: Db, clinicId: string, date: string, branchId?: string) {
  let q = db
    .selectFrom('appointments as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .innerJoin('doctors as d', 'd.id', 'a.doctor_id')
    .where('a.clinic_id', '=', clinicId)
    .where('a.local_date', '=', date)
    .where('a.status', 'in', ['booked', 'confirmed', 'arrived', 'in_chair']);
  if (branchId) q = q.where('a.branch_id', '=', branchId);
  return q
    .select([
      'a.id', 'a.branch_id', 'a.chair_id', 'a.doctor_id', 'a.patient_id', 'a.status', 'a.starts_at', 'a.ends_at', 'a.arrived_at',
      'p.surname', 'p.first_name', 'p.patronymic', 'd.surname as d_surname', 'd.first_name as d_first_name', 'd.patronymic as d_patronymic',
    ])
    .orderBy('a.starts_at')
    .execute();
}
