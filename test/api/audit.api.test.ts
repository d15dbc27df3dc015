import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/test-db.js';

describe.each(DIALECTS)('audit log (%s)', (dialect) => {
  let t: TestApp;
  let admin: ReturnType<typeof as>;
  let chief: ReturnType<typeof as>;
  let patientId: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    const res = await admin('POST', '/api/patients', { surname: 'Аудитов', firstName: 'Аркадий', note: 'Пульпит 46, аллергия на пенициллин', phones: [{ number: '89215550000' }] });
    patientId = res.json().id;
    await admin('GET', `/api/patients/${patientId}`);
    await admin('PATCH', `/api/patients/${patientId}`, { note: 'Периодонтит 46' });
  });
  afterAll(() => t.close());

  it('records create, read and update of a patient with user, role, time and IP, without medical content', async () => {
    const res = await chief('GET', `/api/audit?patientId=${patientId}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { action: string }) => i.action)).toEqual(['update', 'read', 'create']);
    for (const i of items) {
      expect(i).toMatchObject({ userLogin: t.fx.users.administrator.login, role: 'administrator', objectType: 'patient', objectId: patientId, ip: '127.0.0.1' });
      expect(Date.parse(i.at)).toBeGreaterThan(0);
    }
    expect(items[0].details).toEqual({ fields: ['note'] });
    // Named as staff know them (the log itself stores only the id).
    const card = (await admin('GET', `/api/patients/${patientId}`)).json().cardNumber;
    expect(items[0]).toMatchObject({ patient: { cardNumber: card, name: 'Аудитов А.' }, userName: 'Тест administrator' });
    const raw = await t.h.db.selectFrom('audit_log').select('details_json').execute();
    const all = raw.map((r) => r.details_json).join(' ');
    expect(all).not.toMatch(/Пульпит|Периодонтит|пенициллин|Аудитов|79215550000/);
  });

  it('records sign-ins and failed sign-ins', async () => {
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: t.fx.users.dentist.login, password: 'wrong-one-1' } });
    const res = await chief('GET', `/api/audit?userId=${t.fx.users.dentist.id}`);
    expect(res.json().items[0].action).toBe('login_failed');
    const logins = await chief('GET', '/api/audit?action=login');
    expect(logins.json().items.length).toBeGreaterThanOrEqual(2);
  });

  it('pages backwards and filters by period', async () => {
    const first = await chief('GET', '/api/audit?limit=2');
    expect(first.json().items).toHaveLength(2);
    const next = await chief('GET', `/api/audit?limit=2&before=${first.json().nextBefore}`);
    expect(next.json().items[0].seq).toBeLessThan(first.json().items[1].seq + 1);
    const none = await chief('GET', `/api/audit?from=${encodeURIComponent('2030-01-01T00:00:00Z')}`);
    expect(none.json().items).toHaveLength(0);
  });

  it('is append-only in the database and its hash chain detects tampering', async () => {
    expect((await chief('GET', '/api/audit/verify')).json()).toMatchObject({ ok: true, firstBrokenSeq: null });
    await expect(sql`update audit_log set action = 'read' where seq = 2`.execute(t.h.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = 2`.execute(t.h.db)).rejects.toThrow(/append-only/);
    // An attacker with DDL rights drops the guard and edits a row: the chain shows where.
    if (dialect === 'postgres') await sql`drop trigger audit_log_no_update on audit_log`.execute(t.h.db);
    else await sql`drop trigger audit_log_no_update`.execute(t.h.db);
    await sql`update audit_log set ip = '10.0.0.1' where seq = 3`.execute(t.h.db);
    const v = (await chief('GET', '/api/audit/verify')).json();
    expect(v).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });

  it('only the owner and the chief doctor read it', async () => {
    expect((await admin('GET', '/api/audit')).statusCode).toBe(403);
  });
});
