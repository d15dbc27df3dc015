/**
 * The legal representative (323-FZ art. 20, 54): a patient under 15 consents and signs through a parent or another
 * legal representative; so does a ward of any age. The schedule and the call card show who it is.
 */

/** Whole years between a birth date and a date, both YYYY-MM-DD. */
export function yearsOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Under 15 on that date: the representative signs and should come along. */
export const under15On = (birthDate: string | null, on: string): boolean => !!birthDate && yearsOn(birthDate, on) < 15;

export interface RepresentativeBrief {
  fullName: string;
  relation: string | null;
  phone: string | null;
}

/** The representative from a card's columns (null: none entered). */
export function representativeOf(r: { rep_full_name?: string | null; rep_relation?: string | null; rep_phone?: string | null }): RepresentativeBrief | null {
  return r.rep_full_name ? { fullName: r.rep_full_name, relation: r.rep_relation ?? null, phone: r.rep_phone ?? null } : null;
}
