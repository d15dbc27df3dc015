import type { FastifyInstance } from 'fastify';
import { as, signIn } from './app.js';
import type { Fixture } from './fixtures.js';

/** Moscow wall-clock time on a date as an ISO instant (Moscow is UTC+3 all year). */
export const msk = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+03:00`).toISOString();

/**
 * Two doctors working every day 09:00–21:00 Moscow: Orlova in chair 1 with a 14:00–15:00 break,
 * Belov (a surgeon) without a fixed chair; a few patients. Signed in as the administrator.
 */
export async function scheduleFixture(app: FastifyInstance, fx: Fixture) {
  const owner = as(app, await signIn(app, fx.users.owner.login));
  const admin = as(app, await signIn(app, fx.users.administrator.login));
  const mk = async (body: object) => {
    const r = await owner('POST', '/api/doctors', body);
    if (r.statusCode !== 201) throw new Error(r.body);
    return r.json().id as string;
  };
  const orlova = await mk({ surname: 'Орлова', firstName: 'Мария', position: 'Врач-стоматолог-терапевт', specialties: ['therapist'], userId: fx.users.dentist.id });
  const belov = await mk({ surname: 'Белов', firstName: 'Игорь', position: 'Врач-стоматолог-хирург', specialties: ['surgeon'] });
  const days = [1, 2, 3, 4, 5, 6, 7];
  await owner('PUT', `/api/doctors/${orlova}/hours`, {
    hours: days.map((weekday) => ({ weekday, branchId: fx.branchId, chairId: fx.chairId, starts: '09:00', ends: '21:00', breakStarts: '14:00', breakEnds: '15:00' })),
  });
  await owner('PUT', `/api/doctors/${belov}/hours`, { hours: days.map((weekday) => ({ weekday, branchId: fx.branchId, starts: '09:00', ends: '21:00' })) });
  const patients: string[] = [];
  for (const [surname, firstName, sex] of [['Иванов', 'Иван', 'male'], ['Петрова', 'Анна', 'female'], ['Сидоров', 'Олег', 'male'], ['Кузнецова', 'Ольга', 'female']]) {
    const r = await admin('POST', '/api/patients', { surname, firstName, sex, phones: [{ number: `+7921${String(patients.length).padStart(7, '0')}` }] });
    patients.push(r.json().id);
  }
  return { owner, admin, orlova, belov, patients };
}
