/** mulberry32: tiny, fast, and the same sequence on every machine for a seed, so the data set is reproducible. */
export class Rng {
  private s: number;

  constructor(seed: number) {
    this.s = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }

  /** One value by weight: [[value, weight], …]. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [v, w] of choices) {
      if ((x -= w) < 0) return v;
    }
    return choices[choices.length - 1][0];
  }

  /** An independent stream, so that one part of the data drawing more numbers does not reshuffle another. */
  fork(salt: number): Rng {
    return new Rng(Math.imul(this.s ^ salt, 0x9e3779b1) ^ salt);
  }
}
