import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DestructionAct, DestructionInput, DestructionPage, DestructionT, DueList } from '../../../src/contracts/retention.js';
import { api } from './client';

export type Destruction = DestructionT;
export type DestructionActT = z.infer<typeof DestructionAct>;
export type DestructionInputT = z.infer<typeof DestructionInput>;
export type DestructionPageT = z.infer<typeof DestructionPage>;
export type DueListT = z.infer<typeof DueList>;

/** The API's page maximum (LIMITS.pageMax). */
const PAGE = 100;

/** The register of acts, newest first; `pages` grows with «Показать ещё». */
export function useDestructions(pages: number) {
  return useQuery({
    queryKey: ['pd-destructions', 'register', pages],
    queryFn: async () => {
      const items: Destruction[] = [];
      let hasMore = true;
      for (let i = 0; i < pages && hasMore; i++) {
        const page = await api<DestructionPageT>('GET', '/pd-destructions', undefined, { limit: PAGE, offset: i * PAGE });
        items.push(...page.items);
        hasMore = page.hasMore;
      }
      return { items, hasMore };
    },
  });
}

/** The latest act about one patient, for the card's notice. */
export function usePatientAct(patientId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['pd-destructions', 'patient', patientId],
    enabled: !!patientId && enabled,
    queryFn: async () => (await api<DestructionPageT>('GET', '/pd-destructions', undefined, { patientId, limit: 1 })).items[0] ?? null,
    meta: { silent: true },
  });
}

export function useDueList() {
  return useQuery({ queryKey: ['pd-destructions', 'due'], queryFn: () => api<DueListT>('GET', '/pd-destructions/due') });
}

export function useDestructionAct(id: string | undefined) {
  return useQuery({
    queryKey: ['pd-destructions', 'act', id],
    queryFn: () => api<DestructionActT>('GET', `/pd-destructions/${id}`),
    enabled: !!id,
  });
}

/** Destroys a patient's personal data; the modal shows every error itself, so it is silent. */
export function useDestroyPatientData(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DestructionInputT) => api<Destruction>('POST', `/patients/${patientId}/destruction`, body),
    onSuccess: () => {
      for (const key of [['patient', patientId], ['patients'], ['desk'], ['patient-appointments', patientId], ['pd-destructions'], ['service-card', patientId]]) {
        void qc.invalidateQueries({ queryKey: key });
      }
    },
    meta: { silent: true },
  });
}
