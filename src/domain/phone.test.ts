import { describe, expect, it } from 'vitest';
import { searchKey, shortName } from './names.js';
import { formatPhone, phoneSearchDigits, toE164 } from './phone.js';

describe('phones and names', () => {
  it('normalises every way staff type a Russian number', () => {
    for (const s of ['8 (921) 322-00-31', '+7 921 322 00 31', '89213220031', '9213220031', '7 921 3220031', '+7(921)322-00-31']) {
      expect(toE164(s), s).toBe('+79213220031');
    }
    expect(toE164('12')).toBeNull();
    expect(toE164('8 800 000')).toBeNull();
    expect(toE164('+49 30 901820')).toBe('+4930901820');
  });

  it('formats for Russian staff', () => {
    expect(formatPhone('+79213220031')).toBe('+7 (921) 322-00-31');
  });

  it('turns any phone-like query into the E.164 digit prefix, and names into no phone', () => {
    expect(phoneSearchDigits('8 (921) 32')).toBe('792132');
    expect(phoneSearchDigits('+7 921')).toBe('7921');
    expect(phoneSearchDigits('921 32')).toBe('792132');
    expect(phoneSearchDigits('Иванов')).toBeNull();
    expect(phoneSearchDigits('12')).toBeNull();
  });

  it('folds ё and case for search, shortens names with initials', () => {
    expect(searchKey('  Семёнов  Пётр ')).toBe('семенов петр');
    expect(shortName({ surname: 'Иванова', firstName: 'Мария', patronymic: 'Петровна' })).toBe('Иванова М. П.');
    expect(shortName({ surname: 'Smith', firstName: 'John' })).toBe('Smith J.');
  });
});
