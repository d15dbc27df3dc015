import type { SvcSection } from '../../domain/service-card.js';

/**
 * Structured questions of the two questionnaires (issue #11): the health questionnaire (DOC-2, diseases
 * grouped so the patient answers easily and the doctor reads quickly) and «Обращайтесь со мной
 * внимательно» (DOC-3, whose answers flow into the service card). Answers are stored as data; a «yes»
 * (or any text) to a red-flag question is shown to the doctor on the appointment.
 */
export type QuestionnaireCode = 'health-questionnaire' | 'careful-questionnaire';
export type AnswerType = 'yesno' | 'text';

export interface QuestionGroup {
  id: string;
  questionnaire: QuestionnaireCode;
  title: string;
}

export interface Question {
  /** Stable id, never reused: answers are stored under it. */
  id: string;
  questionnaire: QuestionnaireCode;
  group: string;
  text: string;
  answer: AnswerType;
  /** A «yes» (for text: a non-empty answer) is a red flag for the doctor. */
  redFlag: boolean;
  /** DOC-3: the service-card section the answer is written into. */
  serviceCardSection?: SvcSection;
}

export const questionGroups: QuestionGroup[] = [
  { id: 'cardio', questionnaire: 'health-questionnaire', title: 'Сердце и сосуды' },
  { id: 'bleeding', questionnaire: 'health-questionnaire', title: 'Свёртываемость крови и препараты, разжижающие кровь' },
  { id: 'allergy', questionnaire: 'health-questionnaire', title: 'Аллергия' },
  { id: 'endocrine', questionnaire: 'health-questionnaire', title: 'Эндокринная система' },
  { id: 'infection', questionnaire: 'health-questionnaire', title: 'Инфекционные заболевания' },
  { id: 'neuro', questionnaire: 'health-questionnaire', title: 'Нервная система' },
  { id: 'respiratory', questionnaire: 'health-questionnaire', title: 'Органы дыхания' },
  { id: 'oncology', questionnaire: 'health-questionnaire', title: 'Онкологические заболевания и облучение' },
  { id: 'bisphosphonates', questionnaire: 'health-questionnaire', title: 'Препараты для лечения остеопороза и костных метастазов' },
  { id: 'pregnancy', questionnaire: 'health-questionnaire', title: 'Беременность и грудное вскармливание' },
  { id: 'medicines', questionnaire: 'health-questionnaire', title: 'Принимаемые лекарства' },
  { id: 'other', questionnaire: 'health-questionnaire', title: 'Другое' },
  { id: 'chair', questionnaire: 'careful-questionnaire', title: 'Как я чувствую себя в стоматологическом кресле' },
  { id: 'dislikes', questionnaire: 'careful-questionnaire', title: 'На что я реагирую негативно' },
  { id: 'experience', questionnaire: 'careful-questionnaire', title: 'Мой опыт лечения' },
  { id: 'wishes', questionnaire: 'careful-questionnaire', title: 'Мои пожелания' },
];

const h = (id: string, group: string, text: string, redFlag: boolean, answer: AnswerType = 'yesno'): Question => ({
  id,
  questionnaire: 'health-questionnaire',
  group,
  text,
  answer,
  redFlag,
});
const c = (id: string, group: string, text: string, serviceCardSection: SvcSection, answer: AnswerType = 'yesno'): Question => ({
  id,
  questionnaire: 'careful-questionnaire',
  group,
  text,
  answer,
  redFlag: false,
  serviceCardSection,
});

