import type { Bilingual } from '../errors.js';
import type { Role } from '../roles.js';

/** STAFF-2: the parts of every job description (seed 000 part III, item 2). */
export const JOB_SECTIONS = ['general', 'qualities', 'admission', 'duties', 'responsibility', 'rights'] as const;
export type JobSection = (typeof JOB_SECTIONS)[number];
export type JobSections = Record<JobSection, string>;

export const JOB_SECTION_LABELS: Record<JobSection, Bilingual> = {
  general: { ru: 'Общие положения, назначение на должность', en: 'General provisions, appointment to the post' },
  qualities: { ru: 'Профессиональные и личные качества', en: 'Professional and personal qualities' },
  admission: { ru: 'Допуск к работе: стажировка, экзамен и аттестация', en: 'Admission to work: internship, exam and attestation' },
  duties: { ru: 'Должностные обязанности', en: 'Duties' },
  responsibility: { ru: 'Ответственность', en: 'Responsibility' },
  rights: { ru: 'Права', en: 'Rights' },
};

/** A section's text is at most this long (a real description runs to a few pages). */
export const JOB_SECTION_MAX = 8000;

/**
 * The version the employee must have confirmed: the newest. A confirmation of an older version
 * does not count — a new version asks again until confirmed.
 */
export function needsConfirmation(currentVersion: number, confirmedVersions: readonly number[]): boolean {
  return !confirmedVersions.includes(currentVersion);
}

/** The owner has no job description: the owner approves them. Everyone else has their role's. */
export function hasJobDescription(role: Role): boolean {
  return role !== 'owner';
}
