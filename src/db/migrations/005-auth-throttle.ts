import type { Kysely, Migration } from 'kysely';

/**
 * Device cookies for the sign-in throttle: a browser that has signed in as a login before carries a
 * random token, and its attempts are counted per (login, device) instead of per (login, address),
 * so someone guessing a colleague's login from the same NAT address cannot stop the colleague's own browser.
 * `device` holds the token's SHA-256, never the token.
 */
export const authThrottle: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('login_attempts').addColumn('device', 'text').execute();
    await db.schema.createIndex('login_attempts_device').on('login_attempts').columns(['login', 'device', 'at']).execute();
  },
};
