import type { z } from 'zod';
import type { FiscalManualInput, FiscalOutboxQuery } from '../contracts/fiscal.js';
import { withTx } from '../db/connect.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import * as repo from '../db/repos/fiscal-outbox.repo.js';
import { DomainError, notFound } from '../domain/errors.js';
import { atolTask } from '../domain/fiscal-atol.js';
import type { FiscalDocument } from '../domain/fiscal-document.js';
import { fullName } from '../domain/names.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import type { FiscalDriverName } from './fiscal-drivers.js';

const ROW = { ru: 'Фискальный чек', en: 'Fiscal receipt' };

type ListRow = Awaited<ReturnType<typeof repo.listOutbox>>[number];
function itemView(r: ListRow) {
  return {
    id: r.id, operation: r.operation, status: r.status, attempts: Number(r.attempts), lastError: r.last_error, fiscalSign: r.fiscal_sign,
    createdAt: r.created_at, updatedAt: r.updated_at,
    payment: { id: r.payment_id, number: Number(r.payment_number), amount: Number(r.amount), method: r.method, kind: r.kind, at: r.paid_at },
    patient: { id: r.patient_id, name: fullName({ surname: r.surname, firstName: r.first_name, patronymic: r.patronymic }) },
  };
}

/** The outbox, newest first, with the counts per status and which register adapter runs. */
export async function listOutbox(deps: Deps, actor: Actor, driver: FiscalDriverName, q: z.infer<typeof FiscalOutboxQuery>) {
  const [rows, counts] = await Promise.all([
    repo.listOutbox(deps.h.db, actor.clinicId, { status: q.status, limit: q.limit ?? 100, offset: q.offset ?? 0 }),
    repo.countByStatus(deps.h.db, actor.clinicId),
  ]);
  return { items: rows.map(itemView), driver, counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])) };
}

/** One row with its document and the register task it maps to (the preview before anything is sent). */
export async function getOutboxItem(deps: Deps, actor: Actor, id: string) {
  const row = await repo.getOutbox(deps.h.db, actor.clinicId, id);
  if (!row) throw notFound(ROW);
  const [listed] = await repo.listOutbox(deps.h.db, actor.clinicId, { limit: 1, offset: 0, id });
  const document = JSON.parse(row.payload_json) as FiscalDocument;
  let registerTask: unknown = null;
  try {
    registerTask = atolTask(document);
  } catch {
    registerTask = null;
  }
  return { ...itemView(listed!), document, registerTask };
}

/** «Повторить»: a refused or stuck document goes back to waiting; the register gets it at the next round. */
export async function retryOutbox(deps: Deps, actor: Actor, id: string) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    const row = await repo.getOutbox(trx, actor.clinicId, id);
    if (!row) throw notFound(ROW);
    if (!(await repo.setStatus(trx, actor.clinicId, id, ['failed', 'pending'], { status: 'pending', updated_at: now.toISOString() }))) {
      throw new DomainError('invalid_transition', { ru: 'Чек уже пробит или передан кассе', en: 'The receipt is already done or with the register' });
    }
    await appendAudit(trx, auditEntry(actor, now, { action: 'fiscal_retry', objectType: 'fiscal_outbox', objectId: id, details: { from: row.status } }));
  });
  return getOutboxItem(deps, actor, id);
}

/** «Пробит вручную»: the receipt was punched on the register by hand (it was offline); the reason is kept, the row never goes to the register. */
export async function markManual(deps: Deps, actor: Actor, id: string, input: z.infer<typeof FiscalManualInput>) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    const row = await repo.getOutbox(trx, actor.clinicId, id);
    if (!row) throw notFound(ROW);
    const ok = await repo.setStatus(trx, actor.clinicId, id, ['failed', 'pending'], {
      status: 'manual', last_error: `Пробит вручную: ${input.reason.trim()}`, fiscal_sign: input.fiscalSign?.trim() || null, updated_at: now.toISOString(),
    });
    if (!ok) throw new DomainError('invalid_transition', { ru: 'Чек уже пробит или передан кассе', en: 'The receipt is already done or with the register' });
    await appendAudit(trx, auditEntry(actor, now, { action: 'fiscal_manual', objectType: 'fiscal_outbox', objectId: id, details: { from: row.status } }));
  });
  return getOutboxItem(deps, actor, id);
}
