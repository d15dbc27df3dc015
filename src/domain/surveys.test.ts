import { describe, expect, it } from 'vitest';
import { answerLabel, DEFAULT_QUESTIONS, isLowResult, isSurveyCardEntry, surveyScript } from './surveys.js';

describe('survey answers in the service card and the low-result rule', () => {
  it('names the default questions briefly in Russian, a custom one by its text; the recommendation out of 10', () => {
    const q = (key: string) => DEFAULT_QUESTIONS.find((x) => x.key === key)!;
    expect(answerLabel(q('trust'), 4)).toBe('доверие к врачу 4');
    expect(answerLabel(q('recommend'), 9)).toBe('рекомендация 9 из 10');
    expect(answerLabel({ key: 'q9', kind: 'score5', ru: 'Удобно ли Вам было записаться на приём? Оцените от 1 до 5.' }, 3)).toBe('Удобно ли Вам было записаться на приём 3');
  });

  it('a 2 of 5, a 6 of 10 or a complaint is low; 3 of 5 and 7 of 10 are not', () => {
    expect(isLowResult([{ kind: 'score5', score: 3 }, { kind: 'nps', score: 7 }], false)).toBe(false);
    expect(isLowResult([{ kind: 'score5', score: 2 }], false)).toBe(true);
    expect(isLowResult([{ kind: 'nps', score: 6 }], false)).toBe(true);
    expect(isLowResult([{ kind: 'text', score: null }], true)).toBe(true);
  });

  it('the script greets by the clinic’s hour, addresses the patient as the card says, introduces the caller by first name, names the doctor without declining; in English too', () => {
    const s = surveyScript({ patientName: 'Раиса Андреевна', clinicName: 'Стоматологическая клиника «Улыбка»', staffFullName: 'Миронова Екатерина Андреевна', doctorName: 'Григорьев Павел', dayPart: 'day' });
    expect(s.ru.introduction).toBe('Добрый день, Раиса Андреевна! Вас беспокоит Екатерина из стоматологической клиники «Улыбка». Недавно Вы закончили у нас лечение, Ваш врач — Григорьев Павел.');
    expect(s.en.introduction).toBe('Good afternoon, Раиса Андреевна! This is Екатерина from Стоматологическая клиника «Улыбка». You recently finished your treatment with us; your doctor is Григорьев Павел.');
    expect(s.en.permission).not.toMatch(/[а-яё]/i);
    expect(s.en.thanks).toBe('Thank you, Раиса Андреевна! Your answers will help us get better. Goodbye and good health!');
    const morning = surveyScript({ patientName: 'Иван', clinicName: 'Улыбка', staffFullName: 'Анна', doctorName: null, dayPart: 'morning' });
    expect(morning.ru.introduction).toBe('Доброе утро, Иван! Вас беспокоит Анна из клиники «Улыбка».');
    expect(surveyScript({ patientName: 'Иван', clinicName: 'Улыбка', staffFullName: 'Анна', doctorName: null, dayPart: 'evening' }).en.introduction).toBe('Good evening, Иван! This is Анна from the clinic «Улыбка».');
  });
  it('tells the survey’s own service-card notes from a wish the desk must remember', () => {
    expect(isSurveyCardEntry('Опрос после лечения: опрос проведён (впечатление 5)')).toBe(true);
    expect(isSurveyCardEntry('Разбор низкой оценки в опросе: перезвонил главный врач')).toBe(true);
    expect(isSurveyCardEntry('Звонить после 18:00, согласна на опрос по телефону')).toBe(false);
  });
});
