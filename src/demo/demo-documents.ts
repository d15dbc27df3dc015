/**
 * #11 in the demo: the clinic's templates (version 1, from before the documents below); contracts, personal data
 * consents and health questionnaires signed by the patients of the last two weeks (mostly on paper, some on screen),
 * consents for the interventions of their visits, a few refusals (in the service card, SVC-5), children's documents
 * signed by a legal representative; today's and the next days' visits with planned services, some consents and a few
 * first-visit sets still missing, so the visit warning and tomorrow's pack have real work on any date.
 *
 * The frozen content comes from `writer` (bootstrap hands over the documents service's writer: src/demo may not
 * import the templates), so bootstrap seeds them right after seedDemoClinic; the generator's own tests have none.
 */
import type { Insertable } from 'kysely';
import type { DbHandle } from '../db/connect.js';
import type { PatientDocumentsTable } from '../db/schema-documents.js';
import type { ServiceCardEntriesTable } from '../db/schema-schedule.js';
import { newId } from '../db/ids.js';
import { WARRANTY_TERMS } from '../domain/aftercare.js';
import { addDays } from '../domain/dates.js';
import { DEMO_DOCTORS, type Practice } from './demo-staff.js';
import { motherOf, fatherOf, randomName } from './demo-names.js';
import { Rng } from './demo-random.js';
import { ClinicClock, DAY_MS, iso } from './demo-time.js';

/** The document writer's shape (src/services/documents-demo.service.ts implements it). */
export interface DemoDocumentWriter {
  templates(at: string): Promise<{ code: string; kind: string; audience: string; serviceCodes: string[] }[]>;
  content(input: { templateCode: string; patientId: string; appointmentId: string | null; date: string; issuedAt: string; codes: string[] }): Promise<{
    content_json: string; content_sha256: string; title: string; kind: string; template_version: number; child: boolean; signerName: string;
  }>;
}

/** What a doctor of each practice plans for a visit (price codes). */
const PLANS: Record<Practice, string[][]> = {
  therapist: [['А-02', 'Т-01'], ['А-02', 'Т-02'], ['А-03', 'Э-01', 'Э-03'], ['Т-04'], ['К-02'], ['А-02', 'Т-06']],
  surgeon: [['А-02', 'Х-01'], ['А-03', 'Х-02'], ['А-02', 'И-01'], ['Р-03'], ['А-02', 'И-03']],
  orthopedist: [['А-02', 'О-01'], ['О-09'], ['О-06'], ['О-02']],
  orthodontist: [['ОД-04'], ['ОД-01', 'Р-02'], ['ОД-02']],
  hygienist: [['Г-01'], ['Г-01', 'Г-03']],
  pediatric: [['А-01', 'Д-03'], ['Д-06'], ['Д-07'], ['А-02', 'Д-05']],
} as Record<Practice, string[][]>;

const REFUSALS = [
  'Хочет спокойно прочитать дома и принести подписанным в следующий раз',
  'Не согласен с пунктом о гарантийных сроках, просит разъяснения главного врача',
  'Плохо видит без очков, очки забыл; попросил отложить до следующего визита',
  'Отказалась от рассылок: «звоните только по записи»',
];

/** A pen signature drawn on the pad (240×80 PNG), the same for every demo document signed on screen. */
const SIGNATURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAPAAAABQCAQAAACNQDD3AAAB1klEQVR42u3bW26DMBAFUBbR/W91+tOqiijEED8G++h+poqbOTFjsLN9bTJzlACwABbAAlgAC2ABDFgAC2ABLIAFsAAGLIAFsAAWwAJYAAtgwAJYAAvgv8RP4EwJHC8BNBlw7IJoIuBXUsSTAe85ETcFjsG8iJsC9y7s0XiAG87gfqU9Gwvx5MCImy2yehX23Tj5O3Him7v3//ho3rK/GVfeOMhjgCMBcEmXHlHe/YjpmEs+wnje9zdSv6/1K+3ZSImQ6wG0Bt734qMS9ihsCV+K2TwW+Oq7l3a7uyWNi3D3O3S3vl0foSVw+ayI5l+eqLAQ6wDdCjiKV75tl2VRCaBtX23IXjp8/VkWafp7FCzgevXS6sT1L6TXLnVZ7rGj8PM8bm987ErXU7Ik+8Gf3a3ui9ivqGeAS2xGtuhm9y/bPYkX2Wu+UqYae0Iju9mSRwl6bgmMe6aTfEPgGcC5SxarnthcaVN+yeO4Tl0ALlho4Z0GOACvB4x3EuDzUxWKOSkw3omAt4FPlVdIg1p+9thv9d8ORZMMBd7+OeOwOkhi3ns/H81yvmFilrHAV84EA3kkcP85ZwGWBNi6enpgASyABbAAFsCABbAAFsACWAALYMAyT74BuPzVi1SlQjYAAAAASUVORK5CYII=';

