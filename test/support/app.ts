import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Dialect } from '../../src/db/connect.js';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import { seedClinic, PASSWORD, type Fixture } from './fixtures.js';
import { freshDb, type TestDb } from './test-db.js';

/** A controllable clock for expiry tests. */
export class TestClock {
  constructor(public t = Date.parse('2026-11-23T09:00:00.000Z')) {}
  now = () => new Date(this.t);
  advance(ms: number) {
    this.t += ms;
  }
}

export interface TestApp {
  app: FastifyInstance;
  h: TestDb;
  fx: Fixture;
  clock: TestClock;
  close(): Promise<void>;
}

/** The real app on a fresh database of the dialect, with a seeded clinic. */
export async function startTestApp(dialect: Dialect, opts: Partial<AppOptions> = {}): Promise<TestApp> {
  const h = await freshDb(dialect);
  const fx = await seedClinic(h);
  const clock = new TestClock();
  const app = await buildApp({ h, clock: clock.now, loginRateLimit: false, ...opts });
  await app.ready();
  return {
    app, h, fx, clock,
    async close() {
      await app.close();
      await h.cleanup();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function signIn(app: FastifyInstance, login: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${login} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'vizit_session');
  return { cookie: `vizit_session=${setCookie!.value}`, csrf: res.json().csrfToken };
}

/** inject() as a signed-in user: cookie on every request, CSRF header on writes. */
export function as(app: FastifyInstance, s: Session | null) {
  return (method: InjectOptions['method'], url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      payload: payload as InjectOptions['payload'],
      headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), ...headers },
    });
}
