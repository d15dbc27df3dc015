import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { insertCall } from '../../src/db/repos/calls.repo.js';
import { QUALITY_KEYS } from '../../src/domain/calls/call-quality.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { seedSecondClinic } from '../support/second-clinic.js';
import { DIALECTS } from '../support/test-db.js';

// The test clock stands at 2026-11-23 09:00 UTC: the default results cover June to November 2026.
type Marks = Record<string, boolean | null>;
const all = (v: boolean | null): Marks => Object.fromEntries(QUALITY_KEYS.map((k) => [k, v]));
/** The first 8 items done, the next 4 not, the last 4 not applicable: 8 of 12. */
const mixed = (): Marks => Object.fromEntries(QUALITY_KEYS.map((k, i) => [k, i < 8 ? true : i < 12 ? false : null]));

describe.each(DIALECTS)('call quality control, CALL-8 (%s)', (dialect) => {
  let t: TestApp;
  let owner: ReturnType<typeof as>;
  let chief: ReturnType<typeof as>;
  let admin: ReturnType<typeof as>;
  const call = async (userId: string | null, startedAt: string) => {
    const id = newId();
    await insertCall(t.h.db, {
      id, clinic_id: t.fx.clinicId, branch_id: t.fx.branchId, direction: 'in', caller_type: 'primary', purpose: 'booking', patient_id: null,
      phone: '+79210000001', caller_name: 'Звонящий', source_id: null, outcome: 'booked', outcome_reason: null, appointment_id: null,
      user_id: userId, started_at: startedAt, duration_sec: 150, note: null,
    });
    return id;
  };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = as(t.app, await signIn(t.app, t.fx.users.owner.login));
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    const a = t.fx.users.administrator.id;
    ids.c1 = await call(a, '2026-10-15T08:00:00.000Z');
    ids.c2 = await call(a, '2026-11-10T08:00:00.000Z');
    ids.c3 = await call(a, '2026-11-20T08:00:00.000Z');
    ids.c4 = await call(t.fx.users.assistant.id, '2026-11-21T08:00:00.000Z');
    ids.nobody = await call(null, '2026-11-22T08:00:00.000Z');
  }, 60_000);
  afterAll(() => t.close());

  it('the owner and the chief doctor score calls; scoring again replaces the marks; the score is audited', async () => {
    const view = await owner('GET', `/api/calls/${ids.c1}/quality`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().score).toBeNull();
    expect(view.json().checklist.map((i: { key: string }) => i.key)).toEqual(QUALITY_KEYS);
    expect(view.json().checklist[0].ru).toBe('Ответил не позже второго звонка');

    const first = await owner('PUT', `/api/calls/${ids.c1}/quality`, { items: all(false) });
    expect(first.statusCode, first.body).toBe(200);
    const r1 = await owner('PUT', `/api/calls/${ids.c1}/quality`, { items: all(true), comment: 'Образцовый звонок' });
    expect(r1.json()).toMatchObject({ callId: ids.c1, score: 16, maxScore: 16, pct: 100, comment: 'Образцовый звонок', adminId: t.fx.users.administrator.id });
    const r2 = await chief('PUT', `/api/calls/${ids.c2}/quality`, { items: mixed() });
    expect(r2.json()).toMatchObject({ score: 8, maxScore: 12, pct: 66.7 });
    const c3 = { ...all(true), second_ring: false, no_forbidden: false };
    expect((await owner('PUT', `/api/calls/${ids.c3}/quality`, { items: c3 })).json()).toMatchObject({ score: 14, maxScore: 16, pct: 87.5 });
    expect((await owner('PUT', `/api/calls/${ids.c4}/quality`, { items: { ...all(false), goodbye: true } })).json()).toMatchObject({ score: 1, maxScore: 16 });

    const rows = await t.h.db.selectFrom('call_quality_scores').selectAll().where('call_id', '=', ids.c1).execute();
    expect(rows).toHaveLength(1);
    const audit = await t.h.db.selectFrom('audit_log').select(['action']).where('object_type', '=', 'call_quality').where('object_id', '=', ids.c1).execute();
    expect(audit.map((x) => x.action).sort()).toEqual(['create', 'update']);
    expect((await owner('GET', `/api/calls/${ids.c1}/quality`)).json().score).toMatchObject({ score: 16, scoredByName: expect.any(String) });
  });

  it('results per administrator and month, the per-item shares and the weakest items match the hand-computed figures', async () => {
    const r = await owner('GET', '/api/call-quality/results');
    expect(r.statusCode, r.body).toBe(200);
    const res = r.json();
    expect(res.months).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(res.count).toBe(4);
    // (100 + 66.67 + 87.5 + 6.25) / 4 = 65.1
    expect(res.avgPct).toBe(65.1);
    const adm = res.admins.find((a: { userId: string }) => a.userId === t.fx.users.administrator.id);
    expect(adm.count).toBe(3);
    // (100 + 66.67 + 87.5) / 3 = 84.72
    expect(adm.avgPct).toBe(84.7);
    const month = (m: string) => adm.months.find((x: { month: string }) => x.month === m);
    expect(month('2026-10')).toEqual({ month: '2026-10', count: 1, avgPct: 100 });
    // (66.67 + 87.5) / 2 = 77.08
    expect(month('2026-11')).toEqual({ month: '2026-11', count: 2, avgPct: 77.1 });
    expect(month('2026-09')).toEqual({ month: '2026-09', count: 0, avgPct: null });
    const item = (k: string) => adm.items.find((x: { key: string }) => x.key === k);
    expect(item('second_ring')).toMatchObject({ yes: 2, applicable: 3 });
    expect(item('no_forbidden')).toMatchObject({ yes: 1, applicable: 2, share: 0.5 });
    expect(item('alternative')).toMatchObject({ yes: 2, applicable: 2, share: 1 });
    const other = res.admins.find((a: { userId: string }) => a.userId === t.fx.users.assistant.id);
    expect(other.avgPct).toBe(6.3);
    // Clinic-wide: «no forbidden phrase» done in 1 of 3 calls where it applied: the weakest.
    expect(res.items[0]).toMatchObject({ key: 'no_forbidden', yes: 1, applicable: 3 });
    expect(res.items.at(-1)).toMatchObject({ key: 'goodbye', share: 1 });

    const oct = (await owner('GET', '/api/call-quality/results?from=2026-10&to=2026-10')).json();
    expect(oct).toMatchObject({ months: ['2026-10'], count: 1, avgPct: 100 });
    const list = (await owner('GET', `/api/call-quality?userId=${t.fx.users.administrator.id}`)).json();
    expect(list.total).toBe(3);
    expect(list.items.map((s: { callId: string }) => s.callId)).toEqual([ids.c3, ids.c2, ids.c1]);
  });

  it('the administrator may not score or read the results (403); a call with no administrator or nothing marked is refused (400)', async () => {
    for (const r of [
      await admin('PUT', `/api/calls/${ids.c2}/quality`, { items: all(true) }),
      await admin('GET', `/api/calls/${ids.c2}/quality`),
      await admin('GET', '/api/call-quality/results'),
      await admin('GET', '/api/call-quality'),
    ]) {
      expect(r.statusCode).toBe(403);
      expect(r.headers['content-type']).toMatch(/problem\+json/);
    }
    expect((await owner('GET', `/api/calls/${ids.c2}/quality`)).json().score.score).toBe(8);
    const nobody = await owner('PUT', `/api/calls/${ids.nobody}/quality`, { items: all(true) });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().errors[0].field).toBe('callId');
    const none = await owner('PUT', `/api/calls/${ids.c2}/quality`, { items: all(null) });
    expect(none.statusCode).toBe(400);
    const partial = await owner('PUT', `/api/calls/${ids.c2}/quality`, { items: { second_ring: true } });
    expect(partial.statusCode).toBe(400);
    const backwards = await owner('GET', '/api/call-quality/results?from=2026-11&to=2026-10');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe('to');
  });

  it('another clinic’s call answers 404 and is not scored', async () => {
    const B = await seedSecondClinic(t.app, t.h);
    const r = await owner('PUT', `/api/calls/${B.ids.call}/quality`, { items: all(true) });
    expect(r.statusCode).toBe(404);
    expect((await owner('GET', `/api/calls/${B.ids.call}/quality`)).statusCode).toBe(404);
    expect(await t.h.db.selectFrom('call_quality_scores').selectAll().where('call_id', '=', B.ids.call).execute()).toHaveLength(0);
    // Another clinic's administrator, and an id nobody has (a changed last digit could be the same id: 1 in 16).
    for (const userId of [B.ids.user, randomUUID()]) {
      const foreignUser = await owner('GET', `/api/call-quality?userId=${userId}`);
      expect(foreignUser.statusCode, userId).toBe(400);
    }
  }, 60_000);
});
