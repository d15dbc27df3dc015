import path from 'node:path';
import { parseAuditKey } from '../db/audit-key.js';
import type { FiscalConfig } from '../services/fiscal-drivers.js';

/** Everything the server reads from the environment, read in this one place. */
export interface Config {
  port: number;
  host: string;
  /** Reachable beyond this machine: a non-loopback HOST, or behind a reverse proxy (the demo then makes its published passwords be changed). */
  exposed: boolean;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  ownerPassword: string | undefined;
  cookieSecure: boolean;
  trustProxy: boolean;
  logLevel: string;
  webDir: string;
  /** VIZIT_AUDIT_KEY (hex): the audit chain's HMAC key; unset: the key file in dataDir (see server/audit-key.ts). */
  auditKey: Buffer | undefined;
  /** The online cash register (54-FZ): VIZIT_FISCAL_DRIVER none (default: receipts wait in the outbox) | atol-web, VIZIT_FISCAL_URL. */
  fiscal: FiscalConfig;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.VIZIT_DATA_DIR ?? './data');
  // Loopback unless chosen: a plain start must not publish the demo clinic to the clinic's network.
  const host = env.HOST || '127.0.0.1';
  const trustProxy = env.VIZIT_TRUST_PROXY === '1';
  return {
    port: Number(env.PORT ?? 3000),
    host,
    // Behind a reverse proxy the loopback address says nothing about who can reach the server.
    exposed: !isLoopbackHost(host) || trustProxy,
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    demo: env.VIZIT_DEMO !== '0',
    ownerPassword: env.VIZIT_OWNER_PASSWORD || undefined,
    cookieSecure: env.VIZIT_COOKIE_SECURE === '1',
    trustProxy,
    logLevel: env.LOG_LEVEL ?? 'info',
    webDir: path.resolve(env.VIZIT_WEB_DIR ?? './dist/web'),
    auditKey: env.VIZIT_AUDIT_KEY ? parseAuditKey(env.VIZIT_AUDIT_KEY, 'VIZIT_AUDIT_KEY') : undefined,
    fiscal: fiscalConfig(env),
  };
}

/** Whether a listen address is reachable from this machine only (the demo may keep its published passwords there). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** VIZIT_FISCAL_DRIVER (none | atol-web) and VIZIT_FISCAL_URL; an unknown driver or atol-web without a URL stops the start. */
export function fiscalConfig(env: NodeJS.ProcessEnv): FiscalConfig {
  const driver = env.VIZIT_FISCAL_DRIVER || 'none';
  if (driver !== 'none' && driver !== 'atol-web') throw new Error(`VIZIT_FISCAL_DRIVER: none or atol-web, not "${driver}"`);
  const url = env.VIZIT_FISCAL_URL || undefined;
  if (driver === 'atol-web' && (!url || !/^https?:\/\//.test(url))) throw new Error('VIZIT_FISCAL_URL (http://host:port of ATOL Web Server) is required with VIZIT_FISCAL_DRIVER=atol-web');
  return { driver, url };
}
