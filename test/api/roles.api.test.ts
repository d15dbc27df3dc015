import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATRIX, PERMISSIONS, permissionsOf } from '../../src/domain/permissions.js';
import { ROLE_LABELS, ROLES } from '../../src/domain/roles.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

/** The README's permission matrix, rendered from the code's one matrix: the two never drift apart. */
function matrixTable(): string {
  const head = `| permission | ${ROLES.map((r) => ROLE_LABELS[r].ru).join(' | ')} |`;
  const rule = `|---|${ROLES.map(() => '---').join('|')}|`;
  const rows = PERMISSIONS.map((p) => `| \`${p}\` | ${ROLES.map((r) => (MATRIX[r].includes(p) ? '✓' : (permissionsOf(r, true).includes(p) ? 'desk' : ''))).join(' | ')} |`);
  return [head, rule, ...rows].join('\n');
}

describe('the README holds the permission matrix', () => {
  it('as the code has it, with the desk cover marked', () => {
    const readme = fs.readFileSync('README.md', 'utf8');
    expect(readme, `README.md must contain:\n${matrixTable()}`).toContain(matrixTable());
  });
});

// The test clock stands at Monday 2026-11-23 12:00 Moscow.
const TOMORROW = '2026-11-24';

describe.each(DIALECTS)('roles against the job descriptions (%s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
  });
  afterAll(() => t.close());

  const session = async (role: (typeof ROLES)[number]) => as(t.app, await signIn(t.app, t.fx.users[role].login));

  it('the senior nurse sees no staff logins; the office manager sees the schedule but no medical card', async () => {
    const nurse = await session('senior_nurse');
    expect((await nurse('GET', '/api/staff')).statusCode).toBe(403);
    expect((await nurse('GET', `/api/schedule/day?date=${TOMORROW}`)).statusCode).toBe(200);
    const office = await session('office_manager');
    expect((await office('GET', `/api/schedule/day?date=${TOMORROW}`)).statusCode).toBe(200);
    expect((await office('GET', `/api/patients/${f.patients[0]}`)).statusCode).toBe(403);
    expect((await office('GET', '/api/staff')).statusCode).toBe(200);
    // The call lists carry phones: the desk's work only.
    expect((await office('GET', `/api/schedule/gaps?date=${TOMORROW}`)).statusCode).toBe(403);
    expect((await office('GET', '/api/waiting-list')).statusCode).toBe(403);
    expect((await nurse('GET', '/api/waiting-list')).statusCode).toBe(403);
  });

  it('an assistant standing in at the desk books, registers and confirms; handing it back takes it away again', async () => {
    const assistant = await session('assistant');
    const booking = { kind: 'repeat', patientId: f.patients[0], doctorId: f.orlova, startsAt: msk(TOMORROW, '10:00'), durationMin: 30 };
    expect((await assistant('GET', '/api/auth/me')).json()).toMatchObject({ deskCover: null });
    expect((await assistant('POST', '/api/appointments', booking)).statusCode).toBe(403);

    const took = await assistant('POST', '/api/desk-cover');
    expect(took.statusCode).toBe(200);
    const me = (await assistant('GET', '/api/auth/me')).json();
    expect(me.deskCover.since).toBe(took.json().since);
    expect(me.permissions).toEqual(expect.arrayContaining(['schedule.write', 'patients.write']));
    expect(me.permissions).not.toContain('staff.read');
    // Taking it twice changes nothing.
    expect((await assistant('POST', '/api/desk-cover')).json().since).toBe(took.json().since);

    expect((await assistant('GET', `/api/schedule/gaps?date=${TOMORROW}`)).statusCode).toBe(200);
    const booked = await assistant('POST', '/api/appointments', booking);
    expect(booked.statusCode).toBe(201);
    const created = await assistant('POST', '/api/patients', { surname: 'Новикова', firstName: 'Вера' });
    expect(created.statusCode).toBe(201);
    // A status only the desk may set (cancel) works while covering.
    const cancel = await assistant('POST', `/api/appointments/${booked.json().id}/status`, { to: 'cancelled', cancel: { reason: 'patient_request', callbackDate: '2026-12-01' } });
    expect(cancel.statusCode, cancel.body).toBe(200);

    expect((await assistant('DELETE', '/api/desk-cover')).statusCode).toBe(200);
    expect((await assistant('GET', '/api/auth/me')).json()).toMatchObject({ deskCover: null });
    expect((await assistant('POST', '/api/appointments', { ...booking, startsAt: msk(TOMORROW, '11:00') })).statusCode).toBe(403);
    expect((await assistant('POST', '/api/patients', { surname: 'Белова', firstName: 'Ия' })).statusCode).toBe(403);

    const audit = await f.owner('GET', '/api/audit?objectType=desk_cover&limit=50');
    const actions = (audit.json().items ?? []).map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['desk_cover_start', 'desk_cover_end']));
  });

  it('a cover ends with the session that took it', async () => {
    const nurseSession = await signIn(t.app, t.fx.users.senior_nurse.login);
    const nurse = as(t.app, nurseSession);
    expect((await nurse('POST', '/api/desk-cover')).statusCode).toBe(200);
    expect((await nurse('GET', '/api/patients?q=Иван')).statusCode).toBe(200);
    expect((await nurse('POST', '/api/auth/logout')).statusCode).toBe(200);
    const again = as(t.app, await signIn(t.app, t.fx.users.senior_nurse.login));
    expect((await again('GET', '/api/auth/me')).json().deskCover).toBeNull();
    expect((await again('POST', '/api/patients', { surname: 'Зуева', firstName: 'Ада' })).statusCode).toBe(403);
  });

  it('the administrator and the office manager do not stand in at the desk', async () => {
    for (const role of ['administrator', 'office_manager'] as const) {
      const r = await (await session(role))('POST', '/api/desk-cover');
      expect(r.statusCode, role).toBe(403);
    }
  });
});
