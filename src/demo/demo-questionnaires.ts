import type { DbHandle } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { addDays } from '../domain/dates.js';
import type { AnswerInput } from '../domain/questionnaire-answers.js';
import type { DemoDocumentWriter } from './demo-documents.js';
import { Rng } from './demo-random.js';
import { ClinicClock, DAY_MS, iso } from './demo-time.js';

/** Writes one questionnaire's answers as the service would (rows, content and hash, DOC-3's card entries): bootstrap passes the services' writer. */
export interface DemoAnswerWriter {
  answer(documentId: string, answers: AnswerInput[], by: { id: string; name: string; role: string }, at: string, eventDate: string): Promise<void>;
}

const y = (questionId: string, text: string | null = null): AnswerInput => ({ questionId, yes: true, text });
const n = (questionId: string): AnswerInput => ({ questionId, yes: false, text: null });
const tx = (questionId: string, text: string): AnswerInput => ({ questionId, yes: null, text });
const NO_MOST = ['cardio-hypertension', 'cardio-ischemia', 'cardio-infarct', 'bleeding-long', 'bleeding-anticoagulants', 'allergy-anaesthetics', 'allergy-latex', 'endocrine-diabetes', 'infection-hepatitis', 'neuro-fainting', 'bisphosphonates-taken'];
const clean = (but: string[]) => NO_MOST.filter((q) => !but.includes(q)).map(n);

/** Health questionnaires as patients answer them: a few with red flags for the doctor, most without. */
const HEALTH: AnswerInput[][] = [
  [...clean(['cardio-hypertension', 'bleeding-anticoagulants']), y('cardio-hypertension', 'обычно 150/95'), y('bleeding-anticoagulants', 'варфарин 5 мг, МНО 2,4'), tx('medicines-list', 'Варфарин, лозартан')],
  [...clean(['allergy-anaesthetics', 'allergy-latex']), y('allergy-anaesthetics', 'на новокаин — отёк'), y('allergy-latex'), tx('allergy-other', 'пыльца берёзы')],
  [...clean(['endocrine-diabetes']), y('endocrine-diabetes', '2 тип, метформин'), tx('medicines-list', 'Метформин 1000 мг')],
  [...clean(['bisphosphonates-taken', 'neuro-fainting']), y('bisphosphonates-taken'), tx('bisphosphonates-how', 'алендроновая кислота, таблетки, 3 года'), y('neuro-fainting', 'при уколах')],
  [...clean([]), tx('medicines-list', 'Витамин D'), n('other-smoking')],
  [...clean([]), y('other-smoking')],
  [...clean([]), tx('other-extra', 'Здорова')],
  [...clean([])],
];
const CAREFUL: AnswerInput[][] = [
  [y('chair-pain-fear'), y('dislike-injection'), n('chair-gag'), y('wishes-explain'), tx('wishes-preferences', 'зелёный чай, тихая музыка'), tx('wishes-address', 'Можно просто по имени')],
  [y('chair-gag', 'особенно при оттисках'), y('dislike-drill'), y('wishes-signal'), tx('experience-negative', 'В другой клинике удаляли зуб без достаточной анестезии')],
];

/**
 * The demo's answered questionnaires (DOC-2/DOC-3): patients with visits today and tomorrow who signed a
 * health questionnaire get its answers (the first four with red flags for the doctor), one of tomorrow's
 * has only a questionnaire from last year (past the renewal: the call list asks them to come early), two of
 * today's filled «Обращайтесь со мной внимательно», which wrote their service cards.
 */
