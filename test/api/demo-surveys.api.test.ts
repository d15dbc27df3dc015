import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoClinic } from '../../src/demo/seed-demo.js';
import type { Role } from '../../src/domain/roles.js';
import { surveyWorklist, currentQuestionnaire } from '../../src/services/surveys.service.js';
import { listTasks } from '../../src/services/tasks.service.js';
import { DIALECTS, freshDb } from '../support/test-db.js';

// Two fixed moments: a Monday at noon in Moscow and a Sunday evening right after the New Year holidays.
const NOWS = [new Date('2026-11-23T09:00:00Z'), new Date('2027-01-10T16:30:00Z')];

describe.each(DIALECTS)('the demo’s post-treatment survey (SURV-1/2, %s)', (dialect) => {
  for (const now of NOWS) {
    describe(now.toISOString(), () => {
      let h: Awaited<ReturnType<typeof freshDb>>;
      let clinicId: string;
      const ids: Record<string, string> = {};
      beforeAll(async () => {
        h = await freshDb(dialect);
        ({ clinicId } = await seedDemoClinic(h, { now, hashPassword: async (p) => `test-hash:${p}`, seed: 11, patients: 600 }));
        for (const u of await h.db.selectFrom('users').select(['id', 'login']).where('clinic_id', '=', clinicId).execute()) ids[u.login] = u.id;
      }, 240_000);
      afterAll(() => h?.cleanup());
      const deps = () => ({ h, clock: () => now });
      const as = (login: string, role: Role) => ({ clinicId, userId: ids[login], login, role, ip: null });

      it('today’s survey list has patients to call, a call-back due now and one later; every row has a doctor and the script', async () => {
        const list = await surveyWorklist(deps(), as('admin', 'administrator'));
        expect(list.items.length).toBeGreaterThanOrEqual(3);
        expect(list.items.some((i) => i.callbackAt !== null)).toBe(true);
        expect(list.later).toHaveLength(1);
        for (const i of [...list.items, ...list.later]) {
          expect(i.doctorName).toBeTruthy();
          // The demo clinic is in Moscow: noon is «Добрый день», 19:30 «Добрый вечер» (CALL-1's hours).
          expect(i.script.introduction).toMatch(now.getUTCHours() < 12 ? /^Добрый день, / : /^Добрый вечер, /);
        }
        expect(list.items.some((i) => i.history.some((a) => a.outcome === 'not_reached'))).toBe(true);
        expect((await currentQuestionnaire(h.db, clinicId)).version).toBe(1);
      });

      it('six months of completed surveys for several doctors, a few low ones with the chief doctor’s task, every call in the service card', async () => {
        const calls = await h.db.selectFrom('survey_calls').selectAll().where('clinic_id', '=', clinicId).execute();
        const done = calls.filter((c) => c.outcome === 'completed');
        expect(done.length).toBeGreaterThan(60);
        expect(new Set(done.map((c) => c.doctor_id)).size).toBeGreaterThanOrEqual(5);
        expect(new Set(done.map((c) => c.called_at.slice(0, 7))).size).toBeGreaterThanOrEqual(6);
        expect(calls.every((c) => c.called_at <= now.toISOString())).toBe(true);
        const low = done.filter((c) => c.task_id);
        expect(low.length).toBeGreaterThanOrEqual(2);
        // A few low ones, not a flood: between 2 % and 20 % of the surveys.
        expect(low.length / done.length).toBeGreaterThan(0.02);
        expect(low.length / done.length).toBeLessThan(0.2);
        expect(done.some((c) => c.complaint === 1)).toBe(true);
        const chief = await listTasks(deps(), as('chief', 'chief_doctor'), { status: 'open' });
        expect(chief.items.some((t) => t.title.startsWith('Низкая оценка в опросе после лечения'))).toBe(true);
        const scores = await h.db.selectFrom('survey_answers').select(['score']).where('clinic_id', '=', clinicId).where('question_key', '=', 'impression').execute();
        expect(new Set(scores.map((s) => s.score)).size).toBeGreaterThanOrEqual(4);
        const cards = await h.db.selectFrom('service_card_entries').select(['id']).where('clinic_id', '=', clinicId).where('section', '=', 'svc1').where('text', 'like', 'Опрос после лечения:%').execute();
        expect(cards).toHaveLength(calls.length);
        const consents = await h.db.selectFrom('survey_consents').select(['status']).where('clinic_id', '=', clinicId).execute();
        expect(consents.filter((c) => c.status === 'agreed').length).toBeGreaterThan(consents.filter((c) => c.status === 'refused').length * 3);
      });
    });
  }
});
