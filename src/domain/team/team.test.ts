import { describe, expect, it } from 'vitest';
import { ADMIN_EXAM, ADMIN_EXAM_PASS, scoreExam } from './admin-exam.js';
import { DEFAULT_DESCRIPTIONS } from './job-description-others.js';
import { JOB_SECTIONS, needsConfirmation } from './job-descriptions.js';
import { reaches } from './messages.js';
import { checkClose, isAssignedTo, isOverdue } from './tasks.js';

describe('team rules (STAFF-2…5)', () => {
  it('a message reaches the person, or every member of the role, and nobody else', () => {
    expect(reaches({ toUserId: 'u1', toRole: null }, { id: 'u1', role: 'dentist' })).toBe(true);
    expect(reaches({ toUserId: 'u1', toRole: null }, { id: 'u2', role: 'dentist' })).toBe(false);
    expect(reaches({ toUserId: null, toRole: 'administrator' }, { id: 'u2', role: 'administrator' })).toBe(true);
    expect(reaches({ toUserId: null, toRole: 'administrator' }, { id: 'u2', role: 'assistant' })).toBe(false);
  });

  it('overdue only while open and after the due day; a task by name is not the whole role’s', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-11-22' }, '2026-11-23')).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2026-11-23' }, '2026-11-23')).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2026-11-01' }, '2026-11-23')).toBe(false);
    expect(isOverdue({ status: 'open', dueDate: null }, '2026-11-23')).toBe(false);
    expect(isAssignedTo({ assigneeUserId: 'u1', assigneeRole: 'administrator' }, { id: 'u2', role: 'administrator' })).toBe(false);
    expect(isAssignedTo({ assigneeUserId: null, assigneeRole: 'administrator' }, { id: 'u2', role: 'administrator' })).toBe(true);
  });

  it('a task closes once and with an outcome', () => {
    expect(() => checkClose('open', 'done', 'Позвонила')).not.toThrow();
    expect(() => checkClose('open', 'done', '  ')).toThrow();
    expect(() => checkClose('done', 'cancelled', 'Ещё раз')).toThrow(/already closed/);
  });

  it('only the current version counts as confirmed', () => {
    expect(needsConfirmation(1, [])).toBe(true);
    expect(needsConfirmation(1, [1])).toBe(false);
    expect(needsConfirmation(2, [1])).toBe(true);
    expect(needsConfirmation(2, [1, 2])).toBe(false);
  });

  it('the exam scores right answers only; the pass mark is inclusive', () => {
    const right = Object.fromEntries(ADMIN_EXAM.map((q) => [q.id, q.correct]));
    expect(scoreExam(ADMIN_EXAM, right, ADMIN_EXAM_PASS)).toEqual({ score: 12, total: 12, passMark: 10, passed: true, wrong: [] });
    const wrongOption = (id: string) => (ADMIN_EXAM.find((q) => q.id === id)!.correct + 1) % 3;
    const two = { ...right, forbidden: wrongOption('forbidden'), price: wrongOption('price') };
    expect(scoreExam(ADMIN_EXAM, two, ADMIN_EXAM_PASS)).toMatchObject({ score: 10, passed: true, wrong: ['forbidden', 'price'] });
    const three = { ...two, stages: wrongOption('stages') };
    expect(scoreExam(ADMIN_EXAM, three, ADMIN_EXAM_PASS)).toMatchObject({ score: 9, passed: false });
    expect(scoreExam(ADMIN_EXAM, {}, ADMIN_EXAM_PASS)).toMatchObject({ score: 0, passed: false });
  });

  it('the exam key points at an existing option, and «я могу вам предложить» is the forbidden phrase', () => {
    for (const q of ADMIN_EXAM) expect(q.options[q.correct], q.id).toBeDefined();
    const f = ADMIN_EXAM.find((q) => q.id === 'forbidden')!;
    expect(f.options[f.correct].ru).toContain('Я могу вам предложить');
  });

  it('every role but the owner has a description with every section filled', () => {
    for (const [role, d] of Object.entries(DEFAULT_DESCRIPTIONS)) {
      for (const k of JOB_SECTIONS) expect(d[k].trim().length, `${role}.${k}`).toBeGreaterThan(20);
    }
  });
});
