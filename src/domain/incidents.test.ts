import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { checkResolve, checkStart, downtimeMinutes } from './incidents.js';

const now = new Date('2026-11-23T09:00:00Z');
const fieldOf = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? `${e.code}:${e.errors[0]?.field ?? ''}` : 'other';
  }
  return 'ok';
};

describe('incident rules (DESK-5)', () => {
  it('a failure starts now or earlier, and only an equipment failure names the equipment', () => {
    expect(fieldOf(() => checkStart('power', null, new Date('2026-11-23T08:00:00Z'), now))).toBe('ok');
    expect(fieldOf(() => checkStart('power', null, new Date('2026-11-23T09:00:50Z'), now))).toBe('ok');
    expect(fieldOf(() => checkStart('power', null, new Date('2026-11-23T09:05:00Z'), now))).toBe('validation_failed:startedAt');
    expect(fieldOf(() => checkStart('equipment', null, now, now))).toBe('validation_failed:equipment');
    expect(fieldOf(() => checkStart('water', 'xray', now, now))).toBe('validation_failed:equipment');
    expect(fieldOf(() => checkStart('equipment', 'xray', now, now))).toBe('ok');
  });

  it('resolved once, not before it started, not in the future', () => {
    const started = new Date('2026-11-23T08:00:00Z');
    expect(fieldOf(() => checkResolve({ startedAt: started, resolvedAt: null }, new Date('2026-11-23T07:59:00Z'), now))).toBe('validation_failed:resolvedAt');
    expect(fieldOf(() => checkResolve({ startedAt: started, resolvedAt: null }, new Date('2026-11-23T10:00:00Z'), now))).toBe('validation_failed:resolvedAt');
    expect(fieldOf(() => checkResolve({ startedAt: started, resolvedAt: null }, started, now))).toBe('ok');
    expect(fieldOf(() => checkResolve({ startedAt: started, resolvedAt: now }, now, now))).toBe('invalid_transition:');
  });

  it('downtime runs to the resolution, or to now while open', () => {
    expect(downtimeMinutes(new Date('2026-11-23T07:00:00Z'), new Date('2026-11-23T08:30:00Z'), now)).toBe(90);
    expect(downtimeMinutes(new Date('2026-11-23T07:00:00Z'), null, now)).toBe(120);
  });
});
