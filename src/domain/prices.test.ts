import { describe, expect, it } from 'vitest';
import { newVersionProblem, parseRubles, priceText, rubles, versionAt } from './prices.js';

describe('price list rules', () => {
  const versions = [
    { validFrom: '2026-01-01', priceMin: 250000, priceMax: null },
    { validFrom: '2026-07-01', priceMin: 280000, priceMax: null },
    { validFrom: '2027-01-01', priceMin: 300000, priceMax: 350000 },
  ];
  it('takes the version in force on a date, none before the first', () => {
    expect(versionAt(versions, '2025-12-31')).toBeNull();
    expect(versionAt(versions, '2026-01-01')?.priceMin).toBe(250000);
    expect(versionAt(versions, '2026-06-30')?.priceMin).toBe(250000);
    expect(versionAt(versions, '2026-07-01')?.priceMin).toBe(280000);
    expect(versionAt([...versions].reverse(), '2027-05-01')?.priceMax).toBe(350000);
  });
  it('refuses a back-dated price, a negative one and an upside-down range', () => {
    expect(newVersionProblem({ validFrom: '2026-11-29', priceMin: 1, priceMax: null }, '2026-11-30')?.field).toBe('validFrom');
    expect(newVersionProblem({ validFrom: '2026-11-30', priceMin: -1, priceMax: null }, '2026-11-30')?.field).toBe('priceMin');
    expect(newVersionProblem({ validFrom: '2026-12-01', priceMin: 500, priceMax: 400 }, '2026-11-30')?.field).toBe('priceMax');
    expect(newVersionProblem({ validFrom: '2026-11-30', priceMin: 500, priceMax: 500 }, '2026-11-30')).toBeNull();
  });
  it('says a price as the desk does', () => {
    expect(priceText({ priceMin: 250000, priceMax: null })).toBe('2\u202f500 ₽');
    expect(priceText({ priceMin: 2500000, priceMax: 4500000 })).toBe('от 25\u202f000 до 45\u202f000 ₽');
    expect(rubles(123456789)).toBe('1\u202f234\u202f567,89');
    expect(rubles(5)).toBe('0,05');
  });
  it('reads amounts as people type them, exact to the kopeck', () => {
    expect(parseRubles('2500')).toBe(250000);
    expect(parseRubles('2 500,50')).toBe(250050);
    expect(parseRubles('2500.5')).toBe(250050);
    expect(parseRubles('1\u00a0200 ₽')).toBe(120000);
    expect(parseRubles('0,07')).toBe(7);
    expect(parseRubles('12,345')).toBeNull();
    expect(parseRubles('две тысячи')).toBeNull();
    expect(parseRubles('')).toBeNull();
    expect(parseRubles('-5')).toBeNull();
  });
});
