import { describe, expect, it } from 'vitest';
import { localInstant } from '../schedule/time.js';
import { dativeFullName } from './dative.js';
import { attemptProblem } from './outcomes.js';
import { addMonths, recallDue, ruleFor, type RecallRule } from './recall-rules.js';
import { addressName, confirmationScript, fromClinic, recallScript, spokenDay } from './scripts.js';

const rule = (id: string, visitKind: RecallRule['visitKind'], specialty: string | null, months: number, isActive = true): RecallRule => ({ id, name: id, visitKind, specialty, months, isActive });
const RULES = [rule('hyg', null, 'hygienist', 6), rule('check', 'checkup', null, 6), rule('treat', 'repeat', null, 12), rule('any', null, null, 24), rule('off', 'urgent', null, 1, false)];

describe('REC-1: recall rules', () => {
  it('months are calendar months, the end of a month clamped', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2025-12-15', 12)).toBe('2026-12-15');
    expect(addMonths('2026-01-10', -3)).toBe('2025-10-10');
  });

  it('the most specific active rule wins: specialty over kind over catch-all; a switched-off rule never applies', () => {
    expect(ruleFor(RULES, { kind: 'repeat', specialties: ['hygienist'] })?.id).toBe('hyg');
    expect(ruleFor(RULES, { kind: 'checkup', specialties: ['therapist'] })?.id).toBe('check');
    expect(ruleFor(RULES, { kind: 'repeat', specialties: ['therapist'] })?.id).toBe('treat');
    expect(ruleFor(RULES, { kind: 'urgent', specialties: ['surgeon'] })?.id).toBe('any');
    expect(ruleFor(RULES.slice(0, 3), { kind: 'urgent', specialties: ['surgeon'] })).toBeNull();
  });

  it('due on the rule’s date and for a year after it, not before, not later', () => {
    const last = { date: '2025-06-01', kind: 'checkup', specialties: ['therapist'] };
    expect(recallDue(RULES, last, '2025-11-30')).toBeNull();
    expect(recallDue(RULES, last, '2025-12-01')).toMatchObject({ dueDate: '2025-12-01', rule: { id: 'check' } });
    expect(recallDue(RULES, last, '2026-12-01')).not.toBeNull();
    expect(recallDue(RULES, last, '2026-12-02')).toBeNull();
  });
});

describe('CONF-6: the scripts in the seed’s words', () => {
  const tz = 'Europe/Moscow';
  const base = { tz, clinicName: 'Стоматологическая клиника «Улыбка»', adminFirstName: 'Мария', patient: 'Иван Иванович', doctorDative: dativeFullName({ surname: 'Петрова', firstName: 'Марина', patronymic: 'Ивановна' }) };

  it('names the patient, the day, the time, the doctor in the dative and the branch', () => {
    const text = confirmationScript({ ...base, atMs: localInstant('2025-12-02', '17:30', tz), visitDate: '2025-12-03', startsAtMs: localInstant('2025-12-03', '11:00', tz), branch: 'ул. Ленина, 5' });
    expect(text).toBe('Добрый вечер, Иван Иванович, Вас беспокоят из стоматологической клиники «Улыбка», администратор Мария. Напоминаем, что завтра в 11:00 Вы записаны на приём к доктору Петровой Марине Ивановне (ул. Ленина, 5). Вы подойдёте?');
    const monday = confirmationScript({ ...base, atMs: localInstant('2025-12-05', '16:00', tz), visitDate: '2025-12-08', startsAtMs: localInstant('2025-12-08', '09:30', tz), branch: null });
    expect(monday).toContain('Добрый день, Иван Иванович');
    expect(monday).toContain('Напоминаем, что в понедельник, 8 декабря, в 09:30');
    expect(spokenDay('2025-12-08', '2025-12-08')).toBe('сегодня');
  });

  it('recall offers two options: the question is «when», not «whether»', () => {
    const text = recallScript({ ...base, atMs: localInstant('2025-12-02', '10:15', tz), options: [localInstant('2025-12-03', '10:00', tz), localInstant('2025-12-04', '17:30', tz)] });
    expect(text).toBe('Доброе утро, Иван Иванович. Вас беспокоят из стоматологической клиники «Улыбка», администратор Мария. Вам необходимо подойти к доктору Петровой Марине Ивановне на профилактический осмотр, я хотела бы записать Вас на приём на удобное время. Вы сможете подойти завтра в 10:00 или в четверг, 4 декабря, в 17:30?');
  });

  it('names decline in the dative; the card’s «как обращаться» wins', () => {
    expect(dativeFullName({ surname: 'Лебедев', firstName: 'Андрей', patronymic: 'Викторович' })).toBe('Лебедеву Андрею Викторовичу');
    expect(dativeFullName({ surname: 'Соколова', firstName: 'Мария', patronymic: 'Ильинична' })).toBe('Соколовой Марии Ильиничне');
    expect(dativeFullName({ surname: 'Шевченко', firstName: 'Илья', patronymic: 'Петрович' })).toBe('Шевченко Илье Петровичу');
    expect(addressName({ addressAs: 'Ваня', firstName: 'Иван', patronymic: 'Иванович' })).toBe('Ваня');
    expect(addressName({ addressAs: null, firstName: 'Иван', patronymic: 'Иванович' })).toBe('Иван Иванович');
    expect(fromClinic('Улыбка')).toBe('клиники «Улыбка»');
  });
});

describe('attempts', () => {
  const now = Date.parse('2025-12-02T14:00:00Z');
  it('refuses outcomes of another list, a call-back without a time or in the past, a move without a note', () => {
    expect(attemptProblem({ purpose: 'gap', outcome: 'confirmed', callbackAt: null, appointmentId: 'a', note: null }, now)?.field).toBe('outcome');
    expect(attemptProblem({ purpose: 'recall', outcome: 'callback', callbackAt: null, appointmentId: null, note: null }, now)?.field).toBe('callbackAt');
    expect(attemptProblem({ purpose: 'recall', outcome: 'callback', callbackAt: '2025-12-02T13:00:00Z', appointmentId: null, note: null }, now)?.field).toBe('callbackAt');
    expect(attemptProblem({ purpose: 'confirmation', outcome: 'moved', callbackAt: null, appointmentId: 'a', note: ' ' }, now)?.field).toBe('note');
    expect(attemptProblem({ purpose: 'confirmation', outcome: 'confirmed', callbackAt: null, appointmentId: null, note: null }, now)?.field).toBe('appointmentId');
    expect(attemptProblem({ purpose: 'callback', outcome: 'refused', callbackAt: null, appointmentId: null, note: null }, now)).toBeNull();
  });
});
