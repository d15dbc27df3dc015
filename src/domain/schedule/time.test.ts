import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.js';
import { localInstant } from './time.js';

const fresh = (date: string, hhmm: string, tz: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return new TZDate(y, m - 1, d, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5)), tz).getTime();
};

describe('localInstant remembers its answers', () => {
  it('asked again, it answers as the zone does — Moscow, and Berlin across both DST changes and the spring gap', () => {
    const cases: [string, string, string][] = [
      ['2026-07-01', '10:00', 'Europe/Moscow'], ['2026-03-29', '02:30', 'Europe/Berlin'], ['2026-03-29', '03:00', 'Europe/Berlin'],
      ['2026-10-25', '02:30', 'Europe/Berlin'], ['2026-10-25', '09:00', 'Europe/Berlin'], ['2026-10-25', '09:00', 'Asia/Vladivostok'],
    ];
    for (let round = 0; round < 3; round++) for (const [d, t, tz] of cases) expect(localInstant(d, t, tz)).toBe(fresh(d, t, tz));
    // The same date and time in another zone is another answer, not the remembered one.
    expect(localInstant('2026-10-25', '09:00', 'Asia/Vladivostok') - localInstant('2026-10-25', '09:00', 'Europe/Berlin')).toBe(-9 * 3_600_000);
  });

  it('stays right past its bound (more distinct questions than it keeps)', () => {
    let date = '2020-01-01';
    for (let i = 0; i < 25_000; i++) {
      const t = i % 2 ? '09:00' : '21:30';
      if (i % 997 === 0) expect(localInstant(date, t, 'Europe/Berlin')).toBe(fresh(date, t, 'Europe/Berlin'));
      else localInstant(date, t, 'Europe/Berlin');
      if (i % 2) date = addDays(date, 1);
    }
    expect(localInstant('2020-01-01', '09:00', 'Europe/Berlin')).toBe(fresh('2020-01-01', '09:00', 'Europe/Berlin'));
  });
});
