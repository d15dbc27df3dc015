import type { Db } from '../db/connect.js';
import { withTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { clinicTimeAndSettings } from '../db/repos/clinic.repo.js';
import { getPatientRow } from '../db/repos/patients.repo.js';
import { insertServiceCardEntry, latenessEntries, listServiceCardEntries } from '../db/repos/service-card.repo.js';
import { getUser } from '../db/repos/users.repo.js';
import { fieldError, notFound } from '../domain/errors.js';
import { localDateOf } from '../domain/schedule/time.js';
import { chronicLateness, type SvcSection } from '../domain/service-card.js';
import { auditEntry, type Actor, type Deps } from './context.js';

const PATIENT = { ru: 'Пациент', en: 'Patient' };

export interface EntryInput {
  section: SvcSection;
  text: string;
  eventDate: string;
  minutes?: number | null;
  isAlert?: boolean;
  appointmentId?: string | null;
}

/** Writes one dated, signed entry (SVC-12) inside the caller's transaction. */
export async function addEntryTx(trx: Db, actor: Actor, authorName: string, patientId: string, e: EntryInput, at: string) {
  const id = newId();
  await insertServiceCardEntry(trx, {
    id, clinic_id: actor.clinicId, patient_id: patientId, section: e.section, text: e.text.trim(), event_date: e.eventDate,
    minutes: e.minutes ?? null, is_alert: e.isAlert ? 1 : 0, appointment_id: e.appointmentId ?? null,
    author_id: actor.userId, author_name: authorName, author_role: actor.role, created_at: at,
  });
  if (e.section === 'svc3') await flagChronicLateness(trx, actor, authorName, patientId, e.eventDate, at);
  return id;
}

/** SCH-2 shows "chronic lateness" on bookings: raised once, when the third lateness lands. */
async function flagChronicLateness(trx: Db, actor: Actor, authorName: string, patientId: string, date: string, at: string) {
  const rows = await latenessEntries(trx, patientId);
  const already = rows.some((r) => r.section === 'svc10' && r.is_alert === 1 && r.text.startsWith('Хронически опаздывает'));
  if (already || !chronicLateness(rows.filter((r) => r.section === 'svc3').map((r) => r.minutes ?? 0))) return;
  await insertServiceCardEntry(trx, {
    id: newId(), clinic_id: actor.clinicId, patient_id: patientId, section: 'svc10',
    text: 'Хронически опаздывает: напоминайте о времени приёма и просите прийти за 10 минут', event_date: date, minutes: null, is_alert: 1,
    appointment_id: null, author_id: actor.userId, author_name: authorName, author_role: actor.role, created_at: at,
  });
}

export async function authorName(db: Db, actor: Actor): Promise<string> {
  return (await getUser(db, actor.clinicId, actor.userId))?.full_name ?? actor.login;
}

export async function listEntries(deps: Deps, actor: Actor, patientId: string) {
  if (!(await getPatientRow(deps.h.db, actor.clinicId, patientId))) throw notFound(PATIENT);
  const rows = await listServiceCardEntries(deps.h.db, actor.clinicId, patientId);
  return rows.map((r) => ({
    id: r.id, section: r.section, text: r.text, eventDate: r.event_date, minutes: r.minutes, isAlert: r.is_alert === 1,
    appointmentId: r.appointment_id, authorName: r.author_name, authorRole: r.author_role, createdAt: r.created_at,
  }));
}

export async function addEntry(deps: Deps, actor: Actor, patientId: string, e: EntryInput) {
  const now = deps.clock();
  // SVC-12: an entry is dated with what happened — never a day still ahead in the clinic (the form's calendar stops at today too).
  const { time_zone: tz } = await clinicTimeAndSettings(deps.h.db, actor.clinicId);
  if (e.eventDate > localDateOf(now.getTime(), tz)) throw fieldError('eventDate', { ru: 'Дата записи ещё не наступила', en: 'The entry’s date is still ahead' });
  const name = await authorName(deps.h.db, actor);
  await withTx(deps.h, async (trx) => {
    if (!(await getPatientRow(trx, actor.clinicId, patientId))) throw notFound(PATIENT);
    const id = await addEntryTx(trx, actor, name, patientId, e, now.toISOString());
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'service_card_entry', objectId: id, patientId, details: { section: e.section } }));
  });
  return listEntries(deps, actor, patientId);
}
