import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { StatsPatientList, StatsPaymentList, StatsSummaryT, StatsVisitList, TodayBoardT } from '../../../src/contracts/statistics.js';
import { api } from './client';

/** The owner's dashboard and the lists behind its figures (stats.read); the desk's board (schedule.read). */
export type StatsPeriod = { from: string; to: string; branchId?: string };
export type StatsVisitListT = z.infer<typeof StatsVisitList>;
export type StatsPatientListT = z.infer<typeof StatsPatientList>;
export type StatsPaymentListT = z.infer<typeof StatsPaymentList>;
export type { StatsSummaryT, TodayBoardT };

/** What a click on a figure asks for: visits, patients or payments with the figure's filter. */
export type Drill =
  | { list: 'visits'; title: string; filter: { status?: string; cancelReason?: string; doctorId?: string; chairId?: string; confirmation?: 'confirmed' | 'unconfirmed' } }
  | { list: 'patients'; title: string; filter: { sourceId?: string; noSource?: 'true'; recall?: 'due' | 'booked' | 'not_booked' } }
  | { list: 'payments'; title: string; filter: { method?: string } };

const clean = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''));

export function useStatistics(p: StatsPeriod) {
  return useQuery({ queryKey: ['statistics', p], queryFn: () => api<StatsSummaryT>('GET', '/statistics', undefined, clean(p)) });
}

export function useDrillList(p: StatsPeriod, drill: Drill | null) {
  return useQuery({
    queryKey: ['statistics', 'drill', p, drill?.list, drill?.filter],
    enabled: !!drill,
    queryFn: () => api<StatsVisitListT | StatsPatientListT | StatsPaymentListT>('GET', `/statistics/${drill!.list}`, undefined, clean({ ...p, ...drill!.filter })),
  });
}

export const TODAY_KEY = ['desk-today'] as const;

export function useTodayBoard(branchId?: string) {
  return useQuery({
    queryKey: [...TODAY_KEY, branchId ?? null],
    queryFn: () => api<TodayBoardT>('GET', '/desk/today', undefined, clean({ branchId })),
    // Live events refresh it at once; this catches anything missed while the line was down.
    refetchInterval: 60_000,
  });
}
