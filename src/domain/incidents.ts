import { DomainError, fieldError, type Bilingual } from './errors.js';

/** DESK-5 (seed 002: «отсутствие света, воды, телефонной связи, интернета и другие технические сбои»). */
export const INCIDENT_KINDS = ['power', 'water', 'phone', 'internet', 'equipment', 'other'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** Which equipment failed, when the kind is `equipment`. */
export const EQUIPMENT = ['chair', 'compressor', 'xray', 'cash_register', 'sterilizer', 'computer', 'other'] as const;
export type Equipment = (typeof EQUIPMENT)[number];

export const INCIDENT_KIND_LABELS: Record<IncidentKind, Bilingual> = {
  power: { ru: 'Нет электричества', en: 'No power' },
  water: { ru: 'Нет воды', en: 'No water' },
  phone: { ru: 'Не работает телефон', en: 'Phone is down' },
  internet: { ru: 'Нет интернета', en: 'No internet' },
  equipment: { ru: 'Отказ оборудования', en: 'Equipment failure' },
  other: { ru: 'Другое', en: 'Other' },
};

export const EQUIPMENT_LABELS: Record<Equipment, Bilingual> = {
  chair: { ru: 'Стоматологическое кресло', en: 'Dental chair' },
  compressor: { ru: 'Компрессор', en: 'Compressor' },
  xray: { ru: 'Рентген / радиовизиограф', en: 'X-ray / intraoral sensor' },
  cash_register: { ru: 'Кассовый аппарат', en: 'Cash register' },
  sterilizer: { ru: 'Стерилизатор (автоклав)', en: 'Steriliser (autoclave)' },
  computer: { ru: 'Компьютер / принтер', en: 'Computer / printer' },
  other: { ru: 'Другое оборудование', en: 'Other equipment' },
};

/** A failure is logged when it is noticed, possibly a little after it began, never ahead of time. */
export function checkStart(kind: IncidentKind, equipment: Equipment | null | undefined, startedAt: Date, now: Date): void {
  if (kind === 'equipment' && !equipment) {
    throw fieldError('equipment', { ru: 'Укажите, какое оборудование отказало', en: 'Say which equipment failed' });
  }
  if (kind !== 'equipment' && equipment) {
    throw fieldError('equipment', { ru: 'Оборудование указывают только при отказе оборудования', en: 'Equipment is given only for an equipment failure' });
  }
  // A minute of slack: the clocks of the desk's computer and the server differ a little.
  if (startedAt.getTime() > now.getTime() + 60_000) {
    throw fieldError('startedAt', { ru: 'Сбой не может начаться в будущем', en: 'A failure cannot start in the future' });
  }
}

/** Resolving: once, not before the failure started, not in the future. */
export function checkResolve(inc: { startedAt: Date; resolvedAt: Date | null }, resolvedAt: Date, now: Date): void {
  if (inc.resolvedAt) {
    throw new DomainError('invalid_transition', { ru: 'Инцидент уже устранён', en: 'The incident is already resolved' });
  }
  if (resolvedAt.getTime() < inc.startedAt.getTime()) {
    throw fieldError('resolvedAt', { ru: 'Сбой не может быть устранён раньше, чем начался', en: 'An incident cannot be resolved before it started' });
  }
  if (resolvedAt.getTime() > now.getTime() + 60_000) {
    throw fieldError('resolvedAt', { ru: 'Время устранения не может быть в будущем', en: 'The resolution time cannot be in the future' });
  }
}

/** Minutes from start to resolution (or to now, while open): the downtime the owner sees. */
export function downtimeMinutes(startedAt: Date, resolvedAt: Date | null, now: Date): number {
  return Math.max(0, Math.round(((resolvedAt ?? now).getTime() - startedAt.getTime()) / 60_000));
}
