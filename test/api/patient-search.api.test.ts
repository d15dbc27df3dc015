import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/test-db.js';

/** Issue 9 item 11: the ways people ask at the desk — a phone's last 7 digits, name before surname, a birth date, «№1». */
describe.each(DIALECTS)('patient search as the desk asks (%s)', (dialect) => {
  let t: TestApp;
  let call: ReturnType<typeof as>;
  let anna: { id: string; cardNumber: number };
  beforeAll(async () => {
    t = await startTestApp(dialect);
    call = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    const res = await call('POST', '/api/patients', {
      surname: 'Смирнова', firstName: 'Анна', patronymic: 'Сергеевна', birthDate: '1985-03-14', phones: [{ number: '8 (921) 555-12-34' }],
    });
    expect(res.statusCode).toBe(201);
    anna = res.json();
    await call('POST', '/api/patients', { surname: 'Анна', firstName: 'Мария', birthDate: '1990-01-02', phones: [{ number: '+7 812 555 12 35' }] });
    await call('POST', '/api/patients', { surname: 'Смирнов', firstName: 'Олег', phones: [{ number: '+7 911 123 45 55' }] });
    for (let i = 0; i < 9; i++) await call('POST', '/api/patients', { surname: `Иванов${i}`, firstName: 'Пётр' });
  });
  afterAll(() => t.close());

  const names = async (q: string) => {
    const res = await call('GET', `/api/patients?q=${encodeURIComponent(q)}`);
    expect(res.statusCode, q).toBe(200);
    return res.json().items.map((i: { surname: string; firstName: string }) => `${i.surname} ${i.firstName}`).sort();
  };

  it('finds by the last 7 digits of a phone, typed with or without dashes', async () => {
    for (const q of ['555-12-34', '5551234', '555 12 34']) expect(await names(q), q).toEqual(['Смирнова Анна']);
    expect(await names('555-12-35')).toEqual(['Анна Мария']);
  });

  it('finds by first name before surname, also while the surname is being typed', async () => {
    for (const q of ['Анна Смирнова', 'анна смирн', 'Анна Смирнова Сергеевна']) expect(await names(q), q).toEqual(['Смирнова Анна']);
    // Surname first still works, and a lone word is a surname.
    expect(await names('Смирнова Анна')).toEqual(['Смирнова Анна']);
    expect(await names('Анна')).toEqual(['Анна Мария']);
  });

  it('finds by birth date in the Russian form', async () => {
    for (const q of ['14.03.1985', '14.3.1985', '1985-03-14']) expect(await names(q), q).toEqual(['Смирнова Анна']);
    expect(await names('31.02.1985')).toEqual([]);
  });

  it('finds by card number with a № sign, with or without a space', async () => {
    for (const q of ['№1', '№ 1', String(anna.cardNumber)]) expect(await names(q), q).toEqual(['Смирнова Анна']);
  });

  it('a renamed patient or a new phone is found the new ways at once', async () => {
    const res = await call('PATCH', `/api/patients/${anna.id}`, { firstName: 'Ксения', phones: [{ number: '+7 921 777 00 11' }] });
    expect(res.statusCode).toBe(200);
    expect(await names('Ксения Смирнова')).toEqual(['Смирнова Ксения']);
    expect(await names('Анна Смирнова')).toEqual([]);
    expect(await names('777-00-11')).toEqual(['Смирнова Ксения']);
    expect(await names('555-12-34')).toEqual([]);
  });

  it('serves the new forms from indexes, not a table scan', async () => {
    const db = t.h.db;
    const plans: Record<string, string> = {};
    const queries = {
      tail: sql`select patient_id from patient_phones where clinic_id = ${t.fx.clinicId} and tail7 = '5551234'`,
      given: sql`select id from patients where clinic_id = ${t.fx.clinicId} and given_key >= 'анна' and given_key < ${'анна\uffff'}`,
      // As the repository asks it: ordered by name, so the planner could walk the name index instead.
      birth: sql`select id from patients where clinic_id = ${t.fx.clinicId} and birth_date = '1985-03-14' order by name_key limit 21`,
    };
    for (const [k, q] of Object.entries(queries)) {
      if (dialect === 'sqlite') {
        const rows = await sql<{ detail: string }>`explain query plan ${q}`.execute(db);
        plans[k] = rows.rows.map((r) => r.detail).join('; ');
      } else {
        // Tiny tables make a sequential scan cheapest; forbid it to see whether an index can serve at all.
        plans[k] = await db.transaction().execute(async (trx) => {
          await sql`set local enable_seqscan = off`.execute(trx);
          const rows = await sql<{ 'QUERY PLAN': string }>`explain ${q}`.execute(trx);
          return rows.rows.map((r) => r['QUERY PLAN']).join('; ');
        });
      }
    }
    expect(plans.birth).toContain('patients_birth_date');
    for (const [k, plan] of Object.entries(plans)) {
      expect(plan, k).toMatch(/index/i);
      expect(plan, k).not.toMatch(/^SCAN (patients|patient_phones)$|Seq Scan/);
    }
  });
});
