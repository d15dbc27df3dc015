import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  MANIFEST_FILE, MANIFEST_FORMAT, backupName, checkDataFile, compareSnapshot, fsyncPath, readManifest, sha256File, writeFileDurably,
  type Manifest, type Snapshot, type Verify,
} from './backup-manifest.js';
import { PG_DUMP_FILE, backupPostgres, restorePostgres } from './backup-postgres.js';
import { SQLITE_FILE, backupSqlite, restoreSqlite } from './backup-sqlite.js';
import { AUDIT_KEY_FILE, auditKeyId, parseAuditKey } from './audit-key.js';
import { verifyChain } from './repos/audit.repo.js';

export { NotEmptyError } from './backup-sqlite.js';
export { readManifest, type Manifest } from './backup-manifest.js';

export interface BackupOptions {
  /** SQLite: the folder of vizit.sqlite; also the parent of the default backup folder. */
  dataDir: string;
  /** postgres://… selects PostgreSQL. */
  databaseUrl?: string;
  /** SQLite file, when it is not <dataDir>/vizit.sqlite (the bench's dataset). */
  sqlitePath?: string;
  /** Where the backup folder goes; default <dataDir>/backups. */
  outDir?: string;
  now?: () => Date;
  /** The audit chain's key, when known: the manifest records its id (never the key). */
  auditKey?: Buffer;
  /** Put the key into the backup (audit.key, 0600): only on request, a copy with its key lets anyone re-sign the chain. */
  withKey?: boolean;
}

export interface BackupResult {
  dir: string;
  manifest: Manifest;
}

const isPostgres = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//.test(url);

/**
 * Writes one backup folder (the data file and manifest.json) while the app keeps serving.
 * Everything goes into a hidden ".…partial" folder first; the manifest is written last, then the
 * folder is renamed to its final UTC-timestamp name: a crash midway never leaves a backup that looks whole.
 */
