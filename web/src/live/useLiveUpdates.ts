import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { NOTIFICATIONS_KEY, SCHEDULE_KEY } from '../api/schedule';
import { subscribeLive, type LiveState } from './liveStream';

/** What the server announces on GET /api/events (see src/server/routes/live.routes.ts). */
export type LiveKind = 'appointment' | 'arrival' | 'doctor_late';
export type LivePayload = { id?: string; date?: string; previousDate?: string; doctorId?: string; status?: string; minutes?: number };
export type LiveEvent = { kind: LiveKind; payload: LivePayload };
export type { LiveState } from './liveStream';

const KINDS: readonly LiveKind[] = ['appointment', 'arrival', 'doctor_late'];

/** True when a cached schedule query (['schedule','day',date,…] or ['schedule','week',doctorId,from]) shows the change. */
function touches(key: readonly unknown[], p: LivePayload): boolean {
  if (key[1] === 'day') return !p.date || key[2] === p.date || key[2] === p.previousDate;
  return true;
}

/**
 * Keeps the open screen current over the tab's one live stream (liveStream.ts): every change
 * refetches the schedule views that show it, and the doctor's notifications; after a reconnect
 * everything is refetched, since events sent while the line was down are not replayed.
 */
export function useLiveUpdates(onEvent?: (e: LiveEvent) => void): LiveState {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  const handler = useRef(onEvent);
  handler.current = onEvent;

  useEffect(
    () =>
      subscribeLive({
        onEvent(kind, data) {
          if (!(KINDS as readonly string[]).includes(kind)) return;
          let payload: LivePayload = {};
          try {
            payload = JSON.parse(data) as LivePayload;
          } catch {
            payload = {};
          }
          void qc.invalidateQueries({ queryKey: SCHEDULE_KEY, predicate: (q) => touches(q.queryKey, payload) });
          if (payload.id) {
            void qc.invalidateQueries({ queryKey: ['appointment', payload.id] });
            void qc.invalidateQueries({ queryKey: ['appointment-history', payload.id] });
          }
          void qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
          handler.current?.({ kind: kind as LiveKind, payload });
        },
        onState(next, reconnected) {
          setState(next);
          // Events sent while the line was down are not replayed: refetch what they would have changed.
          if (reconnected) {
            void qc.invalidateQueries({ queryKey: SCHEDULE_KEY });
            void qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
          }
        },
      }),
    [qc],
  );

  return state;
}
