/**
 * Backup and restore as use cases: the CLI (`npm run backup`, `npm run restore`) and anything that
 * later starts a backup (a scheduler, an owner's button) call these, never src/db/backup*.ts directly.
 * Thin on purpose: making the copy, its manifest and proving a restore are storage work and stay in
 * src/db; this is the seam where a use case adds its own steps (audit, notifications) without the
 * callers changing.
 */
import * as store from '../db/backup.js';
import type { BackupOptions, BackupResult, Manifest, RestoreOptions, RestoreResult } from '../db/backup.js';

export { NotEmptyError, VerificationError } from '../db/backup.js';
export type { BackupOptions, BackupResult, Manifest, RestoreOptions, RestoreResult };

/**
 * An online backup of the database into a new folder (data file and manifest.json) while the app
 * keeps serving; see src/db/backup.ts for how a crash midway never leaves a backup that looks whole.
 */
export function createBackup(o: BackupOptions): Promise<BackupResult> {
  return store.createBackup(o);
}

/** The manifest of a backup (its folder or manifest.json), checked for completeness and format. */
export function readManifest(backup: string): { dir: string; manifest: Manifest } {
  return store.readManifest(backup);
}

/**
 * Restores a backup into an empty target and verifies it (counts, checksums, audit chain) before
 * it is used. Throws NotEmptyError, VerificationError or a plain Error; a failed restore leaves the
 * target empty.
 */
export function restoreBackup(backup: string, o: RestoreOptions): Promise<RestoreResult> {
  return store.restoreBackup(backup, o);
}
