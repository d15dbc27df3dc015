import { eventsAfter, lastEventSeq } from '../db/repos/live.repo.js';
import { getUser } from '../db/repos/users.repo.js';
import type { Deps } from './context.js';

export interface LiveEvent {
  seq: number;
  kind: string;
  payload: unknown;
}

type Listener = (e: LiveEvent) => void;

/**
 * Whether a screen gets an event. The telephony's ring pops the call card only on the desks of the
 * line's branch: a member whose branch is another does not get it; a member with no branch works at
 * every branch and gets every ring. Everything else goes to the whole clinic.
 */
export function visibleTo(e: Pick<LiveEvent, 'kind' | 'payload'>, userBranchId: string | null): boolean {
  if (e.kind !== 'call.ringing' || !userBranchId) return true;
  const branchId = (e.payload as { branchId?: unknown } | null)?.branchId;
  return typeof branchId !== 'string' || branchId === userBranchId;
}

/**
 * Fans committed changes out to open screens. Every app server polls the same live_events
 * table, so a booking made through one server reaches screens connected to another; nothing
 * is kept only in this process's memory except who is listening.
 */
export class LiveFeed {
  private listeners = new Map<string, Set<Listener>>();
  private lastSeq = -1;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;

  constructor(private deps: Deps, private intervalMs = 500) {}

  /** The member's branch (null: every branch), read when a screen connects. */
  async branchOf(clinicId: string, userId: string): Promise<string | null> {
    return (await getUser(this.deps.h.db, clinicId, userId))?.branch_id ?? null;
  }

  subscribe(clinicId: string, fn: Listener): () => void {
    const set = this.listeners.get(clinicId) ?? new Set();
    set.add(fn);
    this.listeners.set(clinicId, set);
    this.ensureRunning();
    return () => {
      set.delete(fn);
      if (!set.size) this.listeners.delete(clinicId);
      if (!this.listeners.size) this.stop();
    };
  }

  private ensureRunning() {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
    void this.poll();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async poll() {
    if (this.polling) return;
    this.polling = true;
    try {
      if (this.lastSeq < 0) {
        this.lastSeq = await lastEventSeq(this.deps.h.db);
        return;
      }
      const rows = await eventsAfter(this.deps.h.db, this.lastSeq);
      for (const r of rows) {
        this.lastSeq = Math.max(this.lastSeq, Number(r.seq));
        const set = this.listeners.get(r.clinic_id);
        if (!set) continue;
        const e = { seq: Number(r.seq), kind: r.kind, payload: JSON.parse(r.payload_json) as unknown };
        for (const fn of set) fn(e);
      }
    } catch {
      // The database is briefly unavailable: the next tick tries again; screens refetch on reconnect.
    } finally {
      this.polling = false;
    }
  }
}
