import type { z } from 'zod';
import type { CallScriptBody } from '../contracts/calls.js';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import * as repo from '../db/repos/calls.repo.js';
import { DEFAULT_CALL_SCRIPT, forbiddenIn, type CallScript } from '../domain/calls/call-script.js';
import { DomainError, fieldError } from '../domain/errors.js';
import { auditEntry, type Actor, type Deps } from './context.js';

/** The script in force: the clinic's latest saved version, or the seed's (version 0) until it saves one. */
export async function currentScript(db: Db, clinicId: string) {
  const row = await repo.latestScript(db, clinicId);
  if (!row) return { version: 0, isDefault: true, savedAt: null, savedBy: null, script: DEFAULT_CALL_SCRIPT };
  return { version: Number(row.version), isDefault: false, savedAt: row.created_at, savedBy: row.full_name ?? null, script: JSON.parse(row.script_json) as CallScript };
}

export async function getScript(deps: Deps, actor: Actor) {
  return currentScript(deps.h.db, actor.clinicId);
}

/**
 * CALL-3: the chief doctor's edit is a new version (the old calls keep theirs). Two editors
 * saving at once: the unique (clinic, version) index lets one win; the other is asked to reload.
 */
export async function saveScript(deps: Deps, actor: Actor, body: z.infer<typeof CallScriptBody>, baseVersion?: number) {
  const now = deps.clock();
  const script: CallScript = {
    ...body,
    rules: body.rules.map((s) => s.trim()),
    forbidden: body.forbidden.map((s) => s.trim()),
    stages: body.stages.map((s) => ({ ...s, title: s.title.trim(), steps: s.steps.map((x) => x.trim()), phrases: s.phrases.map((x) => x.trim()) })),
    objections: body.objections.map((o) => ({ objection: o.objection.trim(), answer: o.answer.trim() })),
    facts: { ...body.facts, equipment: body.facts.equipment.trim(), materials: body.facts.materials.trim() },
  };
  // A phrase the desk is told to say must not contain a phrase it is told never to say.
  const said = [...script.stages.flatMap((st, i) => st.phrases.map((p, k) => [`stages.${i}.phrases.${k}`, p] as const)), ...script.objections.map((o, i) => [`objections.${i}.answer`, o.answer] as const)];
  for (const [field, text] of said) {
    const bad = forbiddenIn(text, script.forbidden);
    if (bad.length) throw fieldError(`script.${field}`, { ru: `Фраза содержит запрещённую: «${bad[0]}»`, en: `The phrase contains a forbidden one: “${bad[0]}”` });
  }
  await withTx(deps.h, async (trx) => {
    const cur = await repo.latestScript(trx, actor.clinicId);
    const version = (cur ? Number(cur.version) : 0) + 1;
    if (baseVersion !== undefined && baseVersion !== version - 1) {
      throw new DomainError('conflict', { ru: 'Скрипт уже изменили, обновите страницу', en: 'The script was changed meanwhile; reload the page' });
    }
    await repo.insertScript(trx, { id: newId(), clinic_id: actor.clinicId, version, script_json: JSON.stringify(script), created_by: actor.userId, created_at: now.toISOString() });
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'call_script', objectId: null, details: { version } }));
  });
  return getScript(deps, actor);
}
