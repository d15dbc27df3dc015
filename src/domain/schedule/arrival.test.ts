import { describe, expect, it } from 'vitest';
import { arrivalNote } from './arrival.js';

const base = { who: 'Иванова М. П.', time: '12:30', bookedDate: '2026-11-23', today: '2026-11-23' };

describe('the arrival note to the doctor', () => {
  it('agrees with the patient’s sex and stays neutral when it is unknown', () => {
    expect(arrivalNote({ ...base, sex: 'female', lateMinutes: 0 }).ru).toBe('Пациентка Иванова М. П. пришла (приём в 12:30)');
    expect(arrivalNote({ ...base, who: 'Иванов М. П.', sex: 'male', lateMinutes: 0 }).ru).toBe('Пациент Иванов М. П. пришёл (приём в 12:30)');
    expect(arrivalNote({ ...base, sex: null, lateMinutes: 0 }).ru).toBe('Пациент Иванова М. П. на месте (приём в 12:30)');
  });

  it('says lateness, an early arrival in hours and minutes, and a mixed-up day', () => {
    expect(arrivalNote({ ...base, sex: 'female', lateMinutes: 12 }).ru).toBe('Пациентка Иванова М. П. пришла (приём в 12:30, опоздание 12 мин.)');
    expect(arrivalNote({ ...base, sex: 'female', lateMinutes: -95 }).ru).toBe('Пациентка Иванова М. П. пришла (приём в 12:30, раньше на 1 ч 35 мин.)');
    expect(arrivalNote({ ...base, sex: 'female', lateMinutes: -3 }).ru).toBe('Пациентка Иванова М. П. пришла (приём в 12:30)');
    expect(arrivalNote({ ...base, sex: 'female', lateMinutes: -1209, bookedDate: '2026-11-26' }).ru).toBe('Пациентка Иванова М. П. пришла, но запись на 26.11 в 12:30');
  });

  it('says a walk-in came without an appointment', () => {
    expect(arrivalNote({ ...base, who: 'Комаров А. В.', sex: 'male', time: '16:39', lateMinutes: 0, walkIn: true }).ru).toBe('Пациент Комаров А. В. пришёл без записи (приём с 16:39)');
  });
});
