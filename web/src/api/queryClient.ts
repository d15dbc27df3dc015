import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { notifyError } from '../lib/notify';
import { ApiError } from './client';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { handlesFieldErrors?: boolean; silent?: boolean };
    queryMeta: { silent?: boolean };
  }
}

function isSessionGone(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/**
 * One place that tells the user about failures: query errors and mutation errors become a
 * notification, except a lost session (the app goes to sign-in), field errors of a form
 * that shows them under its inputs, and mutations marked `silent` that show errors inline.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isSessionGone(error) || query.meta?.silent) return;
        notifyError(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (isSessionGone(error) || mutation.meta?.silent) return;
        if (mutation.meta?.handlesFieldErrors && error instanceof ApiError && error.errors.length > 0) return;
        notifyError(error);
      },
    }),
    defaultOptions: {
      queries: {
        retry: (count, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}
