import { describe, expect, it } from 'vitest';
import { noShowFrom, noShowRefusal } from './no-show.js';

const at = (iso: string) => Date.parse(iso);

describe('no-show only after the start and the grace period (SCH-9)', () => {
  const startsAt = at('2026-11-23T18:30:00+03:00');
  const tz = 'Europe/Moscow';

  it('refuses at 16:36 for an 18:30 visit, naming the time it becomes possible', () => {
    const r = noShowRefusal({ startsAt, now: at('2026-11-23T16:36:00+03:00'), graceMin: 15, tz });
    expect(r?.ru).toBe('Рано отмечать «Не пришёл»: приём в 18:30, пациент ещё может прийти. Отметить неявку можно с 18:45');
    expect(r?.en).toContain('from 18:45');
  });

  it('refuses inside the grace period and allows from its end on', () => {
    expect(noShowRefusal({ startsAt, now: at('2026-11-23T18:44:59+03:00'), graceMin: 15, tz })).not.toBeNull();
    expect(noShowRefusal({ startsAt, now: at('2026-11-23T18:45:00+03:00'), graceMin: 15, tz })).toBeNull();
    expect(noShowRefusal({ startsAt, now: at('2026-11-24T09:00:00+03:00'), graceMin: 15, tz })).toBeNull();
    expect(noShowFrom(startsAt, 0)).toBe(startsAt);
  });

  it('names the date when the visit is on another day, in the clinic’s zone', () => {
    const r = noShowRefusal({ startsAt, now: at('2026-11-22T20:00:00+03:00'), graceMin: 10, tz });
    expect(r?.ru).toMatch(/можно 23\.11\.2026 с 18:40$/);
  });
});
