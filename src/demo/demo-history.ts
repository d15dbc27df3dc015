import type { AppointmentHistoryTable } from '../db/schema.js';
import type { Desk } from './demo-desk.js';
import type { DemoAppointment } from './demo-schedule.js';

/**
 * The status history of each demo visit, as the desk would have written it: booked when it was
 * created, confirmed by the call the day before, arrived, in the chair, done — or the no-show or
 * cancellation — each by the administrator on shift at that moment. The card's «История» and the
 * crash checks then see demo visits like any other.
 */
export function generateHistory(apps: DemoAppointment[], desk: Desk, id: () => string): AppointmentHistoryTable[] {
  const out: AppointmentHistoryTable[] = [];
  for (const a of apps) {
    const r = a.row;
    const created = Date.parse(r.created_at);
    const add = (ms: number, action: string, from: string | null, to: string | null, details: object = {}) =>
      out.push({
        id: id(), clinic_id: r.clinic_id, appointment_id: r.id, at: new Date(ms).toISOString(), user_id: action === 'book' ? (r.created_by ?? null) : desk.adminAt(ms),
        action, from_status: from, to_status: to, details_json: JSON.stringify(details),
      });
    const changed = Date.parse(r.status_changed_at);
    // Confirmed on the spot (CONF-4: booked for today or tomorrow) when nothing else moved it since.
    const confirmedAtBooking = r.status === 'confirmed' && changed === created && !a.confirmCall;
    add(created, 'book', null, confirmedAtBooking ? 'confirmed' : 'booked', { squeezeIn: false, walkIn: false });
    let status = confirmedAtBooking ? 'confirmed' : 'booked';
    const step = (ms: number | null | undefined, to: string, details: object = {}) => {
      if (ms === null || ms === undefined || status === to) return;
      add(ms, 'status', status, to, details);
      status = to;
    };
    if (a.confirmCall?.reached) step(a.confirmCall.ms, 'confirmed');
    if (r.status === 'confirmed') step(changed, 'confirmed');
    if (r.arrived_at) step(Date.parse(r.arrived_at), 'arrived', r.late_minutes ? { lateMinutes: r.late_minutes } : {});
    if (r.in_chair_at) step(Date.parse(r.in_chair_at), 'in_chair');
    if (r.done_at) step(Date.parse(r.done_at), 'done');
    if (r.status === 'no_show') step(changed, 'no_show');
    if (r.status === 'cancelled') step(changed, 'cancelled', { reason: r.cancel_reason });
  }
  return out;
}
