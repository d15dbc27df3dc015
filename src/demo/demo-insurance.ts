/**
 * ДМС in the demo clinic (PAT-4): three insurers with contracts and programmes, forty insured
 * patients with policies (a few expired) and guarantee letters, their finished visits of the last
 * three months billed to the insurer, the month before last's registers sent and paid, last
 * month's sent and waiting, this month's still open; and a few tax certificates from patients'
 * transfers. Runs after the schedule (and the money demo, if any): a visit that already has a bill is
 * left alone. Deterministic for a given rng and now.
 */
import { sql } from 'kysely';
import { withTx, type DbHandle } from '../db/connect.js';
import { raiseCounter } from '../db/repos/counters.repo.js';
import { addDays } from '../domain/dates.js';
import { buildRegister, monthRange, type RegisterBill } from '../domain/insurance.js';
import { localDateOf, localInstant } from '../domain/schedule/time.js';
import { taxPaidSum } from '../domain/tax-certificate.js';
import type { Rng } from './demo-random.js';
import { recallHistory } from './demo-recall.js';

const INSURERS = [
  { name: 'Невская страховая', legal_name: 'АО «Невская страховая компания»', inn: '7801000011', kpp: '780101001', phone: '+78123090011', email: 'dms@nevskaya-sk.example', contact_person: 'Кравцова Ирина Олеговна', address: 'Санкт-Петербург, Малая Морская ул., 10', contract_number: 'ДМС-14/2025' },
  { name: 'Балтийский страховой дом', legal_name: 'ООО «Балтийский страховой дом»', inn: '7802000022', kpp: '780201001', phone: '+78124470022', email: 'med@bsd.example', contact_person: 'Орлов Денис Викторович', address: 'Санкт-Петербург, Среднеохтинский пр., 4', contract_number: '77-СТ/2026' },
  { name: 'Северо-Запад Мед', legal_name: 'АО «Страховая компания «Северо-Запад Мед»', inn: '7803000033', kpp: '780301001', phone: '+78126660033', email: 'clinics@szmed.example', contact_person: 'Лаптева Ольга Сергеевна', address: 'Санкт-Петербург, Лиговский пр., 50', contract_number: 'СЗМ-0315' },
];
const PROGRAMMES = [['Стоматология «Базовая»', 'Терапия, гигиена, рентген'], ['Стоматология «Расширенная»', 'Терапия, гигиена, хирургия, рентген']] as const;
/** Sections of the demo price list an insurer pays for under these programmes. */
const COVERED = ['Терапия', 'Гигиена', 'Диагностика', 'Консультации'];

interface Opts { h: DbHandle; clinicId: string; nowMs: number; tz: string; rng: Rng; adminId: string; chiefName: string; id: () => string }

