import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { pdfText } from '../support/pdf-text.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

// The test clock stands at Monday 2026-11-23 12:00 Moscow.
const TODAY = '2026-11-23';

describe.each(DIALECTS)('the cash desk (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  let chief: ReturnType<typeof as>;
  let dentist: ReturnType<typeof as>;
  let assistant: ReturnType<typeof as>;
  let office: ReturnType<typeof as>;
  let filling: string;
  let implant: string;
  let visit: string;
  let billId: string;
  let cashPayment: string;
  let shiftId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    dentist = as(t.app, await signIn(t.app, t.fx.users.dentist.login));
    assistant = as(t.app, await signIn(t.app, t.fx.users.assistant.login));
    office = as(t.app, await signIn(t.app, t.fx.users.office_manager.login));
    filling = (await chief('POST', '/api/price-list', { code: 'Т-01', name: 'Пломба светоотверждаемая', section: 'Терапия', priceMin: 550_000 })).json().id;
    implant = (await chief('POST', '/api/price-list', { code: 'И-01', name: 'Имплантация', section: 'Хирургия', priceMin: 2_500_000, priceMax: 4_500_000 })).json().id;
    const v = await f.admin('POST', '/api/appointments', { patientId: f.patients[0], doctorId: f.orlova, startsAt: msk(TODAY, '13:00'), kind: 'repeat' });
    expect(v.statusCode, v.body).toBe(201);
    visit = v.json().id;
  });
  afterAll(() => t.close());

  const money = async () => (await f.admin('GET', `/api/patients/${f.patients[0]}/money`)).json();

  it('the doctor composes the bill; an assistant or the office manager may not', async () => {
    expect((await assistant('POST', '/api/bills', { appointmentId: visit })).statusCode).toBe(403);
    expect((await office('GET', `/api/patients/${f.patients[0]}/money`)).statusCode).toBe(403);
    const r = await dentist('POST', '/api/bills', { appointmentId: visit });
    expect(r.statusCode, r.body).toBe(201);
    billId = r.json().id;
    expect(r.json()).toMatchObject({ status: 'draft', total: 0, visitDate: TODAY, patientName: 'Иванов Иван' });
    const again = await f.admin('POST', '/api/bills', { appointmentId: visit });
    expect(again.statusCode).toBe(409);
    expect((await f.admin('GET', `/api/appointments/${visit}/bill`)).json().bill.id).toBe(billId);
  });

  it('lines come from the price list at the visit\'s date; a range needs a price inside it', async () => {
    const noPrice = await dentist('PUT', `/api/bills/${billId}/lines`, { lines: [{ priceItemId: implant, quantity: 1 }] });
    expect(noPrice.statusCode).toBe(400);
    expect(noPrice.json().errors[0].field).toContain('lines.0.unitPrice');
    const outside = await dentist('PUT', `/api/bills/${billId}/lines`, { lines: [{ priceItemId: implant, quantity: 1, unitPrice: 5_000_000 }] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].message_ru).toContain('диапазон');
    const ok = await dentist('PUT', `/api/bills/${billId}/lines`, {
      lines: [{ priceItemId: filling, quantity: 2, tooth: '16' }, { priceItemId: implant, quantity: 1, unitPrice: 3_000_000, assistantId: t.fx.users.assistant.id }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ total: 4_100_000, discountTotal: 0 });
    expect(ok.json().lines[0]).toMatchObject({ code: 'Т-01', unitPrice: 550_000, quantity: 2, amount: 1_100_000, tooth: '16', doctorName: 'Орлова М.' });
    expect(ok.json().lines[1].assistantId).toBe(t.fx.users.assistant.id);
  });

  it('a discount needs management\'s permission and a reason (403 problem+json otherwise)', async () => {
    const line = { priceItemId: filling, quantity: 1, discount: { kind: 'percent', value: 10 }, discountReason: 'Постоянный пациент' };
    const byAdmin = await f.admin('PUT', `/api/bills/${billId}/lines`, { lines: [line] });
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.headers['content-type']).toContain('application/problem+json');
    expect(byAdmin.json().detail_ru).toContain('Скидку');
    const noReason = await chief('PUT', `/api/bills/${billId}/lines`, { lines: [{ ...line, discountReason: ' ' }] });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toContain('discountReason');
    const ok = await chief('PUT', `/api/bills/${billId}/lines`, { lines: [line, { priceItemId: filling, quantity: 1 }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ total: 1_045_000, discountTotal: 55_000 });
    expect(ok.json().lines[0]).toMatchObject({ discount: 55_000, discountReason: 'Постоянный пациент', amount: 495_000 });
  });

  it('issued, the bill is frozen and a same-day price correction leaves it unchanged', async () => {
    expect((await f.admin('POST', `/api/payments`, { patientId: f.patients[0], billId, method: 'transfer', amount: 100 })).statusCode).toBe(400);
    const issued = await f.admin('POST', `/api/bills/${billId}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({ status: 'issued', outstanding: 1_045_000 });
    expect((await chief('PUT', `/api/bills/${billId}/lines`, { lines: [] })).statusCode).toBe(409);
    const corrected = await chief('POST', `/api/price-list/${filling}/versions`, { validFrom: TODAY, priceMin: 600_000 });
    expect(corrected.statusCode).toBe(200);
    const after = (await f.admin('GET', `/api/bills/${billId}`)).json();
    expect(after.lines.map((l: { unitPrice: number }) => l.unitPrice)).toEqual([550_000, 550_000]);
    expect(after.total).toBe(1_045_000);
    expect((await money()).balance).toBe(-1_045_000);
  });

  it('cash and card need the branch\'s open shift: 409 with a clear message', async () => {
    const r = await f.admin('POST', '/api/payments', { patientId: f.patients[0], billId, method: 'cash', amount: 100_000 });
    expect(r.statusCode).toBe(409);
    expect(r.json().detail_ru).toContain('Кассовая смена не открыта');
    expect(r.json().detail_en).toContain('No cash shift');
    expect((await dentist('POST', '/api/cash/shifts', { branchId: t.fx.branchId, openingFloat: 0 })).statusCode).toBe(403);
    const open = await f.admin('POST', '/api/cash/shifts', { branchId: t.fx.branchId, openingFloat: 500_000 });
    expect(open.statusCode, open.body).toBe(201);
    shiftId = open.json().id;
    expect(open.json()).toMatchObject({ number: 1, openingFloat: 500_000, closedAt: null, expectedCash: 500_000 });
    expect((await f.admin('POST', '/api/cash/shifts', { branchId: t.fx.branchId, openingFloat: 0 })).statusCode).toBe(409);
  });

  it('part payments never exceed what is owed; advances and paying from the balance; the fiscal outbox gets cash and card', async () => {
    const part = await f.admin('POST', '/api/payments', { patientId: f.patients[0], billId, method: 'cash', amount: 400_000 });
    expect(part.statusCode, part.body).toBe(201);
    cashPayment = part.json().id;
    expect(part.json()).toMatchObject({ kind: 'payment', method: 'cash', amount: 400_000, shiftId, billNumber: 1, refundable: 400_000 });
    const over = await f.admin('POST', '/api/payments', { patientId: f.patients[0], billId, method: 'card', amount: 645_001 });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors[0].field).toBe('amount');
    const noBranch = await f.admin('POST', '/api/payments', { patientId: f.patients[0], method: 'card', amount: 300_000 });
    expect(noBranch.statusCode).toBe(400);
    const advance = await f.admin('POST', '/api/payments', { patientId: f.patients[0], branchId: t.fx.branchId, method: 'card', amount: 300_000, payerName: 'Иванова Мария Петровна' });
    expect(advance.statusCode, advance.body).toBe(201);
    expect((await f.admin('POST', '/api/payments', { patientId: f.patients[0], billId, method: 'advance', amount: 300_001 })).statusCode).toBe(400);
    const fromBalance = await f.admin('POST', '/api/payments', { patientId: f.patients[0], billId, method: 'advance', amount: 200_000 });
    expect(fromBalance.statusCode, fromBalance.body).toBe(201);
    expect(fromBalance.json().shiftId).toBeNull();
    const m = await money();
    // Paid 4 000 + 2 000 from the 3 000 advance: owed 4 450; 1 000 of credit left; balance −3 450.
    expect(m).toMatchObject({ debt: 445_000, credit: 100_000, balance: -345_000 });
    expect(m.bills[0]).toMatchObject({ paid: 600_000, outstanding: 445_000 });
    const outbox = await t.h.db.selectFrom('fiscal_outbox').selectAll().orderBy('created_at').execute();
    // Cash, the card advance, and paying from the balance: the advance's settlement has its own receipt (54-FZ «зачёт аванса»).
    expect(outbox.map((o) => o.operation)).toEqual(['sell', 'sell', 'sell']);
    const settled = JSON.parse(outbox.find((o) => o.payment_id === fromBalance.json().id)!.payload_json);
    expect(settled).toMatchObject({ operation: 'sell', total: 200_000, payment: { type: 'prepaid', amount: 200_000 } });
    expect(settled.items).toEqual([expect.objectContaining({ name: 'Частичная оплата по счёту № 1', amount: 200_000, settlement: 'partial_payment' })]);
    const doc = JSON.parse(outbox[0].payload_json);
    expect(doc).toMatchObject({ operation: 'sell', total: 400_000, vatLabel: 'без НДС', payment: { type: 'cash', amount: 400_000 }, customerContact: '+79210000000' });
    expect(doc.items[0]).toMatchObject({ name: 'Частичная оплата по счёту № 1', amount: 400_000, vat: 'none' });
    expect(JSON.parse(outbox.find((o) => o.payment_id === advance.json().id)!.payload_json).payment.type).toBe('electronic');
  });

  it('a refund needs management\'s permission, a reason, and never exceeds what was paid', async () => {
    expect((await f.admin('POST', `/api/payments/${cashPayment}/refund`, { amount: 100_000, reason: 'Ошибка' })).statusCode).toBe(403);
    const tooMuch = await chief('POST', `/api/payments/${cashPayment}/refund`, { amount: 400_001, reason: 'Ошибка' });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().errors[0].message_ru).toContain('4');
    const r = await chief('POST', `/api/payments/${cashPayment}/refund`, { amount: 150_000, reason: 'Пломба не поставлена' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ kind: 'refund', method: 'cash', amount: 150_000, refundOf: cashPayment, reason: 'Пломба не поставлена', shiftId });
    expect((await f.admin('GET', `/api/payments/${cashPayment}`)).json().refundable).toBe(250_000);
    expect((await chief('POST', `/api/payments/${cashPayment}/refund`, { amount: 250_001, reason: 'Ещё' })).statusCode).toBe(400);
    const outbox = await t.h.db.selectFrom('fiscal_outbox').select('operation').where('payment_id', '=', r.json().id).execute();
    expect(outbox).toEqual([{ operation: 'sell_return' }]);
    expect((await money()).debt).toBe(595_000);
    const cancel = await f.admin('POST', `/api/bills/${billId}/cancel`, { reason: 'Ошибка' });
    expect(cancel.statusCode).toBe(409);
  });

  it('the receipt PDF names the clinic, the patient and the sum in figures and words', async () => {
    const r = await f.admin('GET', `/api/payments/${cashPayment}/receipt.pdf`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(r.rawPayload)).replace(/\s+/g, ' ').replace(/ ₽/g, '₽');
    expect(text).toContain('Квитанция № 1');
    expect(text).toContain('Иванов Иван');
    // Compare without spacing: the layout decides where spaces fall.
    const tight = text.replace(/[\s\u2000-\u206f]/g, '');
    expect(tight).toContain('Получено:4000,00₽');
    expect(tight).toContain('Итогопосчёту:10450,00₽');
    expect(text).toContain('четыре тысячи рублей 00 копеек');
    expect(text).toContain('наличными');
    expect(text).toContain('23.11.2026 12:00');
    expect(text).toContain('Пломба светоотверждаемая');
  });

  it('closing the shift: expected = float + cash in − cash refunds; a discrepancy needs a note and is kept', async () => {
    const x = (await f.admin('GET', `/api/cash/shifts/current?branchId=${t.fx.branchId}`)).json().shift;
    expect(x.report).toMatchObject({ income: 700_000, refunds: 150_000, net: 550_000, cashIn: 400_000, cashOut: 150_000, expectedCash: 750_000 });
    // Per method and per cashier: the administrator's cash, the chief doctor's cash refund, the card.
    expect(x.report.rows.map((r: { method: string; cashierName: string; net: number }) => [r.method, r.net]).sort()).toEqual([['card', 300_000], ['cash', -150_000], ['cash', 400_000]]);
    const noNote = await f.admin('POST', `/api/cash/shifts/${shiftId}/close`, { countedCash: 749_900 });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors[0].field).toBe('note');
    const closed = await f.admin('POST', `/api/cash/shifts/${shiftId}/close`, { countedCash: 749_900, note: 'Недостача 1 ₽: сдача' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ countedCash: 749_900, expectedCash: 750_000, discrepancy: -100, closeNote: 'Недостача 1 ₽: сдача' });
    expect((await f.admin('POST', `/api/cash/shifts/${shiftId}/close`, { countedCash: 750_000 })).statusCode).toBe(409);
    expect((await f.admin('GET', `/api/cash/shifts/current?branchId=${t.fx.branchId}`)).json().shift).toBeNull();
    const pdf = await pdfText((await f.admin('GET', `/api/cash/shifts/${shiftId}/report.pdf`)).rawPayload);
    expect(pdf.replace(/[\s\u2000-\u206f]/g, '')).toContain('недостача1,00₽');
    const audit = await t.h.db.selectFrom('audit_log').select(['action', 'object_type']).where('object_type', 'in', ['bill', 'payment', 'cash_shift']).execute();
    expect(audit.filter((a) => a.object_type === 'cash_shift').map((a) => a.action)).toEqual(['open', 'close']);
    expect(audit.filter((a) => a.action === 'refund')).toHaveLength(1);
  });

  it('two cashiers at once never get the same receipt number', async () => {
    await f.admin('POST', '/api/cash/shifts', { branchId: t.fx.branchId, openingFloat: 0 });
    const second = as(t.app, await signIn(t.app, t.fx.users.owner.login));
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) =>
      (i % 2 ? f.admin : second)('POST', '/api/payments', { patientId: f.patients[1 + (i % 3)], branchId: t.fx.branchId, method: i % 4 ? 'cash' : 'card', amount: 10_000 + i })));
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const numbers = results.map((r) => r.json().number as number);
    expect(new Set(numbers).size).toBe(24);
    const all = await t.h.db.selectFrom('payments').select('number').execute();
    expect(new Set(all.map((p) => p.number)).size).toBe(all.length);
    expect(Math.max(...all.map((p) => p.number))).toBe(all.length);
  });

  it('the schedule learns whose visit carries a debt', async () => {
    const r = await f.admin('GET', `/api/cash/day-balances?date=${TODAY}`);
    expect(r.statusCode).toBe(200);
    expect(r.json().items).toEqual([{ patientId: f.patients[0], balance: -495_000 }]);
  });
});
