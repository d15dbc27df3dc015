/**
 * `npm run retention -- <command>`: destruction of patients' personal data (152-FZ art. 21) from
 * the command line, for the person responsible for personal data (owner or chief doctor).
 *
 *   due                                   patients whose retention period has ended
 *   destroy --card N --reason R --basis "…" --by LOGIN
 *                                         destroy one patient's data (R: consent_withdrawn,
 *                                         subject_request, unlawful, purpose_achieved)
 *   run --by LOGIN                        destroy everything due, erase names from acts past 3 years
 *   acts                                  the register of destruction acts
 *
 * Uses the same database as the server (DATABASE_URL or VIZIT_DATA_DIR/vizit.sqlite).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { connect } from '../../db/connect.js';
import { migrate } from '../../db/migrations/index.js';
import { DomainError } from '../../domain/errors.js';
import { CATEGORY_LABELS, DESTRUCTION_REASONS, REASON_LABELS, type DestructionReason } from '../../domain/retention.js';
import * as retention from '../../services/retention.service.js';
import { loadAuditKey } from '../audit-key.js';
import { loadConfig } from '../config.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { card: { type: 'string' }, reason: { type: 'string' }, basis: { type: 'string' }, by: { type: 'string' } },
});
const command = positionals[0];
const config = loadConfig();
const h = connect({ databaseUrl: config.databaseUrl, sqlitePath: path.join(config.dataDir, 'vizit.sqlite'), auditKey: loadAuditKey(config).key });
const deps = { h, clock: () => new Date() };
const out = (s: string) => process.stdout.write(s + '\n');

function need(name: 'card' | 'reason' | 'basis' | 'by'): string {
  const v = values[name];
  if (!v) throw new DomainError('validation_failed', { ru: `Не указан параметр --${name}`, en: `Missing --${name}` });
  return v;
}

async function main() {
  await migrate(h);
  switch (command) {
    case 'due': {
      const actor = await retention.actorForLogin(deps, values.by ?? 'owner');
      const due = await retention.listDue(deps, actor, 10_000);
      out(`Срок хранения истёк / retention ended: ${due.items.length} (визит до / visit on or before ${due.medicalCutoff}; без медкарты, контакт до / no record, contact before ${due.noRecordCutoff})`);
      for (const p of due.items) out(`  № ${p.cardNumber}\t${p.name || '—'}\t${p.pdState}\tпоследний визит / last visit ${p.lastVisit ?? '—'}\tпоследний контакт / last contact ${p.lastContact}`);
      return;
    }
    case 'destroy': {
      const actor = await retention.actorForLogin(deps, need('by'));
      const reason = need('reason') as DestructionReason;
      if (!DESTRUCTION_REASONS.includes(reason)) {
        throw new DomainError('validation_failed', { ru: `Причина: одна из ${DESTRUCTION_REASONS.join(', ')}`, en: `Reason: one of ${DESTRUCTION_REASONS.join(', ')}` });
      }
      const card = Number(need('card'));
      const id = await retention.patientIdByCard(deps, actor, card);
      const act = await retention.destroyPatientData(deps, actor, id, { reason, basis: need('basis'), confirmCardNumber: card });
      out(`Акт № ${act.number} от ${act.localDate}: ${act.scope === 'blocked' ? `данные заблокированы, медицинская карта хранится до ${act.retainUntil}` : 'персональные данные уничтожены'}`);
      out(`Act No. ${act.number}: ${act.scope === 'blocked' ? `data blocked, the medical record is kept until ${act.retainUntil}` : 'personal data destroyed'}`);
      out(`Причина / reason: ${REASON_LABELS[act.reason].ru}`);
      out(`Уничтожено / destroyed: ${act.categories.map((c) => CATEGORY_LABELS[c].ru).join('; ')}`);
      return;
    }
    case 'run': {
      const actor = await retention.actorForLogin(deps, need('by'));
      const r = await retention.runRetention(deps, actor);
      out(`Уничтожено / destroyed: ${r.acts.length} (акты / acts ${r.acts.join(', ') || '—'}); имена стёрты из старых актов / names erased from old acts: ${r.actsErased}`);
      for (const s of r.skipped) out(`  пропущена карта / skipped card № ${s.cardNumber}: ${s.why}`);
      if (r.skipped.length) process.exitCode = 1;
      return;
    }
    case 'acts': {
      const actor = await retention.actorForLogin(deps, values.by ?? 'owner');
      const page = await retention.listDestructions(deps, actor, { limit: 100 });
      for (const a of page.items) out(`  № ${a.number}\t${a.localDate}\tкарта / card ${a.cardNumber}\t${a.subjectName ?? '(срок акта истёк / act expired)'}\t${a.scope}\t${a.reason}\t${a.performerName}`);
      if (!page.items.length) out('Актов нет / no acts');
      return;
    }
    default:
      out('Команды / commands: due | destroy --card N --reason R --basis "…" --by LOGIN | run --by LOGIN | acts');
      process.exitCode = 2;
  }
}

try {
  await main();
} catch (e) {
  if (e instanceof DomainError) {
    process.stderr.write(`Ошибка: ${e.detail.ru}${e.errors.length ? ' — ' + e.errors.map((x) => x.message.ru).join('; ') : ''}\nError: ${e.detail.en}${e.errors.length ? ' — ' + e.errors.map((x) => x.message.en).join('; ') : ''}\n`);
  } else {
    process.stderr.write(`Ошибка / error: ${e instanceof Error ? e.message : String(e)}\n`);
  }
  process.exitCode = 1;
} finally {
  await h.close();
}
