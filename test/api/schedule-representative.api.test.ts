import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

// The test clock stands at Monday 2026-11-23 12:00 Moscow.
const DAY = '2026-11-25';

type Appt = { id: string; patient: { representative: { fullName: string; relation: string | null; phone: string | null } | null; minor: boolean } };

describe.each(DIALECTS)('the schedule shows a child’s or a ward’s legal representative (issue #11) (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
  }, 60_000);
  afterAll(() => t.close());

  it('a child with one, a child without one (minor, no representative), a ward (an adult with one), an adult; on the day view and the visit', async () => {
    const mk = async (surname: string, birthDate: string, phone: string) =>
      (await f.admin('POST', '/api/patients', { surname, firstName: 'Тест', birthDate, phones: [{ number: phone }] })).json().id as string;
    const child = await mk('Ёлочкин', '2015-03-01', '+79219990201');
    const orphan = await mk('Берёзкин', '2016-07-10', '+79219990202');
    const ward = await mk('Соснин', '1970-01-20', '+79219990203');
    const adult = await mk('Дубов', '1985-05-05', '+79219990204');
    // Turns 15 the day after the visit: still a child on the visit's day.
    const almost = await mk('Кленов', '2011-11-26', '+79219990205');
    await f.admin('PUT', `/api/patients/${child}/representative`, { fullName: 'Ёлочкина Мария Ивановна', document: 'паспорт 4000 111111', relation: 'мать', phone: '+79219990299' });
    await f.admin('PUT', `/api/patients/${ward}/representative`, { fullName: 'Соснина Анна Петровна', document: 'паспорт 4000 222222; решение суда', relation: 'опекун', phone: null });
    const ids: Record<string, string> = {};
    for (const [i, [name, pid]] of ([['child', child], ['orphan', orphan], ['ward', ward], ['adult', adult], ['almost', almost]] as const).entries()) {
      const r = await f.admin('POST', '/api/appointments', { patientId: pid, doctorId: f.orlova, startsAt: msk(DAY, `${15 + i}:00`), kind: 'repeat' });
      expect(r.statusCode, r.body).toBe(201);
      ids[name] = r.json().id;
    }
    const day = (await f.admin('GET', `/api/schedule/day?date=${DAY}`)).json() as { columns: { appointments: Appt[] }[] };
    const byId = new Map(day.columns.flatMap((c) => c.appointments).map((a) => [a.id, a.patient]));
    expect(byId.get(ids.child)).toMatchObject({ minor: true, representative: { fullName: 'Ёлочкина Мария Ивановна', relation: 'мать', phone: '+79219990299' } });
    expect(byId.get(ids.orphan)).toMatchObject({ minor: true, representative: null });
    expect(byId.get(ids.ward)).toMatchObject({ minor: false, representative: { fullName: 'Соснина Анна Петровна', relation: 'опекун', phone: null } });
    expect(byId.get(ids.adult)).toMatchObject({ minor: false, representative: null });
    expect(byId.get(ids.almost)).toMatchObject({ minor: true });
    const one = (await f.admin('GET', `/api/appointments/${ids.child}`)).json() as Appt;
    expect(one.patient.representative?.fullName).toBe('Ёлочкина Мария Ивановна');
  });
});
