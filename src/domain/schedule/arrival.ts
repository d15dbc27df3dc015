import type { Bilingual } from '../errors.js';

export type Sex = 'female' | 'male' | null;

/** Lateness beyond this is not lateness but a wrong time: it is not written into SVC-3. */
export const MAX_LATENESS_MIN = 240;

function duration(min: number): { ru: string; en: string } {
  const h = Math.floor(min / 60);
  const m = min % 60;
  if (!h) return { ru: `${m} мин.`, en: `${m} min` };
  return { ru: m ? `${h} ч ${m} мин.` : `${h} ч`, en: m ? `${h} h ${m} min` : `${h} h` };
}

/**
 * The note the doctor gets when a patient arrives (STAFF-3), in Russian that agrees with the
 * patient's sex («пришёл» / «пришла»; «на месте» when unknown), with lateness, an early arrival
 * or a mixed-up day (the visit is booked for another date). A walk-in (SCH-8) is said as such:
 * the doctor did not expect this patient.
 */
export function arrivalNote(p: { who: string; sex: Sex; time: string; lateMinutes: number; bookedDate: string; today: string; walkIn?: boolean }): Bilingual {
  const subject = p.sex === 'female' ? `Пациентка ${p.who} пришла` : p.sex === 'male' ? `Пациент ${p.who} пришёл` : `Пациент ${p.who} на месте`;
  if (p.walkIn) {
    return { ru: `${subject} без записи (приём с ${p.time})`, en: `Patient ${p.who} came without an appointment (seen from ${p.time})` };
  }
  const dd = p.bookedDate.split('-').reverse().slice(0, 2).join('.');
  let ru: string;
  let en: string;
  if (p.bookedDate !== p.today) {
    ru = `${subject}, но запись на ${dd} в ${p.time}`;
    en = `Patient ${p.who} has arrived, but the visit is booked for ${p.bookedDate} at ${p.time}`;
  } else if (p.lateMinutes >= 5) {
    const d = duration(p.lateMinutes);
    ru = `${subject} (приём в ${p.time}, опоздание ${d.ru})`;
    en = `Patient ${p.who} has arrived (appointment at ${p.time}, ${d.en} late)`;
  } else if (p.lateMinutes <= -10) {
    const d = duration(-p.lateMinutes);
    ru = `${subject} (приём в ${p.time}, раньше на ${d.ru})`;
    en = `Patient ${p.who} has arrived (appointment at ${p.time}, ${d.en} early)`;
  } else {
    ru = `${subject} (приём в ${p.time})`;
    en = `Patient ${p.who} has arrived (appointment at ${p.time})`;
  }
  return { ru, en };
}
