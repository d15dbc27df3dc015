import { sql } from 'kysely';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headStates, verifyChain } from '../../src/db/repos/audit.repo.js';
import { checkAuditKey } from '../../src/services/audit.service.js';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { keylessRehash } from '../support/audit-key.js';
import { DIALECTS } from '../support/test-db.js';

describe.each(DIALECTS)('audit chain keyed with HMAC (%s)', (dialect) => {
  let t: TestApp;
  let chief: ReturnType<typeof as>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    const admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    const p = await admin('POST', '/api/patients', { surname: 'Ключёв', firstName: 'Карп', phones: [{ number: '89215550001' }] });
    await admin('GET', `/api/patients/${p.json().id}`);
  });
  afterAll(() => t.close());

  it('the normal chain verifies', async () => {
    const v = (await chief('GET', '/api/audit/verify')).json();
    expect(v).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(v.checked).toBeGreaterThanOrEqual(4);
  });

  it('an edited row with every SHA-256 and the head recomputed without the key is detected', async () => {
    await keylessRehash(t.h.db, dialect, t.fx.clinicId, (seq) => (seq === 3 ? { ip: '10.6.6.6' } : null));
    const v = (await chief('GET', '/api/audit/verify')).json();
    expect(v.ok).toBe(false);
    expect(v.firstBrokenSeq).toBe(1);
  });
});

describe.each(DIALECTS)('a chain of before the key gets its key epoch (%s)', (dialect) => {
  let t: TestApp;
  let admin: ReturnType<typeof as>;
  let chief: ReturnType<typeof as>;
  let unkeyed = 0;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = as(t.app, await signIn(t.app, t.fx.users.administrator.login));
    chief = as(t.app, await signIn(t.app, t.fx.users.chief_doctor.login));
    await admin('POST', '/api/patients', { surname: 'Старов', firstName: 'Семён', phones: [{ number: '89215550002' }] });
    // A database of the version before the key: the same chain, every hash plain SHA-256.
    await keylessRehash(t.h.db, dialect, t.fx.clinicId, () => null);
    unkeyed = (await t.h.db.selectFrom('audit_heads').select('seq').where('clinic_id', '=', t.fx.clinicId).executeTakeFirstOrThrow()).seq;
  });
  afterAll(() => t.close());

  it('verifies as SHA-256 only when asked (a restored old copy), never in the app', async () => {
    expect(await verifyChain(t.h.db, t.fx.clinicId, { allowUnkeyed: true })).toMatchObject({ ok: true, keyedFromSeq: null, checked: unkeyed });
    expect((await chief('GET', '/api/audit/verify')).json()).toMatchObject({ ok: false, firstBrokenSeq: 1 });
  });

  it('is left unsealed by a start that did not create the key, and sealed by the one that did', async () => {
    expect(await checkAuditKey(t.h, { seal: false, now: t.clock.now() })).toMatchObject({ unkeyed: [t.fx.clinicId], sealed: [], foreign: [] });
    expect(await checkAuditKey(t.h, { seal: true, now: t.clock.now() })).toMatchObject({ sealed: [t.fx.clinicId], unkeyed: [], foreign: [] });
    await admin('POST', '/api/patients', { surname: 'Новиков', firstName: 'Нил', phones: [{ number: '89215550003' }] });
    const v = await verifyChain(t.h.db, t.fx.clinicId);
    expect(v).toMatchObject({ ok: true, keyedFromSeq: unkeyed + 1 });
    const epoch = await t.h.db.selectFrom('audit_log').selectAll().where('clinic_id', '=', t.fx.clinicId).where('seq', '=', unkeyed + 1).executeTakeFirstOrThrow();
    expect(epoch).toMatchObject({ action: 'update', object_type: 'audit_key', user_login: 'system' });
    expect(JSON.parse(epoch.details_json)).toEqual({ unkeyedEntries: unkeyed });
    // A second start does not seal again.
    expect(await checkAuditKey(t.h, { seal: true, now: t.clock.now() })).toMatchObject({ sealed: [], unkeyed: [] });
    expect(await headStates(t.h.db, Buffer.alloc(32, 1))).toEqual([{ clinicId: t.fx.clinicId, seq: v.checked, state: 'foreign' }]);
  });

  it('an edit of the SHA-256 part re-hashed without the key breaks the first keyed entry', async () => {
    if (dialect === 'postgres') await sql`drop trigger if exists audit_log_no_update on audit_log`.execute(t.h.db);
    else await sql`drop trigger if exists audit_log_no_update`.execute(t.h.db);
    const rows = await t.h.db.selectFrom('audit_log').selectAll().where('clinic_id', '=', t.fx.clinicId).where('seq', '<=', unkeyed).orderBy('seq').execute();
    let prev = '0'.repeat(64);
    for (const r of rows) {
      const ip = r.seq === 2 ? '10.6.6.6' : r.ip;
      const canonical = JSON.stringify([r.clinic_id, r.seq, r.at, r.user_id, r.user_login, r.role, r.action, r.object_type, r.object_id, r.patient_id, ip, r.details_json]);
      const hash = createHash('sha256').update(prev).update('\n').update(canonical).digest('hex');
      await t.h.db.updateTable('audit_log').set({ ip, prev_hash: prev, hash }).where('clinic_id', '=', t.fx.clinicId).where('seq', '=', r.seq).execute();
      prev = hash;
    }
    // The attacker also points the first keyed entry at the new hash; its HMAC covers prev_hash.
    await t.h.db.updateTable('audit_log').set({ prev_hash: prev }).where('clinic_id', '=', t.fx.clinicId).where('seq', '=', unkeyed + 1).execute();
    expect((await chief('GET', '/api/audit/verify')).json()).toMatchObject({ ok: false, firstBrokenSeq: unkeyed + 1 });
    // And re-hashing everything as SHA-256 leaves a chain without a keyed entry.
    await keylessRehash(t.h.db, dialect, t.fx.clinicId, () => null);
    expect((await chief('GET', '/api/audit/verify')).json()).toMatchObject({ ok: false, firstBrokenSeq: 1 });
  });
});
