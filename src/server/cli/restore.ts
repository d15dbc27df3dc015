/**
 * `npm run restore -- <backup> [--to <data folder> | --database-url <url>] [--force] [--key-file <file>]`: restores a
 * backup into an empty database and verifies it (counts, checksums, audit chain) before it is used.
 * The audit key: --key-file, else the one inside a backup made with --with-key, else the target's
 * (VIZIT_AUDIT_KEY, audit.key in the target data folder, then in the server's).
 * Exit codes: 0 restored and verified, 2 the target is not empty, 3 verification failed, 1 other errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AUDIT_KEY_FILE } from '../../db/audit-key.js';
import { ruCount, ruNumber } from '../../domain/ru-format.js';
import { NotEmptyError, VerificationError, readManifest, restoreBackup } from '../../services/backup.service.js';
import { ruDate } from '../../domain/dates.js';
import { findAuditKey, readAuditKeyFile, writeAuditKeyFile } from '../audit-key.js';
import { loadConfig } from '../config.js';

const USAGE = 'Использование / usage: npm run restore -- <копия / backup> [--to <папка данных / data folder> | --database-url <url>] [--force] [--key-file <ключ / key>]';

async function main(): Promise<number> {
  let args: { backup: string; to?: string; databaseUrl?: string; force: boolean; keyFile?: string };
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        to: { type: 'string' }, 'database-url': { type: 'string' }, force: { type: 'boolean' }, 'key-file': { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new Error('Укажите одну копию / give exactly one backup');
    args = { backup: positionals[0], to: values.to, databaseUrl: values['database-url'], force: !!values.force, keyFile: values['key-file'] };
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 64;
  }
  const config = loadConfig();
  try {
    const { dir, manifest } = readManifest(args.backup);
    if (manifest.engine === 'sqlite' ? args.databaseUrl : args.to) {
      throw new Error(`Копия ${manifest.engine}: ${manifest.engine === 'sqlite' ? 'нужен --to' : 'нужен --database-url'} / a ${manifest.engine} backup: use ${manifest.engine === 'sqlite' ? '--to' : '--database-url'}`);
    }
    // The folder the restored server will read its key from; a PostgreSQL server has one too.
    const targetDir = path.resolve(manifest.engine === 'sqlite' ? (args.to ?? config.dataDir) : config.dataDir);
    const targetKey = findAuditKey({ auditKey: config.auditKey, dataDir: targetDir });
    const auditKey = args.keyFile
      ? readAuditKeyFile(args.keyFile)
      : manifest.keyFile
        ? readAuditKeyFile(path.join(dir, manifest.keyFile))
        : (targetKey ?? findAuditKey({ auditKey: undefined, dataDir: config.dataDir }))?.key;
    // Without an explicit target, restore where the server would look: its data folder or DATABASE_URL.
    const r = await restoreBackup(args.backup, {
      auditKey,
      dataDir: manifest.engine === 'sqlite' ? (args.to ?? config.dataDir) : undefined,
      databaseUrl: manifest.engine === 'postgres' ? (args.databaseUrl ?? config.databaseUrl) : undefined,
      force: args.force,
    });
    console.log(
      `Восстановлено и проверено / restored and verified: ${r.target}\n` +
        `  ${ruCount(r.tables, 'таблица', 'таблицы', 'таблиц')} / tables, ${ruCount(r.rows, 'строка', 'строки', 'строк')} / rows: ` +
        `количество и контрольные суммы совпали / counts and checksums match; ` +
        `цепочка аудита цела / audit chain intact (${r.auditEntries.toLocaleString('ru-RU')}); ${ruNumber(r.seconds)} с / ${r.seconds.toFixed(1)} s`,
    );
    // 152-FZ art. 21: a destruction done after the copy was taken is undone by restoring it.
    const acts = manifest.tables.pd_destructions?.rows ?? 0;
    const [d, tm] = manifest.createdAt.split('T');
    const takenRu = `${ruDate(d)} ${tm.slice(0, 5)} UTC`;
    console.log(
      `Копия снята ${takenRu}; актов об уничтожении ПД в ней: ${acts}. Персональные данные, уничтоженные позже, ` +
        `восстановлены вместе с копией — повторите уничтожение по актам после этой даты (npm run retention -- destroy …).\n` +
        `The copy was taken at ${manifest.createdAt} and holds ${acts} destruction act(s). Personal data destroyed after that ` +
        `came back with it: repeat those destructions from the later acts (npm run retention -- destroy …).`,
    );
    if (r.unkeyedClinics.length) {
      console.log(
        `ВНИМАНИЕ: журнал аудита клиники ${r.unkeyedClinics.join(', ')} без ключа (копия прежней версии): проверен только SHA-256; запечатайте его: npm run audit-seal\n` +
          `WARNING: clinic ${r.unkeyedClinics.join(', ')}'s audit chain has no keyed entry (a copy of the version before the key): only SHA-256 verified; seal it: npm run audit-seal`,
      );
    }
    // The restored server must continue the chain with the key that signed it.
    const keyFile = path.join(targetDir, AUDIT_KEY_FILE);
    if (auditKey && !targetKey?.key.equals(auditKey)) {
      if (!targetKey) {
        fs.mkdirSync(targetDir, { recursive: true });
        writeAuditKeyFile(keyFile, auditKey);
        console.log(`Ключ журнала аудита записан / audit key written: ${keyFile} (0600)`);
      } else {
        console.log(
          `ВНИМАНИЕ: у сервера другой ключ аудита (${targetKey?.source}); с ним он не запустится — поставьте ключ копии / ` +
            `WARNING: the server has another audit key (${targetKey?.source}) and will refuse to start with it: put the backup's key in its place`,
        );
      }
    }
    return 0;
  } catch (e) {
    console.error(`Восстановление НЕ выполнено / restore FAILED: ${(e as Error).message}`);
    return e instanceof NotEmptyError ? 2 : e instanceof VerificationError ? 3 : 1;
  }
}

process.exitCode = await main();
