import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { msk, scheduleFixture } from '../support/schedule-fixture.js';
import { DIALECTS } from '../support/test-db.js';

describe.each(DIALECTS)('consent to the post-treatment survey (SVC-1, %s)', (dialect) => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof scheduleFixture>>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    f = await scheduleFixture(t.app, t.fx);
  });
  afterAll(() => t.close());

  it('is null until asked; every answer is kept and the latest wins', async () => {
    const p = f.patients[0];
    const none = await f.admin('GET', `/api/patients/${p}/survey-consent`);
    expect(none.statusCode, none.body).toBe(200);
    expect(none.json()).toEqual({ consent: null, history: [] });
    t.clock.t = Date.parse(msk('2026-11-20', '10:00'));
    const agreed = await f.admin('PUT', `/api/patients/${p}/survey-consent`, { status: 'agreed', preferredTime: 'после 18:00', channel: 'phone' });
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json().consent).toMatchObject({ status: 'agreed', preferredTime: 'после 18:00', channel: 'phone' });
    t.clock.t = Date.parse(msk('2026-11-21', '10:00'));
    const refused = await f.admin('PUT', `/api/patients/${p}/survey-consent`, { status: 'refused' });
    expect(refused.json().consent).toMatchObject({ status: 'refused', channel: 'phone', preferredTime: null });
    expect(refused.json().history.map((c: { status: string }) => c.status)).toEqual(['refused', 'agreed']);
  });

  it('rejects bad input with a field error, an unknown patient with 404, and the office manager cannot record it', async () => {
    const p = f.patients[1];
    const bad = await f.admin('PUT', `/api/patients/${p}/survey-consent`, { status: 'maybe' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    const missing = await f.admin('PUT', '/api/patients/0190a1b2-0000-7000-8000-000000000000/survey-consent', { status: 'agreed' });
    expect(missing.statusCode).toBe(404);
    const om = as(t.app, await signIn(t.app, t.fx.users.office_manager.login));
    expect((await om('PUT', `/api/patients/${p}/survey-consent`, { status: 'agreed' })).statusCode).toBe(403);
  });
});
