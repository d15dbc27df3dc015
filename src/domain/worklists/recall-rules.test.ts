import { describe, expect, it } from 'vitest';
import { DEFAULT_RECALL_RULES, recallDue, rulesInForce, type RecallRule } from './recall-rules.js';

describe('recall rules in force (REC-1)', () => {
  it('a clinic that set no rules gets the defaults, all active', () => {
    const r = rulesInForce([]);
    expect(r.map((x) => [x.name, x.months, x.isActive])).toEqual(DEFAULT_RECALL_RULES.map((d) => [d.name, d.months, true]));
    expect(recallDue(r, { date: '2026-05-20', kind: 'checkup', specialties: ['therapist'] }, '2026-11-20')).toMatchObject({ dueDate: '2026-11-20' });
    expect(recallDue(r, { date: '2026-05-20', kind: 'repeat', specialties: ['therapist'] }, '2026-11-20')).toBeNull();
    expect(recallDue(r, { date: '2026-05-20', kind: 'repeat', specialties: ['hygienist'] }, '2026-11-20')?.rule.specialty).toBe('hygienist');
  });

  it('the clinic’s own rules replace the defaults, even all switched off (then nobody is due)', () => {
    const off: RecallRule = { id: 'r1', name: 'Осмотр', visitKind: 'checkup', specialty: null, months: 6, isActive: false };
    expect(rulesInForce([off])).toEqual([off]);
    expect(recallDue(rulesInForce([off]), { date: '2026-05-20', kind: 'checkup', specialties: [] }, '2026-11-20')).toBeNull();
  });
});
