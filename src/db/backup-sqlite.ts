import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { RowHasher, fsyncPath, type Snapshot, type TableSum, type Verify } from './backup-manifest.js';
import type { Database as Schema } from './schema.js';

export const SQLITE_FILE = 'vizit.sqlite';

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Counts and checksums of every table, read in primary-key order (plain byte order for text, as PostgreSQL's "C"). */
export function sqliteSnapshot(db: Database.Database): Snapshot {
  const names = (db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`).all() as { name: string }[]).map((r) => r.name);
  const tables: Record<string, TableSum> = {};
  for (const name of names) {
    const info = db.prepare(`pragma table_info(${q(name)})`).all() as { name: string; pk: number }[];
    const columns = info.map((c) => c.name).sort();
    const primaryKey = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const order = (primaryKey.length ? primaryKey : columns).map(q).join(', ');
    const hasher = new RowHasher(columns);
    const stmt = db.prepare(`select ${columns.map(q).join(', ')} from ${q(name)} order by ${order}`).raw(true);
    for (const row of stmt.iterate() as Iterable<unknown[]>) hasher.addValues(row);
    tables[name] = { rows: hasher.rows, sha256: hasher.digest(), columns, primaryKey };
  }
  const migrations = names.includes('kysely_migration')
    ? (db.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name)
    : [];
  const auditHeads: Snapshot['auditHeads'] = {};
  if (names.includes('audit_heads')) {
    for (const r of db.prepare('select clinic_id, seq, hash from audit_heads order by clinic_id').all() as { clinic_id: string; seq: number; hash: string }[]) {
      auditHeads[r.clinic_id] = { seq: r.seq, hash: r.hash };
    }
  }
  return { migrations, tables, auditHeads };
}

function integrityOk(db: Database.Database): string | null {
  const rows = db.prepare('pragma integrity_check').all() as { integrity_check: string }[];
  return rows.length === 1 && rows[0].integrity_check === 'ok' ? null : rows.slice(0, 5).map((r) => r.integrity_check).join('; ');
}

/**
 * Online copy of the live database into dest with VACUUM INTO: it reads inside one read
 * transaction, so under WAL the app keeps writing and the copy is one consistent snapshot.
 * (The backup API restarts whenever another process writes, which under a steady load can mean never.)
 *
 * The manifest is computed from the finished copy, not from the live file: the copy IS the
 * snapshot, so its counts and checksums describe exactly what a restore brings back, and reading
 * it proves the copy is whole (integrity_check) before it is published.
 */
export function backupSqlite(source: string, dest: string): Snapshot {
  if (!fs.existsSync(source)) throw new Error(`База данных не найдена / database not found: ${source}`);
  const live = new Database(source, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 10000');
    live.prepare('vacuum into ?').run(dest);
  } finally {
    live.close();
  }
  const copy = new Database(dest, { fileMustExist: true });
  try {
    // A single self-contained file: no -wal beside it to lose; the server switches back to WAL on open.
    copy.pragma('journal_mode = DELETE');
    const bad = integrityOk(copy);
    if (bad) throw new Error(`Копия не прошла integrity_check / the copy failed integrity_check: ${bad}`);
    return sqliteSnapshot(copy);
  } finally {
    copy.close();
  }
}

/** Holds tables (or is not a database at all): restoring over it would lose data. */
function hasData(file: string): boolean {
  if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) return true;
  if (!fs.existsSync(file)) return false;
  if (fs.statSync(file).size === 0) return false;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare(`select count(*) as n from sqlite_master where type = 'table'`).get() as { n: number }).n > 0;
    } finally {
      db.close();
    }
  } catch {
    return true;
  }
}

export interface SqliteRestoreTarget {
  dataDir: string;
  force: boolean;
}

/**
 * Copies the backup file next to the target, checks it there (integrity, the manifest, the audit
 * chain through verify) and only then renames it into place: a failed restore leaves the target as it was.
 */
export async function restoreSqlite(
  dataFile: string,
  target: SqliteRestoreTarget,
  verify: Verify,
): Promise<string> {
  fs.mkdirSync(target.dataDir, { recursive: true });
  const finalFile = path.join(target.dataDir, SQLITE_FILE);
  if (!target.force && hasData(finalFile)) {
    throw new NotEmptyError(finalFile);
  }
  const tmp = path.join(target.dataDir, `.${SQLITE_FILE}.restoring-${randomBytes(4).toString('hex')}`);
  const removeTmp = () => {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) fs.rmSync(f, { force: true });
  };
  try {
    // The backup file is not live, so a plain copy is exact.
    fs.copyFileSync(dataFile, tmp);
    fsyncPath(tmp);
    const native = new Database(tmp, { fileMustExist: true });
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: native }) });
    try {
      await verify(db, () => integrityOk(native), () => sqliteSnapshot(native));
    } finally {
      await db.destroy();
    }
    for (const f of [`${finalFile}-wal`, `${finalFile}-shm`, `${finalFile}-journal`]) fs.rmSync(f, { force: true });
    fs.renameSync(tmp, finalFile);
    fsyncPath(target.dataDir);
  } catch (e) {
    removeTmp();
    throw e;
  }
  return finalFile;
}

export class NotEmptyError extends Error {
  constructor(readonly target: string) {
    super(
      `Цель восстановления не пуста: ${target}. Восстановление пишет только в пустую базу; добавьте --force, чтобы заменить её содержимое. / ` +
        `The restore target is not empty: ${target}. Restore writes only into an empty database; add --force to replace its contents.`,
    );
  }
}
