import { describe, expect, it } from 'vitest';
import { minuteOf, squeezeInRefusal } from './squeeze-in.js';
import { localInstant, MINUTE } from './time.js';

const TZ = 'Europe/Moscow';
const at = (hhmm: string, date = '2026-11-24') => localInstant(date, hhmm, TZ);
// Tuesday 2026-11-24: the doctor works 09:00–14:00 in branch B; the branch is open 08:00–20:00 on weekdays.
const work = [{ branchId: 'B', chairId: null, start: at('09:00'), end: at('14:00') }];
const branchHours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '20:00' }));
const check = (start: number, o: Partial<Parameters<typeof squeezeInRefusal>[0]> = {}) =>
  squeezeInRefusal({ start, end: start + 20 * MINUTE, tz: TZ, branchId: 'B', work, branchHours, sameMinute: null, ...o });

describe('squeeze-in (SCH-4): only the free-time rule may be broken', () => {
  it('allows any time the branch is open on the doctor’s working day, even past the doctor’s shift', () => {
    expect(check(at('08:00'))).toBeNull();
    expect(check(at('16:30'))).toBeNull();
    expect(check(at('19:40'))).toBeNull();
  });

  it('refuses outside the opening hours, naming them', () => {
    const night = check(at('03:00'));
    expect(night?.errors).toEqual([{ field: 'startsAt', message: expect.objectContaining({ ru: expect.stringContaining('(08:00–20:00)') }) }]);
    expect(check(at('20:00'))?.errors[0].field).toBe('startsAt');
    expect(check(at('19:50'))?.errors[0].field).toBe('endsAt');
  });

  it('refuses a day the doctor does not work (no weekly hours, absence or holiday: no working intervals), or works in another branch', () => {
    expect(check(at('10:00'), { work: [] })?.errors[0].message.ru).toMatch(/^Врач в этот день не работает/);
    expect(check(at('10:00'), { branchId: 'A' })?.errors[0].field).toBe('branchId');
  });

  it('refuses a day the branch is closed', () => {
    const saturday = at('10:00', '2026-11-28');
    expect(check(saturday, { work: [{ branchId: 'B', chairId: null, start: saturday, end: saturday + 60 * MINUTE }] })?.errors[0].message.ru).toBe('Филиал в этот день закрыт');
  });

  it('refuses the minute another visit of the doctor starts, as a 409', () => {
    const r = check(at('10:30'), { sameMinute: at('10:30') });
    expect(r?.code).toBe('slot_taken');
    expect(r?.detail.ru).toBe('В 10:30 у врача уже начинается другой приём');
  });

  it('counts a minute by its wall-clock HH:MM', () => {
    expect(minuteOf(at('10:30') + 59_999)).toBe(at('10:30'));
    expect(minuteOf(at('10:31'))).toBe(at('10:31'));
  });
});
