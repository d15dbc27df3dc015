import { describe, expect, it } from 'vitest';
import { DEMO_PRICE_CHANGES, DEMO_PRICE_SECTIONS, DEMO_PRICES } from './demo-prices.js';

/** Trademarks the list names on purpose, as patients see them on the equipment; any other Latin letter is a slip. */
const BRANDS = ['Air Flow'];
/** Words the list must spell with «ё» (съёмный, расчёт, щётка, ребёнок). */
const MISSING_YO = /съемн|расч[е]т|щетк|ребенк/i;

const isKopecks = (n: number | null) => n === null || (Number.isSafeInteger(n) && n >= 0);
const latinLeft = (s: string) => /[A-Za-z]/.test(BRANDS.reduce((t, b) => t.split(b).join(''), s));

describe('demo price list', () => {
  it('has unique codes, one letter prefix per section', () => {
    const codes = DEMO_PRICES.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    const prefixBySection = new Map<string, Set<string>>();
    for (const p of DEMO_PRICES) {
      expect(p.code).toMatch(/^[А-ЯЁ]{1,2}-\d{2}$/);
      const set = prefixBySection.get(p.section) ?? new Set<string>();
      set.add(p.code.split('-')[0]);
      prefixBySection.set(p.section, set);
    }
    const prefixes = [...prefixBySection.values()].map((s) => [...s]);
    expect(prefixes.every((p) => p.length === 1)).toBe(true);
    expect(new Set(prefixes.flat()).size).toBe(prefixes.length);
  });

  it('puts every row in a known section and leaves no section empty', () => {
    for (const p of DEMO_PRICES) expect(DEMO_PRICE_SECTIONS).toContain(p.section);
    for (const s of DEMO_PRICE_SECTIONS) expect(DEMO_PRICES.some((p) => p.section === s)).toBe(true);
  });

  it('keeps money in whole kopecks and ranges the right way up', () => {
    for (const p of [...DEMO_PRICES, ...DEMO_PRICE_CHANGES]) {
      expect(isKopecks(p.priceMin) && isKopecks(p.priceMax), p.code).toBe(true);
      expect(p.priceMax === null || p.priceMax >= p.priceMin, p.code).toBe(true);
    }
  });

  it('writes names and notes in Russian, with «ё», and MoH codes in the nomenclature form', () => {
    for (const p of DEMO_PRICES) {
      expect(p.name.trim(), p.code).not.toBe('');
      expect(p.name, p.code).toBe(p.name.trim());
      for (const text of [p.name, p.note ?? '']) {
        expect(latinLeft(text), `${p.code}: ${text}`).toBe(false);
        expect(MISSING_YO.test(text), `${p.code}: ${text}`).toBe(false);
      }
      // Latin A/B: a Cyrillic «А» that looks the same would never match the nomenclature.
      if (p.mohCode !== null) expect(p.mohCode, p.code).toMatch(/^[AB]\d{2}\.\d{2,3}\.\d{3}(\.\d{3})?$/);
    }
  });

  it('follows the desk rules of CALL-6: filling without anaesthesia, implant is its placement, a range for it', () => {
    const byCode = new Map(DEMO_PRICES.map((p) => [p.code, p]));
    expect(byCode.get('Т-01')?.note).toBe('без анестезии');
    expect(DEMO_PRICES.filter((p) => p.section === 'Анестезия').length).toBeGreaterThanOrEqual(2);
    const implant = byCode.get('И-01');
    expect(implant?.priceMax).not.toBeNull();
    expect(implant?.note).toMatch(/без коронки/);
  });

  it('has price changes only for existing codes, one each, a month or more back, different from today', () => {
    const byCode = new Map(DEMO_PRICES.map((p) => [p.code, p]));
    const codes = DEMO_PRICE_CHANGES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of DEMO_PRICE_CHANGES) {
      const now = byCode.get(c.code);
      expect(now, c.code).toBeDefined();
      expect(Number.isInteger(c.monthsAgo) && c.monthsAgo >= 1, c.code).toBe(true);
      expect(c.priceMin !== now!.priceMin || c.priceMax !== now!.priceMax, c.code).toBe(true);
    }
  });
});
