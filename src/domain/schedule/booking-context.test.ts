import { describe, expect, it } from 'vitest';
import { suggestBooking, type DoneVisit } from './booking-context.js';

const v = (kind: DoneVisit['kind'], doctorId: string, doctorActive = true): DoneVisit => ({ kind, doctorId, doctorActive });

describe('suggestBooking: visit type and doctor from the finished visits, newest first', () => {
  it('a new patient gets a first consultation and no doctor', () => {
    expect(suggestBooking([])).toEqual({ kind: 'primary', doctorId: null });
  });
  it('a patient in treatment continues it with the doctor of her treatment visits, not the urgent one', () => {
    expect(suggestBooking([v('urgent', 'duty'), v('repeat', 'orlova'), v('primary', 'orlova')])).toEqual({ kind: 'repeat', doctorId: 'orlova' });
    expect(suggestBooking([v('urgent', 'duty')])).toEqual({ kind: 'repeat', doctorId: 'duty' });
    expect(suggestBooking([v('repeat', 'orlova'), v('checkup', 'hygienist')])).toEqual({ kind: 'repeat', doctorId: 'orlova' });
  });
  it('a prophylactic patient gets the next check-up with the doctor of her last check-up', () => {
    expect(suggestBooking([v('checkup', 'hygienist'), v('repeat', 'orlova')])).toEqual({ kind: 'checkup', doctorId: 'hygienist' });
  });
  it('never suggests a doctor who has left', () => {
    expect(suggestBooking([v('repeat', 'gone', false), v('repeat', 'orlova')])).toEqual({ kind: 'repeat', doctorId: null });
  });
});
