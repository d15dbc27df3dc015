import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PriceItemDetail, PriceItemInput, PriceItemPatch, PricePage, PriceSections, PriceVersionInput } from '../../../src/contracts/prices.js';
import { api } from './client';

export type PricePageT = z.infer<typeof PricePage>;
export type PriceDetailT = z.infer<typeof PriceItemDetail>;
export type PriceInputT = z.infer<typeof PriceItemInput>;
export type PricePatchT = z.infer<typeof PriceItemPatch>;
export type PriceVersionInputT = z.infer<typeof PriceVersionInput>;

/** The API's page maximum: the whole list of a clinic (tens to a few hundred services) in one answer. */
const ALL = 500;

export interface PriceFilter {
  q: string;
  section: string | null;
  /** Clinic-local date; null: today (the server's clinic-local today). */
  date: string | null;
  includeInactive: boolean;
}

/** The price list as the desk searches it; the previous answer stays on screen while the next loads. */
export function usePriceList(f: PriceFilter) {
  return useQuery({
    queryKey: ['price-list', 'list', f],
    queryFn: () =>
      api<PricePageT>('GET', '/price-list', undefined, {
        q: f.q || undefined,
        section: f.section ?? undefined,
        date: f.date ?? undefined,
        includeInactive: f.includeInactive ? 'true' : undefined,
        limit: ALL,
      }),
    placeholderData: keepPreviousData,
  });
}

export function usePriceSections() {
  return useQuery({ queryKey: ['price-list', 'sections'], queryFn: async () => (await api<z.infer<typeof PriceSections>>('GET', '/price-list/sections')).items });
}

export function usePriceItem(id: string | null) {
  return useQuery({ queryKey: ['price-list', 'item', id], queryFn: () => api<PriceDetailT>('GET', `/price-list/${id}`), enabled: !!id });
}

/** Every write changes the list, the sections and the item: refresh all of «price-list». */
function useInvalidate() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: ['price-list'] });
}

export function useCreatePrice() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PriceInputT) => api<PriceDetailT>('POST', '/price-list', body),
    onSuccess: invalidate,
    meta: { handlesFieldErrors: true },
  });
}

export function useUpdatePrice(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PricePatchT) => api<PriceDetailT>('PATCH', `/price-list/${id}`, body),
    onSuccess: invalidate,
    meta: { handlesFieldErrors: true },
  });
}

export function useSetPrice(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PriceVersionInputT) => api<PriceDetailT>('POST', `/price-list/${id}/versions`, body),
    onSuccess: invalidate,
    meta: { handlesFieldErrors: true },
  });
}
