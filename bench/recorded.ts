import type { CompiledQuery, KyselyPlugin, QueryId, RootOperationNode } from 'kysely';
import type { DbHandle } from '../src/db/connect.js';
import { newId } from '../src/db/ids.js';
import { ADMIN_LOGIN, ADMIN_PASSWORD, type Dataset } from './seed.js';

/**
 * Raw references of the report benches: the exact statements a service issues, recorded once through
 * a Kysely plugin and replayed through the driver by one caller (no HTTP, validation, rules or serialisation).
 */
export const OWNER_LOGIN = 'bench-owner';

/** An owner of the bench clinic (created once, with the bench administrator's password), signed in over HTTP. */
export async function ownerSession(h: DbHandle, ds: Dataset, url: string): Promise<Record<string, string>> {
  const admin = await h.db.selectFrom('users').selectAll().where('clinic_id', '=', ds.clinicId).where('login', '=', ADMIN_LOGIN).executeTakeFirstOrThrow();
  const exists = await h.db.selectFrom('users').select('id').where('login', '=', OWNER_LOGIN).executeTakeFirst();
  if (!exists) await h.db.insertInto('users').values({ ...admin, id: newId(), login: OWNER_LOGIN, full_name: 'Владелец Бенч', role: 'owner' }).execute();
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: OWNER_LOGIN, password: ADMIN_PASSWORD }) });
  if (res.status !== 200) throw new Error(`owner sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('vizit_session='))!;
  return { cookie: cookie.split(';')[0]! };
}

/**
 * The statements a call issues, grouped as they were in flight together. Kysely shows a plugin the
 * subqueries too (when the outer query is built): only the queries that returned a result are kept,
 * so a subquery is not replayed as a statement of its own.
 */
export async function record(h: DbHandle, fn: (h: DbHandle) => Promise<unknown>): Promise<CompiledQuery[][]> {
  const events: { start: boolean; node?: RootOperationNode; queryId: QueryId }[] = [];
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }) {
      events.push({ start: true, node, queryId });
      return node;
    },
    async transformResult({ result, queryId }) {
      events.push({ start: false, queryId });
      return result;
    },
  };
  await fn({ ...h, db: h.db.withPlugin(plugin) });
  const ran = new Set(events.filter((e) => !e.start).map((e) => e.queryId));
  // The last node shown for a query is the one executed (a query may be compiled more than once).
  const nodes = new Map<QueryId, RootOperationNode>();
  for (const e of events) if (e.start && ran.has(e.queryId)) nodes.set(e.queryId, e.node!);
  const groups: QueryId[][] = [];
  const seen = new Set<QueryId>();
  let inflight = 0;
  for (const e of events) {
    if (!ran.has(e.queryId)) continue;
    if (e.start) {
      if (seen.has(e.queryId)) continue;
      seen.add(e.queryId);
      if (inflight <= 0 || !groups.length) groups.push([]);
      inflight++;
      groups[groups.length - 1]!.push(e.queryId);
    } else inflight--;
  }
  return groups.map((g) => g.map((id) => h.db.getExecutor().compileQuery(nodes.get(id)!, id)));
}

/** Median milliseconds of replaying the plans in turn (each group's statements together) for `seconds`, at least 5 runs. */
export async function replayP50(h: DbHandle, plans: CompiledQuery[][][], seconds: number): Promise<number> {
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < until || times.length < 5; i++) {
    const t = performance.now();
    for (const group of plans[i % plans.length]!) await Promise.all(group.map((q) => h.db.executeQuery(q)));
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
