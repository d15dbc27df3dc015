import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CalendarDay, CalendarDayInput } from '../../../src/contracts/clinic.js';
import { api } from './client';

export type CalendarDayT = z.infer<typeof CalendarDay>;
export type CalendarYear = { year: number; items: CalendarDayT[] };

export function useCalendar(year: number) {
  return useQuery({ queryKey: ['calendar', year], queryFn: () => api<CalendarYear>('GET', '/calendar', undefined, { year }) });
}

export function useSetCalendarDay(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ date, body }: { date: string; body: z.infer<typeof CalendarDayInput> | null }) =>
      body ? api<CalendarDayT>('PUT', `/calendar/${date}`, body) : api('DELETE', `/calendar/${date}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['calendar', year] }),
    meta: { handlesFieldErrors: true },
  });
}

export function useResetCalendar(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<CalendarYear>('POST', '/calendar/reset', undefined, { year }),
    onSuccess: (data) => qc.setQueryData(['calendar', year], data),
  });
}
