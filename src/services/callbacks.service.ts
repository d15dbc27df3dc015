import type { z } from 'zod';
import type { CallBack } from '../contracts/schedule.js';
import type { Db } from '../db/connect.js';
import { openCallbacks } from '../db/repos/callbacks.repo.js';
import { mainPhoneNumbers } from '../db/repos/gap-candidates.repo.js';
import { addDays } from '../domain/dates.js';
import { fullName } from '../domain/names.js';
import { CANCEL_REASONS, type CancelReason } from '../domain/schedule/status.js';

/**
 * How far back a missed call-back is still shown on today's list. The desk cannot yet mark a
 * call "done, declined" (that comes with the phone desk's worklists), so without a bound a
 * patient who said no would stay on the list for ever; a month covers a missed shift, a
 * holiday or a sick week, after which the patient is on the "unfinished treatment" list anyway.
 */
export const OVERDUE_CALLBACK_DAYS = 30;

/**
 * CONF-5: the call-backs agreed at cancellation that fall due on `date`, and, when `date` is
 * today, the overdue ones not yet done (no booking and no logged call since the cancellation).
 */
export async function callbacksDue(db: Db, clinicId: string, date: string, today: string): Promise<z.infer<typeof CallBack>[]> {
  const from = date === today ? addDays(date, -OVERDUE_CALLBACK_DAYS) : date;
  const rows = await openCallbacks(db, clinicId, from, date);
  const phones = new Map((await mainPhoneNumbers(db, [...new Set(rows.map((r) => r.patient_id))])).map((p) => [p.patient_id, p.number]));
  return rows.map((r) => ({
    appointmentId: r.id,
    patientId: r.patient_id,
    name: fullName({ surname: r.surname, firstName: r.first_name, patronymic: r.patronymic }),
    phone: phones.get(r.patient_id) ?? null,
    callbackDate: r.callback_date!,
    overdue: r.callback_date! < date,
    visitDate: r.local_date,
    visitStartsAt: r.starts_at,
    doctorId: r.doctor_id,
    reason: (CANCEL_REASONS as readonly string[]).includes(r.cancel_reason ?? '') ? (r.cancel_reason as CancelReason) : null,
    note: r.cancel_note,
  }));
}
