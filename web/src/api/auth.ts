import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ChangePasswordBody, LoginBody, MeT, SessionStateT } from '../../../src/contracts/auth.js';
import { api, setCsrfToken } from './client';

export type Me = MeT;

/**
 * Who is signed in: GET /auth/session answers a signed-out visitor 200 with me: null, so the
 * sign-in page loads without a 401 in the browser console (issue 9 item 13).
 */
export async function fetchMe(): Promise<Me | null> {
  const { me } = await api<SessionStateT>('GET', '/auth/session');
  setCsrfToken(me?.csrfToken ?? null);
  return me;
}

export const ME_KEY = ['me'] as const;

let sessionExpired = false;

/** Remember that the session ended under the user (a 401 mid-work), to say so on the sign-in page. */
export function markSessionExpired(): void {
  sessionExpired = true;
}

/** True once after markSessionExpired(). */
export function consumeSessionExpired(): boolean {
  const was = sessionExpired;
  sessionExpired = false;
  return was;
}

export function useMeQuery() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

export async function login(body: z.infer<typeof LoginBody>): Promise<Me> {
  const me = await api<Me>('POST', '/auth/login', body);
  setCsrfToken(me.csrfToken);
  return me;
}

export async function logout(): Promise<void> {
  try {
    await api('POST', '/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(body: z.infer<typeof ChangePasswordBody>): Promise<unknown> {
  return api('POST', '/auth/password', body);
}
