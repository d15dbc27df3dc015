import { describe, expect, it } from 'vitest';
import { cancellationOutcome, canTransition, holdsTime, initialStatus, STATUSES } from './status.js';

describe('visit status rules', () => {
  it('allows only the day’s path and its honest corrections', () => {
    expect(canTransition('booked', 'confirmed')).toBe(true);
    expect(canTransition('confirmed', 'arrived')).toBe(true);
    expect(canTransition('arrived', 'in_chair')).toBe(true);
    expect(canTransition('in_chair', 'done')).toBe(true);
    expect(canTransition('booked', 'done')).toBe(false);
    expect(canTransition('done', 'cancelled')).toBe(false);
    expect(canTransition('cancelled', 'booked')).toBe(false);
    for (const s of STATUSES) expect(canTransition(s, s)).toBe(false);
  });

  it('frees the time only when cancelled or missed', () => {
    expect(STATUSES.filter((s) => !holdsTime(s))).toEqual(['no_show', 'cancelled']);
  });

  it('CONF-4: a booking for today or tomorrow is confirmed at once unless marked ПОЗВОНИТЬ', () => {
    expect(initialStatus('2026-11-23', '2026-11-23', '2026-11-24', false)).toBe('confirmed');
    expect(initialStatus('2026-11-23', '2026-11-24', '2026-11-24', false)).toBe('confirmed');
    expect(initialStatus('2026-11-23', '2026-11-25', '2026-11-24', false)).toBe('booked');
    expect(initialStatus('2026-11-23', '2026-11-24', '2026-11-24', true)).toBe('booked');
  });

  it('CONF-5: a cancellation needs a rebooking or a call-back date; complaint or refusal informs the doctor', () => {
    expect(cancellationOutcome({ reason: 'patient_request' }).ok).toBe(false);
    expect(cancellationOutcome({ reason: 'illness', callbackDate: '2026-12-01' })).toEqual({ ok: true, notifyDoctor: false });
    expect(cancellationOutcome({ reason: 'clinic', rebookedAppointmentId: 'x' })).toEqual({ ok: true, notifyDoctor: false });
    expect(cancellationOutcome({ reason: 'complaint' })).toEqual({ ok: true, notifyDoctor: true });
    expect(cancellationOutcome({ reason: 'refusal' })).toEqual({ ok: true, notifyDoctor: true });
  });
});
