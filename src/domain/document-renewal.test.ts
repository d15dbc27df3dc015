import { describe, expect, it } from 'vitest';
import { addMonths, documentSettings, questionnaireExpired } from './document-renewal.js';

describe('questionnaire renewal (DOC-2)', () => {
  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-05-15', 12)).toBe('2027-05-15');
  });
  it('expires on the renewal day, not before', () => {
    expect(questionnaireExpired('2025-12-01', '2026-11-30', 12)).toBe(false);
    expect(questionnaireExpired('2025-12-01', '2026-12-01', 12)).toBe(true);
    expect(questionnaireExpired('2026-06-01', '2026-12-01', 6)).toBe(true);
  });
  it('reads the setting, falling back to 12 months for anything out of range', () => {
    expect(documentSettings('{"documents":{"questionnaireRenewalMonths":6}}').questionnaireRenewalMonths).toBe(6);
    expect(documentSettings({ documents: { questionnaireRenewalMonths: 0 } }).questionnaireRenewalMonths).toBe(12);
    expect(documentSettings('not json').questionnaireRenewalMonths).toBe(12);
    expect(documentSettings(null).questionnaireRenewalMonths).toBe(12);
  });
});