interface Opts {
  h: DbHandle;
  clinicId: string;
  nowMs: number;
  today: string;
  clock: ClinicClock;
  rng: Rng;
  writer: DemoDocumentWriter;
  practiceOf: Map<string, Practice>;
  doctorUser: Map<string, string | null>;
  adminIds: string[];
  adminName: string;
  id: () => string;
}

type Visit = { id: string; patient_id: string; doctor_id: string; local_date: string; starts_at: string; kind: string; status: string; arrived_at: string | null };
type Patient = { id: string; surname: string; first_name: string; sex: string | null; birth_date: string | null; note: string | null };

const SIGNED_KINDS = ['contract', 'pd_consent', 'health_questionnaire'] as const;
const FIRST_SET: Record<(typeof SIGNED_KINDS)[number], string> = { contract: 'contract', pd_consent: 'pd-consent', health_questionnaire: 'health-questionnaire' };

/**
 * The documents of the demo clinic seedDemoClinic made (bootstrap calls it right after, with the documents service's
 * writer): the doctors' practices and the desk's logins are read back from the clinic's rows.
 */
export async function seedDemoClinicDocuments(h: DbHandle, clinicId: string, now: Date, writer: DemoDocumentWriter, seed = 20260101) {
  const clinic = await h.db.selectFrom('clinics').select('time_zone').where('id', '=', clinicId).executeTakeFirstOrThrow();
  const doctors = await h.db.selectFrom('doctors').select(['id', 'surname', 'first_name', 'user_id']).where('clinic_id', '=', clinicId).execute();
  const users = await h.db.selectFrom('users').select(['id', 'login', 'full_name']).where('clinic_id', '=', clinicId).execute();
  const clock = new ClinicClock(clinic.time_zone);
  const nowMs = now.getTime();
  const admins = users.filter((u) => u.login === 'admin' || u.login === 'admin2');
  if (!admins.length) return { documents: 0, refusals: 0, children: 0 };
  return seedDemoDocuments({
    h, clinicId, nowMs, today: clock.localDate(nowMs), clock, rng: new Rng(seed).fork('documents'), writer,
    practiceOf: new Map(doctors.map((d) => [d.id, DEMO_DOCTORS.find((x) => x.surname === d.surname && x.firstName === d.first_name)?.practice ?? 'therapist'])),
    doctorUser: new Map(doctors.map((d) => [d.id, d.user_id])), adminIds: admins.map((u) => u.id), adminName: admins[0].full_name, id: newId,
  });
}