export async function seedDemoQuestionnaires(h: DbHandle, clinicId: string, now: Date, docs: DemoDocumentWriter, answers: DemoAnswerWriter, seed = 20260101) {
  const db = h.db;
  const clinic = await db.selectFrom('clinics').select('time_zone').where('id', '=', clinicId).executeTakeFirstOrThrow();
  const clock = new ClinicClock(clinic.time_zone);
  const today = clock.localDate(now.getTime());
  const rng = new Rng(seed).fork('questionnaires');
  const admin = await db.selectFrom('users').select(['id', 'full_name']).where('clinic_id', '=', clinicId).where('login', '=', 'admin').executeTakeFirst();
  if (!admin) return { answered: 0 };
  const by = { id: admin.id, name: admin.full_name, role: 'administrator' };
  const visits = await db.selectFrom('appointments').select(['id', 'patient_id', 'local_date', 'starts_at'])
    .where('clinic_id', '=', clinicId).where('local_date', 'in', [today, addDays(today, 1)]).where('status', 'not in', ['cancelled', 'no_show'])
    .orderBy('starts_at').orderBy('id').execute();
  const patients = [...new Set(visits.map((v) => v.patient_id))];
  if (!patients.length) return { answered: 0 };
  const signed = await db.selectFrom('patient_documents').select(['id', 'patient_id', 'kind', 'signed_at'])
    .where('clinic_id', '=', clinicId).where('patient_id', 'in', patients).where('kind', 'in', ['health_questionnaire', 'careful_questionnaire'])
    .orderBy('signed_at', 'desc').orderBy('id').execute();
  const health = new Map<string, { id: string; signed_at: string | null }>();
  for (const d of signed) if (d.kind === 'health_questionnaire' && d.signed_at && !health.has(d.patient_id)) health.set(d.patient_id, d);
  const at = (ms: number) => iso(ms);
  let answered = 0;
  const withHealth = patients.filter((p) => health.has(p));
  for (const [i, p] of withHealth.slice(0, HEALTH.length).entries()) {
    const d = health.get(p)!;
    await answers.answer(d.id, HEALTH[i], by, at(Date.parse(String(d.signed_at)) - 60_000), clock.localDate(Date.parse(String(d.signed_at))));
    answered++;
  }
  // Last year's questionnaire of a patient coming tomorrow (signed on paper 13 months ago): past the default 12-month renewal.
  const tomorrowOnly = visits.filter((v) => v.local_date === addDays(today, 1) && !health.has(v.patient_id));
  const stale = tomorrowOnly.length ? tomorrowOnly[rng.int(0, tomorrowOnly.length - 1)] : null;
  const insert = async (templateCode: string, patientId: string, appointmentId: string | null, issuedMs: number) => {
    const date = clock.localDate(issuedMs);
    const c = await docs.content({ templateCode, patientId, appointmentId, date, issuedAt: at(issuedMs), codes: [] });
    const id = newId();
    await db.insertInto('patient_documents').values({
      id, clinic_id: clinicId, patient_id: patientId, appointment_id: appointmentId, template_code: templateCode, template_version: c.template_version, kind: c.kind, title: c.title,
      content_json: c.content_json, content_sha256: c.content_sha256, status: 'signed_on_paper', refusal_reason: null, signer: c.child ? 'representative' : 'patient',
      signer_name: c.signerName, signature_png: null, signed_at: at(issuedMs + 10 * 60_000), paper_date: date, recorded_by: by.id, issued_by: by.id,
      issued_at: at(issuedMs), updated_at: at(issuedMs + 10 * 60_000),
    }).execute();
    return { id, date };
  };
  if (stale) {
    const d = await insert('health-questionnaire', stale.patient_id, null, now.getTime() - 396 * DAY_MS);
    await answers.answer(d.id, HEALTH[0].slice(), by, at(now.getTime() - 396 * DAY_MS), d.date);
    answered++;
  }
  const todays = [...new Set(visits.filter((v) => v.local_date === today).map((v) => v.id))].map((id) => visits.find((v) => v.id === id)!);
  const hasCareful = new Set(signed.filter((d) => d.kind === 'careful_questionnaire').map((d) => d.patient_id));
  for (const [i, v] of todays.filter((x) => !hasCareful.has(x.patient_id) && health.has(x.patient_id)).slice(0, CAREFUL.length).entries()) {
    const issued = Math.min(Date.parse(String(v.starts_at)), now.getTime()) - 20 * 60_000;
    const d = await insert('careful-questionnaire', v.patient_id, v.id, issued);
    await answers.answer(d.id, CAREFUL[i], by, at(issued + 5 * 60_000), d.date);
    answered++;
  }
  return { answered };
}
