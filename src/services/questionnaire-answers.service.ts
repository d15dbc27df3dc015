import { createHash } from 'node:crypto';
import { withTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import * as docs from '../db/repos/documents.repo.js';
import * as repo from '../db/repos/questionnaire-answers.repo.js';
import { getUser } from '../db/repos/users.repo.js';
import { defaultQuestions, questionGroups } from '../documents/defaults/questions.js';
import type { DocumentSnapshot } from '../documents/patient-document.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import {
  CARD_ALERT_SECTIONS, cardEntryText, cleanAnswers, mayReadAnswers, questionnaireOfKind, type AnswerInput, type CleanAnswer, type QuestionDef, type QuestionnaireCode,
} from '../domain/questionnaire-answers.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { clinicToday, iso } from './documents-templates.service.js';
import { addEntryTx, authorName } from './service-card.service.js';

/**
 * DOC-2/DOC-3 answers as data: the form of an issued questionnaire, saving its answers before it is
 * signed (they go into the document's content and hash, so the PDF prints them and the signature covers
 * them), and DOC-3's answers written into the service card once each.
 */

const DOCUMENT = { ru: 'Документ пациента', en: 'Patient document' };
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The questions of a questionnaire, in the printed order. */
export function questionsOf(code: QuestionnaireCode): QuestionDef[] {
  return defaultQuestions.filter((q) => q.questionnaire === code);
}

async function questionnaireDocument(deps: Deps, actor: Actor, id: string) {
  const d = await docs.patientDocument(deps.h.db, actor.clinicId, id);
  if (!d) throw notFound(DOCUMENT);
  const code = questionnaireOfKind(d.kind);
  if (!code) throw fieldError('id', { ru: 'Этот документ не анкета: ответов у него нет', en: 'This document is not a questionnaire: it has no answers' });
  return { d, code };
}

/** The questionnaire's form: grouped questions and, for a reader allowed to see them, the answers. */
export async function questionnaireForm(deps: Deps, actor: Actor, id: string) {
  const { d, code } = await questionnaireDocument(deps, actor, id);
  const readable = mayReadAnswers(actor.role, !!actor.deskCover, code, d.status);
  const rows = readable ? await repo.answersOf(deps.h.db, actor.clinicId, id) : [];
  const names = new Map<string, string>();
  for (const uid of new Set(rows.map((r) => r.recorded_by))) names.set(uid, (await getUser(deps.h.db, actor.clinicId, uid))?.full_name ?? '');
  if (readable && rows.length && code === 'health-questionnaire') {
    // Health data read (152-FZ art. 10): the journal says who opened whose answers, never the answers.
    await withTx(deps.h, (trx) => appendAudit(trx, auditEntry(actor, deps.clock(), { action: 'read', objectType: 'patient_document', objectId: id, patientId: d.patient_id, details: { via: 'questionnaire' } })));
  }
  const snapshot = JSON.parse(d.content_json) as DocumentSnapshot;
  const qs = questionsOf(code);
  return {
    documentId: d.id, patientId: d.patient_id, questionnaire: code, title: d.title, number: snapshot.number, status: d.status,
    editable: d.status === 'issued',
    groups: questionGroups
      .filter((g) => g.questionnaire === code)
      .map((g) => ({
        id: g.id, title: g.title,
        questions: qs.filter((q) => defaultQuestions.find((x) => x.id === q.id)?.group === g.id)
          .map((q) => ({ id: q.id, text: q.text, answer: q.answer, redFlag: q.redFlag, serviceCardSection: q.serviceCardSection ?? null })),
      }))
      .filter((g) => g.questions.length),
    answers: readable
      ? rows.map((r) => ({ questionId: r.question_id, yes: r.yes === null ? null : r.yes === 1, text: r.text, redFlag: r.red_flag === 1, source: r.source, recordedBy: names.get(r.recorded_by) ?? '', recordedAt: iso(r.recorded_at)! }))
      : null,
    contentSha256: d.content_sha256,
  };
}

/** The snapshot with the answers ticked in (none: the blank form it was issued as). */
export function withAnswers(s: DocumentSnapshot, qs: QuestionDef[], answers: CleanAnswer[]): DocumentSnapshot {
  if (!s.questions) return s;
  const byId = new Map(answers.map((a) => [a.questionId, a]));
  const idOfText = new Map(qs.map((q) => [q.text, q.id]));
  return {
    ...s,
    questions: s.questions.map((g) => ({
      ...g,
      items: g.items.map((it) => {
        const { yes: _y, note: _n, ...blank } = it;
        if (!answers.length) return blank;
        const a = byId.get(it.id ?? idOfText.get(it.text) ?? '');
        return { ...blank, yes: a?.yes ?? null, note: a?.text ?? null };
      }),
    })),
  };
}

