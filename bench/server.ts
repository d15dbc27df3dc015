import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ChildSpec } from './server-child.js';
import type { RouteBreakdown } from './probe.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface Server {
  url: string;
  rss(): Promise<number>;
  /** The process's memory now: RSS and the V8 heap in use, bytes (waits up to `timeoutMs` for a busy process). */
  memory(timeoutMs?: number): Promise<{ rss: number; heapUsed: number }>;
  /** The process id (for /proc/<pid>/status: the peak RSS, VmHWM). */
  pid: number;
  probe(on: boolean): Promise<void>;
  report(): Promise<RouteBreakdown[]>;
  /** Resolves once the server has answered every request it has read. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts server-child.ts (through tsx) and waits until it listens on 127.0.0.1. */
export async function startServer(spec: ChildSpec, opts: { cpuProfileDir?: string } = {}): Promise<Server> {
  const execArgv = ['--import', 'tsx'];
  if (opts.cpuProfileDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${opts.cpuProfileDir}`);
  const child = fork(path.join(here, 'server-child.ts'), [], {
    execArgv,
    env: { ...process.env, BENCH_CHILD: JSON.stringify(spec) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start within 60 s')), 60_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before listening`)));
    child.once('message', (m: { type: string; port: number }) => {
      clearTimeout(timer);
      resolve(m.port);
    });
  });
  const ask = <T>(msg: ChildMessage, answer: string) => request<T>(child, msg, answer);
  return {
    url: `http://127.0.0.1:${port}`,
    rss: async () => (await ask<{ rss: number }>({ type: 'rss' }, 'rss')).rss,
    pid: child.pid ?? 0,
    memory: async (timeoutMs = 10_000) => {
      const m = await request<{ rss: number; heapUsed: number }>(child, { type: 'rss' }, 'rss', timeoutMs);
      return { rss: m.rss, heapUsed: m.heapUsed };
    },
    idle: async () => void (await request(child, { type: 'idle' }, 'idle', 180_000)),
    probe: async (on) => void (await ask({ type: 'probe', on }, 'probe')),
    report: async () => (await ask<{ report: RouteBreakdown[] }>({ type: 'report' }, 'report')).report,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        // Generous: writing a CPU profile of a long run takes a while.
        const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.send({ type: 'stop' } satisfies ChildMessage);
      }),
  };
}

function request<T>(child: ChildProcess, msg: ChildMessage, answer: string, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${answer}" answer from the server`)), timeoutMs);
    const on = (m: { type: string }) => {
      if (m.type !== answer) return;
      clearTimeout(timer);
      child.off('message', on);
      resolve(m as T);
    };
    child.on('message', on);
    child.send(msg);
  });
}
