import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { NOTIFICATIONS_KEY, SCHEDULE_KEY } from '../api/schedule';

/** What the server announces on GET /api/events (see src/server/routes/live.routes.ts). */
export type LiveKind = 'appointment' | 'arrival' | 'doctor_late';
export type LivePayload = { id?: string; date?: string; previousDate?: string; doctorId?: string; status?: string; minutes?: number };
export type LiveEvent = { kind: LiveKind; payload: LivePayload };
export type LiveState = 'connecting' | 'open' | 'reconnecting';

const KINDS: readonly LiveKind[] = ['appointment', 'arrival', 'doctor_late'];

/** True when a cached schedule query (['schedule','day',date,…] or ['schedule','week',doctorId,from]) shows the change. */
function touches(key: readonly unknown[], p: LivePayload): boolean {
  if (key[1] === 'day') return !p.date || key[2] === p.date || key[2] === p.previousDate;
  return true;
}

/**
 * Keeps the open screen current: one EventSource on /api/events; every change refetches the
 * schedule views that show it, and the doctor's notifications. EventSource reconnects by
 * itself (the server sends `retry: 3000`); after a reconnect everything is refetched, since
 * events sent while the line was down are not replayed.
 */
export function useLiveUpdates(onEvent?: (e: LiveEvent) => void): LiveState {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  const handler = useRef(onEvent);
  handler.current = onEvent;

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: number | undefined;
    let wasOpen = false;
    let stopped = false;

    const onChange = (kind: LiveKind) => (ev: MessageEvent<string>) => {
      let payload: LivePayload = {};
      try {
        payload = JSON.parse(ev.data) as LivePayload;
      } catch {
        payload = {};
      }
      void qc.invalidateQueries({ queryKey: SCHEDULE_KEY, predicate: (q) => touches(q.queryKey, payload) });
      if (payload.id) {
        void qc.invalidateQueries({ queryKey: ['appointment', payload.id] });
        void qc.invalidateQueries({ queryKey: ['appointment-history', payload.id] });
      }
      void qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
      handler.current?.({ kind, payload });
    };

    const connect = () => {
      if (stopped) return;
      const s = new EventSource('/api/events', { withCredentials: true });
      source = s;
      s.onopen = () => {
        setState('open');
        if (wasOpen) {
          void qc.invalidateQueries({ queryKey: SCHEDULE_KEY });
          void qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
        }
        wasOpen = true;
      };
      s.onerror = () => {
        setState('reconnecting');
        // The browser retries by itself unless the answer was not an event stream (e.g. 401 or
        // a restart mid-handshake): then the source is closed and we open a new one later.
        if (s.readyState === EventSource.CLOSED) {
          s.close();
          retry = window.setTimeout(connect, 5000);
        }
      };
      for (const kind of KINDS) s.addEventListener(kind, onChange(kind) as EventListener);
    };
    connect();
    return () => {
      stopped = true;
      window.clearTimeout(retry);
      source?.close();
    };
  }, [qc]);

  return state;
}
