import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import { auditEn } from './audit.en';
import { auditRu } from './audit.ru';
import { callsEn } from './calls.en';
import { callsRu } from './calls.ru';
import { callQualityEn } from './callQuality.en';
import { callQualityRu } from './callQuality.ru';
import { telephonyEn } from './telephony.en';
import { telephonyRu } from './telephony.ru';
import { checklistEn } from './checklist.en';
import { checklistRu } from './checklist.ru';
import { deskEn } from './desk.en';
import { deskRu } from './desk.ru';
import { documentTemplatesEn } from './document-templates.en';
import { documentTemplatesRu } from './document-templates.ru';
import { documentsEn } from './documents.en';
import { documentsRu } from './documents.ru';
import { en } from './en';
import { incidentsEn } from './incidents.en';
import { incidentsRu } from './incidents.ru';
import { cashEn } from './cash.en';
import { cashRu } from './cash.ru';
import { moneyEn } from './money.en';
import { moneyRu } from './money.ru';
import { insuranceEn } from './insurance.en';
import { insuranceRu } from './insurance.ru';
import { pricesEn } from './prices.en';
import { pricesRu } from './prices.ru';
import { retentionEn } from './retention.en';
import { retentionRu } from './retention.ru';
import { ru } from './ru';
import { scheduleEn } from './schedule.en';
import { scheduleRu } from './schedule.ru';
import { surveysEn } from './surveys.en';
import { surveysRu } from './surveys.ru';
import { teamEn } from './team.en';
import { teamRu } from './team.ru';
import { statisticsEn } from './statistics.en';
import { statisticsRu } from './statistics.ru';
import { surveyResultsEn } from './survey-results.en';
import { surveyResultsRu } from './survey-results.ru';
import { worklistsEn } from './worklists.en';
import { worklistsRu } from './worklists.ru';
import { mailingsEn } from './mailings.en';
import { mailingsRu } from './mailings.ru';
import { questionnaireEn } from './questionnaire.en';
import { questionnaireRu } from './questionnaire.ru';

export type Lang = 'ru' | 'en';
const STORAGE_KEY = 'vizit.lang';

function storedLanguage(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ru';
  } catch {
    return 'ru';
  }
}

const initial = storedLanguage();
setApiLanguage(initial);
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { ru: { translation: { ...ru, ...auditRu, desk: deskRu, schedule: scheduleRu, retention: retentionRu, prices: pricesRu, incidents: incidentsRu, money: moneyRu, cash: cashRu, ins: insuranceRu, checklist: checklistRu, calls: callsRu, quality: callQualityRu, telephony: telephonyRu, stats: statisticsRu, team: teamRu, worklists: worklistsRu, mailings: mailingsRu, docs: documentsRu, qn: questionnaireRu, tpl: documentTemplatesRu, surveys: surveysRu, surveyResults: surveyResultsRu } }, en: { translation: { ...en, ...auditEn, desk: deskEn, schedule: scheduleEn, retention: retentionEn, prices: pricesEn, incidents: incidentsEn, money: moneyEn, cash: cashEn, ins: insuranceEn, checklist: checklistEn, calls: callsEn, quality: callQualityEn, telephony: telephonyEn, stats: statisticsEn, team: teamEn, worklists: worklistsEn, mailings: mailingsEn, docs: documentsEn, qn: questionnaireEn, tpl: documentTemplatesEn, surveys: surveysEn, surveyResults: surveyResultsEn } } },
  lng: initial,
  fallbackLng: 'ru',
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.title = i18n.t('app.name');

i18n.on('languageChanged', (lng) => {
  const lang: Lang = lng === 'en' ? 'en' : 'ru';
  setApiLanguage(lang);
  document.documentElement.lang = lang;
  document.title = i18n.t('app.name');
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this tab only.
  }
});

/** The current UI language, for picking from { ru, en } label maps of the domain. */
export function useLang(): Lang {
  const { i18n: instance } = useTranslation();
  return instance.language === 'en' ? 'en' : 'ru';
}

export default i18n;
