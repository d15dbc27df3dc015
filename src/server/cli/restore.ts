/**
 * `npm run restore -- <backup> [--to <data folder> | --database-url <url>] [--force]`: restores a
 * backup into an empty database and verifies it (counts, checksums, audit chain) before it is used.
 * Exit codes: 0 restored and verified, 2 the target is not empty, 3 verification failed, 1 other errors.
 */
import { parseArgs } from 'node:util';
import { ruCount, ruNumber } from '../../domain/ru-format.js';
import { NotEmptyError, VerificationError, readManifest, restoreBackup } from '../../services/backup.service.js';
import { ruDate } from '../../domain/dates.js';
import { loadConfig } from '../config.js';

const USAGE = 'Использование / usage: npm run restore -- <копия / backup> [--to <папка данных / data folder> | --database-url <url>] [--force]';

async function main(): Promise<number> {
  let args: { backup: string; to?: string; databaseUrl?: string; force: boolean };
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { to: { type: 'string' }, 'database-url': { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new Error('Укажите одну копию / give exactly one backup');
    args = { backup: positionals[0], to: values.to, databaseUrl: values['database-url'], force: !!values.force };
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 64;
  }
  const config = loadConfig();
  try {
    const { manifest } = readManifest(args.backup);
    if (manifest.engine === 'sqlite' ? args.databaseUrl : args.to) {
      throw new Error(`Копия ${manifest.engine}: ${manifest.engine === 'sqlite' ? 'нужен --to' : 'нужен --database-url'} / a ${manifest.engine} backup: use ${manifest.engine === 'sqlite' ? '--to' : '--database-url'}`);
    }
    // Without an explicit target, restore where the server would look: its data folder or DATABASE_URL.
    const r = await restoreBackup(args.backup, {
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
    return 0;
  } catch (e) {
    console.error(`Восстановление НЕ выполнено / restore FAILED: ${(e as Error).message}`);
    return e instanceof NotEmptyError ? 2 : e instanceof VerificationError ? 3 : 1;
  }
}

process.exitCode = await main();
