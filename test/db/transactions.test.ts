import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTx } from '../../src/db/connect.js';
import { seedClinic, type Fixture } from '../support/fixtures.js';
import { DIALECTS, freshDb, type TestDb } from '../support/test-db.js';

describe.each(DIALECTS)('write transactions (%s)', (dialect) => {
  let h: TestDb;
  let fx: Fixture;
  beforeAll(async () => {
    h = await freshDb(dialect);
    fx = await seedClinic(h);
  });
  afterAll(() => h.cleanup());

  const addSource = (name: string, fail = false) =>
    withTx(h, async (trx) => {
      await trx.insertInto('info_sources').values({ id: `${name}-id`, clinic_id: fx.clinicId, name, is_active: 1 }).execute();
      if (fail) throw new Error(`refused ${name}`);
      return name;
    });

  it('many concurrent transactions: each commits or rolls back on its own, nothing half-written', async () => {
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => addSource(`s${i}`, i % 5 === 0)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(32);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.map((r) => (r.reason as Error).message).sort()).toEqual(['refused s0', 'refused s10', 'refused s15', 'refused s20', 'refused s25', 'refused s30', 'refused s35', 'refused s5']);
    const names = (await h.db.selectFrom('info_sources').select('name').where('name', 'like', 's%').execute()).map((r) => r.name);
    expect(names).toHaveLength(32);
    expect(names).not.toContain('s5');
  });

  it('a transaction sees its own writes and the committed writes of those before it', async () => {
    await addSource('first');
    const seen = await withTx(h, async (trx) => {
      await trx.insertInto('info_sources').values({ id: 'second-id', clinic_id: fx.clinicId, name: 'second', is_active: 1 }).execute();
      return (await trx.selectFrom('info_sources').select('name').where('name', 'in', ['first', 'second']).execute()).map((r) => r.name).sort();
    });
    expect(seen).toEqual(['first', 'second']);
  });
});
