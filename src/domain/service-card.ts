import type { Bilingual } from './errors.js';

/** Sections of the client's service card, exactly as the seed document names them (SVC-1..10). */
export const SVC_SECTIONS = ['svc1', 'svc2', 'svc3', 'svc4', 'svc5', 'svc6', 'svc7', 'svc8', 'svc9', 'svc10'] as const;
export type SvcSection = (typeof SVC_SECTIONS)[number];

export const SVC_LABELS: Record<SvcSection, Bilingual> = {
  svc1: { ru: 'Пожелания пациента (о чём напомнить по телефону, согласие на опрос)', en: "Patient's wishes (phone reminders, consent to surveys)" },
  svc2: { ru: 'Задержки консультаций и приёмов по вине клиники', en: "Delays through the clinic's fault" },
  svc3: { ru: 'Опоздания пациента на приём', en: "Patient's lateness" },
  svc4: { ru: 'Предпочтения (напитки, журналы, темы, музыка, ТВ)', en: 'Preferences (drinks, magazines, topics, music, TV)' },
  svc5: { ru: 'Отношение к документам и трудности при их прочтении', en: 'Attitude to the documents, difficulties reading them' },
  svc6: { ru: 'Состояния до и после консультаций и приёмов', en: 'States before and after visits' },
  svc7: { ru: 'Особенности личности, затрудняющие взаимодействие', en: 'Personality features that make interaction harder' },
  svc8: { ru: 'Негативный стоматологический опыт', en: 'Negative dental experience' },
  svc9: { ru: 'Реакции на условия обслуживания (цены, предоплата, оплата, качество и сроки)', en: 'Reactions to the conditions of service' },
  svc10: { ru: 'Рекомендации для персонала', en: 'Recommendations for staff' },
};

/** Lateness this many minutes or more is written into SVC-3; a couple of minutes is not lateness. */
export const LATENESS_THRESHOLD_MIN = 5;

/** Three recorded latenesses within the recent ones make "chronic lateness" an alert on the booking. */
export function chronicLateness(latenesses: readonly number[]): boolean {
  return latenesses.filter((m) => m >= LATENESS_THRESHOLD_MIN).length >= 3;
}
