import { useSyncExternalStore } from 'react';

/**
 * «Врач задерживается»: delays announced today (by this screen or live from a colleague's),
 * kept in memory for the board's column headers. The day view of the API does not return them,
 * so a reload forgets them (the service-card entries stay).
 */
type Delay = { minutes: number; at: number };
const delays = new Map<string, Delay>();
const listeners = new Set<() => void>();
let version = 0;

const key = (doctorId: string, date: string) => `${doctorId}|${date}`;

export function recordDelay(doctorId: string, date: string, minutes: number): void {
  delays.set(key(doctorId, date), { minutes, at: Date.now() });
  version++;
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Minutes the doctor is running late on the date, or null. */
export function useDelay(doctorId: string, date: string): number | null {
  useSyncExternalStore(subscribe, () => version);
  return delays.get(key(doctorId, date))?.minutes ?? null;
}
