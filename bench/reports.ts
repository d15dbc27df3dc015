/**
 * The report rows alone, without the rest of `npm run bench`: `npx tsx bench/reports.ts [statistics] [calls]`
 * (both when none is named). Generates the same clinic-year (BENCH_QUICK, BENCH_ENGINE as for run.ts),
 * starts the app and prints the rows of the owner's dashboard (#14) and of the phone desk's reports (#10).
 */
import { callRows } from './calls.js';
import { loadBenchConfig } from './config.js';
import { openBenchDb } from './db.js';
import { formatTable, machine, type Row } from './report.js';
import { seedDataset } from './seed.js';
import { startServer, type Server } from './server.js';
import { statisticsRows } from './statistics.js';

const cfg = loadBenchConfig();
const picked = process.argv.slice(2);
const wants = (name: string) => !picked.length || picked.includes(name);
const log = (s: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
const rows: Row[] = [];

log(`engine ${cfg.engine}${cfg.quick ? ', quick' : ''}: generating the clinic`);
const bdb = await openBenchDb(cfg);
let app: Server | undefined;
try {
  const ds = await seedDataset(bdb.h, cfg);
  rows.push({ name: `generate: calls (${ds.counts.calls.toLocaleString('en-US')})`, metric: 's', value: ds.seconds.calls });
  app = await startServer({ mode: 'app', connect: bdb.connectOptions, now: cfg.now });
  if (wants('statistics')) {
    log('statistics dashboard');
    rows.push(...(await statisticsRows(cfg, app, bdb.h, ds)));
  }
  if (wants('calls')) {
    log('call conversion and the confirmation worklist');
    rows.push(...(await callRows(cfg, app, bdb.h, ds)));
  }
} finally {
  await app?.stop();
  await bdb.cleanup();
}
console.log(formatTable(machine(cfg.engine), `Vizit bench, report rows${cfg.quick ? ' (BENCH_QUICK)' : ''}`, rows));
process.exit(0);
