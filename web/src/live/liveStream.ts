/**
 * One EventSource on /api/events per browser tab, shared by every screen part that listens
 * (the schedule, «Мой день», the incidents banner). A browser keeps at most six connections to
 * one server over HTTP/1.1: a stream per listener would let a few tabs starve the app's own
 * requests. Opened with the first listener, closed with the last; EventSource reconnects by
 * itself (the server sends `retry: 3000`), and a stream closed for good is opened again later.
 */
export type LiveState = 'connecting' | 'open' | 'reconnecting';

export interface LiveListener {
  /** A named event and its raw JSON payload. */
  onEvent?: (kind: string, data: string) => void;
  /** The stream's state; `reconnected` when it opened again after a break (events may have been missed). */
  onState?: (state: LiveState, reconnected: boolean) => void;
}

/** The event names the server sends (src/services/live.service.ts). */
const KINDS = ['appointment', 'arrival', 'doctor_late', 'incident', 'team_message', 'task', 'call.ringing'] as const;

const listeners = new Set<LiveListener>();
let source: EventSource | null = null;
let retry: number | undefined;
let state: LiveState = 'connecting';
let wasOpen = false;

function setState(next: LiveState, reconnected = false) {
  state = next;
  for (const l of listeners) l.onState?.(next, reconnected);
}

function connect() {
  if (!listeners.size || typeof EventSource === 'undefined') return;
  const s = new EventSource('/api/events', { withCredentials: true });
  source = s;
  s.onopen = () => {
    setState('open', wasOpen);
    wasOpen = true;
  };
  s.onerror = () => {
    setState('reconnecting');
    // The browser retries by itself unless the answer was not an event stream (a 401, a restart
    // mid-handshake): then the source is closed and a new one is opened a little later.
    if (s.readyState === EventSource.CLOSED) {
      s.close();
      if (source === s) source = null;
      retry = window.setTimeout(connect, 5000);
    }
  };
  for (const kind of KINDS) {
    s.addEventListener(kind, ((ev: MessageEvent<string>) => {
      for (const l of listeners) l.onEvent?.(kind, ev.data);
    }) as EventListener);
  }
}

/** Listens to the tab's one stream; the returned function stops listening (the last one closes it). */
export function subscribeLive(listener: LiveListener): () => void {
  listeners.add(listener);
  listener.onState?.(state, false);
  if (!source && retry === undefined) connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size) return;
    window.clearTimeout(retry);
    retry = undefined;
    source?.close();
    source = null;
    state = 'connecting';
    wasOpen = false;
  };
}
