import { describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE, signInWait, type ThrottleFacts } from './sign-in-throttle.js';

const now = new Date('2026-11-23T09:00:00.000Z');
const ago = (min: number) => new Date(now.getTime() - min * 60_000).toISOString();
const fails = (...mins: number[]) => mins.map((m) => ({ at: ago(m), success: false }));
const facts = (f: Partial<ThrottleFacts>): ThrottleFacts => ({ pair: [], loginFailures: 0, addressFailures: 0, ...f });

describe('sign-in throttle', () => {
  it('checks a pair that has not failed, however hard its login or its address is attacked', () => {
    expect(signInWait(facts({ loginFailures: 1000, addressFailures: 1000 }), now, DEFAULT_THROTTLE)).toBe(0);
  });

  it('stops a pair after 5 failures until the 5th newest leaves the 15-minute window', () => {
    expect(signInWait(facts({ pair: fails(1, 2, 3, 4) }), now, DEFAULT_THROTTLE)).toBe(0);
    expect(signInWait(facts({ pair: fails(1, 2, 3, 4, 10) }), now, DEFAULT_THROTTLE)).toBe(5 * 60);
  });

  it('a success of the pair forgives the failures before it', () => {
    const pair = [...fails(1, 2), { at: ago(3), success: true }, ...fails(4, 5, 6, 7)];
    expect(signInWait(facts({ pair }), now, DEFAULT_THROTTLE)).toBe(0);
  });

  it('on a login or from an address under attack a failing pair waits after 2 failures', () => {
    expect(signInWait(facts({ pair: fails(1), loginFailures: 10 }), now, DEFAULT_THROTTLE)).toBe(0);
    expect(signInWait(facts({ pair: fails(1, 3), loginFailures: 10 }), now, DEFAULT_THROTTLE)).toBe(12 * 60);
    expect(signInWait(facts({ pair: fails(1, 3), addressFailures: 20 }), now, DEFAULT_THROTTLE)).toBe(12 * 60);
    expect(signInWait(facts({ pair: fails(1, 3), loginFailures: 9, addressFailures: 19 }), now, DEFAULT_THROTTLE)).toBe(0);
  });
});
