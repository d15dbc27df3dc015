import { describe, expect, it } from 'vitest';
import { DEMO_PRICES } from '../demo/demo-prices.js';
import { aftercareOffers, monthsText, performedOf, WARRANTY_TERMS, warrantyRow } from './aftercare.js';

const leaflet = (code: string, serviceCodes: string[]) => ({ code, kind: 'leaflet', title: code, audience: 'patient', serviceCodes });
const coupon = (code: string) => ({ code, kind: 'warranty_coupon', title: code, audience: 'patient', serviceCodes: [] });
const s = (code: string, tooth: string | null = null) => ({ code, name: code, tooth });

describe('after treatment: performed services, warranty terms, offers (DOC-4, DOC-7)', () => {
  it('terms read in correct Russian', () => {
    expect([6, 12, 24, 36, 60, 1, 3, 11, 21, 22].map(monthsText)).toEqual(['6 месяцев', '1 год', '2 года', '3 года', '5 лет', '1 месяц', '3 месяца', '11 месяцев', '21 месяц', '22 месяца']);
  });

  it('every warranty term names a real code of the demo price list', () => {
    const codes = new Set(DEMO_PRICES.map((p) => p.code));
    for (const c of Object.keys(WARRANTY_TERMS)) expect(codes.has(c), c).toBe(true);
  });

  it('bill lines are performed at once; planned services only once the visit is «Завершён»', () => {
    expect(performedOf('in_chair', [s('Т-01', '16')], [s('А-02'), s('Т-01')]).map((x) => x.code)).toEqual(['Т-01']);
    expect(performedOf('done', [s('Т-01', '16')], [s('А-02'), s('Т-01')])).toEqual([s('Т-01', '16'), s('А-02')]);
  });

  it('a coupon row: tooth, term and life; anaesthesia has none; orthodontics says no warranty', () => {
    expect(warrantyRow(s('Т-01', '16'))).toEqual({ code: 'Т-01', name: 'Т-01', tooth: '16', warranty: '1 год', serviceLife: '2 года' });
    expect(warrantyRow(s('О-01', '36'))).toMatchObject({ warranty: '1 год', serviceLife: '5 лет' });
    expect(warrantyRow(s('А-02'))).toBeNull();
    expect(warrantyRow(s('ОД-02'))?.warranty).toContain('не устанавливается');
  });

  it('offers each matching leaflet and both coupons, none already issued for the visit', () => {
    const templates = [leaflet('l-an', ['А-02']), leaflet('l-fill', ['Т-01']), leaflet('l-endo', ['Э-01']), coupon('c-card'), coupon('c-pat')];
    expect(aftercareOffers(templates, [s('А-02'), s('Т-01')], new Set()).map((o) => o.templateCode)).toEqual(['l-an', 'l-fill', 'c-card', 'c-pat']);
    expect(aftercareOffers(templates, [s('А-02'), s('Т-01')], new Set(['l-fill', 'c-card'])).map((o) => o.templateCode)).toEqual(['l-an', 'c-pat']);
    // Anaesthesia alone: its leaflet, no coupon (nothing carries a warranty); hygiene alone: nothing at all.
    expect(aftercareOffers(templates, [s('А-02')], new Set()).map((o) => o.templateCode)).toEqual(['l-an']);
    expect(aftercareOffers(templates, [s('Г-01')], new Set())).toEqual([]);
  });
});
