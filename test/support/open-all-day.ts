import type { Db } from '../../src/db/connect.js';
import { newId } from '../../src/db/ids.js';

const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7];

/**
 * Browser tests that book at the real time of day (a walk-in "now", a squeeze-in today) would
 * otherwise pass or fail with the hour, the weekday and the holidays of the run: a squeeze-in must
 * lie inside the branch's hours, on a day the doctor works there. This opens every branch of the
 * doctor's clinic from 00:00 to 23:59 all week, has the doctor work those hours in the first
 * branch and chair of their rota, makes `date` a working day and clears the doctor's absences on it.
 */
export async function openAllDay(db: Db, doctorId: string, date: string): Promise<void> {
  const doctor = await db.selectFrom('doctors').select(['clinic_id']).where('id', '=', doctorId).executeTakeFirstOrThrow();
  const first = await db.selectFrom('doctor_hours').select(['branch_id', 'chair_id']).where('doctor_id', '=', doctorId).orderBy('weekday').executeTakeFirst();
  const branch = first?.branch_id ?? (await db.selectFrom('branches').select('id').where('clinic_id', '=', doctor.clinic_id).executeTakeFirstOrThrow()).id;
  const hours = JSON.stringify(ALL_WEEK.map((weekday) => ({ weekday, opens: '00:00', closes: '23:59' })));
  await db.updateTable('branches').set({ hours_json: hours }).where('clinic_id', '=', doctor.clinic_id).execute();
  await db.deleteFrom('doctor_hours').where('doctor_id', '=', doctorId).execute();
  await db
    .insertInto('doctor_hours')
    .values(ALL_WEEK.map((weekday) => ({
      id: newId(), clinic_id: doctor.clinic_id, doctor_id: doctorId, branch_id: branch, chair_id: first?.chair_id ?? null,
      weekday, starts: '00:00', ends: '23:59', break_starts: null, break_ends: null,
    })))
    .execute();
  await db.deleteFrom('calendar_days').where('clinic_id', '=', doctor.clinic_id).where('date', '=', date).execute();
  await db.insertInto('calendar_days').values({ clinic_id: doctor.clinic_id, date, kind: 'working', note: 'Тест: рабочий день' }).execute();
  await db.deleteFrom('doctor_exceptions').where('doctor_id', '=', doctorId).where('date_from', '<=', date).where('date_to', '>=', date).execute();
}