export const healthQuestions: Question[] = [
  h('cardio-hypertension', 'cardio', 'Повышенное артериальное давление (гипертоническая болезнь)?', true),
  h('cardio-ischemia', 'cardio', 'Ишемическая болезнь сердца, стенокардия (боли за грудиной)?', true),
  h('cardio-infarct', 'cardio', 'Перенесённый инфаркт миокарда или инсульт? Укажите когда.', true),
  h('cardio-arrhythmia', 'cardio', 'Нарушения ритма сердца, кардиостимулятор?', true),
  h('cardio-valves', 'cardio', 'Пороки сердца, искусственные клапаны, перенесённый инфекционный эндокардит?', true),
  h('cardio-failure', 'cardio', 'Одышка при небольшой нагрузке, отёки ног (сердечная недостаточность)?', true),
  h('bleeding-long', 'bleeding', 'Длительное кровотечение после порезов, удаления зубов, операций?', true),
  h('bleeding-disease', 'bleeding', 'Заболевания крови (гемофилия, тромбоцитопения, анемия)?', true),
  h('bleeding-anticoagulants', 'bleeding', 'Принимаете ли вы препараты, разжижающие кровь (варфарин, ривароксабан, апиксабан, дабигатран, клопидогрел, ацетилсалициловая кислота)?', true),
  h('allergy-anaesthetics', 'allergy', 'Аллергическая реакция на местные анестетики (лидокаин, артикаин, новокаин)?', true),
  h('allergy-antibiotics', 'allergy', 'Аллергия на антибиотики или другие лекарства? Укажите на какие.', true),
  h('allergy-latex', 'allergy', 'Аллергия на латекс (медицинские перчатки, воздушные шарики)?', true),
  h('allergy-other', 'allergy', 'Аллергия на продукты, пыльцу, металлы, пластмассы? Укажите на что.', false, 'text'),
  h('allergy-anaphylaxis', 'allergy', 'Был ли у вас анафилактический шок или отёк Квинке?', true),
  h('allergy-asthma', 'allergy', 'Бронхиальная астма?', true),
  h('endocrine-diabetes', 'endocrine', 'Сахарный диабет? Укажите тип и чем лечитесь.', true),
  h('endocrine-thyroid', 'endocrine', 'Заболевания щитовидной железы?', false),
  h('endocrine-adrenal', 'endocrine', 'Приём гормональных препаратов (глюкокортикоидов) дольше месяца?', true),
  h('infection-hepatitis', 'infection', 'Вирусный гепатит B или C (в том числе перенесённый)?', true),
  h('infection-hiv', 'infection', 'ВИЧ-инфекция?', true),
  h('infection-tuberculosis', 'infection', 'Туберкулёз (в том числе перенесённый)?', true),
  h('infection-current', 'infection', 'Есть ли у вас сейчас повышенная температура, простуда, герпес на губах?', true),
  h('neuro-epilepsy', 'neuro', 'Эпилепсия, судорожные приступы?', true),
  h('neuro-fainting', 'neuro', 'Обмороки, головокружения, в том числе при виде крови или уколе?', true),
  h('neuro-trigeminal', 'neuro', 'Невралгия тройничного нерва, боли в лице?', false),
  h('neuro-psych', 'neuro', 'Состоите ли вы на учёте у невролога или психиатра? Какие препараты принимаете?', false, 'text'),
  h('respiratory-chronic', 'respiratory', 'Хронический бронхит, хроническая обструктивная болезнь лёгких?', false),
  h('respiratory-nose', 'respiratory', 'Затруднённое носовое дыхание, хронический гайморит?', false),
  h('oncology-disease', 'oncology', 'Онкологическое заболевание (в том числе в прошлом)?', true),
  h('oncology-radiation', 'oncology', 'Лучевая терапия области головы и шеи?', true),
  h('oncology-chemo', 'oncology', 'Химиотерапия в течение последнего года?', true),
  h('bisphosphonates-taken', 'bisphosphonates', 'Принимаете ли вы (принимали ли раньше) препараты для лечения остеопороза — бисфосфонаты (алендроновая, золедроновая, ибандроновая кислота) или деносумаб?', true),
  h('bisphosphonates-how', 'bisphosphonates', 'Если да: название препарата, в таблетках или капельницах, как долго?', false, 'text'),
  h('pregnancy-now', 'pregnancy', 'Вы беременны? Укажите срок.', true),
  h('pregnancy-lactation', 'pregnancy', 'Кормите ли вы грудью?', true),
  h('medicines-list', 'medicines', 'Какие лекарства, в том числе биологически активные добавки, вы принимаете постоянно или принимали последний месяц?', false, 'text'),
  h('other-smoking', 'other', 'Курите ли вы (в том числе электронные сигареты)?', false),
  h('other-kidney-liver', 'other', 'Заболевания почек или печени?', false),
  h('other-surgery', 'other', 'Перенесённые операции и госпитализации за последние 5 лет?', false, 'text'),
  h('other-extra', 'other', 'Что ещё о своём здоровье вы считаете важным сообщить врачу?', false, 'text'),
];

