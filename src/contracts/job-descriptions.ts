import { z } from 'zod';
import { JOB_SECTION_MAX, JOB_SECTIONS } from '../domain/team/job-descriptions.js';
import { Id, IsoDate, LIMITS, OptText, Text } from './common.js';
import { RoleEnum } from './team.js';

/** STAFF-2: a role's job description, versioned; STAFF-4: training plan and exam. */
export const JobSectionsSchema = z.strictObject(
  Object.fromEntries(JOB_SECTIONS.map((k) => [k, z.string().max(JOB_SECTION_MAX).refine((s) => s.trim().length > 0, { message: 'blank' })])) as Record<(typeof JOB_SECTIONS)[number], z.ZodString>,
);

export const JobDescription = z.object({
  role: RoleEnum,
  version: z.number().int(),
  sections: z.record(z.string(), z.string()),
  note: z.string().nullable(),
  /** null for version 1, the built-in text. */
  createdAt: z.string().nullable(),
  createdBy: z.object({ id: Id, name: z.string() }).nullable(),
  /** The viewer's own confirmation of this version (for their own role). */
  confirmedAt: z.string().nullable(),
});
export type JobDescription = z.infer<typeof JobDescription>;

export const JobDescriptionInput = z.strictObject({ sections: JobSectionsSchema, note: OptText(LIMITS.shortText) });
export const RoleParams = z.strictObject({ role: RoleEnum });
export const RoleVersionParams = z.strictObject({ role: RoleEnum, version: z.coerce.number().int().min(1).max(10_000) });

/** Does the signed-in user still have to confirm their role's current description? */
export const MyJobStatus = z.object({ role: RoleEnum, version: z.number().int(), pending: z.boolean(), confirmedAt: z.string().nullable() });

export const ConfirmationRow = z.object({
  userId: Id,
  name: z.string(),
  role: RoleEnum,
  currentVersion: z.number().int(),
  confirmedAt: z.string().nullable(),
  /** The newest version they did confirm (an older one when a new version awaits them). */
  lastConfirmedVersion: z.number().int().nullable(),
});
export const ConfirmationList = z.object({ items: z.array(ConfirmationRow), versions: z.array(z.object({ role: RoleEnum, version: z.number().int() })) });

export const TrainingItem = z.object({
  id: Id,
  title: z.string(),
  dueDate: z.string().nullable(),
  doneAt: z.string().nullable(),
  doneBy: z.object({ id: Id, name: z.string() }).nullable(),
  overdue: z.boolean(),
});
export const TrainingPlan = z.object({
  trainee: z.object({ id: Id, name: z.string(), role: RoleEnum }),
  mentor: z.object({ id: Id, name: z.string() }).nullable(),
  items: z.array(TrainingItem),
  lastExam: z.object({ takenAt: z.string(), score: z.number().int(), total: z.number().int(), passed: z.boolean() }).nullable(),
});
export type TrainingPlan = z.infer<typeof TrainingPlan>;
export const TrainingPlanInput = z.strictObject({
  traineeId: Id,
  mentorId: Id.nullable().optional(),
  /** The day the internship starts; the default plan's due dates count from it. */
  startDate: IsoDate,
});
export const TrainingItemDone = z.strictObject({ done: z.boolean() });
export const TraineeParams = z.strictObject({ userId: Id });

export const ExamQuestionPublic = z.object({ id: z.string(), text: z.string(), options: z.array(z.string()) });
export const ExamPaper = z.object({ exam: z.string(), passMark: z.number().int(), questions: z.array(ExamQuestionPublic) });
export const ExamAnswers = z.strictObject({ answers: z.record(z.string().max(40), z.number().int().min(0).max(10)) });
export const ExamAttempt = z.object({
  id: Id,
  user: z.object({ id: Id, name: z.string(), role: RoleEnum }),
  takenAt: z.string(),
  score: z.number().int(),
  total: z.number().int(),
  passMark: z.number().int(),
  passed: z.boolean(),
  wrong: z.array(z.string()),
});
export const ExamResults = z.object({ items: z.array(ExamAttempt) });
