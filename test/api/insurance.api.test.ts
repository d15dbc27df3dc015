import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { issuedBill } from '../support/insurance-bills.js';
import { pdfText } from '../support/pdf-text.js';
import { DIALECTS } from '../support/test-db.js';

// The test clock stands at Monday 2026-11-23 12:00 Moscow; the register is October's.
const flat = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');

describe.each(DIALECTS)('ДМС: policies, letters, bills to the insurer, the journal, the monthly register (%s)', (dialect) => {
  let t: TestApp;
  let admin: ReturnType<typeof as>;
  let dentist: ReturnType<typeof as>;
  let insurerA: string;
  let insurerB: string;
  const patients: { id: string; policy: string; letter: string; name: string }[] = [];
  let billNo = 100;
  const bill = (patientId: string, issuedAt: string, lines: { code: string; name: string; unitPrice: number; quantity: number }[]) =>
    issuedBill(t.h.db, { clinicId: t.fx.clinicId, branchId: t.fx.branchId, patientId, userId: t.fx.users.administrator.id, number: ++billNo, issuedAt, lines });

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    dentist = as(t.app, await signIn(t.app, t.fx.users.dentist.login));
    const mk = async (name: string, inn: string) => {
      const r = await admin('POST', '/api/insurers', { name, legalName: `ООО «${name}»`, inn, kpp: '770101001', contractNumber: `Д-${inn.slice(-3)}`, contractDate: '2026-01-15', contractValidTo: '2026-12-31' });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    insurerA = await mk('Альфа-Мед', '7701000001');
    insurerB = await mk('Бета-Полис', '7701000002');
    for (const [i, surname] of ['Ёлкина', 'Авдеев', 'Борисова'].entries()) {
      const p = await admin('POST', '/api/patients', { surname, firstName: 'Ольга', phones: [{ number: `+7921300${String(1000 + i)}` }], sourceId: t.fx.sourceId });
      expect(p.statusCode, p.body).toBe(201);
      const ins = await admin('POST', `/api/patients/${p.json().id}/insurance/policies`, { insurerId: insurerA, number: `А-${i}`, validFrom: '2026-01-01', validTo: '2026-12-31' });
      expect(ins.statusCode, ins.body).toBe(200);
      const policy = ins.json().policies[0].id;
      const l = await admin('POST', `/api/insurance-policies/${policy}/letters`, { number: `ГП-${i}`, issuedOn: '2026-09-01', validTo: '2026-12-31', limit: 5_000_000, covers: 'терапия, гигиена' });
      expect(l.statusCode, l.body).toBe(200);
      patients.push({ id: p.json().id, policy, letter: l.json().policies[0].letters[0].id, name: `${surname} Ольга` });
    }
  });
  afterAll(() => t.close());

  it('only the desk and management keep ДМС: a dentist is refused', async () => {
    expect((await dentist('GET', '/api/insurers')).statusCode).toBe(403);
    expect((await dentist('GET', `/api/patients/${patients[0].id}/insurance`)).statusCode).toBe(403);
    expect((await dentist('GET', '/api/insurance-journal')).statusCode).toBe(403);
    expect((await admin('GET', '/api/insurers')).json().items.map((i: { name: string }) => i.name)).toEqual(['Альфа-Мед', 'Бета-Полис']);
  });

  it('shows an expired policy as such and refuses billing on it, a letter past its date or over its limit, field by field', async () => {
    const p = patients[0];
    const old = await admin('POST', `/api/patients/${p.id}/insurance/policies`, { insurerId: insurerB, number: 'Б-старый', validFrom: '2025-01-01', validTo: '2025-12-31' });
    const expired = old.json().policies.find((x: { number: string }) => x.number === 'Б-старый');
    expect(expired.state).toBe('expired');
    const oldLetter = await admin('POST', `/api/insurance-policies/${expired.id}/letters`, { number: 'ГП-Б1', issuedOn: '2025-06-01', validTo: '2026-12-31', limit: 100_000, covers: 'всё' });
    const oldLetterId = oldLetter.json().policies.find((x: { id: string }) => x.id === expired.id).letters[0].id;
    const b1 = await bill(p.id, '2026-10-05T07:00:00.000Z', [{ code: 'Т-01', name: 'Пломба', unitPrice: 550_000, quantity: 1 }]);
    const r1 = await admin('POST', `/api/insurance-bills/${b1.id}`, { policyId: expired.id, letterId: oldLetterId });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().errors[0].field).toBe('policyId');
    expect(JSON.stringify(r1.json().errors[0])).toContain('истёк 31.12.2025');

    const small = await admin('POST', `/api/insurance-policies/${p.policy}/letters`, { number: 'ГП-мал', issuedOn: '2026-09-01', validTo: '2026-09-30', limit: 600_000, covers: 'терапия' });
    const smallId = small.json().policies.find((x: { id: string }) => x.id === p.policy).letters.find((l: { number: string }) => l.number === 'ГП-мал').id;
    const late = await admin('POST', `/api/insurance-bills/${b1.id}`, { policyId: p.policy, letterId: smallId });
    expect(late.statusCode).toBe(400);
    expect(late.json().errors[0]).toMatchObject({ field: 'letterId' });
    expect(JSON.stringify(late.json().errors[0])).toContain('действовало до 30.09.2026');

    const tight = await admin('POST', `/api/insurance-policies/${p.policy}/letters`, { number: 'ГП-лимит', issuedOn: '2026-10-01', validTo: '2026-10-31', limit: 500_000, covers: 'терапия' });
    const tightId = tight.json().policies.find((x: { id: string }) => x.id === p.policy).letters.find((l: { number: string }) => l.number === 'ГП-лимит').id;
    const over = await admin('POST', `/api/insurance-bills/${b1.id}`, { policyId: p.policy, letterId: tightId });
    expect(over.statusCode).toBe(400);
    expect(flat(over.json().errors[0].message_ru)).toContain('5 500,00 ₽ больше остатка лимита гарантийного письма (5 000,00 ₽)');
    expect(over.json().errors[0].message_en).toContain('exceeds');
    // Nothing half-written: the bill is still the patient's.
    expect((await t.h.db.selectFrom('bills').select('payer').where('id', '=', b1.id).executeTakeFirstOrThrow()).payer).toBe('patient');
    expect((await t.h.db.selectFrom('bill_insurance').selectAll().execute())).toHaveLength(0);
  });

  it('the register of a generated month equals the hand-computed figures; once sent it is fixed, numbered, and paid by the insurer', async () => {
    // October 2026: patient i gets bills on days 3+7k with quantity (k % 2) + 1 of a 1 234,50 ₽ service and one 800,00 ₽ line.
    let expectTotal = 0;
    let expectServices = 0;
    const perPatient = new Map<string, number>();
    for (const [i, p] of patients.entries()) {
      for (let k = 0; k < 3 + i; k++) {
        const day = String(3 + 7 * (k % 4)).padStart(2, '0');
        const q = (k % 2) + 1;
        const b = await bill(p.id, `2026-10-${day}T0${i}:30:00.000Z`, [{ code: 'Т-02', name: 'Лечение кариеса', unitPrice: 123_450, quantity: q }, { code: 'Г-01', name: 'Гигиена', unitPrice: 80_000, quantity: 1 }]);
        const r = await admin('POST', `/api/insurance-bills/${b.id}`, { policyId: p.policy, letterId: p.letter });
        expect(r.statusCode, r.body).toBe(200);
        expectTotal += 123_450 * q + 80_000;
        expectServices += q + 1;
        perPatient.set(p.name, (perPatient.get(p.name) ?? 0) + 123_450 * q + 80_000);
      }
    }
    // Hand-computed: 3+4+5 = 12 bills; quantities 1,2,1 | 1,2,1,2 | 1,2,1,2,1 → 4 + 6 + 7 = 17 of Т-02 and 12 of Г-01.
    expect(expectTotal).toBe(17 * 123_450 + 12 * 80_000);
    expect(expectServices).toBe(29);
    // A November bill stays out of October's register.
    const nov = await bill(patients[1].id, '2026-11-02T05:00:00.000Z', [{ code: 'Т-02', name: 'Лечение кариеса', unitPrice: 123_450, quantity: 1 }]);
    expect((await admin('POST', `/api/insurance-bills/${nov.id}`, { policyId: patients[1].policy, letterId: patients[1].letter })).statusCode).toBe(200);

    const draft = await admin('GET', `/api/insurance-registers/draft?insurerId=${insurerA}&month=2026-10`);
    expect(draft.json().content).toMatchObject({ total: 3_058_650, servicesCount: 29 });
    expect(draft.json().content.bills).toHaveLength(12);
    expect(draft.json().content.patients.map((x: { patientName: string; amount: number }) => [x.patientName, x.amount])).toEqual(
      [...perPatient.entries()].sort((a, b) => a[0].localeCompare(b[0], 'ru')).map(([n, a]) => [`${n}`, a]),
    );

    const sent = await admin('POST', '/api/insurance-registers', { insurerId: insurerA, month: '2026-10' });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ number: 1, status: 'sent', total: 3_058_650, billsCount: 12 });
    const again = await admin('POST', '/api/insurance-registers', { insurerId: insurerA, month: '2026-10' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('month');

    const journal = await admin('GET', `/api/insurance-journal?from=2026-10-01&to=2026-11-30&insurerId=${insurerA}`);
    expect(journal.json()).toMatchObject({ total: 13, sum: 3_058_650 + 123_450 });
    expect(journal.json().items[0]).toMatchObject({ serviceDate: '2026-11-02', status: 'billed', policyNumber: 'А-1', letterNumber: 'ГП-1' });
    const inReg = await admin('GET', '/api/insurance-journal?from=2026-10-01&to=2026-11-30&status=in_register');
    expect(inReg.json().total).toBe(12);
    const found = await admin('GET', `/api/insurance-journal?from=2026-10-01&to=2026-11-30&q=${encodeURIComponent('елкина')}`);
    expect(found.json().total).toBe(3);

    const csv = await admin('GET', `/api/insurance-registers/${sent.json().id}/file?format=csv`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(1 + 24 + 1);
    expect(lines.at(-1)).toBe(';;Итого;;;;;;;29;;30586,50;');
    const pdf = await admin('GET', `/api/insurance-registers/${sent.json().id}/file?format=pdf`);
    const text = flat(await pdfText(pdf.rawPayload));
    expect(text).toContain('Реестр оказанных медицинских услуг № 1');
    expect(text).toContain('за октябрь 2026');
    expect(text).toMatch(/на сумму 30 586,50 ?₽/);
    expect(text).not.toContain('\u0000');

    const wrong = await admin('POST', `/api/insurance-registers/${sent.json().id}/payment`, { amount: 3_000_000, paidOn: '2026-11-20' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('amount');
    const paid = await admin('POST', `/api/insurance-registers/${sent.json().id}/payment`, { amount: 3_058_650, paidOn: '2026-11-23', paymentRef: '4512' });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid', paidAmount: 3_058_650 });
    const moves = await t.h.db.selectFrom('payments').select(['method', 'amount', 'payer_name']).where('method', '=', 'insurer').execute();
    expect(moves).toHaveLength(12);
    expect(moves.reduce((s, m) => s + Number(m.amount), 0)).toBe(3_058_650);
    expect(moves[0].payer_name).toBe('Альфа-Мед');
    expect((await admin('POST', `/api/insurance-registers/${sent.json().id}/payment`, { amount: 3_058_650, paidOn: '2026-11-23' })).statusCode).toBe(409);
    expect((await admin('GET', '/api/insurance-journal?from=2026-10-01&to=2026-10-31&status=paid')).json().total).toBe(12);
    // A register is fixed: its stored content does not follow later changes.
    expect((await admin('GET', `/api/insurance-registers/${sent.json().id}`)).json().content.total).toBe(3_058_650);
  });

  it('the insurer pays a register less the bills its experts refused: each refused bill keeps the reason and stays owed', async () => {
    // September 2026: one bill per patient, 1 000,00 ₽, 2 000,00 ₽ and 3 000,00 ₽.
    const ids: string[] = [];
    for (const [i, p] of patients.entries()) {
      const b = await bill(p.id, `2026-09-1${i}T06:00:00.000Z`, [{ code: 'Т-02', name: 'Лечение кариеса', unitPrice: 100_000 * (i + 1), quantity: 1 }]);
      expect((await admin('POST', `/api/insurance-bills/${b.id}`, { policyId: p.policy, letterId: p.letter })).statusCode).toBe(200);
      ids.push(b.id);
    }
    const sent = await admin('POST', '/api/insurance-registers', { insurerId: insurerA, month: '2026-09' });
    expect(sent.statusCode, sent.body).toBe(201);
    const reg = sent.json().id as string;
    expect(sent.json()).toMatchObject({ total: 600_000, rejected: [] });
    const pay = (body: object) => admin('POST', `/api/insurance-registers/${reg}/payment`, { paidOn: '2026-11-23', ...body });

    // The sum must be the total less the refused bills, to the kopeck; the refusal names a bill of this register, with a reason.
    const short = await pay({ amount: 400_000 });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ field: 'amount' });
    expect(short.json().errors[0].message_ru).toContain('отметьте');
    const off = await pay({ amount: 399_999, rejected: [{ billId: ids[1], reason: 'Нет показаний к лечению' }] });
    expect(off.json().errors[0].field).toBe('amount');
    const foreign = await pay({ amount: 400_000, rejected: [{ billId: ids[0].replace(/.$/, (c) => (c === '0' ? '1' : '0')), reason: 'x' }] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('rejected.0.billId');
    const noReason = await pay({ amount: 400_000, rejected: [{ billId: ids[1], reason: '   ' }] });
    expect(noReason.statusCode).toBe(400);
    const all = await pay({ amount: 0, rejected: ids.map((billId) => ({ billId, reason: 'Нет договора' })) });
    expect(all.statusCode).toBe(400);
    expect(await t.h.db.selectFrom('bill_insurance').select('bill_id').where('rejected_reason', 'is not', null).execute()).toEqual([]);

    const paid = await pay({ amount: 400_000, paymentRef: '7781', rejected: [{ billId: ids[1], reason: '  Нет показаний к лечению ' }] });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid', paidAmount: 400_000, rejected: [{ billId: ids[1], amount: 200_000, reason: 'Нет показаний к лечению' }] });
    const moves = await t.h.db.selectFrom('payments').select(['bill_id', 'amount']).where('method', '=', 'insurer').where('bill_id', 'in', ids).execute();
    expect(moves.map((m) => [m.bill_id, Number(m.amount)]).sort()).toEqual([[ids[0], 100_000], [ids[2], 300_000]].sort());
    // The refused bill stays owed; the journal says why.
    expect((await admin('GET', `/api/bills/${ids[1]}`)).json()).toMatchObject({ outstanding: 200_000, paid: 0 });
    expect((await admin('GET', `/api/bills/${ids[0]}`)).json()).toMatchObject({ outstanding: 0 });
    const refused = await admin('GET', '/api/insurance-journal?from=2026-09-01&to=2026-09-30&status=rejected');
    expect(refused.json()).toMatchObject({ total: 1, sum: 200_000, items: [{ billId: ids[1], status: 'rejected', rejectedReason: 'Нет показаний к лечению' }] });
    expect((await admin('GET', '/api/insurance-journal?from=2026-09-01&to=2026-09-30&status=paid')).json().total).toBe(2);
  });

  it('a bill the patient has already paid on, or a draft, is not handed over; bad input is a field error, never a 500', async () => {
    expect((await admin('POST', `/api/insurance-bills/${patients[0].id}`, { policyId: patients[0].policy, letterId: patients[0].letter })).statusCode).toBe(404);
    const bad = await admin('POST', '/api/insurers', { name: 'Гамма', legalName: 'ООО', inn: '12345', contractNumber: '1', contractDate: '2026-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['contractDate', 'inn']);
    const dates = await admin('POST', `/api/patients/${patients[0].id}/insurance/policies`, { insurerId: insurerA, number: 'Х-1', validFrom: '2026-12-01', validTo: '2026-01-01' });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().errors[0].field).toBe('validTo');
    expect((await admin('POST', '/api/insurance-registers', { insurerId: insurerA, month: '2027-01' })).statusCode).toBe(400);
  });
});
