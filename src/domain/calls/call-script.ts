import { searchKey } from '../names.js';

/**
 * The phone script the call card prompts with (CALL-3, CALL-11): four stages as a checklist with
 * the clinic's phrases, the general rules, the forbidden phrases, answers to objections, and the
 * facts the desk must give anyone who asks (CALL-7) that live nowhere else. Each clinic edits its
 * own (the chief doctor); every save is a new version, a call remembers the version it was taken with.
 */
export interface CallScriptStage {
  key: 'greeting' | 'contact' | 'presentation' | 'booking';
  title: string;
  /** What to do: ticked during the call. */
  steps: string[];
  /** What to say, in the clinic's words; «…» marks a place to fill in. */
  phrases: string[];
}

export interface CallScript {
  targetSec: number;
  rules: string[];
  stages: CallScriptStage[];
  forbidden: string[];
  objections: { objection: string; answer: string }[];
  facts: {
    /** The year the clinic opened: «как давно работает клиника». */
    foundedYear: number | null;
    equipment: string;
    materials: string;
  };
}

/**
 * Seed 002 («Скопируйте пример скрипта ответа администратора на входящий звонок»), in its words.
 * Where the seed's two parts disagree, the stricter one wins: the first part forbids the cliché
 * «Как я могу к Вам обращаться?» and the script itself forbids «я могу вам предложить», so the
 * contact stage asks «Подскажите, как Вас зовут?» and the booking offers times without «предложить».
 * The objection answers follow the seed's own guidance (CALL-6: the exact price from the approved
 * list, the final price after the doctor's examination, an invitation to a consultation).
 */
export const DEFAULT_CALL_SCRIPT: CallScript = {
  targetSec: 180,
  rules: [
    'Отвечаем не позже второго звонка.',
    'Говорим улыбаясь и вежливо.',
    'В разговоре берём инициативу на себя.',
    'Используем технику присоединения: «мы с вами подберём», «мы с вами обсудим», «мы выберем».',
    'Используем фразы «вам будет удобно», «вам понравится».',
    'Используем открытые и уточняющие вопросы для продолжения беседы.',
    'Используем альтернативные вопросы для назначения времени (техника «или-или»).',
  ],
  stages: [
    {
      key: 'greeting',
      title: 'Этап I. Приветствие (самопрезентация) и выяснение потребностей',
      steps: ['Представиться: клиника, адрес филиала, своё имя', 'Выслушать вопрос', 'Дать обстоятельный вежливый ответ'],
      phrases: ['Представляемся обязательно! Всем приятно общаться с людьми, а не с безликими голосами.'],
    },
    {
      key: 'contact',
      title: 'Этап II. Установление контакта (контакты пациента)',
      steps: ['Узнать имя', 'Первый раз или повторно', 'Узнать, откуда узнал о клинике', 'Подвести итог потребности и получить подтверждение'],
      phrases: [
        'Да, конечно, сейчас всё расскажу. Подскажите, как Вас зовут?',
        '…, очень приятно. Вы первый раз обращаетесь в нашу клинику или повторно?',
        'Чтобы мне рассчитать ещё подробнее, разрешите задать несколько уточняющих вопросов. Хорошо?',
        'Спасибо за ответы. Сейчас мы с вами подведём итоги, чтобы ничего не упустить. Итак, у вас сейчас стоит задача …, верно?',
      ],
    },
    {
      key: 'presentation',
      title: 'Этап III. Мини-презентация услуги',
      steps: ['Говорить языком выгод, обращаться по имени', 'Назвать врача, его стаж и длительность приёма', 'Стоимость — в конце презентации'],
      phrases: [
        '…, приём ведёт опытный доктор, со стажем около … лет — …, длительность приёма … минут, стоимость приёма … рублей, при сложных процедурах от … и до ….',
        'Всё зависит от множества факторов. Окончательную стоимость врач назовёт после осмотра.',
        'Вам идеально подойдёт …. Стоимость такого решения составит … рублей.',
      ],
    },
    {
      key: 'booking',
      title: 'Этап IV. Запись на приём и выход из контакта',
      steps: ['Предложить два времени на выбор', 'Фамилия и телефон', 'Напомнить о приёме за день?', 'Как добраться', 'Попрощаться'],
      phrases: [
        'Вам удобно записаться на приём сегодня или на завтра в первой половине дня?',
        'Вы можете также записаться на … или на …. Какое время для вас удобно?',
        'Хорошо, …, вы записываетесь на …. Скажите, пожалуйста, Вашу фамилию и телефон, по которому с Вами можно связаться. Вам напомнить о приёме за день до приёма?',
        '…, вы знаете, как к нам добраться, или вам объяснить, как лучше проехать к нашей клинике?',
        'Спасибо, …, доктор … будет вас ждать …, до свидания! Всего доброго, хорошего вам дня!',
      ],
    },
  ],
  forbidden: ['я могу вам предложить', 'могу предложить', 'Как я могу к Вам обращаться?', 'Свободно любое время после обеда'],
  objections: [
    {
      objection: 'Дорого',
      answer: 'Всё зависит от множества факторов. Точную стоимость врач назовёт после осмотра; на консультации вам составят план лечения и расскажут о вариантах. Вам удобнее прийти сегодня или завтра?',
    },
    {
      objection: 'Я подумаю',
      answer: 'Конечно. Чтобы вам было из чего выбрать, мы с вами можем подобрать время консультации — вам удобнее утром или вечером?',
    },
    {
      objection: 'Это время неудобно',
      answer: 'Вы можете также записаться на … или на …. Какое время для вас удобно?',
    },
    {
      objection: 'Острая боль, а всё занято',
      answer: 'Мы запишем вас на ближайшее время между приёмами; возможно, придётся немного подождать.',
    },
  ],
  facts: { foundedYear: null, equipment: '', materials: '' },
};

/** The forbidden phrases a text contains (case and «ё» ignored), so that an edited phrase can be flagged. */
export function forbiddenIn(text: string, forbidden: readonly string[]): string[] {
  const key = ` ${searchKey(text.replace(/[.,!?;:«»"()—–-]/g, ' '))} `;
  return forbidden.filter((f) => {
    const k = searchKey(f.replace(/[.,!?;:«»"()—–-]/g, ' ')).trim();
    return k.length > 0 && key.includes(` ${k} `);
  });
}

/** Whole years the clinic has worked at a clinic-local date (CALL-7: «как давно работает клиника»). */
export function yearsOpen(foundedYear: number | null, today: string): number | null {
  if (foundedYear === null) return null;
  return Math.max(0, Number(today.slice(0, 4)) - foundedYear);
}
