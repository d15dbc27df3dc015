import { createHmac } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.js';
import { launchBrowser, startDemoServer, fillSignIn } from '../support/browser.js';

describe('browser: a telephony ring pops the call card on the open desk page; booked from it, the call shows as booked', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('ringing → card with the caller → two options → booked in the call base, one call row', async () => {
    const db = server.h.db;
    const clinic = await db.selectFrom('clinics').select('id').executeTakeFirstOrThrow();
    const dentist = await db.selectFrom('doctors').innerJoin('users', 'users.id', 'doctors.user_id').select(['doctors.id', 'doctors.surname']).where('users.login', '=', 'dentist').executeTakeFirstOrThrow();
    // The line rings at the branch the dentist works at, so the two options have his hours.
    const branch = await db.selectFrom('doctor_hours').select('branch_id as id').where('doctor_id', '=', dentist.id).executeTakeFirstOrThrow();
    const secret = 'e2e-telephony-secret';
    await db.insertInto('telephony_secrets').values({ clinic_id: clinic.id, secret, created_by: null, created_at: new Date().toISOString() }).execute();
    await db.insertInto('telephony_lines').values({ id: newId(), clinic_id: clinic.id, line: 'e2e-line', branch_id: branch.id }).execute();
    const caller = await db
      .selectFrom('patients as p').innerJoin('patient_phones as ph', 'ph.patient_id', 'p.id')
      .select(['p.id', 'p.surname', 'p.first_name', 'ph.number'])
      .where('p.clinic_id', '=', clinic.id).where('p.pd_state', '=', 'active').where('ph.position', '=', 0)
      .orderBy('p.card_number').limit(1).executeTakeFirstOrThrow();

    const admin = await browser.newPage({ locale: 'ru-RU', viewport: { width: 1440, height: 1000 } });
    admin.setDefaultTimeout(30_000);
    await admin.goto(`${server.url}/schedule`);
    await fillSignIn(admin, 'admin');
    await admin.getByTestId('nav-calls').waitFor();
    await admin.waitForTimeout(1500); // the live stream is open

    const pbxId = `e2e-${newId()}`;
    const body = JSON.stringify({ event: 'ringing', callId: pbxId, from: caller.number.replace('+7', '8 '), line: 'e2e-line', at: new Date().toISOString() });
    const ts = String(Math.floor(Date.now() / 1000));
    const sig = createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
    const r = await fetch(`${server.url}/api/telephony/events`, {
      method: 'POST', body,
      headers: { 'content-type': 'application/json', 'x-vizit-clinic': clinic.id, 'x-vizit-timestamp': ts, 'x-vizit-signature': `sha256=${sig}` },
    });
    expect(r.status, await r.text()).toBe(200);

    await admin.getByTestId('call-card').waitFor();
    await admin.getByTestId('call-ringing').waitFor();
    await admin.getByTestId('picked-patient').filter({ hasText: `${caller.surname} ${caller.first_name}` }).waitFor();
    await admin.getByTestId('call-book').click();
    await admin.getByTestId('doctor-select').click();
    await admin.getByRole('option', { name: new RegExp(`^${dentist.surname}`) }).click();
    await admin.getByTestId('two-search').click();
    // The demo's dentist is booked weeks ahead: some hours of the day the search finds one option within
    // its horizon, not two (the test failed by the hour of the run). The first is there either way.
    await admin.getByTestId('option-0').click();
    await admin.getByTestId('call-booked').waitFor();
    await admin.getByTestId('call-finish').click();

    await admin.getByTestId('calls-table').waitFor();
    const row = admin.getByTestId('call-row').filter({ hasText: caller.surname });
    await expect.poll(async () => (await row.allTextContents()).join(' ')).toContain('Записан');
    const calls = await db.selectFrom('calls').select(['id', 'outcome', 'appointment_id']).where('pbx_call_id', '=', pbxId).execute();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ outcome: 'booked' });
    expect(calls[0]!.appointment_id).toBeTruthy();
  }, 240_000);
});
