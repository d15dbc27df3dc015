import { describe, expect, it } from 'vitest';
import { CALL_OUTCOMES } from '../src/domain/calls/call-rules.js';
import { ATTEMPT_OUTCOMES } from '../src/domain/worklists/outcomes.js';
import { worklistsEn } from '../web/src/i18n/worklists.en.js';
import { worklistsRu } from '../web/src/i18n/worklists.ru.js';

/**
 * A worklist row lists the patient's last calls, and those come from the whole call base: an
 * incoming call «Не записан» shows on the recall list too. Each outcome a row can show is named in
 * both languages (a raw «not_booked» was on the screen).
 */
describe('worklists: every call outcome a row can show has a Russian and an English label', () => {
  for (const outcome of new Set<string>([...ATTEMPT_OUTCOMES, ...CALL_OUTCOMES])) {
    it(outcome, () => {
      const ru = (worklistsRu.outcome as Record<string, string>)[outcome];
      const en = (worklistsEn.outcome as Record<string, string>)[outcome];
      expect(ru).toMatch(/^[А-ЯЁ][а-яё ,]+$/);
      expect(en).toMatch(/^[A-Z][a-z ,]+$/);
    });
  }
});
