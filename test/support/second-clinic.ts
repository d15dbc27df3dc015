import type { FastifyInstance } from 'fastify';
import type { Db, DbHandle } from '../../src/db/connect.js';
import type { Database } from '../../src/db/schema.js';
import { as, signIn } from './app.js';
import { seedClinic, type Fixture } from './fixtures.js';
import { msk } from './schedule-fixture.js';

/** The clinic-local "today" of TestClock's default instant (2026-11-23 12:00 Moscow) and the days after it. */
export const TODAY = '2026-11-23';
export const TOMORROW = '2026-11-24';

/** Ids of one object of every kind a path, query or body can point to, keyed by kind. */
export interface ClinicObjects {
  fx: Fixture;
  tag: string;
  ids: {
    clinic: string;
    branch: string;
    chair: string;
    source: string;
    user: string;
    doctor: string;
    exception: string;
    patient: string;
    appointment: string;
    arrivedAppointment: string;
    waiting: string;
    notification: string;
    hold: string;
    /** A personal-data destruction act (152-FZ art. 21) of a second, visit-less patient. */
    destruction: string;
    /** A service of the price list. */
    price: string;
    /** An open incident at the branch (DESK-5). */
    incident: string;
    /** An item of the branch's opening checklist (DESK-1), ticked today. */
    checklistItem: string;
    /** A draft bill of the arrived visit (DESK-4). */
    bill: string;
    /** An advance paid by transfer onto the patient's balance. */
    payment: string;
    /** The branch's open cash shift (no cash in it). */
    shift: string;
    /** The fiscal receipt of a card advance, waiting for the register (54-FZ outbox). */
    fiscalReceipt: string;
    /** An incoming call booked on the tomorrow's visit (CALL-4). */
    call: string;
    /** A team message from the desk to the owner's role, about the patient, read by the owner (STAFF-3). */
    message: string;
    /** A task for the administrators about the patient. */
    task: string;
    /** A step of the spare account's training plan (STAFF-4). */
    trainingItem: string;
    /** ДМС (PAT-4): an insurer, the patient's policy and guarantee letter. */
    insurer: string;
    policy: string;
    letter: string;
    /** An issued bill of tomorrow's second visit, still the patient's: it can be handed to the insurer. */
    insuredBill: string;
    /** This month's register of the insurer, sent with another visit's bill in it. */
    register: string;
    /** A tax-deduction certificate from the advance. */
    taxCertificate: string;
    /** A recall rule of management's scheme (REC-1). */
    recallRule: string;
    /** A contract issued to the patient (documents, #11). */
    document: string;
    /** An SMS of a mailing waiting in the outbox for a person (no gateway; REC-4). */
    outboxMessage: string;
  };
  patientSurname: string;
  phone: string;
  feedPath: string;
  calendarDate: string;
}

async function ok<T = Record<string, unknown>>(p: Promise<{ statusCode: number; body: string; json(): unknown }>, what: string): Promise<T> {
  const r = await p;
  if (r.statusCode >= 300) throw new Error(`seeding ${what}: ${r.statusCode} ${r.body}`);
  return r.json() as T;
}

/**
 * Fills a clinic (seedClinic's, or a new one) through the API with one object of every kind:
 * a doctor linked to the dentist's account with hours and an absence, a patient with a phone,
 * a confirmed-by-call visit tomorrow, an arrived visit today (which leaves the doctor a
 * notification), a service-card entry, a waiting-list entry, a live hold, a feed token, a
 * calendar override, a spare staff account and a destruction act. Every free text carries `tag`, so a leak of
 * this clinic's data into another's answers is found by searching for the tag.
 */
