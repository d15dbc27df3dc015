import { describe, expect, it } from 'vitest';
import { smsParts, unknownPlaceholders } from './mailings.js';

describe('mailing text checks', () => {
  it('names placeholders that are not ours, once each', () => {
    expect(unknownPlaceholders('{имя}, {клиника} ждёт: {дата} {дата} {Имя}')).toEqual(['{дата}', '{Имя}']);
    expect(unknownPlaceholders('{имя}, скидка 10 % {  }')).toEqual([]);
  });

  it('counts SMS parts: Cyrillic 70 / 67 per part, Latin 160 / 153', () => {
    expect(smsParts('')).toEqual({ chars: 0, parts: 0 });
    expect(smsParts('Я'.repeat(70))).toEqual({ chars: 70, parts: 1 });
    expect(smsParts('Я'.repeat(71))).toEqual({ chars: 71, parts: 2 });
    expect(smsParts('Я'.repeat(134))).toEqual({ chars: 134, parts: 2 });
    expect(smsParts('Я'.repeat(135))).toEqual({ chars: 135, parts: 3 });
    expect(smsParts('a'.repeat(160))).toEqual({ chars: 160, parts: 1 });
    expect(smsParts('a'.repeat(161))).toEqual({ chars: 161, parts: 2 });
    expect(smsParts(`${'a'.repeat(100)}ё`)).toEqual({ chars: 101, parts: 2 });
  });
});
