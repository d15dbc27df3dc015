import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { VisitAftercare } from '../../../src/contracts/aftercare.js';
import { api } from './client';

/** After treatment (DOC-4, DOC-7): the visit's performed services, the leaflets and warranty coupons to hand over. */
export type VisitAftercareT = z.infer<typeof VisitAftercare>;

/**
 * Under the documents' key, so issuing a document refreshes it; the visit's status is in the key, so marking the
 * visit «Завершён» asks again (the planned services then count as performed).
 */
export const useVisitAftercare = (appointmentId: string, status: string, enabled = true) =>
  useQuery({ queryKey: ['documents', 'aftercare', appointmentId, status], queryFn: () => api<VisitAftercareT>('GET', `/appointments/${appointmentId}/aftercare`), enabled });