export async function seedDemoDocuments(o: Opts): Promise<{ documents: number; refusals: number; children: number }> {
  const { h, clinicId, nowMs, today, clock, rng, writer, id } = o;
  const db = h.db;
  const templates = await writer.templates(iso(nowMs - 400 * DAY_MS));
  const consents = templates.filter((t) => t.kind === 'consent' && t.audience === 'patient' && t.serviceCodes.length);
  const consentsFor = (codes: string[]) => consents.filter((t) => t.serviceCodes.some((c) => codes.includes(c))).map((t) => t.code);

  const from = addDays(today, -14);
  const until = addDays(today, 7);
  const visits: Visit[] = await db
    .selectFrom('appointments')
    .select(['id', 'patient_id', 'doctor_id', 'local_date', 'starts_at', 'kind', 'status', 'arrived_at'])
    .where('clinic_id', '=', clinicId)
    .where('local_date', '>=', from)
    .where('local_date', '<=', until)
    .where('status', 'not in', ['cancelled', 'no_show'])
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  const startIso = (v: Visit) => new Date(v.starts_at).toISOString();
  const past = visits.filter((v) => v.status === 'done');
  const ahead = visits.filter((v) => v.status !== 'done' && v.local_date >= today);
  const billed = new Map<string, string[]>();
  for (let i = 0; i < past.length; i += 400) {
    const rows: { appointment_id: string | null; code: string }[] = await db
      .selectFrom('bill_lines').innerJoin('bills', 'bills.id', 'bill_lines.bill_id')
      .select(['bills.appointment_id', 'bill_lines.code'])
      .where('bills.clinic_id', '=', clinicId).where('bills.status', '!=', 'cancelled')
      .where('bills.appointment_id', 'in', past.slice(i, i + 400).map((v) => v.id))
      .execute();
    for (const r of rows) if (r.appointment_id) billed.set(r.appointment_id, [...(billed.get(r.appointment_id) ?? []), r.code]);
  }

  // Planned services of the visits from today on: what the doctor's practice usually plans.
  const planned = new Map<string, string[]>();
  for (const v of ahead) {
    const plans = PLANS[o.practiceOf.get(v.doctor_id) ?? 'therapist'] ?? PLANS.therapist;
    if (v.kind === 'primary' && rng.chance(0.5)) continue;
    planned.set(v.id, rng.pick(plans));
  }
  for (const [vid, codes] of planned) await db.updateTable('appointments').set({ planned_services_json: JSON.stringify(codes) }).where('id', '=', vid).execute();

  // Children under 15 among these patients: the parent the card's note names (the demo's patients) is the legal representative.
  const patientIds = [...new Set(visits.map((v) => v.patient_id))];
  const patients = new Map<string, Patient>();
  for (let i = 0; i < patientIds.length; i += 400) {
    const rows: Patient[] = await db.selectFrom('patients').select(['id', 'surname', 'first_name', 'sex', 'birth_date', 'note']).where('id', 'in', patientIds.slice(i, i + 400)).execute();
    for (const p of rows) patients.set(p.id, p);
  }
  const under15 = (p: Patient | undefined) => !!p?.birth_date && p.birth_date > `${Number(today.slice(0, 4)) - 15}${today.slice(4)}`;
  let children = 0;
  for (const p of patients.values()) {
    if (!under15(p)) continue;
    const named = /Законный представитель — (мать|отец), ([^.]+)\./.exec(p.note ?? '');
    const male = maleSurname(p.surname);
    const year = Number(p.birth_date!.slice(0, 4));
    const mother = named ? named[1] === 'мать' : rng.chance(0.75);
    const parent = mother ? motherOf(rng, male, year) : fatherOf(rng, randomName(rng, p.sex === 'female' ? 'female' : 'male', year, male), male, year);
    const phone: { number: string } | undefined = await db.selectFrom('patient_phones').select('number').where('patient_id', '=', p.id).where('kind', '=', 'relative').orderBy('position').executeTakeFirst();
    await db.updateTable('patients').set({
      rep_full_name: named ? named[2].trim() : `${parent.surname} ${parent.firstName} ${parent.patronymic}`, rep_relation: mother ? 'мать' : 'отец',
      rep_document: `паспорт ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(6)}; свидетельство о рождении ребёнка ${['I', 'II', 'III', 'IV'][rng.int(0, 3)]}-АК № ${rng.digits(6)}`,
      rep_phone: phone?.number ?? `+79${rng.digits(9)}`,
    }).where('id', '=', p.id).execute();
    children++;
  }

  const rows: Insertable<PatientDocumentsTable>[] = [];
  const cards: Insertable<ServiceCardEntriesTable>[] = [];
  const adminAt = (i: number) => o.adminIds[i % o.adminIds.length];
  const add = async (
    templateCode: string, patientId: string, visit: Visit | null, issuedMs: number,
    status: 'issued' | 'signed_on_screen' | 'signed_on_paper' | 'refused', by: string, codes: string[] = [], reason?: string,
  ) => {
    const date = clock.localDate(issuedMs);
    const c = await writer.content({ templateCode, patientId, appointmentId: visit?.id ?? null, date, issuedAt: iso(issuedMs), codes });
    const signed = status === 'signed_on_screen' || status === 'signed_on_paper';
    const signedMs = issuedMs + rng.int(2, 15) * 60_000;
    rows.push({
      id: id(), clinic_id: clinicId, patient_id: patientId, appointment_id: visit?.id ?? null, template_code: templateCode, template_version: c.template_version,
      kind: c.kind, title: c.title, content_json: c.content_json, content_sha256: c.content_sha256, status, refusal_reason: reason ?? null,
      signer: signed ? (c.child ? 'representative' : 'patient') : null, signer_name: signed ? c.signerName : null,
      signature_png: status === 'signed_on_screen' ? SIGNATURE : null, signed_at: signed ? iso(signedMs) : null, paper_date: status === 'signed_on_paper' ? date : null,
      recorded_by: status === 'issued' ? null : by, issued_by: by, issued_at: iso(issuedMs), updated_at: iso(status === 'issued' ? issuedMs : signedMs),
    });
    if (status === 'refused') {
      cards.push({
        id: id(), clinic_id: clinicId, patient_id: patientId, section: 'svc5', text: `Отказ подписать «${c.title}»: ${reason}`, event_date: date, minutes: null, is_alert: 0,
        appointment_id: visit?.id ?? null, author_id: by, author_name: o.adminName, author_role: 'administrator', created_at: iso(signedMs),
      });
    }
  };
  const sig = (): 'signed_on_screen' | 'signed_on_paper' => (rng.chance(0.35) ? 'signed_on_screen' : 'signed_on_paper');

  // The first-visit set: signed at the patient's first visit of the last two weeks, or earlier for those only coming now.
  const firstDone = new Map<string, Visit>();
  for (const v of past) if (!firstDone.has(v.patient_id)) firstDone.set(v.patient_id, v);
  let n = 0;
  for (const [pid, v] of firstDone) {
    const at = Date.parse(startIso(v)) - rng.int(5, 20) * 60_000;
    const by = adminAt(n++);
    for (const kind of SIGNED_KINDS) await add(FIRST_SET[kind], pid, v, at, sig(), by);
    if (rng.chance(0.35)) await add('mailing-consent', pid, v, at, rng.chance(0.1) ? 'refused' : 'signed_on_paper', by, [], rng.chance(0.1) ? REFUSALS[3] : undefined);
  }
  const comingOnly = [...new Set(ahead.map((v) => v.patient_id))].filter((pid) => !firstDone.has(pid));
  for (const pid of comingOnly) {
    const v = ahead.find((x) => x.patient_id === pid)!;
    // A first visit has nothing signed yet; of the returning patients one in six still has no set entered.
    if (v.kind === 'primary' || rng.chance(1 / 6)) continue;
    const daysAgo = rng.chance(0.12) ? rng.int(380, 600) : rng.int(40, 330);
    const at = nowMs - daysAgo * DAY_MS - rng.int(0, 8) * 3600_000;
    const by = adminAt(n++);
    for (const kind of SIGNED_KINDS) await add(FIRST_SET[kind], pid, null, at, 'signed_on_paper', by);
  }

  // Consents for the interventions of the last two weeks' visits: nearly all signed, a few refused or left unsigned.
  let refusals = 0;
  for (const v of past) {
    const codes = billed.get(v.id) ?? [];
    const at = Date.parse(startIso(v)) + rng.int(0, 5) * 60_000;
    const by = o.doctorUser.get(v.doctor_id) ?? adminAt(n++);
    for (const code of consentsFor(codes)) {
      const r = rng.next();
      if (r < 0.03) {
        refusals++;
        await add(code, v.patient_id, v, at, 'refused', by, codes, rng.pick(REFUSALS.slice(0, 3)));
      } else await add(code, v.patient_id, v, at, r < 0.05 ? 'issued' : sig(), by, codes);
    }
  }
  // Today's patients already in the clinic signed on arrival; the rest of today and the next days: some printed
  // with yesterday's pack and waiting for a signature, the others not issued yet.
  for (const v of ahead) {
    const codes = planned.get(v.id) ?? [];
    const here = v.status === 'arrived' || v.status === 'in_chair';
    for (const code of consentsFor(codes)) {
      if (here) await add(code, v.patient_id, v, Date.parse(v.arrived_at ?? startIso(v)), 'signed_on_screen', adminAt(n++), codes);
      else if (v.local_date <= addDays(today, 1) && rng.chance(0.3)) await add(code, v.patient_id, v, Math.min(nowMs, Date.parse(startIso(v)) - DAY_MS), 'issued', adminAt(n++), codes);
    }
  }

  // After treatment (DOC-7, DOC-4): the leaflets for the services performed and the two warranty coupons (the card's
  // one signed on paper); most of today's finished visits not yet, so the visit panel offers them. Its own stream.
  const after = rng.fork('aftercare');
  const leaflets = templates.filter((t) => t.kind === 'leaflet' && t.audience === 'patient');
  for (const v of past) {
    const codes = billed.get(v.id) ?? [];
    const at = Date.parse(startIso(v)) + after.int(40, 90) * 60_000;
    if (!codes.length || at > nowMs || (v.local_date === today && after.chance(0.7))) continue;
    const by = adminAt(n++);
    for (const l of leaflets) if (l.serviceCodes.some((c) => codes.includes(c)) && after.chance(0.9)) await add(l.code, v.patient_id, v, at, 'issued', by, codes);
    if (codes.some((c) => WARRANTY_TERMS[c]?.warrantyMonths != null) && after.chance(0.85)) {
      await add('warranty-coupon-card', v.patient_id, v, at, 'signed_on_paper', by, codes);
      await add('warranty-coupon-patient', v.patient_id, v, at, 'issued', by, codes);
    }
  }

  // DOC-6: recommended plans signed at some finished visits with a next stage (a crown after the canals, an implant
  // after an extraction); those not booked for it are on the recall list as «не завершил лечение».
  const NEXT: Record<string, string> = { 'Э-03': 'О-01', 'Т-02': 'Т-06', 'Х-01': 'И-01', 'Х-02': 'И-01', 'О-09': 'О-02' };
  const planned2: { appointment_id: string | null; code: string }[] = await db
    .selectFrom('bill_lines').innerJoin('bills', 'bills.id', 'bill_lines.bill_id').innerJoin('appointments as a', 'a.id', 'bills.appointment_id')
    .select(['bills.appointment_id', 'bill_lines.code'])
    .where('bills.clinic_id', '=', clinicId).where('bills.status', '!=', 'cancelled').where('a.status', '=', 'done')
    .where('a.local_date', '>=', addDays(today, -90)).where('a.local_date', '<', from).where('bill_lines.code', 'in', Object.keys(NEXT))
    .execute();
  const earlier: Visit[] = planned2.length ? await db.selectFrom('appointments')
    .select(['id', 'patient_id', 'doctor_id', 'local_date', 'starts_at', 'kind', 'status', 'arrived_at'])
    .where('id', 'in', [...new Set(planned2.map((r) => r.appointment_id!))].slice(0, 400)).orderBy('starts_at').orderBy('id').execute() : [];
  for (const r of planned2) if (r.appointment_id) billed.set(r.appointment_id, [...(billed.get(r.appointment_id) ?? []), r.code]);
  for (const v of [...earlier, ...past]) {
    const codes = billed.get(v.id) ?? [];
    const next = [...new Set(codes.map((c) => NEXT[c]).filter(Boolean))];
    const at = Date.parse(startIso(v)) + 20 * 60_000;
    if (!next.length || at > nowMs || !after.chance(0.5)) continue;
    await add('plan-recommended', v.patient_id, v, at, 'signed_on_paper', o.doctorUser.get(v.doctor_id) ?? adminAt(n++), [...new Set([...codes, ...next])]);
  }

  for (let i = 0; i < rows.length; i += 100) await db.insertInto('patient_documents').values(rows.slice(i, i + 100)).execute();
  for (let i = 0; i < cards.length; i += 200) await db.insertInto('service_card_entries').values(cards.slice(i, i + 200)).execute();
  return { documents: rows.length, refusals: cards.length, children };
}

/** The masculine form of a surname (the family name a parent shares). */
function maleSurname(s: string): string {
  if (/ская$|цкая$/.test(s)) return s.slice(0, -2) + 'ий';
  if (/(ова|ева|ёва|ина|ына)$/.test(s)) return s.slice(0, -1);
  return s;
}