export const carefulQuestions: Question[] = [
  c('chair-pain-fear', 'chair', 'Я боюсь боли во время лечения', 'svc6'),
  c('chair-gag', 'chair', 'У меня сильный рвотный рефлекс (например, при снятии оттисков)', 'svc6'),
  c('chair-mouth-open', 'chair', 'Мне трудно долго держать рот открытым', 'svc6'),
  c('chair-anxiety', 'chair', 'Я волнуюсь перед приёмом, мне нужно время, чтобы успокоиться', 'svc6'),
  c('chair-breaks', 'chair', 'Мне нужны перерывы во время приёма', 'svc6'),
  c('dislike-drill', 'dislikes', 'Меня беспокоит звук бормашины', 'svc6'),
  c('dislike-cotton', 'dislikes', 'Мне неприятны ватные валики во рту', 'svc6'),
  c('dislike-injection', 'dislikes', 'Я боюсь уколов', 'svc6'),
  c('dislike-smell', 'dislikes', 'Мне неприятны запахи стоматологического кабинета', 'svc6'),
  c('dislike-light', 'dislikes', 'Мне мешает яркий свет лампы', 'svc6'),
  c('dislike-other', 'dislikes', 'Что ещё вызывает у вас дискомфорт?', 'svc6', 'text'),
  c('experience-negative', 'experience', 'У меня был неприятный опыт лечения зубов. Если хотите, расскажите о нём', 'svc8', 'text'),
  c('wishes-explain', 'wishes', 'Я хочу, чтобы врач объяснял каждый шаг лечения', 'svc10'),
  c('wishes-signal', 'wishes', 'Я хочу договориться с врачом о сигнале «остановитесь» (например, поднятая рука)', 'svc10'),
  c('wishes-address', 'wishes', 'Как к вам лучше обращаться?', 'svc10', 'text'),
  c('wishes-learn', 'wishes', 'Что вы хотели бы дополнительно узнать о своём лечении, уходе за зубами, ценах?', 'svc1', 'text'),
  c('wishes-reminders', 'wishes', 'О чём вам напоминать по телефону (приём, профилактический осмотр, гигиена)?', 'svc1', 'text'),
  c('wishes-survey', 'wishes', 'Я согласен(на), чтобы после лечения мне позвонили и спросили о самочувствии и впечатлениях', 'svc1'),
  c('wishes-preferences', 'wishes', 'Что сделает ожидание приятнее: напиток, музыка, журналы, темы для разговора?', 'svc4', 'text'),
  c('wishes-documents', 'wishes', 'Мне удобнее, когда документы объясняют устно / дают прочитать дома / печатают крупным шрифтом', 'svc5', 'text'),
];

export const defaultQuestions: Question[] = [...healthQuestions, ...carefulQuestions];

/** The short words the appointment's «Анамнез: …» block shows for a red-flag answer (the doctor reads them at a glance). */
export const redFlagLabels: Record<string, string> = {
  'cardio-hypertension': 'гипертония',
  'cardio-ischemia': 'ИБС, стенокардия',
  'cardio-infarct': 'инфаркт или инсульт в анамнезе',
  'cardio-arrhythmia': 'нарушения ритма, кардиостимулятор',
  'cardio-valves': 'пороки сердца, искусственные клапаны, эндокардит',
  'cardio-failure': 'сердечная недостаточность',
  'bleeding-long': 'длительные кровотечения',
  'bleeding-disease': 'заболевание крови',
  'bleeding-anticoagulants': 'принимает антикоагулянты',
  'allergy-anaesthetics': 'аллергия на местные анестетики',
  'allergy-antibiotics': 'лекарственная аллергия',
  'allergy-latex': 'аллергия на латекс',
  'allergy-anaphylaxis': 'анафилаксия или отёк Квинке',
  'allergy-asthma': 'бронхиальная астма',
  'endocrine-diabetes': 'сахарный диабет',
  'endocrine-adrenal': 'глюкокортикоиды дольше месяца',
  'infection-hepatitis': 'гепатит B/C',
  'infection-hiv': 'ВИЧ-инфекция',
  'infection-tuberculosis': 'туберкулёз',
  'infection-current': 'сейчас температура, простуда или герпес',
  'neuro-epilepsy': 'эпилепсия',
  'neuro-fainting': 'обмороки',
  'oncology-disease': 'онкологическое заболевание',
  'oncology-radiation': 'облучение головы и шеи',
  'oncology-chemo': 'химиотерапия в последний год',
  'bisphosphonates-taken': 'бисфосфонаты или деносумаб',
  'pregnancy-now': 'беременность',
  'pregnancy-lactation': 'грудное вскармливание',
};
