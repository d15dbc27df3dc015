import { KINDS } from '../src/domain/schedule/status.js';
import { SPECIALTIES } from '../src/domain/specialties.js';
import type { FreeSlot } from './free-slots.js';
import type { Req } from './load.js';
import { phonePrefixes, surnamePrefixes } from './names.js';
import type { Rng } from '../src/demo/demo-random.js';
import { ADMIN_LOGIN, ADMIN_PASSWORD, type Dataset } from './seed.js';

export interface Session {
  /** Cookie and CSRF headers for every request of the signed-in administrator. */
  headers: Record<string, string>;
}

/** Signs in as the bench administrator the way the web app does: session cookie plus CSRF token for writes. */
export async function signIn(baseUrl: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: ADMIN_LOGIN, password: ADMIN_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('vizit_session='));
  if (!cookie) throw new Error('sign-in gave no vizit_session cookie');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { headers: { cookie: cookie.split(';')[0], 'x-csrf-token': csrfToken } };
}

/** PAT-2 search-as-you-type: surname prefixes (2–6 letters) and phone prefixes typed every way. */
export function searchRequests(rng: Rng, n: number): Req[] {
  const names = surnamePrefixes(rng, Math.ceil(n * 0.7));
  const phones = phonePrefixes(rng, n - names.length);
  const all = [...names, ...phones];
  for (let i = all.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.map((q) => ({ path: `/api/patients?q=${encodeURIComponent(q)}` }));
}

/** SCH-3 "when is the nearest?" without holding: a doctor or a specialty, a visit type, a part of the day. */
export function proposalRequests(rng: Rng, ds: Dataset, n: number): Req[] {
  return Array.from({ length: n }, () => {
    const who = rng.chance(0.5) ? { doctorId: rng.pick(ds.doctors).id } : { specialty: rng.pick(SPECIALTIES) };
    const body = { ...who, kind: rng.pick(KINDS), partOfDay: rng.weighted<string>([['any', 2], ['morning', 1], ['evening', 1]]), hold: false };
    return { method: 'POST', path: '/api/schedule/proposals', body: JSON.stringify(body) };
  });
}

export function dayRequests(dates: string[]): Req[] {
  return dates.map((date) => ({ path: `/api/schedule/day?date=${date}` }));
}

/** One booking per free slot, in order: `next` hands each slot out exactly once. */
export function bookingSource(slots: FreeSlot[], rng: Rng, ds: Dataset) {
  let i = 0;
  return {
    get used() {
      return i;
    },
    left: () => slots.length - i,
    next: (): Req => {
      const s = slots[i++];
      if (!s) throw new Error('the free slots ran out');
      const body = { patientId: ds.patientIds[rng.int(0, ds.patientIds.length - 1)], doctorId: s.doctorId, startsAt: s.startsAt, durationMin: 30, kind: 'primary' };
      return { method: 'POST', path: '/api/appointments', body: JSON.stringify(body) };
    },
  };
}
