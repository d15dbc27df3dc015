/**
 * The server under test, in its own process so that autocannon (in the parent) does not share
 * its event loop: either a bare Fastify hello-world or the real Vizit app on the bench database.
 * Talks to the parent over IPC: "ready" with the port; answers "rss", "probe", "report", "stop".
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { connect, type ConnectOptions, type DbHandle } from '../src/db/connect.js';
import { buildApp } from '../src/server/app.js';
import { dbActivity, installProbe, instrumentDrivers, probeOn, probeReport } from './probe.js';
import { TEST_AUDIT_KEY } from '../test/support/audit-key.js';

export type ChildSpec = { mode: 'hello' } | { mode: 'app'; connect: ConnectOptions; now: string };
export type ChildMessage = { type: 'rss' } | { type: 'probe'; on: boolean } | { type: 'report' } | { type: 'idle' } | { type: 'stop' };

const spec = JSON.parse(process.env.BENCH_CHILD ?? '{"mode":"hello"}') as ChildSpec;
let h: DbHandle | undefined;
let app: FastifyInstance;
/**
 * When the app last started or answered a request. With the drivers' activity it tells when a
 * stopped load run's leftovers are done: requests whose client has gone still run their handler
 * but get no reply hooks, so counting requests cannot tell.
 */
let lastActivity = 0;
const touch = () => void (lastActivity = performance.now());

if (spec.mode === 'hello') {
  app = Fastify({ logger: false });
  app.get('/hello', async () => ({ ok: true }));
} else {
  instrumentDrivers();
  // The bench's databases are keyed like the tests' (a Buffer does not survive the JSON spec).
  h = connect({ ...spec.connect, auditKey: TEST_AUDIT_KEY });
  const fixed = new Date(spec.now);
  app = await buildApp({ h, clock: () => new Date(fixed), loginRateLimit: false, logger: false });
  installProbe(app);
  app.addHook('onRequest', (_req, _reply, done) => {
    touch();
    done();
  });
  app.addHook('onSend', (_req, _reply, payload, done) => {
    touch();
    done(null, payload);
  });
}
await app.listen({ host: '127.0.0.1', port: 0 });
const addr = app.server.address();
process.send!({ type: 'ready', port: typeof addr === 'object' && addr ? addr.port : 0 });

process.on('message', async (m: ChildMessage) => {
  if (m.type === 'rss') {
    const mem = process.memoryUsage();
    process.send!({ type: 'rss', rss: mem.rss, heapUsed: mem.heapUsed });
  }
  if (m.type === 'probe') {
    probeOn(m.on);
    process.send!({ type: 'probe' });
  }
  if (m.type === 'report') process.send!({ type: 'report', report: probeReport() });
  if (m.type === 'idle') {
    // Requests still in socket buffers are read only when the loop gets to them: insist on a quiet spell too.
    const quiet = () => performance.now() - Math.max(lastActivity, dbActivity.last) > 300;
    const check = () => (dbActivity.inflight <= 0 && quiet() ? process.send!({ type: 'idle' }) : setTimeout(check, 50));
    check();
  }
  if (m.type === 'stop') {
    // Bounded: a close that waits on a straggling connection must not turn into the parent's SIGKILL,
    // because only a normal exit makes --cpu-prof write its profile.
    const grace = new Promise((resolve) => setTimeout(resolve, 5000).unref());
    await Promise.race([app.close().then(() => h?.close()), grace]).catch(() => undefined);
    process.exit(0);
  }
});
// Never outlive the parent.
process.on('disconnect', () => process.exit(0));
