import type { z } from 'zod';
import type { VisitAftercare } from '../contracts/aftercare.js';
import { issuedForVisit } from '../db/repos/aftercare.repo.js';
import * as repo from '../db/repos/documents.repo.js';
import { aftercareOffers } from '../domain/aftercare.js';
import { notFound } from '../domain/errors.js';
import type { Actor, Deps } from './context.js';
import { performedServices } from './documents-performed.js';
import { latestTemplates } from './documents-templates.service.js';

/**
 * DOC-7 and DOC-4 after treatment: once a visit has performed services (its bill lines; at «Завершён» its planned
 * services too), the leaflets for them and the two warranty coupons are offered on the visit panel; an offer
 * issued for the visit (signed, refused or still open) is not offered again.
 */

const VISIT = { ru: 'Визит', en: 'Visit' };
const AFTERCARE_KINDS = new Set(['leaflet', 'warranty_coupon']);

export async function visitAftercare(deps: Deps, actor: Actor, appointmentId: string): Promise<z.infer<typeof VisitAftercare>> {
  const v = await repo.visit(deps.h.db, actor.clinicId, appointmentId);
  if (!v) throw notFound(VISIT);
  const [templates, performed, issuedRows] = await Promise.all([
    latestTemplates(deps, actor.clinicId),
    v.status === 'cancelled' || v.status === 'no_show' ? Promise.resolve([]) : performedServices(deps.h.db, actor.clinicId, v),
    issuedForVisit(deps.h.db, actor.clinicId, appointmentId),
  ]);
  const byCode = new Map(templates.map((t) => [t.code, t]));
  const issued = issuedRows.flatMap((r) => {
    const t = byCode.get(r.template_code);
    return t && AFTERCARE_KINDS.has(t.kind) ? [{ id: r.id, templateCode: t.code, kind: t.kind as 'leaflet' | 'warranty_coupon', title: t.title }] : [];
  });
  const offers = aftercareOffers(
    templates.map((t) => ({ code: t.code, kind: t.kind, title: t.title, audience: t.audience, serviceCodes: JSON.parse(t.service_codes_json) as string[] })),
    performed,
    new Set(issuedRows.map((r) => r.template_code)),
  );
  return { appointmentId, performed, offers, issued };
}
