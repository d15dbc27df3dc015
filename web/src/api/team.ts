import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ConfirmationList, ExamPaper, ExamResults, JobDescription, MyJobStatus, TrainingPlan } from '../../../src/contracts/job-descriptions.js';
import type { InboxItem, MessageInput, MessageList, Task, TaskInput, TaskList, TeamPeople } from '../../../src/contracts/team.js';
import type { Role } from '../../../src/domain/roles.js';
import { api } from './client';

/** STAFF-2…5: team messages, tasks, job descriptions, training. */
export const TEAM_KEY = ['team'] as const;
export const TASKS_KEY = ['tasks'] as const;
export const JOB_KEY = ['job-descriptions'] as const;
export const TRAINING_KEY = ['training'] as const;

export type InboxItemT = InboxItem;
export type TaskT = Task;
export type TrainingPlanT = TrainingPlan;

export const usePeople = () => useQuery({ queryKey: [...TEAM_KEY, 'people'], queryFn: () => api<z.infer<typeof TeamPeople>>('GET', '/team/people'), staleTime: 300_000 });

export function useMessages(box: 'inbox' | 'sent') {
  return useQuery({ queryKey: [...TEAM_KEY, 'messages', box], queryFn: () => api<z.infer<typeof MessageList>>('GET', '/team/messages', undefined, { box }), refetchInterval: 60_000 });
}

/** The header counter; kept right by live events, and every minute in case one was missed. */
export function useUnread() {
  return useQuery({ queryKey: [...TEAM_KEY, 'unread'], queryFn: () => api<{ unread: number }>('GET', '/team/messages/unread'), refetchInterval: 60_000 });
}

function useTeamMutation<V, R>(fn: (v: V) => Promise<R>, keys: readonly (readonly string[])[] = [TEAM_KEY]) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => keys.forEach((k) => void qc.invalidateQueries({ queryKey: k })) });
}

export const useSendMessage = () => useTeamMutation((body: MessageInput) => api<InboxItem>('POST', '/team/messages', body));
export const useMarkRead = () => useTeamMutation((id: string) => api('POST', `/team/messages/${id}/read`));
export const useMarkAllRead = () => useTeamMutation(() => api('POST', '/team/messages/read-all'));
export const useMessageToTask = () =>
  useTeamMutation(({ id, dueDate }: { id: string; dueDate: string | null }) => api<Task>('POST', `/team/messages/${id}/task`, { dueDate }), [TEAM_KEY, TASKS_KEY]);

export function useTasks(scope: 'mine' | 'created' | 'all', status: 'open' | 'closed') {
  return useQuery({ queryKey: [...TASKS_KEY, scope, status], queryFn: () => api<z.infer<typeof TaskList>>('GET', '/tasks', undefined, { scope, status }), refetchInterval: 60_000 });
}
export const useAddTask = () => useTeamMutation((body: TaskInput) => api<Task>('POST', '/tasks', body), [TASKS_KEY]);
export const useCloseTask = () =>
  useTeamMutation(({ id, status, outcome }: { id: string; status: 'done' | 'cancelled'; outcome: string }) => api<Task>('POST', `/tasks/${id}/close`, { status, outcome }), [TASKS_KEY]);

export const useMyJob = () => useQuery({ queryKey: [...JOB_KEY, 'mine'], queryFn: () => api<z.infer<typeof MyJobStatus>>('GET', '/job-descriptions/mine') });
export const useJobDescription = (role: Role | null) =>
  useQuery({ queryKey: [...JOB_KEY, role], enabled: !!role, queryFn: () => api<JobDescription>('GET', `/job-descriptions/${role}`) });
export const useConfirmations = (enabled: boolean) =>
  useQuery({ queryKey: [...JOB_KEY, 'confirmations'], enabled, queryFn: () => api<z.infer<typeof ConfirmationList>>('GET', '/job-descriptions/confirmations') });
export const useConfirmJob = () => useTeamMutation((version: number) => api('POST', '/job-descriptions/mine/confirm', { version }), [JOB_KEY]);
export const useSaveJob = () =>
  useTeamMutation(({ role, sections, note }: { role: Role; sections: Record<string, string>; note: string | null }) => api<JobDescription>('POST', `/job-descriptions/${role}`, { sections, note }), [JOB_KEY]);

export const usePlans = () => useQuery({ queryKey: [...TRAINING_KEY, 'plans'], queryFn: () => api<{ items: TrainingPlan[] }>('GET', '/training/plans') });
export const useStartPlan = () =>
  useTeamMutation((body: { traineeId: string; mentorId: string | null; startDate: string }) => api('POST', '/training/plans', body), [TRAINING_KEY]);
export const useTickItem = () => useTeamMutation(({ id, done }: { id: string; done: boolean }) => api('POST', `/training/items/${id}`, { done }), [TRAINING_KEY]);
export const useExamPaper = (enabled: boolean) => useQuery({ queryKey: [...TRAINING_KEY, 'paper'], enabled, queryFn: () => api<z.infer<typeof ExamPaper>>('GET', '/training/exam') });
export const useExamResults = () => useQuery({ queryKey: [...TRAINING_KEY, 'results'], queryFn: () => api<z.infer<typeof ExamResults>>('GET', '/training/exam/results') });
export const useTakeExam = () =>
  useTeamMutation((answers: Record<string, number>) => api<{ score: number; total: number; passMark: number; passed: boolean; wrong: string[] }>('POST', '/training/exam', { answers }), [TRAINING_KEY]);
