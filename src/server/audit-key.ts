import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AUDIT_KEY_FILE, parseAuditKey } from '../db/audit-key.js';

export interface AuditKey {
  key: Buffer;
  /** Where it came from, for the start-up line (never the key itself). */
  source: 'VIZIT_AUDIT_KEY' | string;
  /** True only at the start that created the key file: the moment an older chain gets its key epoch. */
  created: boolean;
}

export function readAuditKeyFile(file: string): Buffer {
  return parseAuditKey(fs.readFileSync(file, 'utf8'), file);
}

/** Writes the key readable by its owner only, durably; never replaces an existing file (link fails on EEXIST). */
export function writeAuditKeyFile(file: string, key: Buffer): boolean {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fs.fchmodSync(fd, 0o600);
    fs.writeFileSync(fd, key.toString('hex') + '\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  const dir = fs.openSync(path.dirname(file), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
  return true;
}

/**
 * The audit chain's HMAC key, kept outside the database: VIZIT_AUDIT_KEY (already parsed by
 * loadConfig), else <data folder>/audit.key, created at the first start (32 random bytes, mode
 * 0600). The data folder rule holds on PostgreSQL too: every server has one. Several app servers
 * on one PostgreSQL database must share one key (the same VIZIT_AUDIT_KEY, or a copy of the file);
 * the start-up check refuses a key that did not write the chain's newest entry.
 */
export function loadAuditKey(c: { auditKey: Buffer | undefined; dataDir: string }): AuditKey {
  const found = findAuditKey(c);
  if (found) return found;
  const file = path.join(c.dataDir, AUDIT_KEY_FILE);
  fs.mkdirSync(c.dataDir, { recursive: true });
  // Two servers starting at once on one data folder: the second link fails and both use the first key.
  const created = writeAuditKeyFile(file, randomBytes(32));
  return { key: readAuditKeyFile(file), source: file, created };
}

/** The key as loadAuditKey would find it, without creating one (backup and restore never do). */
export function findAuditKey(c: { auditKey: Buffer | undefined; dataDir: string }): AuditKey | undefined {
  if (c.auditKey) return { key: c.auditKey, source: 'VIZIT_AUDIT_KEY', created: false };
  const file = path.join(c.dataDir, AUDIT_KEY_FILE);
  if (fs.existsSync(file)) return { key: readAuditKeyFile(file), source: file, created: false };
  return undefined;
}
