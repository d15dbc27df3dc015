import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/test-db.js';

/**
 * A real calendar day far outside any clinic's life (year 0000 or 9999) passed the date check, and
 * the statistics' day arithmetic (recall steps back, the period's next day) then left the
 * four-digit years: a 500. Every date of the API is now 1900–2999: a 400 naming the field.
 */
describe.each(DIALECTS)('dates of the API keep to years 1900–2999 (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('the statistics and the survey results answer 400 for year 0000 and 9999, and 200 at the edges', async () => {
    const owner = as(t.app, await signIn(t.app, t.fx.users.owner.login));
    for (const url of ['/api/statistics?from=0000-01-01&to=0000-12-31', '/api/statistics?from=9999-01-01&to=9999-12-31', '/api/surveys/results?from=0001-01-01&to=9999-12-31']) {
      const r = await owner('GET', url);
      expect(r.statusCode, `${url}: ${r.body}`).toBe(400);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(r.json().errors[0]).toMatchObject({ field: 'from', message_ru: 'Год даты — от 1900 до 2999', message_en: 'The date’s year is from 1900 to 2999' });
    }
    expect((await owner('GET', '/api/statistics?from=1900-01-01&to=1900-12-31')).statusCode).toBe(200);
    expect((await owner('GET', '/api/statistics?from=2999-01-01&to=2999-12-31')).statusCode).toBe(200);
  });
});
