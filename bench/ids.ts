import type { Rng } from '../src/demo/demo-random.js';

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/**
 * A UUID v7 built from an instant and the seeded generator instead of the clock and crypto:
 * the same seed gives the same ids, and they are still time-ordered and valid for z.uuid().
 */
export function seededV7(ms: number, rng: Rng): string {
  const t = hex(Math.max(0, Math.floor(ms)), 12);
  const r = () => rng.int(0, 0xffff);
  const variant = 0x8000 | (r() & 0x3fff);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${hex(r() & 0xfff, 3)}-${hex(variant, 4)}-${hex(r(), 4)}${hex(r(), 4)}${hex(r(), 4)}`;
}
