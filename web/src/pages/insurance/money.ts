import { kopecksText } from '../../../../src/domain/money.js';

/** «1 500,00 ₽». */
export const rub = (kopecks: number) => `${kopecksText(kopecks)} ₽`;
/** 'YYYY-MM-DD' → 'DD.MM.YYYY'. */
export const ruDay = (date: string) => date.split('-').reverse().join('.');
