import { atolOutcome, atolRequest } from '../domain/fiscal-atol.js';
import type { FiscalDocument } from '../domain/fiscal-document.js';

/**
 * The online cash register (54-FZ) behind a small adapter. `none` (the default) sends nothing:
 * the outbox rows stay «ожидает» and visible; `atol-web` talks to ATOL Web Server (ДТО 10).
 */
export type FiscalDriverName = 'none' | 'atol-web';

/** What came of sending one document. `unavailable`: the register could not be asked (try later); `rejected`: it refused the document. */
export type FiscalOutcome =
  | { kind: 'done'; fiscalSign: string }
  | { kind: 'rejected'; error: string }
  | { kind: 'unavailable'; error: string };

export interface FiscalDriver {
  readonly name: FiscalDriverName;
  /** Sends the document under `uuid` (the outbox row's id): the same uuid twice is one receipt. */
  send(uuid: string, doc: FiscalDocument): Promise<FiscalOutcome>;
}

export interface FiscalConfig {
  driver: FiscalDriverName;
  /** ATOL Web Server's base URL, e.g. http://127.0.0.1:16732 */
  url?: string;
  /** How long to wait for the register to print one receipt. */
  timeoutMs?: number;
  /** Pause between result polls. */
  pollMs?: number;
}

/** Leaves every document waiting: the clinic has not connected a register yet. */
export const noneDriver: FiscalDriver = {
  name: 'none',
  async send() {
    return { kind: 'unavailable', error: 'Касса не подключена / no cash register connected' };
  },
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function http(method: 'GET' | 'POST', url: string, body: unknown, timeoutMs: number): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, json };
}

/**
 * ATOL Web Server: POST {url}/api/v2/requests `{ uuid, request: [task] }` (201 accepted, 409 the uuid
 * is known already: a resend after a crash, so we only read its result), then GET
 * {url}/api/v2/requests/{uuid} until the task is ready or failed.
 */
export function atolWebDriver(cfg: { url: string; timeoutMs?: number; pollMs?: number }): FiscalDriver {
  const base = cfg.url.replace(/\/+$/, '');
  const timeoutMs = cfg.timeoutMs ?? 30_000;
  const pollMs = cfg.pollMs ?? 500;
  return {
    name: 'atol-web',
    async send(uuid, doc) {
      let body: unknown;
      try {
        body = atolRequest(uuid, doc);
      } catch (e) {
        return { kind: 'rejected', error: `Документ не сходится / the document does not add up: ${(e as Error).message}` };
      }
      const deadline = Date.now() + timeoutMs;
      try {
        const posted = await http('POST', `${base}/api/v2/requests`, body, timeoutMs);
        if (posted.status !== 201 && posted.status !== 200 && posted.status !== 409) {
          return { kind: 'unavailable', error: `ATOL Web Server: HTTP ${posted.status}` };
        }
        while (Date.now() < deadline) {
          const r = await http('GET', `${base}/api/v2/requests/${encodeURIComponent(uuid)}`, undefined, Math.max(1, deadline - Date.now()));
          if (r.status === 200) {
            const o = atolOutcome(r.json);
            if (o.kind !== 'waiting') return o;
          } else if (r.status !== 404) {
            return { kind: 'unavailable', error: `ATOL Web Server: HTTP ${r.status}` };
          }
          await sleep(pollMs);
        }
        return { kind: 'unavailable', error: 'ATOL Web Server: нет ответа о результате / no result in time' };
      } catch (e) {
        return { kind: 'unavailable', error: `ATOL Web Server недоступен / unreachable: ${(e as Error).message}`.slice(0, 300) };
      }
    },
  };
}

export function fiscalDriver(cfg: FiscalConfig): FiscalDriver {
  if (cfg.driver === 'atol-web') {
    if (!cfg.url) throw new Error('VIZIT_FISCAL_URL is required with VIZIT_FISCAL_DRIVER=atol-web');
    return atolWebDriver({ url: cfg.url, timeoutMs: cfg.timeoutMs, pollMs: cfg.pollMs });
  }
  return noneDriver;
}
