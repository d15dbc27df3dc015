import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

/**
 * REC-1, one rule everywhere: the recall worklist, the gaps list's check-ups, the mailing segment
 * «Пора на профосмотр» and the owner's recall figures name the same patients on Monday 23 November 2026 — first under the default rules (the
 * clinic set none), then under the clinic's own scheme, then with it switched off. A small data set
 * with every figure worked out by hand below.
 */
describe.each(DIALECTS)('recall: the worklist, the gaps list and the statistics agree (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  let chief: ReturnType<typeof as>;
  let hyg: string;
  const P: Record<string, string> = {};
  const key = (id: string) => Object.entries(P).find(([, v]) => v === id)?.[0] ?? '?';
  let n = 0;
  const visit = async (o: { patient: string; doctor: string; date: string; status: string; kind: string }) => {
    const h = String(9 + (n++ % 10)).padStart(2, '0');
    const done = o.status === 'done';
    await t.h.db.insertInto('appointments').values({
      id: newId(), clinic_id: t.fx.clinicId, branch_id: t.fx.branchId, doctor_id: o.doctor, chair_id: null, patient_id: o.patient,
      starts_at: msk(o.date, `${h}:00`), ends_at: msk(o.date, `${h}:30`), local_date: o.date, kind: o.kind, status: o.status, squeeze_in: 0, needs_call: 0, comment: null,
      created_at: msk('2025-01-10', '10:00'), created_by: null, updated_at: msk('2025-01-10', '10:00'), status_changed_at: msk('2025-01-10', '10:00'), services: null, call_id: null,
      done_at: done ? msk(o.date, `${h}:30`) : null,
    }).execute();
  };

  /** The three views on the date: who the worklist calls, who the gaps list offers (per doctor), and the owner's figures. */
  async function views() {
    const list = await f.admin('GET', '/api/worklists/recall?date=2026-11-23');
    expect(list.statusCode, list.body).toBe(200);
    const worklist = list.json().items.filter((i: { kind: string }) => i.kind === 'recall').map((i: { patientId: string }) => key(i.patientId)).sort();
    const g = await f.admin('GET', '/api/schedule/gaps?date=2026-11-23');
    expect(g.statusCode, g.body).toBe(200);
    const gaps: Record<string, string[]> = {};
    for (const d of g.json().doctors as { doctorId: string; candidates: { patientId: string; reason: string }[] }[]) {
      const name = d.doctorId === f.orlova ? 'orlova' : d.doctorId === f.belov ? 'belov' : d.doctorId === hyg ? 'hyg' : d.doctorId;
      gaps[name] = d.candidates.filter((c) => c.reason === 'recall').map((c) => key(c.patientId)).sort();
    }
    const s = await f.owner('GET', '/api/statistics?from=2026-11-16&to=2026-11-23');
    expect(s.statusCode, s.body).toBe(200);
    const behind = async (which: string) => ((await f.owner('GET', `/api/statistics/patients?from=2026-11-16&to=2026-11-23&recall=${which}`)).json().items as { id: string }[]).map((p) => key(p.id)).sort();
    const seg = await chief('POST', '/api/mailings/preview', { segment: { kind: 'recall' }, channel: 'sms' });
    expect(seg.statusCode, seg.body).toBe(200);
    const segment = (seg.json().members as { patientId: string }[]).map((m) => key(m.patientId)).sort();
    return { worklist, gaps, segment, stats: s.json().recall, due: await behind('due'), notBooked: await behind('not_booked'), booked: await behind('booked') };
  }

  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.t = Date.parse(msk('2026-11-20', '10:00'));
    f = await scheduleFixture(t.app, t.fx);
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    hyg = (await f.owner('POST', '/api/doctors', { surname: 'Гигиенова', firstName: 'Ольга', position: 'Гигиенист стоматологический', specialties: ['hygienist'] })).json().id;
    await f.owner('PUT', `/api/doctors/${hyg}/hours`, { hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, branchId: t.fx.branchId, starts: '09:00', ends: '18:00' })) });
    for (const k of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'K', 'U']) {
      const r = await f.admin('POST', '/api/patients', { surname: `Отзывов${k}`, firstName: 'Пётр', phones: [{ number: `+7922000${String(n++).padStart(4, '0')}` }] });
      expect(r.statusCode, r.body).toBe(201);
      P[k] = r.json().id;
    }
    const O = f.orlova;
    await visit({ patient: P.A, doctor: O, date: '2026-05-20', status: 'done', kind: 'checkup' }); // defaults: 6 months → due 20.11.2026
    await visit({ patient: P.B, doctor: O, date: '2026-05-25', status: 'done', kind: 'checkup' }); // due 25.11.2026: not yet
    await visit({ patient: P.C, doctor: O, date: '2025-11-20', status: 'done', kind: 'repeat' }); // 12 months after treatment → 20.11.2026
    await visit({ patient: P.D, doctor: O, date: '2026-05-20', status: 'done', kind: 'repeat' }); // due 20.05.2027 (the old 182–400-day window listed him)
    await visit({ patient: P.E, doctor: hyg, date: '2026-05-01', status: 'done', kind: 'repeat' }); // hygiene every 6 months → 01.11.2026, the hygienist's gaps only
    await visit({ patient: P.F, doctor: O, date: '2025-06-01', status: 'done', kind: 'checkup' }); // due 01.12.2025, 357 days overdue: still called (the old window had dropped him)
    await visit({ patient: P.G, doctor: O, date: '2025-05-01', status: 'done', kind: 'checkup' }); // due 01.11.2025, 387 days overdue: no longer
    await visit({ patient: P.H, doctor: O, date: '2026-05-20', status: 'done', kind: 'checkup' }); // due, but booked ahead
    await visit({ patient: P.H, doctor: f.belov, date: '2026-12-10', status: 'booked', kind: 'repeat' });
    await visit({ patient: P.K, doctor: O, date: '2026-05-20', status: 'done', kind: 'checkup' }); // due, refused on the recall call
    await visit({ patient: P.U, doctor: f.belov, date: '2025-11-10', status: 'done', kind: 'urgent' }); // 12 months after acute pain → 10.11.2026
    t.clock.t = Date.parse(msk('2026-11-23', '08:00'));
    f.admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    f.owner = as(t.app, await signIn(t.app, t.fx.users.owner.login));
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    expect((await f.admin('POST', '/api/worklists/attempts', { purpose: 'recall', outcome: 'refused', patientId: P.K })).statusCode).toBe(201);
  }, 120_000);
  afterAll(() => t.close());

  it('no rules of the clinic: the defaults decide, the same patients in all three', async () => {
    expect((await chief('GET', '/api/recall-rules')).json().items).toEqual([]);
    const v = await views();
    expect(v.worklist).toEqual(['A', 'C', 'E', 'F', 'U']);
    // The mailing segment «Пора на профосмотр» is the worklist's patients (the mailing's own 6-months-ago rule is gone).
    expect(v.segment).toEqual(v.worklist);
    expect(v.gaps).toEqual({ orlova: ['A', 'C', 'F', 'U'], belov: ['A', 'C', 'F', 'U'], hyg: ['A', 'C', 'E', 'F', 'U'] });
    expect(v.stats).toEqual({ asOf: '2026-11-23', due: 7, booked: 1, percent: 14.3 });
    expect(v.due).toEqual(['A', 'C', 'E', 'F', 'H', 'K', 'U']);
    expect(v.booked).toEqual(['H']);
    expect(v.notBooked).toEqual(['A', 'C', 'E', 'F', 'K', 'U']);
    // Every patient the desk is told to call is among the owner's «not booked yet»; only the refusal differs.
    expect(v.notBooked.filter((k) => !v.worklist.includes(k))).toEqual(['K']);
  });

  it('the clinic’s own scheme replaces the defaults everywhere at once; switched off, nobody is due', async () => {
    const r = await chief('POST', '/api/recall-rules', { name: 'Осмотр через 12 месяцев', visitKind: 'checkup', specialty: null, months: 12 });
    expect(r.statusCode, r.body).toBe(201);
    let v = await views();
    // Check-ups 12 months on: F (due 01.06.2026) and G (01.05.2026); A, H, K not yet; no rule for C, D, E, U.
    expect(v.worklist).toEqual(['F', 'G']);
    expect(v.segment).toEqual(['F', 'G']);
    expect(v.gaps).toEqual({ orlova: ['F', 'G'], belov: ['F', 'G'], hyg: ['F', 'G'] });
    expect(v.stats).toEqual({ asOf: '2026-11-23', due: 2, booked: 0, percent: 0 });
    expect(v.due).toEqual(['F', 'G']);
    expect((await chief('PATCH', `/api/recall-rules/${r.json().id}`, { isActive: false })).statusCode).toBe(200);
    v = await views();
    expect(v).toMatchObject({ worklist: [], segment: [], gaps: { orlova: [], belov: [], hyg: [] }, stats: { due: 0, booked: 0 }, due: [] });
  });
});
