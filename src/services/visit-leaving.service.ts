import type { z } from 'zod';
import type { SurveyConsentInput } from '../contracts/survey-consent.js';
import { withTx } from '../db/connect.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import * as appts from '../db/repos/appointments.repo.js';
import * as repo from '../db/repos/svc-regulation.repo.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import { DEFAULT_REVIEW_SITES, type NextVisit } from '../domain/service-card-regulation.js';
import { can } from '../domain/permissions.js';
import { authorName } from './service-card.service.js';
import { recordSurveyConsent } from './survey-consent.service.js';
import { auditEntry, type Actor, type Deps } from './context.js';

const APPOINTMENT = { ru: 'Запись', en: 'Appointment' };

export interface LeavingInput {
  nextVisit: NextVisit;
  /** null: a review was not asked for. */
  reviewSite: string | null;
  flyers: boolean;
  gift: boolean;
  /** The survey consent asked at the door (SVC-1), saved in the same transaction. */
  surveyConsent?: z.input<typeof SurveyConsentInput> | null;
}

/** The clinic's review sites (DESK-3), the defaults until it keeps its own. */
export async function reviewSites(deps: Deps, actor: Actor): Promise<string[]> {
  return (await repo.getReviewSites(deps.h.db, actor.clinicId)) ?? [...DEFAULT_REVIEW_SITES];
}

export async function saveReviewSites(deps: Deps, actor: Actor, sites: string[]) {
  const clean = [...new Set(sites.map((s) => s.trim()).filter(Boolean))];
  if (!clean.length) throw fieldError('sites', { ru: 'Укажите хотя бы один сайт отзывов', en: 'Name at least one review site' });
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    await repo.setReviewSites(trx, actor.clinicId, clean);
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'review_sites', objectId: null, details: { count: clean.length } }));
  });
  return clean;
}

function view(r: NonNullable<Awaited<ReturnType<typeof repo.getLeaving>>>) {
  return {
    appointmentId: r.appointment_id, nextVisit: r.next_visit as NextVisit, reviewAsked: r.review_asked === 1, reviewSite: r.review_site,
    flyers: r.flyers === 1, gift: r.gift === 1, recordedBy: { id: r.recorded_by, name: r.recorded_by_name }, recordedAt: r.recorded_at,
  };
}
export type LeavingView = ReturnType<typeof view>;

export async function getLeaving(deps: Deps, actor: Actor, appointmentId: string): Promise<LeavingView | null> {
  if (!(await appts.rawAppointment(deps.h.db, actor.clinicId, appointmentId))) throw notFound(APPOINTMENT);
  const r = await repo.getLeaving(deps.h.db, actor.clinicId, appointmentId);
  return r ? view(r) : null;
}

/**
 * DESK-2/3 in one save: the next visit, the review asked and where, flyers, gift. Only for a finished
 * visit; a second save replaces the first. The visit's own «next visit booked» and «review asked»
 * marks follow, so the board and the history stay as the buttons left them.
 */
export async function recordLeaving(deps: Deps, actor: Actor, appointmentId: string, input: LeavingInput): Promise<LeavingView> {
  const now = deps.clock();
  const at = now.toISOString();
  const sites = await reviewSites(deps, actor);
  const site = input.reviewSite?.trim() || null;
  if (site !== null && !sites.includes(site)) throw fieldError('reviewSite', { ru: 'Такого сайта нет в списке клиники', en: 'This site is not on the clinic’s list' });
  if (input.surveyConsent && !can(actor.role, 'servicecard.write', actor.deskCover)) throw new DomainError('forbidden', { ru: 'Согласие на опрос записывает тот, кто ведёт сервисную карту', en: 'The survey consent is recorded by those who keep the service card' });
  const name = await authorName(deps.h.db, actor);
  await withTx(deps.h, async (trx) => {
    const a = await appts.rawAppointment(trx, actor.clinicId, appointmentId);
    if (!a) throw notFound(APPOINTMENT);
    if (a.status !== 'done') {
      throw new DomainError('invalid_transition', { ru: 'Отметить уход пациента можно только у завершённого приёма', en: 'Only a finished visit has a leaving record' });
    }
    await repo.upsertLeaving(trx, {
      appointment_id: appointmentId, clinic_id: actor.clinicId, patient_id: a.patient_id, next_visit: input.nextVisit, review_asked: site ? 1 : 0,
      review_site: site, flyers: input.flyers ? 1 : 0, gift: input.gift ? 1 : 0, recorded_by: actor.userId, recorded_by_name: name, recorded_at: at,
    });
    const marks = {
      ...(input.nextVisit === 'booked' && a.follow_up_booked !== 1 && { follow_up_booked: 1 as const }),
      ...(site && a.review_requested !== 1 && { review_requested: 1 as const }),
    };
    if (Object.keys(marks).length) await appts.updateAppointment(trx, actor.clinicId, appointmentId, { ...marks, updated_at: at });
    if (input.surveyConsent) await recordSurveyConsent(trx, actor, a.patient_id, input.surveyConsent, now);
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'visit_leaving', objectId: appointmentId, patientId: a.patient_id, details: { nextVisit: input.nextVisit, reviewSite: site, flyers: input.flyers, gift: input.gift } }));
  });
  return (await getLeaving(deps, actor, appointmentId))!;
}

/** DESK-3 for statistics: of the visits whose leaving was recorded within [fromIso, toIso). */
export async function leavingStats(deps: Pick<Deps, 'h'>, clinicId: string, fromIso: string, toIso: string) {
  const rows = await repo.leavingRows(deps.h.db, clinicId, fromIso, toIso);
  const bySite: Record<string, number> = {};
  for (const r of rows) if (r.review_site) bySite[r.review_site] = (bySite[r.review_site] ?? 0) + 1;
  return {
    recorded: rows.length,
    nextBooked: rows.filter((r) => r.next_visit === 'booked').length,
    nextAgreed: rows.filter((r) => r.next_visit === 'agreed').length,
    reviewAsked: rows.filter((r) => r.review_asked === 1).length,
    bySite,
    flyers: rows.filter((r) => r.flyers === 1).length,
    gifts: rows.filter((r) => r.gift === 1).length,
  };
}
