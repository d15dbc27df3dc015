/** Specialties a doctor can hold (SCH-1); a doctor may hold several. */
export const SPECIALTIES = [
  'general',
  'therapist',
  'endodontist',
  'surgeon',
  'implantologist',
  'orthopedist',
  'orthodontist',
  'periodontist',
  'pediatric',
  'hygienist',
] as const;
export type Specialty = (typeof SPECIALTIES)[number];

export const SPECIALTY_LABELS: Record<Specialty, { ru: string; en: string }> = {
  general: { ru: 'Стоматолог общей практики', en: 'General dentist' },
  therapist: { ru: 'Стоматолог-терапевт', en: 'Restorative dentist' },
  endodontist: { ru: 'Эндодонтист', en: 'Endodontist' },
  surgeon: { ru: 'Стоматолог-хирург', en: 'Oral surgeon' },
  implantologist: { ru: 'Имплантолог', en: 'Implantologist' },
  orthopedist: { ru: 'Стоматолог-ортопед', en: 'Prosthodontist' },
  orthodontist: { ru: 'Ортодонт', en: 'Orthodontist' },
  periodontist: { ru: 'Пародонтолог', en: 'Periodontist' },
  pediatric: { ru: 'Детский стоматолог', en: 'Paediatric dentist' },
  hygienist: { ru: 'Гигиенист стоматологический', en: 'Dental hygienist' },
};
