import autocannon, { type Request } from 'autocannon';

export interface LoadResult {
  /** Latency percentiles of 2xx responses, ms, exact (autocannon's own histogram keeps whole ms only). */
  p50: number;
  p99: number;
  /** 2xx responses per second from the first request to the last response. */
  okPerSec: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
  seconds: number;
  /** A few non-2xx bodies, to print when something failed. */
  failures: string[];
}

export interface Req {
  method?: string;
  path: string;
  body?: string;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Run this long … */
  seconds: number;
  /** … or stop earlier after this many requests (each request then goes out once). */
  amount?: number;
  headers?: Record<string, string>;
  /**
   * Either a fixed list, prebuilt once and cycled by every connection (cheap for the load
   * generator, which shares the two cores with the server), or `next`, called once per request
   * (for requests that must each be different, such as bookings).
   */
  list?: Req[];
  next?: () => Req;
  /** Keep the bodies of a few non-2xx responses. */
  keepFailures?: boolean;
}

function percentile(sorted: Float64Array, q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** One autocannon run over 127.0.0.1 (pipelining 1), bounded in time and, if given, in requests. */
export function runLoad(o: LoadOptions): Promise<LoadResult> {
  const headers = { 'content-type': 'application/json', ...o.headers };
  const failures: string[] = [];
  const next = o.next;
  const requests: Request[] = next ? [{ setupRequest: (req) => ({ ...req, ...next(), headers }) }] : (o.list ?? []).map((r) => ({ ...r, headers }));
  // Reading bodies costs the load generator time, so only rows that may fail ask for it.
  if (o.keepFailures) {
    for (const r of requests) {
      r.onResponse = (status, body) => {
        if ((status < 200 || status >= 300) && failures.length < 3) failures.push(`${status} ${body.slice(0, 300)}`);
      };
    }
  }
  let lat = new Float64Array(1 << 16);
  let n = 0;
  let first = 0;
  let last = 0;
  return new Promise((resolve, reject) => {
    const inst = autocannon(
      {
        url: o.url,
        connections: o.connections,
        pipelining: 1,
        timeout: 30,
        requests,
        ...(o.amount ? { amount: o.amount } : { duration: o.seconds }),
      },
      (err, r) => {
        clearTimeout(timer);
        if (err) return reject(err);
        const sorted = lat.subarray(0, n).sort();
        const okCount = r['2xx'];
        const statuses: Record<string, number> = {};
        for (const [code, s] of Object.entries(r.statusCodeStats)) statuses[code] = s.count;
        resolve({
          p50: percentile(sorted, 0.5),
          p99: percentile(sorted, 0.99),
          okPerSec: last > first ? okCount / ((last - first) / 1000) : 0,
          ok: okCount,
          non2xx: r.non2xx,
          errors: r.errors,
          timeouts: r.timeouts,
          statuses,
          seconds: (last - first) / 1000,
          failures,
        });
      },
    );
    // With an amount autocannon ignores the duration: the timer keeps such a run bounded in time too.
    const timer = setTimeout(() => inst.stop(), (o.seconds + (o.amount ? 0 : 5)) * 1000);
    inst.on('start', () => (first = performance.now()));
    inst.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      last = performance.now();
      if (status >= 200 && status < 300) {
        if (n === lat.length) {
          const bigger = new Float64Array(lat.length * 2);
          bigger.set(lat);
          lat = bigger;
        }
        lat[n++] = ms;
      }
    });
  });
}
