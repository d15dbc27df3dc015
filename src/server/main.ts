import path from 'node:path';
import { connect } from '../db/connect.js';
import { migrate } from '../db/migrations/index.js';
import { bootstrap } from '../services/bootstrap.service.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { ROLE_LABELS } from '../domain/roles.js';

const started = Date.now();
const config = loadConfig();
const h = connect({ databaseUrl: config.databaseUrl, sqlitePath: path.join(config.dataDir, 'vizit.sqlite') });
const applied = await migrate(h);
const boot = await bootstrap(h, { demo: config.demo, ownerPassword: config.ownerPassword, now: new Date() });
const app = await buildApp({
  h,
  cookieSecure: config.cookieSecure,
  trustProxy: config.trustProxy,
  webDir: config.webDir,
  logger: { level: config.logLevel },
});
await app.listen({ port: config.port, host: config.host });

const lines = [
  '',
  `Vizit: http://localhost:${config.port}  (${h.dialect}: ${h.location})`,
  applied.length ? `Миграции применены / migrations applied: ${applied.join(', ')}` : '',
];
if (boot.kind === 'demo') {
  lines.push('Демо-клиника создана / demo clinic created. Входы / logins:');
  for (const l of boot.logins) lines.push(`  ${l.login.padEnd(10)} ${l.password}   ${ROLE_LABELS[l.role].ru.padEnd(22)} ${l.fullName}`);
} else if (boot.kind === 'owner') {
  lines.push(`Владелец / owner: login "${boot.login}"` + (boot.password ? `, одноразовый пароль / one-time password: ${boot.password}` : ' (пароль из VIZIT_OWNER_PASSWORD)'));
}
lines.push(`Готово за / ready in ${((Date.now() - started) / 1000).toFixed(1)} s`, '');
console.log(lines.filter((l) => l !== '').join('\n'));

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, async () => {
    await app.close();
    await h.close();
    process.exit(0);
  });
}
