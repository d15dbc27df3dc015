import { createHash } from 'node:crypto';
import { withTx, type DbHandle } from '../db/connect.js';
import { newId } from '../db/ids.js';
import * as docs from '../db/repos/documents.repo.js';
import * as repo from '../db/repos/questionnaire-answers.repo.js';
import { insertServiceCardEntry } from '../db/repos/service-card.repo.js';
import type { DocumentSnapshot } from '../documents/patient-document.js';
import { CARD_ALERT_SECTIONS, cardEntryText, cleanAnswers, questionnaireOfKind, type AnswerInput } from '../domain/questionnaire-answers.js';
import { questionsOf, withAnswers } from './questionnaire-answers.service.js';

/**
 * The demo clinic's questionnaire answers (DOC-2/DOC-3): written into a seeded, already signed questionnaire as
 * the patient gave them before signing — rows, the document's content and hash, DOC-3's service-card entries.
 * src/demo picks who answered what; this writer does what the service would (src/demo may not import it).
 */
export interface DemoAnswerWriter {
  answer(documentId: string, answers: AnswerInput[], by: { id: string; name: string; role: string }, at: string, eventDate: string): Promise<void>;
}

export function demoAnswerWriter(h: DbHandle, clinicId: string): DemoAnswerWriter {
  return {
    async answer(documentId, answers, by, at, eventDate) {
      const d = await docs.patientDocument(h.db, clinicId, documentId);
      const code = d && questionnaireOfKind(d.kind);
      if (!d || !code) throw new Error(`demo answers: ${documentId} is not a questionnaire`);
      const qs = questionsOf(code);
      const clean = cleanAnswers(qs, answers);
      const content = JSON.stringify(withAnswers(JSON.parse(d.content_json) as DocumentSnapshot, qs, clean));
      await withTx(h, async (trx) => {
        await docs.updatePatientDocument(trx, clinicId, documentId, { content_json: content, content_sha256: createHash('sha256').update(content).digest('hex') });
        for (const a of clean) {
          const q = qs.find((x) => x.id === a.questionId)!;
          const text = cardEntryText(q, a.yes, a.text);
          let card: string | null = null;
          if (text && q.serviceCardSection) {
            card = newId();
            await insertServiceCardEntry(trx, {
              id: card, clinic_id: clinicId, patient_id: d.patient_id, section: q.serviceCardSection, text, event_date: eventDate, minutes: null,
              is_alert: CARD_ALERT_SECTIONS.includes(q.serviceCardSection) ? 1 : 0, appointment_id: d.appointment_id, author_id: by.id, author_name: by.name, author_role: by.role, created_at: at,
            });
          }
          await repo.insertAnswer(trx, {
            id: newId(), clinic_id: clinicId, patient_id: d.patient_id, document_id: documentId, questionnaire: code, question_id: a.questionId,
            yes: a.yes === null ? null : a.yes ? 1 : 0, text: a.text, red_flag: a.redFlag ? 1 : 0, source: 'patient', card_entry_id: card, recorded_by: by.id, recorded_at: at,
          });
        }
      });
    },
  };
}
