import type { DefaultTemplate } from '../../domain/document-template-format.js';

/** DOC-6. Recommended and performed treatment plans (the table comes from [[plan-table]]). */
export const treatmentPlanTemplates: DefaultTemplate[] = [
  {
    code: 'plan-recommended',
    kind: 'treatment_plan',
    title: 'Рекомендуемый план лечения',
    audience: 'patient',
    body: `# Рекомендуемый план лечения

Пациент: **{{patient.fullName}}**, дата рождения {{patient.birthDate}}, карта № {{patient.cardNumber}}. Врач: {{doctor.fullName}}, {{doctor.position}}. Дата: {{date}}.

Номера зубов указаны по международной системе FDI. Стоимость рассчитана по прейскуранту на дату плана и может уточняться по ходу лечения по медицинским показаниям — только с вашего согласия.

[[plan-table]]

Врач разъяснил мне рекомендуемый план, альтернативные варианты, их стоимость и последствия отказа от лечения. Я выбираю указанный вариант.

[[signatures]]
`,
  },
  {
    code: 'plan-performed',
    kind: 'treatment_plan',
    title: 'Выполненный план лечения',
    audience: 'patient',
    body: `# Выполненный план лечения

Пациент: **{{patient.fullName}}**, карта № {{patient.cardNumber}}. Врач: {{doctor.fullName}}. Дата: {{date}}.

[[plan-table]]

Работы выполнены в указанном объёме. Претензий к объёму и срокам не имею.

[[signatures]]
`,
  },
];
