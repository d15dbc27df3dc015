/** Russian texts of the patients' documents (DOC-1..7, issue #11): the card's register, signing, the visit's missing documents, tomorrow's pack. */
export const documentsRu = {
  title: 'Документы',
  status: { issued: 'Выдан', signed_on_screen: 'Подписан', signed_on_paper: 'Подписан на бумаге', refused: 'Отказ', expired: 'Истёк' },
  kind: {
    contract: 'Договор', pd_consent: 'Согласие на ПДн', mailing_consent: 'Согласие на рассылки', health_questionnaire: 'Анкета здоровья',
    careful_questionnaire: 'Анкета «Внимательно»', warranty_regulation: 'Положение о гарантиях', warranty_coupon: 'Гарантийный талон', ids_instruction: 'Инструкция',
    refusal: 'Отказ от вмешательства', consent: 'Согласие (ИДС)', leaflet: 'Памятка', service_card_regulation: 'Регламент', treatment_plan: 'План лечения',
  },
  register: {
    document: 'Документ', version: 'Ред.', visit: 'Визит', status: 'Статус', date: 'Дата', who: 'Кто подписал', empty: 'Документов ещё нет. Выдайте договор, согласие на обработку персональных данных и анкету здоровья.',
    issuedOn: 'выдан {{date}}', signedOn: '{{date}}', paperOn: 'на бумаге {{date}}', reason: 'Причина: {{reason}}', pdf: 'PDF', noVisit: '—',
    representative: 'представитель', openPdf: 'Открыть PDF',
  },
  actions: { sign: 'Подписать', paper: 'На бумаге', refuse: 'Отказ', more: 'Ещё' },
  issue: {
    title: 'Выдать документ', template: 'Шаблон', templatePlaceholder: 'Начните вводить название', visit: 'Визит', noVisit: 'Без привязки к визиту',
    submit: 'Выдать', andSign: 'Выдать и подписать', issued: 'Документ выдан: {{title}}',
  },
  sign: {
    title: 'Подпись на экране', signer: 'Подписывает', signerPatient: 'пациент {{name}}', signerRep: 'законный представитель ({{relation}}) {{name}}',
    hint: 'Пациент расписывается пальцем, стилусом или мышью в рамке ниже.', clear: 'Очистить', submit: 'Подписать', empty: 'Сначала распишитесь в рамке',
    signed: 'Документ подписан', read: 'Открыть документ для чтения (PDF)', padLabel: 'Поле для подписи',
    noRep: 'Пациенту нет 15 лет: подписывает законный представитель. Укажите его на карте пациента (блок «Законный представитель»).',
  },
  paper: { title: 'Подписан на бумаге', date: 'Дата подписи', submit: 'Отметить подписанным', saved: 'Отмечено: подписан на бумаге' },
  refuse: {
    title: 'Отказ подписать', reason: 'Причина отказа', reasonPlaceholder: 'Например: хочет прочитать дома, не согласен с пунктом 5.2', submit: 'Записать отказ',
    saved: 'Отказ записан в сервисную карту', hint: 'Отказ попадёт в сервисную карту (раздел «Отношение к документам»).',
  },
  rep: {
    title: 'Законный представитель', none: 'Не указан', child: 'Пациенту нет 15 лет: документы подписывает законный представитель.',
    childMissing: 'Пациенту нет 15 лет, а законный представитель не указан — документы подписать нельзя.',
    adult: 'Для подопечного (недееспособного) пациента укажите опекуна.', signs: 'Подписывает: {{name}}', signsPatient: 'Подписывает сам пациент',
    fullName: 'ФИО представителя', document: 'Документ, удостоверяющий личность и полномочия', relation: 'Кем приходится', phone: 'Телефон',
    relationPlaceholder: 'мать, отец, опекун…', documentPlaceholder: 'паспорт 4000 123456, свидетельство о рождении…', edit: 'Изменить', add: 'Указать представителя',
    save: 'Сохранить', cancel: 'Отмена', saved: 'Представитель сохранён', clear: 'Убрать представителя',
  },
  visit: {
    missingTitle: 'Перед лечением не хватает документов', missingConsentTitle: 'Нет согласия на запланированное вмешательство', allSigned: 'Все нужные документы подписаны',
    reason: { first_visit: 'первичный визит', planned_intervention: 'для запланированного вмешательства', expired: 'истёк срок, нужна новая' },
    issueSign: 'Подписать', issuedNotSigned: 'выдан, не подписан', planned: 'Запланированные услуги', plannedPlaceholder: 'Выберите услуги из прайс-листа',
    plannedSaved: 'Запланированные услуги сохранены', noPlanned: 'Услуги не запланированы', editPlanned: 'Изменить', savePlanned: 'Сохранить услуги', cancel: 'Отмена',
    doctorWarning: 'Без подписанного согласия вмешательство проводить нельзя (323-ФЗ, ст. 20).',
  },
  aftercare: {
    title: 'После лечения', offer: 'Выдать и распечатать', issued: 'Выдано', pdf: 'PDF', wait: 'Готовим PDF…',
    hint: 'Выполнено: {{services}}', kind: { leaflet: 'памятка', warranty_coupon: 'гарантийный талон' },
    done: 'Выдано и открыто для печати: {{title}}',
  },
  pack: { button: 'Документы на завтра (PDF)', wait: 'Готовим PDF с документами на завтра… Для большого дня это может занять до минуты.', opened: 'Документов в пакете: {{count}}', none: 'На завтра все документы подписаны или не требуются' },
};
