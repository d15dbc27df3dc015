import { describe, expect, it } from 'vitest';
import { DEFAULT_CALL_SCRIPT, forbiddenIn, yearsOpen } from './call-script.js';
import { callProblem, suggestCallerType } from './call-rules.js';
import { dayPart, firstNameOf, greeting } from './greeting.js';

// Moscow is UTC+3 all year; the suite runs with TZ=Asia/Vladivostok (UTC+10), so a rule that read the process zone would fail.
const at = (hhmm: string) => Date.parse(`2026-02-10T${hhmm}:00+03:00`);
const base = { clinicName: 'Стоматологическая клиника «Улыбка»', branchAddress: 'ул. Ленина, 5', adminFullName: 'Миронова Екатерина Андреевна', timeZone: 'Europe/Moscow' };

describe('greeting (CALL-1)', () => {
  it('switches at 11:00 and 17:00 clinic-local time', () => {
    expect(dayPart(at('10:59'), 'Europe/Moscow')).toBe('morning');
    expect(dayPart(at('11:00'), 'Europe/Moscow')).toBe('day');
    expect(dayPart(at('16:59'), 'Europe/Moscow')).toBe('day');
    expect(dayPart(at('17:00'), 'Europe/Moscow')).toBe('evening');
    expect(dayPart(at('00:30'), 'Europe/Moscow')).toBe('morning');
  });

  it('says the clinic, the branch address and the administrator by first name', () => {
    expect(greeting({ ...base, atMs: at('10:59') })).toBe('Доброе утро, Стоматологическая клиника «Улыбка», ул. Ленина, 5, администратор Екатерина, слушаю Вас.');
    expect(greeting({ ...base, atMs: at('11:00') })).toMatch(/^Добрый день, /);
    expect(greeting({ ...base, atMs: at('16:59') })).toMatch(/^Добрый день, /);
    expect(greeting({ ...base, atMs: at('17:00'), branchAddress: null })).toBe('Добрый вечер, Стоматологическая клиника «Улыбка», администратор Екатерина, слушаю Вас.');
  });

  it('uses the clinic zone, not the server one: 10:30 in Vladivostok is 03:30 in Moscow', () => {
    const ms = Date.parse('2026-02-10T10:30:00+10:00');
    expect(dayPart(ms, 'Asia/Vladivostok')).toBe('morning');
    expect(dayPart(Date.parse('2026-02-10T18:30:00+10:00'), 'Europe/Moscow')).toBe('day');
  });

  it('takes the first name from «Фамилия Имя Отчество»', () => {
    expect(firstNameOf('Миронова Екатерина Андреевна')).toBe('Екатерина');
    expect(firstNameOf('Мария')).toBe('Мария');
  });
});

describe('script and call rules', () => {
  it('finds forbidden phrases whatever the case, punctuation or ё', () => {
    expect(forbiddenIn('Я могу Вам предложить запись на 14:30', DEFAULT_CALL_SCRIPT.forbidden)).toEqual(['я могу вам предложить']);
    expect(forbiddenIn('Могу предложить завтра в 09:00. Вам удобно?', DEFAULT_CALL_SCRIPT.forbidden)).toEqual(['могу предложить']);
    expect(forbiddenIn('Как я могу к вам обращаться', DEFAULT_CALL_SCRIPT.forbidden)).toEqual(['Как я могу к Вам обращаться?']);
    expect(forbiddenIn('Вам удобнее в 14:30 или в 18:00?', DEFAULT_CALL_SCRIPT.forbidden)).toEqual([]);
  });

  it('the default script breaks none of its own rules', () => {
    const said = [...DEFAULT_CALL_SCRIPT.stages.flatMap((s) => s.phrases), ...DEFAULT_CALL_SCRIPT.objections.map((o) => o.answer)];
    for (const p of said) expect(forbiddenIn(p, DEFAULT_CALL_SCRIPT.forbidden), p).toEqual([]);
    expect(DEFAULT_CALL_SCRIPT.stages.map((s) => s.key)).toEqual(['greeting', 'contact', 'presentation', 'booking']);
  });

  it('a caller with a visit behind him is a repeat patient', () => {
    expect(suggestCallerType(null)).toBe('primary');
    expect(suggestCallerType({ pastVisits: 0 })).toBe('primary');
    expect(suggestCallerType({ pastVisits: 2 })).toBe('repeat');
  });

  it('refuses contradictory records', () => {
    const ok = { callerType: 'primary' as const, purpose: 'booking' as const, outcome: 'booked' as const, outcomeReason: null, patientId: 'p', appointmentId: 'a' };
    expect(callProblem(ok)).toBeNull();
    expect(callProblem({ ...ok, appointmentId: null })?.field).toBe('appointmentId');
    expect(callProblem({ ...ok, outcome: 'not_booked', appointmentId: null })?.field).toBe('outcomeReason');
    expect(callProblem({ ...ok, callerType: 'non_patient', purpose: 'director', outcome: 'routed', appointmentId: null })?.field).toBe('callerType');
    expect(callProblem({ ...ok, purpose: 'supplier', outcome: 'routed', appointmentId: null })?.field).toBe('purpose');
  });

  it('counts the years the clinic has worked', () => {
    expect(yearsOpen(2009, '2026-11-30')).toBe(17);
    expect(yearsOpen(null, '2026-11-30')).toBeNull();
  });
});
