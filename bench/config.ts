import os from 'node:os';

/**
 * Everything the bench reads from the environment, in one place.
 * BENCH_QUICK=1 shrinks data and durations for a smoke run of about a minute;
 * BENCH_ENGINE=postgres runs the database rows on PostgreSQL (BENCH_POSTGRES_URL).
 */
export interface BenchConfig {
  quick: boolean;
  engine: 'sqlite' | 'postgres';
  postgresUrl: string;
  /** Parent folder of the temporary SQLite database: the same disk as the app's ./data. */
  dataDir: string;
  seed: number;
  /** The fixed "now" of the app under test: mid-year, so the past is full and the future has free time. */
  now: string;
  year: number;
  connections: number;
  /** Seconds per autocannon row (hello-world, search, proposals, day view). */
  loadSeconds: number;
  /** Upper bound in seconds of the bookings row (it also stops when its free slots run out). */
  bookingSeconds: number;
  patients: number;
  calls: number;
  /** Write a V8 CPU profile of the app process into bench/results/ (BENCH_CPU_PROF=1). */
  cpuProfile: boolean;
}

export function loadBenchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const quick = env.BENCH_QUICK === '1';
  const engine = env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
  return {
    quick,
    engine,
    postgresUrl: env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test',
    dataDir: env.VIZIT_DATA_DIR || os.tmpdir(),
    seed: Number(env.BENCH_SEED ?? 42),
    // 10:00 in Moscow on Wednesday 1 July 2026.
    now: '2026-07-01T07:00:00.000Z',
    year: 2026,
    connections: 50,
    loadSeconds: quick ? 2 : 6,
    bookingSeconds: quick ? 3 : 8,
    patients: quick ? 10_000 : 100_000,
    calls: quick ? 50_000 : 1_000_000,
    cpuProfile: env.BENCH_CPU_PROF === '1',
  };
}