export async function seedObjects(app: FastifyInstance, fx: Fixture, tag: string, phoneSeed: number): Promise<ClinicObjects> {
  const owner = as(app, await signIn(app, fx.users.owner.login));
  const admin = as(app, await signIn(app, fx.users.administrator.login));
  const doctor = await ok<{ id: string }>(owner('POST', '/api/doctors', {
    surname: `Врачова${tag}`, firstName: 'Мария', position: `Стоматолог ${tag}`, specialties: ['therapist'], userId: fx.users.dentist.id,
  }), 'doctor');
  await ok(owner('PUT', `/api/doctors/${doctor.id}/hours`, {
    hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, branchId: fx.branchId, chairId: fx.chairId, starts: '09:00', ends: '21:00' })),
  }), 'hours');
  const exception = await ok<{ id: string }>(owner('POST', `/api/doctors/${doctor.id}/exceptions`, {
    kind: 'training', dateFrom: '2026-12-28', dateTo: '2026-12-29', note: `Курсы ${tag}`,
  }), 'exception');
  const phone = `+7921${String(phoneSeed).padStart(7, '0')}`;
  const patientSurname = `Пациентова${tag}`;
  const patient = await ok<{ id: string }>(admin('POST', '/api/patients', {
    surname: patientSurname, firstName: 'Анна', patronymic: tag, phones: [{ number: phone }], note: `Заметка ${tag}`, sourceId: fx.sourceId,
  }), 'patient');
  const appointment = await ok<{ id: string }>(admin('POST', '/api/appointments', {
    patientId: patient.id, doctorId: doctor.id, startsAt: msk(TOMORROW, '10:00'), kind: 'repeat', comment: `Комментарий ${tag}`, needsCall: true,
  }), 'appointment');
  const arrived = await ok<{ id: string }>(admin('POST', '/api/appointments', {
    patientId: patient.id, doctorId: doctor.id, startsAt: msk(TODAY, '15:00'), kind: 'repeat', comment: `Сегодня ${tag}`,
  }), 'visit today');
  await ok(admin('POST', `/api/appointments/${arrived.id}/status`, { to: 'arrived', lateMinutes: 0 }), 'arrival');
  await ok(admin('POST', `/api/patients/${patient.id}/service-card`, { section: 'svc4', text: `Предпочитает утро ${tag}`, eventDate: TODAY }), 'service card');
  const waiting = await ok<{ id: string }>(admin('POST', '/api/waiting-list', {
    patientId: patient.id, doctorId: doctor.id, kind: 'repeat', dateFrom: TODAY, dateTo: '2026-12-20', note: `Пораньше ${tag}`,
  }), 'waiting list');
  const hold = await ok<{ holdGroup: string }>(admin('POST', '/api/schedule/proposals', { doctorId: doctor.id, kind: 'checkup', dateFrom: '2026-12-01' }), 'hold');
  if (!hold.holdGroup) throw new Error('seeding: the proposal held nothing');
  const feed = await ok<{ path: string }>(owner('POST', `/api/doctors/${doctor.id}/feed-token`), 'feed token');
  const calendarDate = '2026-12-30';
  await ok(owner('PUT', `/api/calendar/${calendarDate}`, { kind: 'day_off', note: `Санитарный день ${tag}` }), 'calendar day');
  const spare = await ok<{ user: { id: string } }>(owner('POST', '/api/staff', {
    login: `spare-${fx.clinicId.slice(-8)}`, fullName: `Запасной ${tag}`, role: 'assistant',
  }), 'staff');
  const gone = await ok<{ id: string; cardNumber: number }>(admin('POST', '/api/patients', { surname: `Отозвавшая${tag}`, firstName: 'Вера' }), 'second patient');
  const act = await ok<{ id: string }>(owner('POST', `/api/patients/${gone.id}/destruction`, {
    reason: 'consent_withdrawn', basis: `Заявление ${tag}`, confirmCardNumber: gone.cardNumber,
  }), 'destruction act');
  const price = await ok<{ id: string }>(owner('POST', '/api/price-list', {
    code: 'Т-01', name: `Пломба ${tag}`, section: `Терапия ${tag}`, note: `без анестезии ${tag}`, priceMin: 550_000,
  }), 'price list');
  const incident = await ok<{ id: string }>(admin('POST', '/api/incidents', {
    branchId: fx.branchId, kind: 'equipment', equipment: 'xray', description: `Не работает радиовизиограф ${tag}`,
  }), 'incident');
  await ok(admin('POST', `/api/incidents/${incident.id}/notes`, { text: `Вызвали техника ${tag}` }), 'incident note');
  const defaults = await ok<{ items: { id: string; text: string }[] }>(owner('GET', '/api/opening-checklist/items'), 'checklist items');
  const checklist = await ok<{ items: { id: string; text: string }[] }>(owner('PUT', '/api/opening-checklist/items', {
    branchId: fx.branchId, items: [...defaults.items.map(({ id, text }) => ({ id, text })), { text: `Проверить кассу ${tag}` }],
  }), 'checklist items');
  const checklistItem = checklist.items.at(-1)!.id;
  await ok(admin('PUT', `/api/opening-checklist/items/${checklistItem}/today`, { done: false, note: `Касса не включилась ${tag}` }), 'checklist note');
  await ok(admin('PUT', `/api/opening-checklist/items/${checklist.items[0].id}/today`, { done: true }), 'checklist tick');
  const bill = await ok<{ id: string }>(admin('POST', '/api/bills', { appointmentId: arrived.id }), 'bill');
  const shift = await ok<{ id: string }>(admin('POST', '/api/cash/shifts', { branchId: fx.branchId, openingFloat: 0 }), 'cash shift');
  const payment = await ok<{ id: string }>(admin('POST', '/api/payments', { patientId: patient.id, branchId: fx.branchId, method: 'transfer', amount: 100_000, payerName: `Плательщик ${tag}` }), 'advance');
  await ok(admin('POST', '/api/payments', { patientId: patient.id, branchId: fx.branchId, method: 'card', amount: 50_000 }), 'card advance');
  const fiscalReceipt = (await ok<{ items: { id: string }[] }>(admin('GET', '/api/fiscal-outbox'), 'fiscal outbox')).items[0].id;
  // ДМС (PAT-4): one issued bill handed to the insurer and sent in this month's register, another issued bill still the patient's; a tax certificate from the advance.
  const insurer = await ok<{ id: string }>(admin('POST', '/api/insurers', { name: `Страховая ${tag}`, legalName: `АО «Страховая ${tag}»`, inn: '7701000001', contractNumber: `Д-${tag}`, contractDate: '2026-01-15' }), 'insurer');
  const policy = (await ok<{ policies: { id: string }[] }>(admin('POST', `/api/patients/${patient.id}/insurance/policies`, { insurerId: insurer.id, number: `П-${tag}`, validFrom: '2026-01-01', validTo: '2026-12-31' }), 'policy')).policies[0].id;
  const letter = (await ok<{ policies: { letters: { id: string }[] }[] }>(admin('POST', `/api/insurance-policies/${policy}/letters`, {
    number: `ГП-${tag}`, issuedOn: '2026-11-01', validTo: '2026-12-31', limit: 10_000_000, covers: `Терапия ${tag}`,
  }), 'guarantee letter')).policies[0].letters[0].id;
  const issuedBill = async (at: string) => {
    const visit = await ok<{ id: string }>(admin('POST', '/api/appointments', { patientId: patient.id, doctorId: doctor.id, startsAt: msk(TOMORROW, at), kind: 'repeat' }), 'visit to bill');
    const b = await ok<{ id: string }>(admin('POST', '/api/bills', { appointmentId: visit.id }), 'bill to issue');
    await ok(admin('PUT', `/api/bills/${b.id}/lines`, { lines: [{ priceItemId: price.id, quantity: 1 }] }), 'bill lines');
    await ok(admin('POST', `/api/bills/${b.id}/issue`), 'bill issued');
    return b.id;
  };
  await ok(admin('POST', `/api/insurance-bills/${await issuedBill('17:00')}`, { policyId: policy, letterId: letter }), 'bill to the insurer');
  const insuredBill = await issuedBill('18:30');
  const register = await ok<{ id: string }>(admin('POST', '/api/insurance-registers', { insurerId: insurer.id, month: '2026-11' }), 'register');
  await ok(owner('PUT', '/api/clinic/tax-details', { inn: '7701000099', kpp: '770101001' }), 'clinic INN');
  const taxCertificate = await ok<{ id: string }>(admin('POST', `/api/patients/${patient.id}/tax-certificates`, {
    year: 2026, serviceCode: 1, taxpayer: { relation: 'self', fullName: `${patientSurname} Анна`, birthDate: '1990-01-01', document: `Паспорт ${tag}` },
  }), 'tax certificate');
  const call = await ok<{ id: string }>(admin('POST', '/api/calls', {
    callerType: 'repeat', purpose: 'booking', patientId: patient.id, phone, outcome: 'booked', appointmentId: appointment.id,
    startedAt: new Date(Date.parse(TODAY + 'T06:00:00Z')).toISOString(), needSummary: `Нужна запись ${tag}`,
  }), 'call');
  const chief = as(app, await signIn(app, fx.users.chief_doctor.login));
  const desk = await ok<{ script: { script: object } }>(admin('GET', '/api/calls/desk'), 'call desk');
  await ok(chief('PUT', '/api/call-script', { script: { ...desk.script.script, forbidden: [`Свободно любое время ${tag}`] } }), 'call script');
  const message = await ok<{ id: string }>(admin('POST', '/api/team/messages', { toRole: 'owner', text: `Перезвонить ${tag}`, patientId: patient.id }), 'team message');
  await ok(owner('POST', `/api/team/messages/${message.id}/read`), 'message read');
  const task = await ok<{ id: string }>(admin('POST', '/api/tasks', { title: `Задача ${tag}`, assigneeRole: 'administrator', dueDate: TOMORROW, patientId: patient.id }), 'task');
  const plans = await ok<{ items: { trainee: { id: string }; items: { id: string }[] }[] }>(owner('POST', '/api/training/plans', { traineeId: spare.user.id, mentorId: fx.users.administrator.id, startDate: TODAY }), 'training plan');
  const desc = await ok<{ sections: Record<string, string> }>(owner('GET', '/api/job-descriptions/administrator'), 'job description');
  const v2 = await ok<{ version: number }>(owner('POST', '/api/job-descriptions/administrator', { sections: { ...desc.sections, rights: `Права ${tag}` }, note: `Правка ${tag}` }), 'job description v2');
  await ok(admin('POST', '/api/job-descriptions/mine/confirm', { version: v2.version }), 'confirmation');
  await ok(admin('POST', '/api/training/exam', { answers: { greeting: 0 } }), 'exam');
  const management = as(app, await signIn(app, fx.users.chief_doctor.login));
  const recallRule = await ok<{ id: string }>(management('POST', '/api/recall-rules', { name: `Профосмотр ${tag}`, visitKind: 'checkup', specialty: null, months: 6 }), 'recall rule');
  // Not reached, so the visit keeps «Записан» and the sweep's control can still confirm it.
  await ok(admin('POST', '/api/worklists/attempts', { purpose: 'confirmation', outcome: 'not_reached', patientId: patient.id, appointmentId: appointment.id, note: `Не дозвонились ${tag}` }), 'confirmation call');
  const document = await ok<{ id: string }>(admin('POST', `/api/patients/${patient.id}/documents`, { templateCode: 'contract' }), 'document');
  await ok(owner('PUT', `/api/patients/${patient.id}/mailing-consents`, { channel: 'sms', agreed: true }), 'mailing consent');
  await ok(owner('POST', '/api/mailings', { segment: { kind: 'all' }, channel: 'sms', body: `Акция ${tag}` }), 'mailing');
  const outboxMessage = (await ok<{ messages: { id: string }[] }>(owner('GET', '/api/messages'), 'outbox')).messages[0].id;
  const dentist = as(app, await signIn(app, fx.users.dentist.login));
  const notes = await ok<{ items: { id: string }[] }>(dentist('GET', '/api/notifications'), 'notifications');
  if (notes.items.length !== 1) throw new Error(`seeding: expected one notification, got ${notes.items.length}`);
  return {
    fx,
    tag,
    ids: {
      clinic: fx.clinicId, branch: fx.branchId, chair: fx.chairId, source: fx.sourceId, user: spare.user.id, doctor: doctor.id,
      exception: exception.id, patient: patient.id, appointment: appointment.id, arrivedAppointment: arrived.id, waiting: waiting.id,
      notification: notes.items[0].id, hold: hold.holdGroup, destruction: act.id, price: price.id, incident: incident.id, checklistItem,
      bill: bill.id, payment: payment.id, shift: shift.id, fiscalReceipt,
      call: call.id, message: message.id, task: task.id, trainingItem: plans.items.find((p) => p.trainee.id === spare.user.id)!.items[0].id,
      insurer: insurer.id, policy, letter, insuredBill, register: register.id, taxCertificate: taxCertificate.id,
      recallRule: recallRule.id, document: document.id, outboxMessage,
    },
    patientSurname,
    phone,
    feedPath: feed.path,
    calendarDate,
  };
}

