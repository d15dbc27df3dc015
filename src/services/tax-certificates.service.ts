import type { z } from 'zod';
import type { TaxCertificateInput } from '../contracts/tax-certificates.js';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { clinicTimeAndSettings } from '../db/repos/clinic.repo.js';
import { nextNumber } from '../db/repos/counters.repo.js';
import * as regs from '../db/repos/insurance-registers.repo.js';
import { getPatientRow } from '../db/repos/patients.repo.js';
import { DomainError, fieldError, notFound } from '../domain/errors.js';
import { localInstant } from '../domain/schedule/time.js';
import { taxCertificateProblem, taxPaidSum } from '../domain/tax-certificate.js';
import { renderPdf } from '../documents/render.js';
import { taxCertificatePdf, type TaxCertificateContent } from '../documents/tax-certificate.js';
import { auditEntry, type Actor, type Deps } from './context.js';
import { localToday } from './schedule-context.js';

const PATIENT = { ru: 'Пациент', en: 'Patient' };
const CERT = { ru: 'Справка', en: 'Certificate' };
const fullName = (r: { surname: string; first_name: string; patronymic: string | null }) => [r.surname, r.first_name, r.patronymic].filter(Boolean).join(' ');

/** The patient's payments and refunds in a clinic-local year: the certificate's sum. */
async function yearSum(db: Db, clinicId: string, patientId: string, year: number, tz: string) {
  const from = new Date(localInstant(`${year}-01-01`, '00:00', tz)).toISOString();
  const to = new Date(localInstant(`${year + 1}-01-01`, '00:00', tz)).toISOString();
  const moves = await regs.patientMoves(db, clinicId, patientId, from, to);
  const money = moves.filter((m) => m.method === 'cash' || m.method === 'card' || m.method === 'transfer');
  return { amount: taxPaidSum(moves), payments: money.filter((m) => m.kind === 'payment').length, refunds: money.filter((m) => m.kind === 'refund').length };
}

/** What a certificate for the year would state: the sum and how many payments and refunds make it. */
export async function taxPreview(deps: Deps, actor: Actor, patientId: string, asked?: number) {
  const tz = (await clinicTimeAndSettings(deps.h.db, actor.clinicId)).time_zone;
  const year = asked ?? Number(localToday(deps.clock(), tz).today.slice(0, 4));
  if (!(await getPatientRow(deps.h.db, actor.clinicId, patientId))) throw notFound(PATIENT);
  return { year, ...(await yearSum(deps.h.db, actor.clinicId, patientId, year, tz)) };
}

type CertRow = NonNullable<Awaited<ReturnType<typeof regs.getCertificate>>>;
function view(r: CertRow) {
  return {
    id: r.id, number: r.number, year: r.year, patientId: r.patient_id, patientName: fullName(r), taxpayerName: r.taxpayer_name, relation: r.relation,
    serviceCode: r.service_code, amount: Number(r.amount), issuedAt: r.issued_at, issuedBy: r.issued_by_name ?? null,
  };
}

/** Issues a numbered certificate from the year's payments; its figures are stored as issued. */
export async function issueCertificate(deps: Deps, actor: Actor, patientId: string, input: z.infer<typeof TaxCertificateInput>) {
  const now = deps.clock();
  const id = newId();
  await withTx(deps.h, async (trx) => {
    const clinic = await regs.clinicTaxRow(trx, actor.clinicId);
    const today = localToday(now, clinic.time_zone).today;
    const row = await getPatientRow(trx, actor.clinicId, patientId);
    if (!row) throw notFound(PATIENT);
    if (!clinic.inn) {
      throw new DomainError('conflict', { ru: 'Укажите ИНН и КПП клиники (Страховые → Налоговые справки): без них справка недействительна', en: 'Set the clinic’s INN and KPP first (Insurance → Tax certificates)' });
    }
    const { amount } = await yearSum(trx, actor.clinicId, patientId, input.year, clinic.time_zone);
    const t = input.taxpayer;
    const self = t.relation === 'self';
    const p = taxCertificateProblem({ year: input.year, amount, taxpayerInn: t.inn ?? null, taxpayerDocument: t.document?.trim() || null, relation: t.relation, taxpayerBirthDate: t.birthDate }, today);
    if (p) throw fieldError(p.field, { ru: p.ru, en: p.en });
    const number = await nextNumber(trx, actor.clinicId, 'tax_certificate');
    const me = await regs.userFullName(trx, actor.userId);
    const content: TaxCertificateContent = {
      number, year: input.year, issuedOn: today,
      clinic: { name: clinic.name, legalName: clinic.legal_name, inn: clinic.inn, kpp: clinic.kpp, licence: clinic.licence },
      taxpayer: { fullName: self ? fullName(row.p) : t.fullName.trim(), inn: t.inn ?? null, birthDate: self && row.p.birth_date ? row.p.birth_date : t.birthDate, document: t.document?.trim() || null },
      relation: t.relation, patient: { fullName: fullName(row.p), birthDate: row.p.birth_date }, serviceCode: input.serviceCode, amount, issuedBy: me ?? actor.login,
    };
    await regs.insertCertificate(trx, {
      id, clinic_id: actor.clinicId, patient_id: patientId, year: input.year, number, taxpayer_name: content.taxpayer.fullName, taxpayer_inn: content.taxpayer.inn,
      taxpayer_birth_date: content.taxpayer.birthDate, taxpayer_document: content.taxpayer.document, relation: t.relation, service_code: input.serviceCode, amount,
      content_json: JSON.stringify(content), issued_by: actor.userId, issued_at: now.toISOString(),
    });
    await appendAudit(trx, auditEntry(actor, now, { action: 'issue', objectType: 'tax_certificate', objectId: id, patientId, details: { year: input.year, number } }));
  });
  const r = await regs.getCertificate(deps.h.db, actor.clinicId, id);
  return view(r!);
}

export async function listCertificates(deps: Deps, actor: Actor, f: { patientId?: string; year?: number }) {
  if (f.patientId && !(await getPatientRow(deps.h.db, actor.clinicId, f.patientId))) throw notFound(PATIENT);
  return { items: (await regs.listCertificates(deps.h.db, actor.clinicId, f)).map(view) };
}

/** The certificate's PDF, from the figures stored when it was issued. */
export async function certificatePdf(deps: Deps, actor: Actor, id: string) {
  const r = await regs.getCertificate(deps.h.db, actor.clinicId, id);
  if (!r) throw notFound(CERT);
  await appendAudit(deps.h.db, auditEntry(actor, deps.clock(), { action: 'print', objectType: 'tax_certificate', objectId: id, patientId: r.patient_id }));
  return { fileName: `spravka-${r.number}-${r.year}.pdf`, body: await renderPdf(taxCertificatePdf(JSON.parse(r.content_json) as TaxCertificateContent)) };
}

/** The clinic's INN and KPP, printed on certificates and registers. */
export async function clinicTaxDetails(deps: Deps, actor: Actor) {
  const c = await regs.clinicTaxRow(deps.h.db, actor.clinicId);
  return { inn: c.inn, kpp: c.kpp, licence: c.licence, legalName: c.legal_name };
}
export async function setClinicTaxDetails(deps: Deps, actor: Actor, input: { inn: string; kpp: string | null }) {
  const now = deps.clock();
  await withTx(deps.h, async (trx) => {
    await regs.setClinicTax(trx, actor.clinicId, { inn: input.inn, kpp: input.kpp });
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'clinic', objectId: actor.clinicId, details: { fields: ['inn', 'kpp'] } }));
  });
  return clinicTaxDetails(deps, actor);
}
