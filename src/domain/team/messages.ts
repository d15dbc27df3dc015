import type { Bilingual } from '../errors.js';
import { ROLES, type Role } from '../roles.js';

/** STAFF-3: the quick notes the desk sends most often; the text stays editable before sending. */
export const MESSAGE_TEMPLATES = ['arrived', 'refused', 'call_chief', 'call_back'] as const;
export type MessageTemplate = (typeof MESSAGE_TEMPLATES)[number];

export const MESSAGE_TEMPLATE_TEXTS: Record<MessageTemplate, Bilingual> = {
  arrived: { ru: 'Пациент пришёл', en: 'The patient has arrived' },
  refused: { ru: 'Пациент отказался', en: 'The patient refused' },
  call_chief: { ru: 'Перезвонить главному врачу', en: 'Call the chief doctor back' },
  call_back: { ru: 'Перезвонить пациенту', en: 'Call the patient back' },
};

/** How far back the inbox looks: a short note is worth reading for a week, unread or not. */
export const INBOX_DAYS = 7;

export interface Addressee {
  toUserId: string | null;
  toRole: Role | null;
}

/** True when a message addressed so reaches this user (a person, or every member of the role). */
export function reaches(a: Addressee, user: { id: string; role: Role }): boolean {
  if (a.toUserId) return a.toUserId === user.id;
  return a.toRole === user.role;
}

export function isRole(s: string | null): s is Role {
  return s !== null && (ROLES as readonly string[]).includes(s);
}
