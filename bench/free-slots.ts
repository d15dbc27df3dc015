import { sql } from 'kysely';
import type { DbHandle } from '../src/db/connect.js';
import { addDays } from '../src/domain/dates.js';
import { workIntervals } from '../src/domain/schedule/availability.js';
import type { Dataset } from './seed.js';
import type { Rng } from '../src/demo/demo-random.js';

const MIN = 60_000;

export interface FreeSlot {
  doctorId: string;
  startsAt: string;
}

/**
 * Genuinely free 30-minute times from tomorrow to the end of the data: each doctor's working
 * intervals (the app's own availability rule, holidays included) minus the doctor's
 * time-holding appointments read back from the database. Slots never overlap one another, so
 * every booking of the list should get a 201. Shuffled, so that concurrent bookings spread
 * over doctors and dates as at a real desk.
 */
export async function freeSlots(h: DbHandle, ds: Dataset, from: string, to: string, rng: Rng): Promise<FreeSlot[]> {
  const rows = await h.db
    .selectFrom('appointments')
    .select(['doctor_id', 'starts_at', 'ends_at'])
    .where('local_date', '>=', from)
    .where('local_date', '<=', to)
    .where('status', 'not in', ['cancelled', 'no_show'])
    .execute();
  const busy = new Map<string, { start: number; end: number }[]>();
  for (const r of rows) {
    const key = `${r.doctor_id} ${r.starts_at.slice(0, 10)}`;
    const list = busy.get(key) ?? [];
    list.push({ start: Date.parse(r.starts_at), end: Date.parse(r.ends_at) });
    busy.set(key, list);
  }
  const out: FreeSlot[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const d of ds.doctors) {
      for (const w of workIntervals(date, d.shifts, [], ds.calendar, ds.tz)) {
        // Moscow shifts lie within one UTC date, so the UTC date of starts_at keys the day.
        const taken = busy.get(`${d.id} ${new Date(w.start).toISOString().slice(0, 10)}`) ?? [];
        for (let t = w.start; t + 30 * MIN <= w.end; ) {
          const end = t + 30 * MIN;
          if (taken.some((b) => b.start < end && t < b.end)) {
            t += 15 * MIN;
            continue;
          }
          out.push({ doctorId: d.id, startsAt: new Date(t).toISOString() });
          t = end;
        }
      }
    }
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The busiest days around "now" by time-holding appointments: what the desk's day board shows. */
export async function busyDays(h: DbHandle, today: string, n: number): Promise<{ date: string; appointments: number }[]> {
  const rows = await h.db
    .selectFrom('appointments')
    .select(['local_date', (eb) => eb.fn.countAll<number>().as('n')])
    .where('local_date', '>=', addDays(today, -14))
    .where('local_date', '<=', addDays(today, 14))
    .groupBy('local_date')
    .orderBy(sql`count(*)`, 'desc')
    .limit(n)
    .execute();
  return rows.map((r) => ({ date: r.local_date, appointments: Number(r.n) }));
}

/**
 * Pairs of time-holding appointments that overlap, per doctor and per chair: the no-double-booking
 * rule checked with one query each after the bookings row. Counting pairs where the later one
 * starts inside the earlier one catches every overlap and uses the (doctor|chair, starts_at) index.
 */
export async function overlaps(h: DbHandle): Promise<{ doctor: number; chair: number }> {
  const count = async (col: 'doctor_id' | 'chair_id') => {
    const r = await sql<{ n: number }>`
      select count(*) as n from appointments a
      join appointments b on b.${sql.ref(col)} = a.${sql.ref(col)} and b.id <> a.id
        and b.starts_at >= a.starts_at and b.starts_at < a.ends_at
      where a.status not in ('cancelled', 'no_show') and b.status not in ('cancelled', 'no_show')
        and a.squeeze_in = 0 and b.squeeze_in = 0`.execute(h.db);
    return Number(r.rows[0].n);
  };
  return { doctor: await count('doctor_id'), chair: await count('chair_id') };
}
