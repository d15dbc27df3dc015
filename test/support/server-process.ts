import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { TEST_AUDIT_KEY_HEX } from './audit-key.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** SIGTERM (the server closes cleanly), SIGKILL if it has not exited within 10 s. */
  stop(): Promise<void>;
  /** SIGKILL: the crash tests' power cut. */
  kill(): Promise<void>;
}

export interface ServerProcessOptions {
  /** VIZIT_DATA_DIR: the SQLite file lives here as vizit.sqlite. */
  dataDir: string;
  /** postgres://… to run on PostgreSQL; omitted for SQLite. */
  databaseUrl?: string;
  /** The owner's password when the process bootstraps an empty database. */
  ownerPassword?: string;
  demo?: boolean;
  env?: Record<string, string>;
}

/** A port that was free a moment ago: main.ts prints the port it was given, so port 0 would hide the real one. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function startOnce(opts: ServerProcessOptions, port: number): Promise<ServerProcess> {
  // tsx as a loader of this very process: the tsx CLI would put the server in a grandchild that signals miss.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      VIZIT_DATA_DIR: opts.dataDir,
      DATABASE_URL: opts.databaseUrl ?? '',
      VIZIT_DEMO: opts.demo ? '1' : '0',
      VIZIT_OWNER_PASSWORD: opts.ownerPassword ?? '',
      LOG_LEVEL: 'error',
      VIZIT_AUDIT_KEY: TEST_AUDIT_KEY_HEX,
      ...opts.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString('utf8')).slice(-4000);
  });
  // Never outlive the test process, whatever happens to it.
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) })).ok) break;
    } catch {
      /* not listening yet */
    }
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited(child);
      process.off('exit', reap);
      throw new Error(`the server on port ${port} did not start: ${stderr.trim() || `exit ${child.exitCode ?? child.signalCode}`}`);
    }
    // Short: the crash bench reports the time from spawn to the first healthy answer.
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    url,
    child,
    async stop() {
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.kill('SIGTERM');
      await exited(child);
      clearTimeout(timer);
      process.off('exit', reap);
    },
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
      process.off('exit', reap);
    },
  };
}

/**
 * Starts the real server (`node --import tsx src/server/main.ts`, migrations and bootstrap
 * included) on a free loopback port and waits for /api/health. Retries on another port once
 * or twice: between finding a free port and binding it another test may take it.
 */
export async function startServerProcess(opts: ServerProcessOptions): Promise<ServerProcess> {
  let last: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(opts, await freePort());
    } catch (err) {
      last = err;
      if (!/EADDRINUSE/.test(String(err))) break;
    }
  }
  throw last;
}
