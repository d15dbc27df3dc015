import { describe, expect, it } from 'vitest';
import { flightsOf, inTurns, SingleFlight } from './single-flight.js';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe('single flight (the dashboard asked by many desks at once)', () => {
  it('callers of the same key while it runs share one computation; other keys run their own', async () => {
    const f = new SingleFlight<number>();
    const d = deferred<number>();
    let computed = 0;
    const compute = () => { computed++; return d.promise; };
    const a = f.run('year', compute);
    const b = f.run('year', compute);
    const other = f.run('month', async () => { computed++; return 7; });
    expect(f.size).toBe(2);
    d.resolve(42);
    expect(await Promise.all([a, b, other])).toEqual([42, 42, 7]);
    expect(computed).toBe(2);
    expect(f.size).toBe(0);
  });

  it('gathers before it computes: a caller of the same turn joins even when the computation itself never waits (a synchronous driver)', async () => {
    const f = new SingleFlight<number>();
    let computed = 0;
    // Answers at once, as a chain of better-sqlite3 statements does: settled within microtasks of starting.
    const compute = async () => ++computed;
    const a = f.run('year', compute);
    for (let i = 0; i < 20; i++) await Promise.resolve();
    const b = f.run('year', compute);
    expect(computed).toBe(0);
    expect(await Promise.all([a, b])).toEqual([1, 1]);
    expect(computed).toBe(1);
  });

  it('keeps nothing once settled: the next caller computes afresh and sees new data', async () => {
    const f = new SingleFlight<number>();
    let value = 1;
    expect(await f.run('k', async () => value)).toBe(1);
    value = 2;
    expect(await f.run('k', async () => value)).toBe(2);
  });

  it('a failure reaches every waiter and is not remembered', async () => {
    const f = new SingleFlight<number>();
    const fail = async (): Promise<number> => { throw new Error('database gone'); };
    const a = f.run('k', fail);
    const b = f.run('k', fail);
    await expect(a).rejects.toThrow('database gone');
    await expect(b).rejects.toThrow('database gone');
    expect(f.size).toBe(0);
    expect(await f.run('k', async () => 5)).toBe(5);
  });

  it('one set of flights per owner: two databases never share an answer', async () => {
    const store = new WeakMap<object, SingleFlight<string>>();
    const one = {}, two = {};
    const d = deferred<string>();
    const a = flightsOf(store, one).run('k', () => d.promise);
    const b = flightsOf(store, two).run('k', async () => 'second clinic database');
    expect(flightsOf(store, one)).toBe(flightsOf(store, one));
    d.resolve('first');
    expect(await Promise.all([a, b])).toEqual(['first', 'second clinic database']);
  });

  it('inTurns: on SQLite one statement per turn of the event loop (what waits for a turn gets it between them); on PostgreSQL all at once', async () => {
    const log: string[] = [];
    const step = (name: string) => async () => { log.push(name); return name; };
    setImmediate(() => log.push('a request read'));
    expect(await inTurns('sqlite', [step('visits'), step('sources')] as const)).toEqual(['visits', 'sources']);
    expect(log).toEqual(['a request read', 'visits', 'sources']);
    log.length = 0;
    let inFlight = 0;
    let most = 0;
    const slow = (v: number) => async () => { inFlight++; most = Math.max(most, inFlight); await new Promise((r) => setTimeout(r, 5)); inFlight--; return v; };
    expect(await inTurns('postgres', [slow(1), slow(2), slow(3)] as const)).toEqual([1, 2, 3]);
    expect(most).toBe(3);
  });
});
