import { describe, expect, it } from 'vitest';
import { seedDemoClinic } from '../../src/demo/seed-demo.js';
import { results } from '../../src/services/call-quality.service.js';
import { freshDb } from '../support/test-db.js';

const NOW = new Date('2026-11-23T09:00:00Z');

describe('the demo clinic’s call quality scores (CALL-8)', () => {
  it('about forty scored calls of both administrators over the past months, the new one improving, with weak items to show', async () => {
    const h = await freshDb('sqlite');
    try {
      const { clinicId } = await seedDemoClinic(h, { now: NOW, hashPassword: async (p) => `test-hash:${p}`, seed: 7, patients: 300 });
      const rows = await h.db.selectFrom('call_quality_scores as q').innerJoin('calls as c', 'c.id', 'q.call_id').select(['c.started_at', 'q.created_at', 'q.score', 'q.max_score']).execute();
      expect(rows.length).toBeGreaterThanOrEqual(35);
      expect(rows.length).toBeLessThanOrEqual(40);
      for (const r of rows) {
        expect(Date.parse(r.created_at)).toBeLessThan(NOW.getTime());
        expect(Date.parse(r.created_at)).toBeGreaterThan(Date.parse(r.started_at));
        expect(Number(r.score)).toBeLessThanOrEqual(Number(r.max_score));
      }
      const owner = await h.db.selectFrom('users').select(['id', 'login', 'role']).where('login', '=', 'owner').executeTakeFirstOrThrow();
      const admins = await h.db.selectFrom('users').select(['id', 'login']).where('login', 'in', ['admin', 'admin2']).execute();
      const r = await results({ h, clock: () => NOW }, { clinicId, userId: owner.id, login: 'owner', role: 'owner', ip: null }, { from: '2026-08', to: '2026-11' });
      expect(r.admins.map((a) => a.userId).sort()).toEqual(admins.map((a) => a.id).sort());
      const senior = r.admins.find((a) => a.userId === admins.find((x) => x.login === 'admin')!.id)!;
      const trainee = r.admins.find((a) => a.userId === admins.find((x) => x.login === 'admin2')!.id)!;
      expect(senior.avgPct!).toBeGreaterThan(trainee.avgPct!);
      const monthly = trainee.months.filter((m) => m.avgPct !== null);
      expect(monthly.at(-1)!.avgPct!).toBeGreaterThan(monthly[0]!.avgPct!);
      expect(['no_forbidden', 'price_last', 'alternative', 'need_summary']).toContain(r.items[0]!.key);
    } finally {
      await h.close();
    }
  }, 120_000);
});
