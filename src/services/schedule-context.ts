import { calendarRange, clinicTimeAndSettings } from '../db/repos/clinic.repo.js';
import { exceptionsInRange, listDoctors, type DoctorView } from '../db/repos/doctors.repo.js';
import type { Db } from '../db/connect.js';
import { addDays } from '../domain/dates.js';
import type { CalendarOverride } from '../domain/calendar/production-calendar.js';
import { workIntervals, type ScheduleException, type WorkInterval } from '../domain/schedule/availability.js';
import { scheduleSettings, type ScheduleSettings } from '../domain/schedule/settings.js';
import { localDateOf } from '../domain/schedule/time.js';

/** Everything the schedule rules need about a range of days, loaded in a handful of queries. */
export interface ScheduleContext {
  tz: string;
  settings: ScheduleSettings;
  doctors: DoctorView[];
  exceptions: Map<string, ScheduleException[]>;
  calendar: Map<string, CalendarOverride>;
}

/** Loads the rules' inputs for [fromDate, toDate]; `onlyDoctorId` narrows it to one doctor (a booking needs no others). */
export async function loadContext(db: Db, clinicId: string, fromDate: string, toDate: string, onlyDoctorId?: string): Promise<ScheduleContext> {
  const [clinic, doctors, exceptions, calendar] = await Promise.all([
    clinicTimeAndSettings(db, clinicId),
    listDoctors(db, clinicId, onlyDoctorId),
    exceptionsInRange(db, clinicId, fromDate, toDate),
    calendarRange(db, clinicId, fromDate, toDate),
  ]);
  const byDoctor = new Map<string, ScheduleException[]>();
  for (const e of exceptions) byDoctor.set(e.doctorId, [...(byDoctor.get(e.doctorId) ?? []), e]);
  return {
    tz: clinic.time_zone,
    settings: scheduleSettings(clinic.settings_json),
    doctors,
    exceptions: byDoctor,
    calendar: new Map(calendar.map((c) => [c.date, c as CalendarOverride])),
  };
}

export function doctorWork(ctx: ScheduleContext, doctor: DoctorView, date: string): WorkInterval[] {
  if (!doctor.isActive) return [];
  return workIntervals(date, doctor.hours, ctx.exceptions.get(doctor.id) ?? [], ctx.calendar, ctx.tz);
}

/** Just the clinic's time zone: one small query, for use cases that need "today" before loading a range. */
export async function clinicTimeZone(db: Db, clinicId: string): Promise<string> {
  return (await clinicTimeAndSettings(db, clinicId)).time_zone;
}

/** Clinic-local today and tomorrow for an instant. */
export function localToday(now: Date, tz: string) {
  const today = localDateOf(now.getTime(), tz);
  return { today, tomorrow: addDays(today, 1) };
}
