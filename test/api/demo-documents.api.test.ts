import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { seedDemoClinicDocuments } from '../../src/demo/demo-documents.js';
import { seedDemoClinic } from '../../src/demo/seed-demo.js';
import { addDays } from '../../src/domain/dates.js';
import type { Role } from '../../src/domain/roles.js';
import { demoDocumentWriter } from '../../src/services/documents-demo.service.js';
import { recallList } from '../../src/services/callback-recall-worklists.service.js';
import { visitAftercare } from '../../src/services/documents-aftercare.service.js';
import { unfinishedPlans } from '../../src/services/unfinished-plans.service.js';
import { tomorrowPack, visitDocuments } from '../../src/services/documents-pack.service.js';
import { documentPdf, listPatientDocuments } from '../../src/services/documents.service.js';
import { pdfText } from '../support/pdf-text.js';
import { DIALECTS, freshDb } from '../support/test-db.js';

const NOON = new Date('2026-11-23T09:00:00Z'); // Monday, 12:00 in Moscow
const TODAY = '2026-11-23';

describe.each(DIALECTS)('the demo’s documents: signed, refused, missing for the next visits, a child’s representative (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof freshDb>>;
  let clinicId: string;
  let admin: { clinicId: string; userId: string; login: string; role: Role; ip: null };
  const db = () => h.db as unknown as Kysely<any>;
  const deps = () => ({ h, clock: () => NOON });
  beforeAll(async () => {
    h = await freshDb(dialect);
    ({ clinicId } = await seedDemoClinic(h, { now: NOON, hashPassword: async (p) => `test-hash:${p}`, seed: 7, patients: 300 }));
    await seedDemoClinicDocuments(h, clinicId, NOON, demoDocumentWriter(h, clinicId, NOON), 7);
    const u = await h.db.selectFrom('users').select('id').where('clinic_id', '=', clinicId).where('login', '=', 'admin').executeTakeFirstOrThrow();
    admin = { clinicId, userId: u.id, login: 'admin', role: 'administrator', ip: null };
  }, 240_000);
  afterAll(() => h?.cleanup());

  it('the last two weeks’ patients signed their contracts and consents, on paper and on screen; a few refused, and the refusal is in the service card', async () => {
    const rows: { status: string; kind: string; n: number | string | bigint }[] = await db()
      .selectFrom('patient_documents').select(['status', 'kind']).select((e) => e.fn.countAll().as('n')).where('clinic_id', '=', clinicId).groupBy(['status', 'kind']).execute();
    const count = (f: (r: { status: string; kind: string }) => boolean) => rows.filter(f).reduce((s, r) => s + Number(r.n), 0);
    expect(count((r) => r.kind === 'contract' && r.status.startsWith('signed'))).toBeGreaterThan(20);
    expect(count((r) => r.kind === 'consent' && r.status === 'signed_on_screen')).toBeGreaterThan(5);
    expect(count((r) => r.status === 'signed_on_paper')).toBeGreaterThan(20);
    expect(count((r) => r.status === 'refused')).toBeGreaterThan(0);
    const svc5 = await db().selectFrom('service_card_entries').select('text').where('clinic_id', '=', clinicId).where('section', '=', 'svc5').execute();
    expect(svc5.some((r: { text: string }) => r.text.startsWith('Отказ подписать'))).toBe(true);
    // A document signed on screen opens: its hash holds and the PDF names the signer.
    const onScreen = await db().selectFrom('patient_documents').select(['id', 'signer_name']).where('clinic_id', '=', clinicId).where('status', '=', 'signed_on_screen').orderBy('issued_at').executeTakeFirstOrThrow();
    const pdf = await documentPdf(deps(), admin, onScreen.id);
    expect((await pdfText(pdf.pdf)).replace(/\s+/g, ' ')).toContain(onScreen.signer_name);
  }, 60_000);

  it('today’s and tomorrow’s visits have planned services; some still miss the consent for them, and tomorrow’s pack has work', async () => {
    const ahead = await db().selectFrom('appointments').select(['id', 'local_date']).where('clinic_id', '=', clinicId)
      .where('local_date', 'in', [TODAY, addDays(TODAY, 1)]).where('status', 'in', ['booked', 'confirmed']).where('planned_services_json', 'is not', null).execute();
    expect(ahead.length).toBeGreaterThan(3);
    const missing = [];
    for (const v of ahead) missing.push(...(await visitDocuments(deps(), admin, v.id)).missing);
    expect(missing.some((m) => m.reason === 'planned_intervention')).toBe(true);
    expect(missing.some((m) => m.reason === 'planned_intervention' && m.issuedId)).toBe(true);
    const pack = await tomorrowPack(deps(), admin);
    expect(pack.date).toBe(addDays(TODAY, 1));
    expect(pack.documents).toBeGreaterThan(0);
  }, 120_000);

  it('a child’s documents are signed by the legal representative named on the card', async () => {
    const child = await db().selectFrom('patient_documents').select('patient_id').where('clinic_id', '=', clinicId).where('signer', '=', 'representative').executeTakeFirstOrThrow();
    const reg = await listPatientDocuments(deps(), admin, child.patient_id);
    expect(reg.child).toBe(true);
    expect(reg.representative.fullName).toMatch(/^[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+$/);
    expect(reg.items.filter((d) => d.signer === 'representative').every((d) => d.signerName === reg.representative.fullName)).toBe(true);
  });

  it('after treatment: leaflets and both warranty coupons for the finished visits, the coupon lists the performed work with teeth (DOC-4, DOC-7)', async () => {
    const kinds = await db().selectFrom('patient_documents').select(['template_code', 'status']).select((e) => e.fn.countAll().as('n'))
      .where('clinic_id', '=', clinicId).where('kind', 'in', ['leaflet', 'warranty_coupon']).groupBy(['template_code', 'status']).execute();
    const n = (code: string, status: string) => Number(kinds.find((k: { template_code: string; status: string }) => k.template_code === code && k.status === status)?.n ?? 0);
    expect(n('warranty-coupon-card', 'signed_on_paper')).toBeGreaterThan(10);
    expect(n('warranty-coupon-patient', 'issued')).toBe(n('warranty-coupon-card', 'signed_on_paper'));
    expect(n('leaflet-filling', 'issued') + n('leaflet-anaesthesia', 'issued')).toBeGreaterThan(10);
    const coupon = await db().selectFrom('patient_documents').select(['id', 'appointment_id']).where('clinic_id', '=', clinicId).where('template_code', '=', 'warranty-coupon-card').orderBy('issued_at').executeTakeFirstOrThrow();
    const text = (await pdfText((await documentPdf(deps(), admin, coupon.id)).pdf)).replace(/\s+/g, ' ');
    expect(text).toMatch(/Гарантийный срок Срок службы/);
    expect(text).toMatch(/1 [1-8][1-8] [А-ЯЁ]/);
    // A visit with its coupons issued does not offer them again.
    const a = await visitAftercare(deps(), admin, coupon.appointment_id);
    expect(a.issued.map((x) => x.templateCode)).toContain('warranty-coupon-card');
    expect(a.offers.map((x) => x.templateCode)).not.toContain('warranty-coupon-card');
  });

  it('DOC-6: the recommended plans not completed are on the recall list as «не завершил лечение»', async () => {
    const plans = await db().selectFrom('patient_documents').select('id').where('clinic_id', '=', clinicId).where('template_code', '=', 'plan-recommended').execute();
    expect(plans.length).toBeGreaterThan(5);
    const open = await unfinishedPlans(h.db, clinicId, TODAY, NOON, 'Europe/Moscow');
    expect(open.length).toBeGreaterThan(0);
    // Each is on the list: as «не завершил лечение» with what is left, unless a cancellation put them there already.
    const list = await recallList(deps(), admin, { date: TODAY });
    for (const p of open) expect(list.items.find((i) => i.patientId === p.patientId)?.kind).toBe('dropped');
    for (const p of open) expect(p.detail).toMatch(/^План лечения от \d\d\.\d\d\.\d{4} выполнен не полностью: осталось \d+ из \d+ \(.+\), новой записи нет$/);
  });
});
