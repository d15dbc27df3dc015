import { describe, expect, it } from 'vitest';
import { addYears, isDue, planDestruction, retainUntil, type RetentionFacts } from './retention.js';

const facts = (f: Partial<RetentionFacts> = {}): RetentionFacts => ({ state: 'active', lastMedicalVisit: '2026-11-23', activeFutureAppointments: 0, today: '2026-11-23', ...f });

describe('retention periods (152-FZ art. 21, medical records 25 years)', () => {
  it('keeps a medical record 25 years after the last visit; 29 February ends on 1 March, never earlier', () => {
    expect(retainUntil('2026-11-23')).toBe('2051-11-23');
    expect(retainUntil('2024-02-29')).toBe('2049-03-01');
    expect(addYears('2026-11-23', -3)).toBe('2023-11-23');
  });

  it('blocks (keeps the medical record) on a withdrawn consent when there was a visit', () => {
    const p = planDestruction('consent_withdrawn', facts());
    expect(p).toMatchObject({ ok: true, scope: 'blocked', retainUntil: '2051-11-23' });
    if (p.ok) expect(p.categories).not.toContain('identity');
  });

  it('destroys everything when there is no medical record, or when its period has ended', () => {
    expect(planDestruction('subject_request', facts({ lastMedicalVisit: null }))).toMatchObject({ ok: true, scope: 'destroyed', retainUntil: null });
    const p = planDestruction('purpose_achieved', facts({ state: 'blocked', lastMedicalVisit: '2000-01-10', today: '2025-01-10' }));
    expect(p).toMatchObject({ ok: true, scope: 'destroyed' });
    if (p.ok) expect(p.categories).toContain('identity');
  });

  it('refuses: before the period ends on purpose_achieved, with booked visits, twice', () => {
    expect(planDestruction('purpose_achieved', facts({ today: '2051-11-22' }))).toMatchObject({ ok: false, field: 'reason' });
    expect(planDestruction('unlawful', facts({ activeFutureAppointments: 2 }))).toMatchObject({ ok: false, field: 'patient' });
    expect(planDestruction('consent_withdrawn', facts({ state: 'destroyed' }))).toMatchObject({ ok: false });
    expect(planDestruction('consent_withdrawn', facts({ state: 'blocked' }))).toMatchObject({ ok: false });
  });

  it('is due 25 years after the last visit, or 3 years after the last contact without a record', () => {
    expect(isDue({ lastMedicalVisit: '2000-05-01', lastContact: '2000-05-01', today: '2025-05-01' })).toBe(true);
    expect(isDue({ lastMedicalVisit: '2000-05-01', lastContact: '2000-05-01', today: '2025-04-30' })).toBe(false);
    expect(isDue({ lastMedicalVisit: null, lastContact: '2023-11-23', today: '2026-11-23' })).toBe(true);
    expect(isDue({ lastMedicalVisit: null, lastContact: '2023-11-24', today: '2026-11-23' })).toBe(false);
  });
});
