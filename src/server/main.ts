import path from 'node:path';
import { connect } from '../db/connect.js';
import { migrate } from '../db/migrations/index.js';
import { bootstrap } from '../services/bootstrap.service.js';
import { checkAuditKey } from '../services/audit.service.js';
import { loadAuditKey } from './audit-key.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { startFiscalWorker } from '../services/fiscal-dispatch.service.js';
import { fiscalDriver } from '../services/fiscal-drivers.js';
import { startMessageWorker } from '../services/message-dispatch.service.js';
import { ROLE_LABELS } from '../domain/roles.js';

const started = Date.now();
const config = loadConfig();
const auditKey = loadAuditKey(config);
const h = connect({ databaseUrl: config.databaseUrl, sqlitePath: path.join(config.dataDir, 'vizit.sqlite'), auditKey: auditKey.key });
const applied = await migrate(h);
const audit = await checkAuditKey(h, { seal: auditKey.created, now: new Date() });
if (audit.foreign.length) {
  console.error(
    `Ключ аудита (${auditKey.source}) не тот, которым подписана последняя запись журнала клиники ${audit.foreign.join(', ')}: ` +
      'укажите прежний ключ (VIZIT_AUDIT_KEY или файл audit.key из папки данных, у всех серверов один) или проверьте журнал — запись могли изменить.\n' +
      `The audit key (${auditKey.source}) did not sign the newest audit entry of clinic ${audit.foreign.join(', ')}: ` +
      'give the previous key (VIZIT_AUDIT_KEY or the data folder\'s audit.key, the same on every server) or check the log — the entry may have been altered.',
  );
  await h.close();
  process.exit(1);
}
const exposed = config.exposed;
const boot = await bootstrap(h, { demo: config.demo, ownerPassword: config.ownerPassword, now: new Date(), exposed });
const app = await buildApp({
  h,
  cookieSecure: config.cookieSecure,
  trustProxy: config.trustProxy,
  webDir: config.webDir,
  logger: { level: config.logLevel },
  fiscalDriver: config.fiscal.driver,
});
// Every app server sends waiting receipts; the outbox claim keeps one receipt from being sent twice.
const fiscalWorker = startFiscalWorker(h, fiscalDriver(config.fiscal), 5_000, (e) => app.log.error(e, 'fiscal dispatch failed'));
// E-mails and SMS of mailings and reminders: the same claim keeps one message from being sent twice.
const messageWorker = startMessageWorker(h, `http://localhost:${config.port}`, 30_000, (e) => app.log.error(e, 'message dispatch failed'));
await app.listen({ port: config.port, host: config.host });

const lines = [
  '',
  `Vizit: http://localhost:${config.port}  (${h.dialect}: ${h.location})`,
  exposed
    ? `Открыт в сеть (HOST=${config.host}${config.trustProxy ? ', через прокси' : ''}) / reachable from the network`
    : `Только с этого компьютера (HOST=${config.host}; HOST=0.0.0.0 — для сети клиники) / this machine only (HOST=0.0.0.0 for the clinic network)`,
  applied.length ? `Миграции применены / migrations applied: ${applied.join(', ')}` : '',
];
if (boot.kind === 'demo') {
  lines.push('Демо-клиника создана / demo clinic created. Входы / logins:');
  for (const l of boot.logins) lines.push(`  ${l.login.padEnd(10)} ${l.password}   ${ROLE_LABELS[l.role].ru.padEnd(22)} ${l.fullName}`);
} else if (boot.kind === 'owner') {
  lines.push(`Владелец / owner: login "${boot.login}"` + (boot.password ? `, одноразовый пароль / one-time password: ${boot.password}` : ' (пароль из VIZIT_OWNER_PASSWORD)'));
}
if (boot.mustChangePassword.length) {
  lines.push(
    `Демо-клиника открыта в сеть: опубликованные пароли входов ${boot.mustChangePassword.join(', ')} нужно сменить при первом входе / ` +
      'demo clinic exposed to the network: these logins must change their published passwords at first sign-in',
  );
}
if (auditKey.created) lines.push(`Ключ журнала аудита создан / audit key created: ${auditKey.source} — храните копию отдельно от резервных копий / keep a copy apart from the backups`);
if (audit.sealed.length) lines.push(`Журнал аудита защищён ключом с этого запуска / audit chain keyed from now on: ${audit.sealed.join(', ')}`);
for (const c of audit.unkeyed) lines.push(`ВНИМАНИЕ: журнал аудита клиники ${c} ещё без ключа — npm run audit-seal / WARNING: clinic ${c}'s audit chain is not keyed yet — npm run audit-seal`);
for (const c of audit.brokenBeforeKey) lines.push(`ВНИМАНИЕ: журнал аудита клиники ${c} нарушен и не защищён ключом / WARNING: clinic ${c}'s audit chain is broken and was not keyed`);
lines.push(`Готово за / ready in ${((Date.now() - started) / 1000).toFixed(1)} s`, '');
console.log(lines.filter((l) => l !== '').join('\n'));

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, async () => {
    await fiscalWorker.stop();
    await messageWorker.stop();
    await app.close();
    await h.close();
    process.exit(0);
  });
}
