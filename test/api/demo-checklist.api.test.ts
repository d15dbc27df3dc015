import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoClinic } from '../../src/demo/seed-demo.js';
import type { Role } from '../../src/domain/roles.js';
import { checklistReport } from '../../src/services/opening-checklist-report.service.js';
import { getChecklist } from '../../src/services/opening-checklist.service.js';
import { DIALECTS, freshDb } from '../support/test-db.js';

const MORNING = new Date('2026-11-23T05:45:00Z'); // Monday, 08:45 in Moscow: both branches open at 09:00

describe.each(DIALECTS)('the demo’s opening checklists (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof freshDb>>;
  let clinicId: string;
  let ownerId: string;
  beforeAll(async () => {
    h = await freshDb(dialect);
    ({ clinicId } = await seedDemoClinic(h, { now: MORNING, hashPassword: async (p) => `test-hash:${p}`, seed: 7, patients: 50 }));
    ownerId = (await h.db.selectFrom('users').select('id').where('login', '=', 'owner').executeTakeFirstOrThrow()).id;
  }, 120_000);
  afterAll(() => h?.cleanup());

  const deps = () => ({ h, clock: () => MORNING });
  const actor = () => ({ clinicId, userId: ownerId, login: 'owner', role: 'owner' as Role, ip: null });

  it('four weeks with two late openings and one skipped day; today half ticked at 08:45', async () => {
    const r = await checklistReport(deps(), actor(), { from: '2026-10-26', to: '2026-11-23' });
    expect(r.totals.late).toBe(2);
    expect(r.totals.skipped).toBe(1);
    expect(r.rows.filter((x) => x.status === 'late').map((x) => x.lateMinutes).sort()).toEqual([12, 23]);
    expect(r.totals.onTime).toBeGreaterThan(30);
    expect(r.rows.filter((x) => x.notes.length).map((x) => x.notes[0].note)).toEqual(['Буклеты закончились, заказали в типографии']);
    // Every completed day ends within an hour before its branch opens (or the late minutes after), ticked by an administrator.
    for (const row of r.rows.filter((x) => x.completedAt)) {
      const msk = (Date.parse(row.completedAt!) / 60_000 + 180) % 1440;
      const opens = Number(row.opensAt!.slice(0, 2)) * 60 + Number(row.opensAt!.slice(3));
      expect(msk, row.date).toBeGreaterThanOrEqual(opens - 60);
      expect(msk, row.date).toBeLessThanOrEqual(opens + (row.lateMinutes ?? 0));
      expect(row.completedBy?.name).toBeTruthy();
    }
    const today = r.rows.filter((x) => x.date === '2026-11-23');
    expect(today.map((x) => x.status)).toEqual(['in_progress', 'in_progress']);
    const day = await getChecklist(deps(), actor(), { branchId: today[0].branchId });
    const ticked = day.items.filter((i) => i.doneAt).length;
    expect(ticked).toBeGreaterThan(0);
    expect(ticked).toBeLessThan(day.items.length);
  });
});
