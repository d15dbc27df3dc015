import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db, Dialect } from './connect.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'vizit-backup/1';

export interface TableSum {
  rows: number;
  /** SHA-256 over the canonical rows in primary-key order, see RowHasher. */
  sha256: string;
  /** Sorted column names: the order values take in the canonical row. */
  columns: string[];
  primaryKey: string[];
}

export interface AuditHead {
  seq: number;
  hash: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  engine: Dialect;
  createdAt: string;
  /** SQLite: the source file; PostgreSQL: the URL without password. */
  source: string;
  /** PostgreSQL: the schema that was dumped (the app's current_schema()). */
  schema?: string;
  migrations: string[];
  file: { name: string; bytes: number; sha256: string };
  tables: Record<string, TableSum>;
  auditHeads: Record<string, AuditHead>;
  /** auditKeyId() of the key the chain is signed with, when the backup knew it. */
  auditKeyId?: string;
  /** The key file inside the backup folder: only in a backup made with --with-key. */
  keyFile?: string;
  seconds: number;
}

/** What one snapshot holds: the part of the manifest that a restore must reproduce. */
export interface Snapshot {
  migrations: string[];
  tables: Record<string, TableSum>;
  auditHeads: Record<string, AuditHead>;
}

/** Checks a restored database; integrity and snapshot are read lazily so the caller can time the whole check. */
export type Verify = (db: Db, integrity: () => string | null, snapshot: () => Snapshot | Promise<Snapshot>) => Promise<void>;

/**
 * Values as the app sees them through connect(): SQLite returns text/number/null, the pg parsers
 * turn instants into the same ISO strings and bigints into numbers, so one database gives the
 * same checksums on either engine. Anything else is made explicit rather than silently dropped.
 */
function canonicalValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return v.toISOString();
  if (Buffer.isBuffer(v)) return { b64: v.toString('base64') };
  return JSON.stringify(v);
}

/** One line of JSON per row (values in sorted-column order), hashed in primary-key order. */
export class RowHasher {
  private hash = createHash('sha256');
  rows = 0;
  constructor(readonly columns: string[]) {}

  addValues(values: readonly unknown[]) {
    this.hash.update(JSON.stringify(values.map(canonicalValue)));
    this.hash.update('\n');
    this.rows++;
  }

  addObject(row: Record<string, unknown>) {
    this.addValues(this.columns.map((c) => row[c]));
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

export function sha256File(file: string): string {
  const h = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      h.update(buf.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}

/** Flushes a file or directory entry to disk, so that a rename after it is durable. */
export function fsyncPath(p: string) {
  const fd = fs.openSync(p, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function writeFileDurably(file: string, text: string, mode?: number) {
  const fd = fs.openSync(file, 'w', mode);
  try {
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A backup is a folder holding the data file and manifest.json; accept the folder or the manifest itself. */
export function readManifest(backup: string): { dir: string; manifest: Manifest } {
  const dir = path.basename(backup) === MANIFEST_FILE ? path.dirname(backup) : backup;
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) {
    throw new Error(`Нет манифеста — копия не завершена или это не копия Vizit: ${file} / no manifest: an unfinished backup or not a Vizit backup`);
  }
  let m: Manifest;
  try {
    m = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  } catch (e) {
    throw new Error(`Манифест не читается / manifest is not valid JSON: ${file}: ${(e as Error).message}`);
  }
  const ok =
    m && m.format === MANIFEST_FORMAT && (m.engine === 'sqlite' || m.engine === 'postgres') && Array.isArray(m.migrations) &&
    m.file && typeof m.file.name === 'string' && typeof m.file.sha256 === 'string' && m.tables && typeof m.tables === 'object' &&
    m.auditHeads && typeof m.auditHeads === 'object' && !m.file.name.includes('/') && !m.file.name.includes('\\') &&
    (m.keyFile === undefined || (typeof m.keyFile === 'string' && !m.keyFile.includes('/') && !m.keyFile.includes('\\')));
  if (!ok) throw new Error(`Манифест неполон или неизвестного формата / manifest is incomplete or of an unknown format: ${file}`);
  return { dir, manifest: m };
}

/** Checks the data file against the manifest before anything touches the target. */
export function checkDataFile(dir: string, m: Manifest): string {
  const file = path.join(dir, m.file.name);
  if (!fs.existsSync(file)) throw new Error(`Нет файла данных / data file missing: ${file}`);
  const bytes = fs.statSync(file).size;
  if (bytes !== m.file.bytes || sha256File(file) !== m.file.sha256) {
    throw new Error(`Файл копии повреждён: размер или SHA-256 не совпадают с манифестом / backup file corrupted: size or SHA-256 differs from the manifest: ${file}`);
  }
  return file;
}

/** Every difference between what the manifest promises and what the restored database holds. */
export function compareSnapshot(expected: Snapshot, actual: Snapshot): string[] {
  const problems: string[] = [];
  const exp = Object.keys(expected.tables).sort();
  const act = Object.keys(actual.tables).sort();
  for (const t of exp.filter((t) => !act.includes(t))) problems.push(`таблицы ${t} нет / table ${t} missing`);
  for (const t of act.filter((t) => !exp.includes(t))) problems.push(`лишняя таблица ${t} / unexpected table ${t}`);
  for (const t of exp.filter((t) => act.includes(t))) {
    const e = expected.tables[t];
    const a = actual.tables[t];
    if (e.columns.join(',') !== a.columns.join(',')) problems.push(`таблица ${t}: столбцы различаются / table ${t}: columns differ`);
    if (e.rows !== a.rows) problems.push(`таблица ${t}: строк ${a.rows}, в манифесте ${e.rows} / table ${t}: ${a.rows} rows, manifest says ${e.rows}`);
    else if (e.sha256 !== a.sha256) problems.push(`таблица ${t}: контрольная сумма не совпадает / table ${t}: checksum differs`);
  }
  if (expected.migrations.join(',') !== actual.migrations.join(',')) problems.push('миграции различаются / migrations differ');
  const clinics = new Set([...Object.keys(expected.auditHeads), ...Object.keys(actual.auditHeads)]);
  for (const c of clinics) {
    const e = expected.auditHeads[c];
    const a = actual.auditHeads[c];
    if (!e || !a || e.seq !== a.seq || e.hash !== a.hash) problems.push(`клиника ${c}: вершина журнала аудита другая / clinic ${c}: audit chain head differs`);
  }
  return problems;
}

/** "vizit-2026-11-23T09-00-00-123Z": sortable, UTC, no characters that some file systems refuse. */
export function backupName(now: Date): string {
  return `vizit-${now.toISOString().replace(/[:.]/g, '-')}`;
}