/** Seeds the demo's ДМС and tax certificates; returns what it made (for the demo test). */
export async function seedDemoInsurance(o: Opts): Promise<{ insurers: number; policies: number; bills: number; registers: number; certificates: number }> {
  const { rng, clinicId, id } = o;
  const today = localDateOf(o.nowMs, o.tz);
  const at = (date: string, hhmm = '10:00') => new Date(localInstant(date, hhmm, o.tz)).toISOString();
  const monthOf = (date: string, back: number) => {
    const [y, m] = date.split('-').map(Number);
    const k = y * 12 + (m - 1) - back;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  };
  return withTx(o.h, async (trx) => {
    // The demo clinic's tax identifiers (fictitious): registers and certificates print them.
    await trx.updateTable('clinics').set({ inn: '7816000044', kpp: '781601001' }).where('id', '=', clinicId).execute();
    const created = at(addDays(today, -400));
    const insurers = INSURERS.map((x, i) => ({
      id: id(), clinic_id: clinicId, ...x, contract_date: addDays(today, -420 + i * 60), contract_valid_to: i === 2 ? null : `${Number(today.slice(0, 4)) + 1}-12-31`,
      note: i === 1 ? 'Реестр до 5-го числа следующего месяца, оплата в течение 20 рабочих дней' : null, is_active: 1 as const, created_at: created, updated_at: created,
    }));
    await trx.insertInto('insurers').values(insurers).execute();
    const programmes = insurers.flatMap((ins) => PROGRAMMES.map(([name, description]) => ({ id: id(), clinic_id: clinicId, insurer_id: ins.id, name, description, is_active: 1 as const })));
    await trx.insertInto('insurance_programmes').values(programmes).execute();

    // Patients with finished visits in the last three months and no bill on them yet.
    const from3 = addDays(today, -95);
    const visits = await trx
      .selectFrom('appointments as a')
      .innerJoin('patients as p', 'p.id', 'a.patient_id')
      .select(['a.id', 'a.patient_id', 'a.doctor_id', 'a.branch_id', 'a.chair_id', 'a.local_date', 'a.ends_at', 'p.card_number', 'p.surname', 'p.first_name', 'p.patronymic', 'p.birth_date'])
      .where('a.clinic_id', '=', clinicId)
      .where('a.status', '=', 'done')
      .where('a.local_date', '>=', from3)
      .where('p.pd_state', '=', 'active')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('bills as b').select('b.id').whereRef('b.appointment_id', '=', 'a.id'))))
      .orderBy('p.card_number')
      .orderBy('a.starts_at')
      .execute();
    const byPatient = new Map<string, typeof visits>();
    for (const v of visits) byPatient.set(v.patient_id, [...(byPatient.get(v.patient_id) ?? []), v]);
    const candidates = [...byPatient.keys()];
    const insured = new Set<string>();
    // This month's register must have something to send whatever the day: a patient with a finished,
    // unbilled visit of this month (if any) is insured first, so that their policy is a valid one.
    const monthStart = `${today.slice(0, 7)}-01`;
    const thisMonth = visits.find((v) => v.local_date >= monthStart);
    if (thisMonth && candidates.length > 6) insured.add(thisMonth.patient_id);
    while (insured.size < Math.min(40, candidates.length - 6)) insured.add(rng.pick(candidates));
    const others = candidates.filter((c) => !insured.has(c));

    const prices = await trx
      .selectFrom('price_items as i')
      .innerJoin('price_versions as v', 'v.item_id', 'i.id')
      .select(['i.id', 'i.code', 'i.name', 'i.section', 'v.id as version_id', 'v.valid_from', 'v.price_min'])
      .where('i.clinic_id', '=', clinicId)
      .where('i.is_active', '=', 1)
      .where('i.section', 'in', COVERED)
      .where(sql<boolean>`v.price_max is null`)
      .orderBy('i.code')
      .orderBy('v.valid_from')
      .execute();
    const itemIds = [...new Set(prices.map((p) => p.id))];
    const priceOn = (itemId: string, date: string) => prices.filter((p) => p.id === itemId && p.valid_from <= date).at(-1);

    let billNo = Number((await trx.selectFrom('bills').select((eb) => eb.fn.max('number').as('n')).where('clinic_id', '=', clinicId).executeTakeFirst())?.n ?? 0);
    let receiptNo = Number((await trx.selectFrom('payments').select((eb) => eb.fn.max('number').as('n')).where('clinic_id', '=', clinicId).executeTakeFirst())?.n ?? 0);
    const makeBill = async (v: (typeof visits)[number], payer: 'patient' | 'insurer') => {
      const lines = [];
      const n = rng.int(1, 3);
      const picked = new Set<string>();
      for (let k = 0; k < n; k++) {
        const item = rng.pick(itemIds);
        const p = priceOn(item, v.local_date);
        if (!p || picked.has(item)) continue;
        picked.add(item);
        const quantity = p.section === 'Диагностика' && rng.chance(0.3) ? 2 : 1;
        lines.push({ p, quantity, amount: Number(p.price_min) * quantity });
      }
      if (!lines.length) return null;
      const billId = id();
      const total = lines.reduce((s, l) => s + l.amount, 0);
      await trx.insertInto('bills').values({
        id: billId, clinic_id: clinicId, branch_id: v.branch_id, patient_id: v.patient_id, appointment_id: v.id, number: ++billNo, status: 'issued', payer, total, discount_total: 0,
        note: null, created_by: o.adminId, created_at: v.ends_at, issued_by: o.adminId, issued_at: v.ends_at, cancelled_by: null, cancelled_at: null, cancel_reason: null, updated_at: v.ends_at,
      }).execute();
      await trx.insertInto('bill_lines').values(lines.map((l, i) => ({
        id: id(), clinic_id: clinicId, bill_id: billId, position: i + 1, price_item_id: l.p.id, price_version_id: l.p.version_id, code: l.p.code, name: l.p.name,
        unit_price: Number(l.p.price_min), quantity: l.quantity, discount: 0, discount_reason: null, amount: l.amount, doctor_id: v.doctor_id, assistant_id: null, tooth: null,
      }))).execute();
      return { billId, total, lines };
    };

    // Policies, letters, and the visits billed to the insurer within the policy, the letter and its limit.
    let policies = 0;
    const linked: { billId: string; insurerId: string; date: string; amount: number; bill: RegisterBill }[] = [];
    const cover: { patientId: string; ins: (typeof insurers)[number]; policyId: string; number: string; letterId: string; letterNo: string; limit: number; billed: number; validTo: string }[] = [];
    /** Bills a visit to the patient's insurer within the letter's limit (else to the patient); false if it went to the patient. */
    const billToInsurer = async (c: (typeof cover)[number], v: (typeof visits)[number]) => {
      const b = await makeBill(v, 'insurer');
      if (!b) return false;
      if (c.billed + b.total > c.limit) { await trx.updateTable('bills').set({ payer: 'patient' }).where('id', '=', b.billId).execute(); return false; }
      c.billed += b.total;
      await trx.insertInto('bill_insurance').values({
        bill_id: b.billId, clinic_id: clinicId, insurer_id: c.ins.id, policy_id: c.policyId, letter_id: c.letterId, service_date: v.local_date, amount: b.total, register_id: null,
        created_by: o.adminId, created_at: v.ends_at,
      }).execute();
      const doc = (await trx.selectFrom('doctors').select(['surname', 'first_name', 'patronymic']).where('id', '=', v.doctor_id).executeTakeFirstOrThrow());
      linked.push({
        billId: b.billId, insurerId: c.ins.id, date: v.local_date, amount: b.total,
        bill: {
          billId: b.billId, billNumber: billNo, serviceDate: v.local_date, patientName: [v.surname, v.first_name, v.patronymic].filter(Boolean).join(' '), cardNumber: v.card_number,
          policyNumber: c.number, letterNumber: c.letterNo, amount: b.total,
          services: b.lines.map((l) => ({ code: l.p.code, name: l.p.name, quantity: l.quantity, unitPrice: Number(l.p.price_min), amount: l.amount, doctor: `${doc.surname} ${doc.first_name[0]}.${doc.patronymic ? ` ${doc.patronymic[0]}.` : ''}` })),
        },
      });
      return true;
    };
    for (const [k, patientId] of [...insured].entries()) {
      const ins = insurers[k % 3];
      const expired = k % 10 === 7;
      const validFrom = addDays(today, -rng.int(200, 330));
      const validTo = expired ? addDays(today, -rng.int(10, 40)) : addDays(validFrom, 364);
      const policyId = id();
      const number = `${ins.name.slice(0, 2).toUpperCase()}-${rng.digits(8)}`;
      await trx.insertInto('insurance_policies').values({
        id: policyId, clinic_id: clinicId, patient_id: patientId, insurer_id: ins.id, programme_id: programmes[(k % 3) * 2 + (k % 2)].id, number, valid_from: validFrom, valid_to: validTo,
        note: null, created_at: at(validFrom), updated_at: at(validFrom),
      }).execute();
      policies++;
      const letterId = id();
      const issuedOn = addDays(today, -100);
      const limit = rng.int(4, 10) * 1_000_000;
      const letterNo = `ГП-${rng.digits(6)}`;
      await trx.insertInto('guarantee_letters').values({
        id: letterId, clinic_id: clinicId, insurer_id: ins.id, policy_id: policyId, number: letterNo, issued_on: issuedOn, valid_to: validTo, limit_amount: limit,
        covers: k % 2 ? 'Лечение кариеса, гигиена полости рта, рентген' : 'Консультации, лечение кариеса и пульпита, рентген', created_by: o.adminId, created_at: at(issuedOn),
      }).execute();
      const c = { patientId, ins, policyId, number, letterId, letterNo, limit, billed: 0, validTo };
      cover.push(c);
      for (const v of byPatient.get(patientId)!) {
        if (v.local_date < issuedOn || v.local_date > validTo) continue;
        await billToInsurer(c, v);
      }
    }

    // No insured visit of this month yet (its first hours, the New Year holidays, or the money demo billed
    // them all): a patient with a valid policy came with acute pain early today, before now and before
    // the clinic's usual hours, and the visit is billed to the insurer.
    if (!linked.some((l) => l.date >= monthStart)) {
      const c = cover.filter((x) => x.validTo >= today).sort((a, b) => (b.limit - b.billed) - (a.limit - a.billed))[0];
      const last = c && byPatient.get(c.patientId)!.at(-1);
      if (c && last) {
        const midnight = localInstant(today, '00:00', o.tz);
        const endMs = Math.max(midnight, Math.min(o.nowMs - 60_000, localInstant(today, '08:00', o.tz)));
        const startMs = Math.max(midnight, endMs - 30 * 60_000);
        const iso = (ms: number) => new Date(ms).toISOString();
        const row = {
          id: id(), clinic_id: clinicId, branch_id: last.branch_id, doctor_id: last.doctor_id, chair_id: last.chair_id, patient_id: c.patientId,
          starts_at: iso(startMs), ends_at: iso(endMs), local_date: today, kind: 'urgent', status: 'done', squeeze_in: 1, needs_call: 0, comment: 'Острая боль, принят до начала приёма',
          created_at: iso(startMs - 10 * 60_000), created_by: o.adminId, updated_at: iso(endMs), status_changed_at: iso(endMs), services: null, call_id: null,
          arrived_at: iso(startMs - 5 * 60_000), in_chair_at: iso(startMs), done_at: iso(endMs),
        } as const;
        await trx.insertInto('appointments').values(row).execute();
        await trx.insertInto('appointment_history').values(recallHistory([row], id)).execute();
        await billToInsurer(c, { ...last, id: row.id, local_date: today, ends_at: row.ends_at });
      }
    }

    // Registers: the month before last sent on the 5th and paid on the 25th; last month sent on the 5th, waiting.
    let regNo = 0;
    for (const back of [2, 1]) {
      const month = monthOf(today, back);
      const { from, to } = monthRange(month);
      // Sent by the 5th of the next month (today, if the 5th is still ahead), never after now.
      const fifth = `${monthOf(today, back - 1)}-05`;
      const sentOn = fifth > today ? today : fifth;
      const sentAt = new Date(Math.min(Date.parse(at(sentOn, '11:00')), o.nowMs - 60_000)).toISOString();
      for (const ins of insurers) {
        const rows = linked.filter((l) => l.insurerId === ins.id && l.date >= from && l.date <= to);
        if (!rows.length) continue;
        const content = buildRegister(month, { name: ins.name, legalName: ins.legal_name, inn: ins.inn, kpp: ins.kpp, contractNumber: ins.contract_number, contractDate: ins.contract_date }, rows.map((r) => r.bill));
        const regId = id();
        const paidOn = back === 2 ? `${monthOf(today, 1)}-25` : null;
        await trx.insertInto('insurance_registers').values({
          id: regId, clinic_id: clinicId, insurer_id: ins.id, month, number: ++regNo, status: paidOn ? 'paid' : 'sent', total: content.total, bills_count: rows.length,
          content_json: JSON.stringify(content), sent_by: o.adminId, sent_at: sentAt, paid_amount: paidOn ? content.total : null, paid_on: paidOn,
          payment_ref: paidOn ? rng.digits(5) : null, paid_by: paidOn ? o.adminId : null, paid_at: paidOn ? at(paidOn, '15:00') : null,
        }).execute();
        await trx.updateTable('bill_insurance').set({ register_id: regId }).where('bill_id', 'in', rows.map((r) => r.billId)).execute();
        if (!paidOn) continue;
        for (const r of rows) {
          const b = await trx.selectFrom('bills').select(['patient_id', 'branch_id']).where('id', '=', r.billId).executeTakeFirstOrThrow();
          await trx.insertInto('payments').values({
            id: id(), clinic_id: clinicId, branch_id: b.branch_id, patient_id: b.patient_id, bill_id: r.billId, shift_id: null, number: ++receiptNo, kind: 'payment', method: 'insurer',
            amount: r.amount, refund_of: null, reason: `Реестр № ${regNo}`, payer_name: ins.name, created_by: o.adminId, created_at: at(paidOn, '15:00'),
          }).execute();
        }
      }
    }

    // Tax certificates: a few patients paid their visits by bank transfer; three asked for the certificate.
    const clinic = await trx.selectFrom('clinics').select(['name', 'legal_name', 'inn', 'kpp', 'licence']).where('id', '=', clinicId).executeTakeFirstOrThrow();
    let certNo = 0;
    for (const [k, patientId] of others.slice(0, 6).entries()) {
      let paid = 0;
      for (const v of byPatient.get(patientId)!.slice(0, 2)) {
        const b = await makeBill(v, 'patient');
        if (!b) continue;
        paid += b.total;
        await trx.insertInto('payments').values({
          id: id(), clinic_id: clinicId, branch_id: v.branch_id, patient_id: patientId, bill_id: b.billId, shift_id: null, number: ++receiptNo, kind: 'payment', method: 'transfer',
          amount: b.total, refund_of: null, reason: null, payer_name: null, created_by: o.adminId, created_at: v.ends_at,
        }).execute();
      }
      if (k >= 3 || paid === 0 || !clinic.inn) continue;
      // The certificate states all the year's money of the patient (the money demo's payments too), as the service computes it.
      const moves = await trx.selectFrom('payments').select(['kind', 'method', 'amount']).where('patient_id', '=', patientId)
        .where('created_at', '>=', at(`${today.slice(0, 4)}-01-01`, '00:00')).execute();
      paid = taxPaidSum(moves.map((m) => ({ ...m, amount: Number(m.amount) })));
      if (paid <= 0) continue; // early January: nothing paid this year yet
      const v = byPatient.get(patientId)![0];
      const fullName = [v.surname, v.first_name, v.patronymic].filter(Boolean).join(' ');
      const issuedOn = addDays(today, -k * 3);
      const content = {
        number: ++certNo, year: Number(today.slice(0, 4)), issuedOn, clinic: { name: clinic.name, legalName: clinic.legal_name, inn: clinic.inn, kpp: clinic.kpp, licence: clinic.licence },
        taxpayer: { fullName, inn: null, birthDate: v.birth_date ?? '1980-01-01', document: `Паспорт РФ 40 1${k} ${rng.digits(6)}` }, relation: 'self' as const,
        patient: { fullName, birthDate: v.birth_date }, serviceCode: 1 as const, amount: paid, issuedBy: o.chiefName,
      };
      await trx.insertInto('tax_certificates').values({
        id: id(), clinic_id: clinicId, patient_id: patientId, year: content.year, number: certNo, taxpayer_name: fullName, taxpayer_inn: null, taxpayer_birth_date: content.taxpayer.birthDate,
        taxpayer_document: content.taxpayer.document, relation: 'self', service_code: 1, amount: paid, content_json: JSON.stringify(content), issued_by: o.adminId, issued_at: at(issuedOn, '12:00'),
      }).execute();
    }
    await raiseCounter(trx, clinicId, 'bill', billNo);
    await raiseCounter(trx, clinicId, 'receipt', receiptNo);
    await raiseCounter(trx, clinicId, 'insurance_register', regNo);
    await raiseCounter(trx, clinicId, 'tax_certificate', certNo);
    return { insurers: insurers.length, policies, bills: linked.length, registers: regNo, certificates: certNo };
  });
}
