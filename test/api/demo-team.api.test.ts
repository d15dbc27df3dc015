import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoClinic } from '../../src/demo/seed-demo.js';
import type { Role } from '../../src/domain/roles.js';
import { confirmations, myStatus } from '../../src/services/job-descriptions.service.js';
import { listTasks } from '../../src/services/tasks.service.js';
import { listMessages } from '../../src/services/team-messages.service.js';
import { listPlans, examResults } from '../../src/services/training.service.js';
import { DIALECTS, freshDb } from '../support/test-db.js';

const NOON = new Date('2026-11-23T09:00:00Z'); // Monday, 12:00 in Moscow

describe.each(DIALECTS)('the demo’s team: messages, tasks, job descriptions, training (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof freshDb>>;
  let clinicId: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    h = await freshDb(dialect);
    ({ clinicId } = await seedDemoClinic(h, { now: NOON, hashPassword: async (p) => `test-hash:${p}`, seed: 7, patients: 50 }));
    for (const u of await h.db.selectFrom('users').select(['id', 'login']).where('clinic_id', '=', clinicId).execute()) ids[u.login] = u.id;
  }, 120_000);
  afterAll(() => h?.cleanup());

  const deps = () => ({ h, clock: () => NOON });
  const as = (login: string, role: Role) => ({ clinicId, userId: ids[login], login, role, ip: null });

  it('today’s notes: some read, some not; all of today, none in the future', async () => {
    const admin2 = await listMessages(deps(), as('admin2', 'administrator'), {});
    expect(admin2.unread).toBeGreaterThan(0);
    const dentist = await listMessages(deps(), as('dentist', 'dentist'), {});
    expect(dentist.items.filter((i) => i.source === 'message').map((i) => i.readAt === null)).toContain(true);
    const rows = await h.db.selectFrom('team_messages').select('created_at').where('clinic_id', '=', clinicId).execute();
    for (const r of rows) expect(r.created_at <= NOON.toISOString() && r.created_at >= '2026-11-22T21:00:00.000Z', r.created_at).toBe(true);
  });

  it('tasks: the administrators have an overdue one; the office manager too', async () => {
    const admin = await listTasks(deps(), as('admin', 'administrator'), { status: 'open' });
    expect(admin.overdueMine).toBe(1);
    const office = await listTasks(deps(), as('office', 'office_manager'), { status: 'open' });
    expect(office.items.map((t) => t.overdue)).toEqual([true]);
  });

  it('job descriptions: the assistants’ version 2 awaits; the office manager has not confirmed; the rest have', async () => {
    const list = await confirmations(deps(), as('owner', 'owner'));
    expect(list.items.filter((i) => !i.confirmedAt).map((i) => i.role).sort()).toEqual(['assistant', 'office_manager']);
    expect((await myStatus(deps(), as('assistant', 'assistant')))).toMatchObject({ version: 2, pending: true });
    expect((await myStatus(deps(), as('admin', 'administrator')))).toMatchObject({ version: 1, pending: false });
  });

  it('admin2 is halfway through her internship and failed her first try; admin passed', async () => {
    const plans = await listPlans(deps(), as('owner', 'owner'));
    expect(plans.items).toHaveLength(1);
    expect(plans.items[0]).toMatchObject({ trainee: { id: ids.admin2 }, mentor: { id: ids.admin } });
    expect(plans.items[0].items.filter((i) => i.doneAt)).toHaveLength(4);
    expect(plans.items[0].items.some((i) => i.overdue)).toBe(true);
    const results = await examResults(deps(), as('owner', 'owner'));
    expect(results.items.map((r) => [r.user.id, r.passed])).toEqual([[ids.admin2, false], [ids.admin, true]]);
  });
});