/**
 * Saves the full set of answers of an open questionnaire. Answers change only until the document is
 * signed (then: a new questionnaire). DOC-3: each answer with a service-card section writes one entry,
 * which a later save updates or removes instead of adding another.
 */
export async function saveAnswers(deps: Deps, actor: Actor, id: string, input: { source: 'patient' | 'staff'; answers: AnswerInput[] }) {
  const { d, code } = await questionnaireDocument(deps, actor, id);
  if (d.status !== 'issued') {
    throw new DomainError('invalid_transition', {
      ru: 'Анкета уже подписана (или отклонена): ответы изменить нельзя, выдайте новую анкету',
      en: 'The questionnaire is already signed (or refused): its answers cannot change; issue a new one',
    });
  }
  const qs = questionsOf(code);
  const clean = cleanAnswers(qs, input.answers);
  const now = deps.clock();
  const at = now.toISOString();
  const today = await clinicToday(deps, actor.clinicId);
  const name = await authorName(deps.h.db, actor);
  const byQ = new Map(qs.map((q) => [q.id, q]));
  const snapshot = withAnswers(JSON.parse(d.content_json) as DocumentSnapshot, qs, clean);
  const content = JSON.stringify(snapshot);
  await withTx(deps.h, async (trx) => {
    if (!(await repo.setDocumentContent(trx, actor.clinicId, id, { content_json: content, content_sha256: sha256(content), updated_at: at }))) {
      throw new DomainError('conflict', { ru: 'Анкету только что подписали: обновите страницу', en: 'The questionnaire was just signed: reload the page' });
    }
    const old = new Map((await repo.answersOf(trx, actor.clinicId, id)).map((r) => [r.question_id, r]));
    for (const a of clean) {
      const q = byQ.get(a.questionId)!;
      const prev = old.get(a.questionId);
      old.delete(a.questionId);
      const yes = a.yes === null ? null : a.yes ? (1 as const) : (0 as const);
      const same = prev && prev.yes === yes && prev.text === a.text;
      let cardEntryId = prev?.card_entry_id ?? null;
      const cardText = cardEntryText(q, a.yes, a.text);
      if (q.serviceCardSection && !same) {
        const alert = CARD_ALERT_SECTIONS.includes(q.serviceCardSection) ? (1 as const) : (0 as const);
        if (cardText && cardEntryId) await repo.updateCardEntryText(trx, actor.clinicId, cardEntryId, cardText, alert);
        else if (cardText) {
          cardEntryId = await addEntryTx(trx, actor, name, d.patient_id, { section: q.serviceCardSection, text: cardText, eventDate: today, isAlert: alert === 1, appointmentId: d.appointment_id }, at);
        }
      }
      if (!prev) {
        await repo.insertAnswer(trx, {
          id: newId(), clinic_id: actor.clinicId, patient_id: d.patient_id, document_id: id, questionnaire: code, question_id: a.questionId, yes, text: a.text,
          red_flag: a.redFlag ? 1 : 0, source: input.source, card_entry_id: cardEntryId, recorded_by: actor.userId, recorded_at: at,
        });
      } else if (!same) {
        await repo.updateAnswer(trx, actor.clinicId, prev.id, { yes, text: a.text, red_flag: a.redFlag ? 1 : 0, source: input.source, card_entry_id: cardText ? cardEntryId : null, recorded_by: actor.userId, recorded_at: at });
        if (!cardText && prev.card_entry_id) await repo.deleteCardEntry(trx, actor.clinicId, prev.card_entry_id);
      }
    }
    // Questions answered before and left blank now: the answer (and its card entry) goes.
    for (const prev of old.values()) {
      await repo.deleteAnswer(trx, actor.clinicId, prev.id);
      if (prev.card_entry_id) await repo.deleteCardEntry(trx, actor.clinicId, prev.card_entry_id);
    }
    await appendAudit(trx, auditEntry(actor, now, {
      action: 'update', objectType: 'patient_document', objectId: id, patientId: d.patient_id,
      details: { answers: clean.length, redFlags: clean.filter((a) => a.redFlag).length, source: input.source },
    }));
  });
  return questionnaireForm(deps, actor, id);
}
