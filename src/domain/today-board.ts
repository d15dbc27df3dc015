import { MINUTE } from './schedule/time.js';

/** A visit of today as the desk's board needs it (instants as epoch ms). */
export interface BoardVisit {
  id: string;
  branchId: string;
  chairId: string | null;
  status: string;
  start: number;
  end: number;
  arrivedAt: number | null;
}

export interface BoardChair {
  id: string;
  branchId: string;
}

/** Statuses still open on the board: the patient is expected, waiting or in the chair. */
export const BOARD_STATUSES = ['booked', 'confirmed', 'arrived', 'in_chair'] as const;

/**
 * The desk's «today» board at `now` (DESK: who waits, who is late, which chair is free):
 * waiting — arrived and not yet in the chair, longest waiting first, whole minutes since arrival;
 * late — booked or confirmed, the start passed and not arrived, whole minutes since the start;
 * a chair is busy while a patient sits in it or a visit that holds it covers `now` (the patient
 * may walk in any moment), otherwise free until the next such visit today (null: to the day's end).
 */
export function todayBoard<V extends BoardVisit, C extends BoardChair>(visits: readonly V[], chairs: readonly C[], now: number) {
  const waiting = visits
    .filter((v) => v.status === 'arrived')
    .map((v) => ({ visit: v, minutes: Math.max(0, Math.floor((now - (v.arrivedAt ?? now)) / MINUTE)) }))
    .sort((a, b) => b.minutes - a.minutes || a.visit.start - b.visit.start);
  const late = visits
    .filter((v) => (v.status === 'booked' || v.status === 'confirmed') && v.start <= now)
    .map((v) => ({ visit: v, minutes: Math.floor((now - v.start) / MINUTE) }))
    .sort((a, b) => b.minutes - a.minutes);
  const chairState = chairs.map((c) => {
    const mine = visits.filter((v) => v.chairId === c.id);
    const occupant =
      mine.find((v) => v.status === 'in_chair') ?? mine.find((v) => v.status !== 'in_chair' && v.start <= now && now < v.end) ?? null;
    const next = mine.filter((v) => v.status !== 'in_chair' && v.start > now).sort((a, b) => a.start - b.start)[0] ?? null;
    return { chair: c, occupant, inChair: occupant?.status === 'in_chair', freeUntil: occupant ? null : (next?.start ?? null), next };
  });
  return { waiting, late, chairs: chairState };
}
