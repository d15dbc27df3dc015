import type { z } from 'zod';
import type { RecallRuleInput, RecallRulePatch } from '../contracts/worklists.js';
import { withTx } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { clinicTimeAndSettings, updateClinic } from '../db/repos/clinic.repo.js';
import { getRule, insertRule, listRules, updateRule } from '../db/repos/recall-rules.repo.js';
import type { RecallRulesTable } from '../db/schema.js';
import { notFound } from '../domain/errors.js';
import { halfBoundaryOf } from '../domain/worklists/confirmation-worklist.js';
import { auditEntry, changedFields, type Actor, type Deps } from './context.js';

const RULE = { ru: 'Правило повторного визита', en: 'Recall rule' };

function ruleOut(r: RecallRulesTable) {
  return { id: r.id, name: r.name, visitKind: r.visit_kind, specialty: r.specialty, months: Number(r.months), isActive: Number(r.is_active) === 1, updatedAt: new Date(r.updated_at).toISOString() };
}

/** REC-1: management's recall scheme, and the confirmation lists' half boundary (CONF-2). */
export async function recallRules(deps: Deps, actor: Actor) {
  const [rows, clinic] = await Promise.all([listRules(deps.h.db, actor.clinicId), clinicTimeAndSettings(deps.h.db, actor.clinicId)]);
  return { items: rows.map(ruleOut), halfBoundary: halfBoundaryOf(clinic.settings_json) };
}

export async function createRule(deps: Deps, actor: Actor, input: z.infer<typeof RecallRuleInput>) {
  const now = deps.clock().toISOString();
  const id = newId();
  await withTx(deps.h, async (trx) => {
    await insertRule(trx, {
      id, clinic_id: actor.clinicId, name: input.name.trim(), visit_kind: input.visitKind, specialty: input.specialty, months: input.months,
      is_active: input.isActive === false ? 0 : 1, created_at: now, updated_at: now, updated_by: actor.userId,
    });
    await appendAudit(trx, auditEntry(actor, deps.clock(), { action: 'create', objectType: 'recall_rule', objectId: id, details: { months: input.months } }));
  });
  return ruleOut((await getRule(deps.h.db, actor.clinicId, id))!);
}

export async function patchRule(deps: Deps, actor: Actor, id: string, p: z.infer<typeof RecallRulePatch>) {
  const now = deps.clock().toISOString();
  await withTx(deps.h, async (trx) => {
    if (!(await getRule(trx, actor.clinicId, id))) throw notFound(RULE);
    await updateRule(trx, actor.clinicId, id, {
      ...(p.name !== undefined && { name: p.name.trim() }), ...(p.visitKind !== undefined && { visit_kind: p.visitKind }),
      ...(p.specialty !== undefined && { specialty: p.specialty }), ...(p.months !== undefined && { months: p.months }),
      ...(p.isActive !== undefined && { is_active: p.isActive ? 1 : 0 }), updated_at: now, updated_by: actor.userId,
    });
    await appendAudit(trx, auditEntry(actor, deps.clock(), { action: 'update', objectType: 'recall_rule', objectId: id, details: { fields: changedFields(p) } }));
  });
  return ruleOut((await getRule(deps.h.db, actor.clinicId, id))!);
}

/** The half boundary of CONF-2 (by the visit's start), kept with the clinic's other settings. */
export async function setHalfBoundary(deps: Deps, actor: Actor, halfBoundary: string) {
  await withTx(deps.h, async (trx) => {
    const { settings_json } = await clinicTimeAndSettings(trx, actor.clinicId);
    let settings: Record<string, unknown> = {};
    try {
      settings = JSON.parse(settings_json || '{}') as Record<string, unknown>;
    } catch {
      settings = {};
    }
    await updateClinic(trx, actor.clinicId, { settings_json: JSON.stringify({ ...settings, confirmHalfBoundary: halfBoundary }) });
    await appendAudit(trx, auditEntry(actor, deps.clock(), { action: 'update', objectType: 'clinic_settings', objectId: actor.clinicId, details: { fields: ['confirmHalfBoundary'] } }));
  });
  return recallRules(deps, actor);
}