/** A second clinic in the same database, seeded with one object of every kind. */
export async function seedSecondClinic(app: FastifyInstance, h: DbHandle, tag = 'Б-клиника', phoneSeed = 9_000_001): Promise<ClinicObjects> {
  const fx = await seedClinic(h, `Чужая клиника ${tag}`);
  return seedObjects(app, fx, tag, phoneSeed);
}

export const CLINIC_TABLES = [
  'branches', 'chairs', 'calendar_days', 'users', 'sessions', 'doctors', 'doctor_hours', 'doctor_exceptions', 'info_sources', 'counters',
  'patients', 'patient_phones', 'audit_log', 'audit_heads', 'appointments', 'calls', 'appointment_history', 'slot_holds', 'waiting_list',
  'service_card_entries', 'notifications', 'live_events', 'doctor_feed_tokens', 'pd_destructions', 'desk_covers', 'price_items', 'price_versions', 'incidents', 'incident_notes', 'checklist_items', 'checklist_days', 'checklist_marks',
  'cash_shifts', 'bills', 'bill_lines', 'payments', 'fiscal_outbox',
  'insurers', 'insurance_programmes', 'insurance_policies', 'guarantee_letters', 'insurance_registers', 'bill_insurance', 'tax_certificates',
  'call_scripts',
  'recall_rules',
  'team_messages', 'team_message_reads', 'tasks', 'job_descriptions', 'job_description_reads', 'training_items', 'exam_attempts',
  'telephony_events', 'telephony_lines', 'telephony_secrets', 'call_quality_scores',
  'survey_consents', 'survey_questionnaires', 'survey_calls', 'survey_answers', 'survey_reviews',
  'svc_regulations', 'svc_regulation_reads', 'visit_leavings', 'review_sites',
  'mailing_consents', 'messaging_settings', 'mailings', 'message_outbox', 'message_links',
  'document_templates', 'legal_reference_overrides', 'patient_documents',
  'questionnaire_answers',
] as const satisfies readonly (keyof Database)[];
export const ALL_CLINIC_TABLES: readonly string[] = CLINIC_TABLES;

/** Every row the clinic owns, table by table, in a stable order: compare before and after an attack. */
export async function snapshotClinic(db: Db, clinicId: string, exclude: readonly string[] = []): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const clinic = await db.selectFrom('clinics').selectAll().where('id', '=', clinicId).execute();
  out.clinics = clinic.map((r) => JSON.stringify(r));
  for (const table of ALL_CLINIC_TABLES.filter((x) => !exclude.includes(x))) {
    // One code path for every table: they all carry clinic_id (ARCHITECTURE, data rules).
    const rows = await db.selectFrom(table as 'branches').selectAll().where('clinic_id', '=', clinicId).execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}
