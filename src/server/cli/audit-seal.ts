/**
 * `npm run audit-seal`: starts the key epoch of audit chains that hold only SHA-256 entries (a
 * database of the version before the key, when the key came from VIZIT_AUDIT_KEY rather than a
 * newly created key file, or a restored old copy). Each chain is first verified as SHA-256; a
 * broken one is not sealed. Run it by hand, once, after checking the log: the server never seals
 * on its own except at the start that creates the key file (see checkAuditKey for why).
 * Exit codes: 0 done, 1 a chain broken or signed with another key.
 */
import path from 'node:path';
import { connect } from '../../db/connect.js';
import { checkAuditKey } from '../../services/audit.service.js';
import { loadAuditKey } from '../audit-key.js';
import { loadConfig } from '../config.js';

const config = loadConfig();
const key = loadAuditKey(config);
const h = connect({ databaseUrl: config.databaseUrl, sqlitePath: path.join(config.dataDir, 'vizit.sqlite'), auditKey: key.key });
try {
  const r = await checkAuditKey(h, { seal: true, now: new Date() });
  for (const c of r.sealed) console.log(`Журнал аудита клиники ${c} защищён ключом (${key.source}) / clinic ${c}'s audit chain keyed (${key.source})`);
  for (const c of r.brokenBeforeKey) console.error(`Журнал аудита клиники ${c} нарушен — не запечатан / clinic ${c}'s audit chain is broken — not sealed`);
  for (const c of r.foreign) console.error(`Журнал аудита клиники ${c} подписан другим ключом / clinic ${c}'s audit chain is signed with another key`);
  if (!r.sealed.length && !r.brokenBeforeKey.length && !r.foreign.length) console.log('Запечатывать нечего / nothing to seal');
  process.exitCode = r.brokenBeforeKey.length || r.foreign.length ? 1 : 0;
} finally {
  await h.close();
}
