/**
 * The audit HMAC key of every test database and test server process (VIZIT_AUDIT_KEY), so a test
 * can verify the chain a spawned server wrote. Tests of the key file itself unset it.
 */
export const TEST_AUDIT_KEY = Buffer.alloc(32, 0x5a);
export const TEST_AUDIT_KEY_HEX = TEST_AUDIT_KEY.toString('hex');
