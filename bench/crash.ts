/**
 * Crash safety, full size (issue 4): kill -9 of the real server at random moments during a mixed
 * write load, 50 rounds (BENCH_QUICK: 5; CRASH_ROUNDS overrides), every round checked on the
 * database itself. The same loop and checks as test/faults/crash-safety.test.ts, with more rounds.
 *
 * Standalone: `BENCH_QUICK=1 npx tsx bench/crash.ts` (BENCH_ENGINE=postgres for PostgreSQL).
 */
import { fileURLToPath } from 'node:url';
import { runCrashRounds } from '../test/support/crash-load.js';
import { makeTarget } from '../test/support/crash-server.js';
import { loadBenchConfig, type BenchConfig } from './config.js';
import { formatTable, machine, type Row } from './report.js';

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** The crash rows of the bench table; `rounds` defaults to 50 (quick: 5). */
export async function crashRows(cfg: Pick<BenchConfig, 'quick' | 'engine' | 'postgresUrl'>, opts: { rounds?: number; log?: (s: string) => void } = {}): Promise<Row[]> {
  const rounds = opts.rounds ?? (cfg.quick ? 5 : 50);
  const target = await makeTarget(cfg.engine, cfg.postgresUrl);
  try {
    const run = await runCrashRounds(target, { rounds, log: opts.log });
    const rs = run.rounds;
    const sum = (f: (r: (typeof rs)[number]) => number) => rs.reduce((n, r) => n + f(r), 0);
    const name = `crash safety: kill -9 during mixed writes (${cfg.engine})`;
    const zero = (metric: string, value: number, reference?: string): Row => ({ name, metric, value, reference, target: '=0', met: value === 0 });
    // Round 0 seeds the demo clinic: only the starts after a kill are restarts.
    const restarts = rs.slice(1).map((r) => r.restartMs);
    const serveFailures = rs.filter((r) => r.serveError).length + (run.finalServeError ? 1 : 0);
    const fiveXX = sum((r) => Object.entries(r.statuses).filter(([s]) => s.startsWith('5')).reduce((n, [, c]) => n + c, 0));
    const orphanKinds = [...new Set(rs.flatMap((r) => r.check.orphans.map((o) => o.what)))];
    return [
      { name, metric: 'rounds', value: rs.length },
      { name, metric: 'acknowledged writes', value: run.ledger.acknowledged, reference: `${sum((r) => r.unanswered)} in flight at the kills` },
      zero('lost writes', sum((r) => r.check.lost.length), 'acknowledged, then missing or without effect'),
      zero('orphan rows', sum((r) => r.check.orphans.reduce((n, o) => n + o.n, 0)), orphanKinds.join('; ') || undefined),
      zero('integrity failures', rs.filter((r) => r.check.integrity !== 'ok' && r.check.integrity !== 'n/a').length, cfg.engine === 'sqlite' ? 'PRAGMA integrity_check + foreign_key_check' : 'n/a on PostgreSQL'),
      zero('audit chain failures', rs.filter((r) => !r.check.chainOk).length),
      zero('overlapping bookings', Math.max(0, ...rs.map((r) => r.check.overlaps))),
      zero('restarts that did not serve', serveFailures, 'sign in, read back a patient and a visit'),
      zero('5xx answers', fiveXX),
      { name, metric: 'restart to healthy ms', value: mean(restarts), reference: `max ${Math.max(...restarts).toFixed(0)} ms, process spawn included` },
    ];
  } finally {
    await target.cleanup();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cfg = loadBenchConfig();
  const rounds = process.env.CRASH_ROUNDS ? Number(process.env.CRASH_ROUNDS) : undefined;
  const log = (s: string) => process.stderr.write(`[crash ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
  const rows = await crashRows(cfg, { rounds, log });
  console.log(formatTable(machine(cfg.engine), `Vizit crash safety${cfg.quick ? ' (BENCH_QUICK)' : ''}`, rows));
  process.exit(rows.some((r) => r.met === false) ? 1 : 0);
}
