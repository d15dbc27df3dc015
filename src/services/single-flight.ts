/**
 * Single flight: identical reads that arrive while one is already being computed wait for that one
 * instead of starting their own. Nothing is kept once it settles, so no answer is older than the
 * computation a caller joined (the same freshness as a caller that came a moment earlier); a failure
 * reaches every waiter and the next call starts afresh.
 *
 * Used where one heavy read is asked by many screens at once (the owner's dashboard opened on every
 * desk at 09:00): 50 connections asking for the same year cost one pass over the visits, not 50.
 *
 * A flight gathers before it computes: the computation starts on the next turn of the event loop
 * (setImmediate), after every request the server has already read has had its turn to join. Without
 * it nothing was ever shared on SQLite: better-sqlite3 answers synchronously, so a request's whole
 * handler (session, permission, every statement of the computation) ran to its answer in one turn
 * and the next request was not even parsed before the flight had settled and been removed — 50
 * identical dashboards were 50 computations in a row (issue 14). On PostgreSQL the statements wait
 * on the network and requests overlapped anyway. The turn costs microseconds to a lone caller.
 */
export class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  /** How many distinct computations run now (for tests). */
  get size(): number {
    return this.running.size;
  }

  run(key: string, compute: () => Promise<T>): Promise<T> {
    const joined = this.running.get(key);
    if (joined) return joined;
    const started = new Promise<void>((resolve) => setImmediate(resolve)).then(compute).finally(() => this.running.delete(key));
    this.running.set(key, started);
    return started;
  }
}

/** One turn of the event loop: connections waiting to be accepted and requests waiting to be read get theirs. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The statements of a heavy read. On PostgreSQL all at once (they wait on the network, in parallel
 * on the pool). On SQLite one after another with a turn of the event loop before each: better-sqlite3
 * answers synchronously, so run together they froze the server for the whole computation — no new
 * connection accepted (Node accepts one per turn), no request read. With the turns, the desks that ask
 * for the same dashboard meanwhile are read and join the flight instead of queueing behind it.
 */
export async function inTurns<T extends readonly unknown[]>(dialect: 'sqlite' | 'postgres', steps: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  if (dialect === 'postgres') return (await Promise.all(steps.map((s) => s()))) as unknown as T;
  const out: unknown[] = [];
  for (const step of steps) {
    await nextTurn();
    out.push(await step());
  }
  return out as unknown as T;
}

/** One SingleFlight per owner object (a database handle), so two apps in one process never share answers. */
export function flightsOf<O extends object, T>(store: WeakMap<O, SingleFlight<T>>, owner: O): SingleFlight<T> {
  let f = store.get(owner);
  if (!f) store.set(owner, (f = new SingleFlight<T>()));
  return f;
}
