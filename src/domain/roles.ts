/** Staff roles (STAFF-1). The order is the order the settings screens list them in. */
export const ROLES = [
  'owner',
  'chief_doctor',
  'dentist',
  'hygienist',
  'assistant',
  'senior_nurse',
  'administrator',
  'office_manager',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { ru: string; en: string }> = {
  owner: { ru: 'Владелец', en: 'Owner' },
  chief_doctor: { ru: 'Главный врач', en: 'Chief doctor' },
  dentist: { ru: 'Врач-стоматолог', en: 'Dentist' },
  hygienist: { ru: 'Гигиенист', en: 'Hygienist' },
  assistant: { ru: 'Ассистент', en: 'Assistant' },
  senior_nurse: { ru: 'Старшая медсестра', en: 'Senior nurse' },
  administrator: { ru: 'Администратор-кассир', en: 'Administrator-cashier' },
  office_manager: { ru: 'Офис-менеджер', en: 'Office manager' },
};

/** Roles whose members treat patients and therefore may have a doctor profile. */
export const CLINICAL_ROLES: readonly Role[] = ['chief_doctor', 'dentist', 'hygienist'];
