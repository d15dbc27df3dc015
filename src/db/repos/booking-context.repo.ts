import type { Db } from '../connect.js';
import type { Kind, Status } from '../../domain/schedule/status.js';

const DAY_MS = 86_400_000;

/**
 * The patient's latest finished visits, newest first, with whether the doctor still works here.
 * Walks the (patient_id, starts_at) index backwards and stops at `limit`: a long history costs nothing.
 */
export async function recentDoneVisits(db: Db, clinicId: string, patientId: string, limit: number) {
  const rows = await db
    .selectFrom('appointments')
    .innerJoin('doctors', 'doctors.id', 'appointments.doctor_id')
    .select(['appointments.kind', 'appointments.doctor_id', 'doctors.is_active'])
    .where('appointments.patient_id', '=', patientId)
    .where('appointments.clinic_id', '=', clinicId)
    .where('appointments.status', '=', 'done')
    .orderBy('appointments.starts_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ kind: r.kind as Kind, doctorId: r.doctor_id, doctorActive: r.is_active === 1 }));
}

/** Visits still ahead of the patient (not ended, not cancelled or missed, not finished), soonest first. */
export async function upcomingVisits(db: Db, clinicId: string, patientId: string, now: Date, limit: number) {
  const rows = await db
    .selectFrom('appointments')
    .select(['id', 'starts_at', 'ends_at', 'local_date', 'doctor_id', 'branch_id', 'kind', 'status'])
    .where('patient_id', '=', patientId)
    .where('clinic_id', '=', clinicId)
    // A visit is shorter than a day: the range keeps the index scan to the future.
    .where('starts_at', '>', new Date(now.getTime() - DAY_MS).toISOString())
    .where('ends_at', '>', now.toISOString())
    .where('status', 'in', ['booked', 'confirmed', 'arrived', 'in_chair'])
    .orderBy('starts_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    localDate: r.local_date,
    doctorId: r.doctor_id,
    branchId: r.branch_id,
    kind: r.kind as Kind,
    status: r.status as Status,
  }));
}
