import type { z } from 'zod';
import type { ExamAnswers, TrainingPlan, TrainingPlanInput } from '../contracts/job-descriptions.js';
import { withTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { clinicTimeAndSettings } from '../db/repos/clinic.repo.js';
import * as repo from '../db/repos/job-descriptions.repo.js';
import { activeUser } from '../db/repos/tasks.repo.js';
import { activePeople } from '../db/repos/team-messages.repo.js';
import { addDays } from '../domain/dates.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import { can } from '../domain/permissions.js';
import type { Role } from '../domain/roles.js';
import { localDateOf } from '../domain/schedule/time.js';
import { ADMIN_EXAM, ADMIN_EXAM_ID, ADMIN_EXAM_PASS, ADMIN_TRAINING_PLAN, scoreExam } from '../domain/team/admin-exam.js';
import { auditEntry, type Actor, type Deps } from './context.js';

type Lang = 'ru' | 'en';

async function today(deps: Deps, clinicId: string) {
  const { time_zone: tz } = await clinicTimeAndSettings(deps.h.db, clinicId);
  return localDateOf(deps.clock().getTime(), tz);
}

/** STAFF-4: training plans; management sees all, a trainee and their mentor see theirs. */
export async function listPlans(deps: Deps, actor: Actor): Promise<{ items: TrainingPlan[] }> {
  const manage = can(actor.role, 'team.manage');
  const items = await repo.trainingItems(deps.h.db, actor.clinicId);
  const visible = items.filter((i) => manage || i.trainee_id === actor.userId || i.mentor_id === actor.userId);
  const traineeIds = [...new Set(visible.map((i) => i.trainee_id))];
  const people = await activePeople(deps.h.db, actor.clinicId);
  const attempts = await repo.examAttempts(deps.h.db, actor.clinicId);
  const day = await today(deps, actor.clinicId);
  return {
    items: traineeIds.flatMap((id) => {
      const p = people.find((x) => x.id === id);
      if (!p) return [];
      const mine = visible.filter((i) => i.trainee_id === id);
      const mentor = mine.find((i) => i.mentor_id);
      const last = attempts.find((a) => a.user_id === id);
      return [{
        trainee: { id, name: p.full_name, role: p.role as Role },
        mentor: mentor?.mentor_id ? { id: mentor.mentor_id, name: mentor.mentor_name ?? '' } : null,
        items: mine.map((i) => ({
          id: i.id, title: i.title, dueDate: i.due_date, doneAt: i.done_at, doneBy: i.done_by ? { id: i.done_by, name: i.done_by_name ?? '' } : null,
          overdue: !i.done_at && i.due_date !== null && i.due_date < day,
        })),
        lastExam: last ? { takenAt: last.taken_at, score: last.score, total: last.total, passed: last.passed === 1 } : null,
      }];
    }),
  };
}

/** Starts the default administrator internship for a new employee (management). */
export async function startPlan(deps: Deps, actor: Actor, input: z.infer<typeof TrainingPlanInput>) {
  if (!(await activeUser(deps.h.db, actor.clinicId, input.traineeId))) throw fieldError('traineeId', { ru: 'Сотрудник не найден', en: 'Staff member not found' });
  if (input.mentorId && !(await activeUser(deps.h.db, actor.clinicId, input.mentorId))) throw fieldError('mentorId', { ru: 'Наставник не найден', en: 'Mentor not found' });
  if (input.mentorId === input.traineeId) throw fieldError('mentorId', { ru: 'Наставником не может быть сам стажёр', en: 'The trainee cannot mentor themselves' });
  if ((await repo.trainingItems(deps.h.db, actor.clinicId, [input.traineeId])).length) {
    throw new DomainError('conflict', { ru: 'У сотрудника уже есть план обучения', en: 'This employee already has a training plan' });
  }
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    await repo.insertTrainingItems(trx, ADMIN_TRAINING_PLAN.map((s, i) => ({
      id: newId(), clinic_id: actor.clinicId, trainee_id: input.traineeId, mentor_id: input.mentorId ?? null, position: i + 1, title: s.title,
      due_date: addDays(input.startDate, s.days - 1), done_at: null, done_by: null,
    })));
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'training_plan', objectId: input.traineeId }));
  });
  return listPlans(deps, actor);
}

/** Ticks a step done (or undoes it): the mentor, the trainee or management. */
export async function setItemDone(deps: Deps, actor: Actor, id: string, done: boolean) {
  const item = await repo.getTrainingItem(deps.h.db, actor.clinicId, id);
  if (!item || !(can(actor.role, 'team.manage') || item.mentor_id === actor.userId || item.trainee_id === actor.userId)) throw notFound({ ru: 'Пункт плана', en: 'Plan item' });
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    await repo.setTrainingItemDone(trx, actor.clinicId, id, done ? now.toISOString() : null, done ? actor.userId : null);
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'training_plan', objectId: item.trainee_id, details: { item: id, done } }));
  });
  return listPlans(deps, actor);
}

/** The exam paper without the answers, in the asker's language. */
export function examPaper(lang: Lang) {
  return { exam: ADMIN_EXAM_ID, passMark: ADMIN_EXAM_PASS, questions: ADMIN_EXAM.map((q) => ({ id: q.id, text: q.text[lang], options: q.options.map((o) => o[lang]) })) };
}

/** Takes the exam: scored on the server against the key, the result and date recorded. */
export async function takeExam(deps: Deps, actor: Actor, input: z.infer<typeof ExamAnswers>) {
  const unknown = Object.keys(input.answers).find((k) => !ADMIN_EXAM.some((q) => q.id === k));
  if (unknown) throw fieldError(`answers.${unknown}`, { ru: 'Нет такого вопроса', en: 'No such question' });
  const result = scoreExam(ADMIN_EXAM, input.answers, ADMIN_EXAM_PASS);
  const now = deps.clock();
  const id = newId();
  await withTx(deps.h, async (trx) => {
    await repo.insertExamAttempt(trx, {
      id, clinic_id: actor.clinicId, user_id: actor.userId, exam: ADMIN_EXAM_ID, taken_at: now.toISOString(), score: result.score, total: result.total,
      pass_mark: result.passMark, passed: result.passed ? 1 : 0, answers_json: JSON.stringify(input.answers),
    });
    await appendAudit(trx, auditEntry(actor, now, { action: 'create', objectType: 'exam_attempt', objectId: id, details: { score: result.score, passed: result.passed } }));
  });
  return { id, takenAt: now.toISOString(), ...result };
}

/** Results: management sees everyone's, others their own. */
export async function examResults(deps: Deps, actor: Actor) {
  const rows = await repo.examAttempts(deps.h.db, actor.clinicId, can(actor.role, 'team.manage') ? undefined : actor.userId);
  return {
    items: rows.map((r) => {
      const answers = JSON.parse(r.answers_json) as Record<string, number>;
      return {
        id: r.id, user: { id: r.user_id, name: r.full_name, role: r.role as Role }, takenAt: r.taken_at, score: r.score, total: r.total, passMark: r.pass_mark, passed: r.passed === 1,
        wrong: ADMIN_EXAM.filter((q) => answers[q.id] !== q.correct).map((q) => q.id),
      };
    }),
  };
}
