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

  it('the script introduces the caller and the clinic without doubled quotes and names the doctor without declining', () => {
    const s = surveyScript({ firstName: 'Раиса', patronymic: 'Андреевна', clinicName: 'Стоматологическая клиника «Улыбка»', staffName: 'Миронова Екатерина', doctorName: 'Григорьев Павел' });
    expect(s.introduction).toBe('Добрый день, Раиса Андреевна! Вас беспокоит Миронова Екатерина, Стоматологическая клиника «Улыбка». Недавно Вы закончили у нас лечение, Ваш врач — Григорьев Павел.');
    expect(surveyScript({ firstName: 'Иван', clinicName: 'Улыбка', staffName: 'А', doctorName: null }).introduction).toBe('Добрый день, Иван! Вас беспокоит А, клиника «Улыбка».');
  });
  it('tells the survey’s own service-card notes from a wish the desk must remember', () => {
    expect(isSurveyCardEntry('Опрос после лечения: опрос проведён (впечатление 5)')).toBe(true);
    expect(isSurveyCardEntry('Разбор низкой оценки в опросе: перезвонил главный врач')).toBe(true);
    expect(isSurveyCardEntry('Звонить после 18:00, согласна на опрос по телефону')).toBe(false);
  });
});
