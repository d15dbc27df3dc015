/**
 * The sign-in throttle. Wrong passwords are counted per (login, address) pair, so a stranger's
 * failures never hold back anyone else: an attempt is refused unchecked only when THIS pair has
 * been failing. The counts over a whole login (a login attacked from many addresses) and over a
 * whole address (a clinic's NAT address, or one machine trying many logins) never lock anyone;
 * they make the pairs already failing there stricter, so guessing stays slow while a pair that
 * has not failed always gets its password checked. A browser that has signed in as the login before
 * (its device cookie) is a pair of its own, so guesses from its address do not hold it back.
 */
export interface ThrottleSettings {
  /** How long a wrong password counts. */
  windowMinutes: number;
  /** Wrong passwords of one (login, address) pair in the window before the pair waits. */
  pairFailures: number;
  /** The same, for a pair on a login under attack or from an address under attack. */
  strictPairFailures: number;
  /** Wrong passwords on one login in the window (from all addresses): the login is under attack. */
  loginUnderAttack: number;
  /** Wrong passwords from one address in the window (on all logins): the address is under attack. */
  addressUnderAttack: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = {
  windowMinutes: 15,
  pairFailures: 5,
  strictPairFailures: 2,
  loginUnderAttack: 10,
  addressUnderAttack: 20,
};

export interface ThrottleFacts {
  /** Attempts of this (login, address) pair within the window, newest first. */
  pair: { at: string; success: boolean }[];
  /** Wrong passwords on this login within the window, from every address. */
  loginFailures: number;
  /** Wrong passwords from this address within the window, on every login. */
  addressFailures: number;
}

/**
 * Seconds this pair must wait before its password is checked again, or 0 to check it now.
 * A success of the pair clears its count (the person got in; earlier typos are forgiven).
 */
export function signInWait(f: ThrottleFacts, now: Date, s: ThrottleSettings): number {
  const failures: string[] = [];
  for (const a of f.pair) {
    if (a.success) break;
    failures.push(a.at);
  }
  const strict = f.loginFailures >= s.loginUnderAttack || f.addressFailures >= s.addressUnderAttack;
  const limit = strict ? s.strictPairFailures : s.pairFailures;
  if (failures.length < limit) return 0;
  // The pair may try again when the limit-th newest failure leaves the window.
  const until = Date.parse(failures[limit - 1]) + s.windowMinutes * 60_000;
  return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}

/** Start of the window for `now`, as stored (ISO instant). */
export function windowStart(now: Date, s: ThrottleSettings): string {
  return new Date(now.getTime() - s.windowMinutes * 60_000).toISOString();
}