export async function createBackup(o: BackupOptions): Promise<BackupResult> {
  const started = performance.now();
  if (o.withKey && !o.auditKey) throw new Error('Ключа журнала аудита нет — нечего класть в копию / no audit key to include');
  const now = (o.now ?? (() => new Date()))();
  const outDir = path.resolve(o.outDir ?? path.join(o.dataDir, 'backups'));
  fs.mkdirSync(outDir, { recursive: true });
  let name = backupName(now);
  for (let i = 2; fs.existsSync(path.join(outDir, name)); i++) name = `${backupName(now)}-${i}`;
  const tmpDir = path.join(outDir, `.${name}.partial-${randomBytes(4).toString('hex')}`);
  fs.mkdirSync(tmpDir);
  try {
    let snapshot: Snapshot;
    let fileName: string;
    let source: string;
    let schema: string | undefined;
    if (isPostgres(o.databaseUrl)) {
      fileName = PG_DUMP_FILE;
      const u = new URL(o.databaseUrl);
      u.password = '';
      source = u.toString();
      ({ snapshot, schema } = await backupPostgres(o.databaseUrl, path.join(tmpDir, fileName)));
    } else {
      fileName = SQLITE_FILE;
      source = path.resolve(o.sqlitePath ?? path.join(o.dataDir, SQLITE_FILE));
      snapshot = backupSqlite(source, path.join(tmpDir, fileName));
    }
    const dataFile = path.join(tmpDir, fileName);
    fsyncPath(dataFile);
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      engine: isPostgres(o.databaseUrl) ? 'postgres' : 'sqlite',
      createdAt: now.toISOString(),
      source,
      ...(schema !== undefined && { schema }),
      migrations: snapshot.migrations,
      file: { name: fileName, bytes: fs.statSync(dataFile).size, sha256: sha256File(dataFile) },
      tables: snapshot.tables,
      auditHeads: snapshot.auditHeads,
      ...(o.auditKey && { auditKeyId: auditKeyId(o.auditKey) }),
      ...(o.withKey && { keyFile: AUDIT_KEY_FILE }),
      seconds: Math.round(performance.now() - started) / 1000,
    };
    if (o.withKey && o.auditKey) writeFileDurably(path.join(tmpDir, AUDIT_KEY_FILE), o.auditKey.toString('hex') + '\n', 0o600);
    writeFileDurably(path.join(tmpDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
    fsyncPath(tmpDir);
    const dir = path.join(outDir, name);
    fs.renameSync(tmpDir, dir);
    fsyncPath(outDir);
    return { dir, manifest };
  } catch (e) {
    fs.rmSync(tmpDir, { recursive: true, force: true });
    throw e;
  }
}

export class VerificationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Проверка восстановленной базы не пройдена / verification of the restored database failed:\n  ${problems.join('\n  ')}`);
  }
}

export interface RestoreOptions {
  /** SQLite target: the data folder that will hold vizit.sqlite. */
  dataDir?: string;
  /** PostgreSQL target; the first schema of its search_path receives the data (default public). */
  databaseUrl?: string;
  /** Replace a target that already holds data. */
  force?: boolean;
  /** The audit chain's key (--key-file, or the target's VIZIT_AUDIT_KEY / audit.key); default: the one inside the backup. */
  auditKey?: Buffer;
}

export interface RestoreResult {
  engine: Manifest['engine'];
  target: string;
  tables: number;
  rows: number;
  auditEntries: number;
  seconds: number;
  /** Of seconds: the verification (integrity, counts, checksums, audit chain); the rest is loading. */
  verifySeconds: number;
  /** Whose key verified the chain: the one given, the one inside the backup, or none. */
  auditKeyFrom: 'given' | 'backup' | null;
  /** Clinics whose chain holds no keyed entry (a copy made before the key): verified as SHA-256 only. */
  unkeyedClinics: string[];
}

/**
 * Restores a backup into an empty target and proves it: integrity_check (SQLite), every table's
 * count and checksum against the manifest, each clinic's audit chain recomputed from the genesis.
 * Throws NotEmptyError, VerificationError or a plain Error; a failed restore leaves the target empty.
 */
export async function restoreBackup(backup: string, o: RestoreOptions): Promise<RestoreResult> {
  const started = performance.now();
  const { dir, manifest } = readManifest(path.resolve(backup));
  const dataFile = checkDataFile(dir, manifest);
  const bundled = manifest.keyFile ? parseAuditKey(fs.readFileSync(path.join(dir, manifest.keyFile), 'utf8'), manifest.keyFile) : undefined;
  const key = o.auditKey ?? bundled;
  // Before the target is touched: a keyed copy cannot be verified without its key.
  if (manifest.auditKeyId && !key) {
    throw new Error(
      'Журнал аудита копии подписан ключом: укажите его (--key-file, VIZIT_AUDIT_KEY или audit.key в папке данных) / ' +
        'the backup\'s audit chain is keyed: give its key (--key-file, VIZIT_AUDIT_KEY or audit.key in the data folder)',
    );
  }
  const unkeyedClinics: string[] = [];
  let auditEntries = 0;
  let verifySeconds = 0;
  const verify: Verify = async (db, integrityOf, snapshotOf) => {
    const v0 = performance.now();
    const integrity = integrityOf();
    const snapshot = await snapshotOf();
    const problems: string[] = [];
    if (integrity) problems.push(`integrity_check: ${integrity}`);
    problems.push(...compareSnapshot(manifest, snapshot));
    const clinics = new Set(Object.keys(manifest.auditHeads));
    if (snapshot.tables.clinics) for (const c of await db.selectFrom('clinics').select('id').execute()) clinics.add(c.id);
    if (manifest.auditKeyId && key && auditKeyId(key) !== manifest.auditKeyId) {
      problems.push('ключ аудита не тот, которым подписан журнал копии / the audit key is not the one the backup\'s chain is signed with');
    }
    for (const clinicId of [...clinics].sort()) {
      // A copy made before the key (no key id in its manifest) holds only SHA-256 entries: accepted
      // and named in the result. A keyed copy verifies as the app does: a keyless re-hash fails.
      const chain = await verifyChain(db, clinicId, { key, allowUnkeyed: !manifest.auditKeyId });
      auditEntries += chain.checked;
      if (!chain.ok) problems.push(`клиника ${clinicId}: цепочка аудита разорвана на записи ${chain.firstBrokenSeq} / clinic ${clinicId}: audit chain broken at entry ${chain.firstBrokenSeq}`);
      else if (chain.checked > 0 && chain.keyedFromSeq === null) unkeyedClinics.push(clinicId);
    }
    verifySeconds = (performance.now() - v0) / 1000;
    if (problems.length) throw new VerificationError(problems);
  };
  let target: string;
  if (manifest.engine === 'sqlite') {
    if (!o.dataDir) throw new Error('Укажите --to <папка данных> / give --to <data folder>');
    target = await restoreSqlite(dataFile, { dataDir: path.resolve(o.dataDir), force: !!o.force }, verify);
  } else {
    if (!isPostgres(o.databaseUrl)) throw new Error('Укажите --database-url postgres://… / give --database-url postgres://…');
    target = await restorePostgres(dataFile, manifest.schema ?? 'public', { url: o.databaseUrl, force: !!o.force }, verify);
  }
  const tables = Object.values(manifest.tables);
  return {
    engine: manifest.engine,
    target,
    tables: tables.length,
    rows: tables.reduce((s, t) => s + t.rows, 0),
    auditEntries,
    seconds: (performance.now() - started) / 1000,
    verifySeconds,
    auditKeyFrom: o.auditKey ? 'given' : bundled ? 'backup' : null,
    unkeyedClinics,
  };
}
