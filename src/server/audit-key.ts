import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The key file's name, in the data folder and in a backup made with --with-key. */
export const AUDIT_KEY_FILE = 'audit.key';

export interface AuditKey {
  key: Buffer;
  /** Where it came from, for the start-up line (never the key itself). */
  source: 'VIZIT_AUDIT_KEY' | string;
  /** True only at the start that created the key file: the moment an older chain gets its key epoch. */
  created: boolean;
}

/** 32 random bytes or more, written as hex: the form of the key file and of VIZIT_AUDIT_KEY. */
export function parseAuditKey(text: string, where: string): Buffer {
  const hex = text.trim();
  if (!/^([0-9a-fA-F]{2}){32,}$/.test(hex)) {
    throw new Error(`${where}: ключ аудита — не менее 64 шестнадцатеричных знаков (32 байта) / the audit key must be at least 64 hex digits (32 bytes)`);
  }
  return Buffer.from(hex, 'hex');
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
  if (c.auditKey) return { key: c.auditKey, source: 'VIZIT_AUDIT_KEY', created: false };
  const file = path.join(c.dataDir, AUDIT_KEY_FILE);
  if (fs.existsSync(file)) return { key: readAuditKeyFile(file), source: file, created: false };
  fs.mkdirSync(c.dataDir, { recursive: true });
  // Two servers starting at once on one data folder: the second link fails and both use the first key.
  const created = writeAuditKeyFile(file, randomBytes(32));
  return { key: readAuditKeyFile(file), source: file, created };
}
