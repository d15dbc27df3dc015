/**
 * `npm run backup [-- --out <folder>] [--with-key]`: an online backup of the database the server uses
 * (VIZIT_DATA_DIR/vizit.sqlite or DATABASE_URL) into <folder> (default <data dir>/backups).
 * The audit key goes into the backup only with --with-key.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ruCount, ruNumber } from '../../domain/ru-format.js';
import { createBackup } from '../../services/backup.service.js';
import { findAuditKey } from '../audit-key.js';
import { loadConfig } from '../config.js';

const USAGE = `Использование / usage: npm run backup [-- --out <папка / folder>] [--with-key]`;

async function main(): Promise<number> {
  let out: string | undefined;
  let withKey = false;
  try {
    const { values } = parseArgs({ options: { out: { type: 'string' }, 'with-key': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    out = values.out;
    withKey = !!values['with-key'];
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 64;
  }
  const config = loadConfig();
  try {
    const auditKey = findAuditKey(config)?.key;
    const { dir, manifest } = await createBackup({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, outDir: out && path.resolve(out), auditKey, withKey });
    const tables = Object.values(manifest.tables);
    const rows = tables.reduce((s, t) => s + t.rows, 0);
    const mb = manifest.file.bytes / 2 ** 20;
    console.log(
      `Резервная копия создана / backup written: ${dir}\n` +
        `  ${manifest.engine}, ${ruCount(tables.length, 'таблица', 'таблицы', 'таблиц')} / tables, ${ruCount(rows, 'строка', 'строки', 'строк')} / rows, ` +
        `${ruNumber(mb)} МБ / ${mb.toFixed(1)} MB, ${ruNumber(manifest.seconds)} с / ${manifest.seconds.toFixed(1)} s`,
    );
    console.log(
      manifest.keyFile
        ? `  Ключ журнала аудита — в копии (${manifest.keyFile}): берегите её как сам ключ / the audit key is inside (${manifest.keyFile}): guard the backup like the key`
        : '  Ключа журнала аудита в копии нет: для восстановления храните его отдельно (или --with-key) / the audit key is not inside: keep it apart to restore (or --with-key)',
    );
    return 0;
  } catch (e) {
    console.error(`Резервная копия НЕ создана / backup FAILED: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
