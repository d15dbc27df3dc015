/**
 * Chooses the patient for each demo visit: the right age for the doctor (children to the
 * paediatric dentist, teenagers and young adults to the orthodontist), regulars more often
 * than others, a repeat visit often by someone the doctor saw recently, a first visit by a
 * patient whose card was opened shortly before, and nobody booked in two places at once.
 */
import type { DemoPatient } from './demo-patients.js';
import type { Rng } from './demo-random.js';
import type { Practice } from './demo-staff.js';
import type { VisitKind } from './demo-texts.js';
import { DAY_MS } from './demo-time.js';

/** Picks patients for visits: the right age for the doctor, regulars more often, nobody in two places at once. */
export class PatientPicker {
  private readonly pools: Record<Practice, number[]>;
  private readonly member: Record<Practice, Uint8Array>;
  private readonly busy = new Map<number, [number, number][]>();
  private readonly recent = new Map<string, number[]>();
  /** How many first visits each new patient already has (a newcomer sees one or two specialists). */
  private readonly firstVisits = new Map<number, number>();

  constructor(private readonly rng: Rng, private readonly patients: readonly DemoPatient[]) {
    const all = patients.map((_, i) => i);
    const adults = all.filter((i) => !patients[i].child);
    const pools = {
      therapist: adults,
      surgeon: adults,
      orthopedist: adults.filter((i) => patients[i].age >= 25),
      orthodontist: all.filter((i) => patients[i].age >= 7 && patients[i].age < 45),
      hygienist: all.filter((i) => patients[i].age >= 6),
      pediatric: all.filter((i) => patients[i].child),
    };
    // Shuffled once so that "regulars" (the head of each pool) are not simply the oldest cards.
    const member = {} as Record<Practice, Uint8Array>;
    for (const k of Object.keys(pools) as Practice[]) {
      member[k] = new Uint8Array(patients.length);
      for (const i of pools[k]) member[k][i] = 1;
      pools[k] = rng.shuffle([...pools[k]]);
    }
    this.pools = pools;
    this.member = member;
  }

  pick(doctorId: string, practice: Practice, kind: VisitKind, bookedMs: number, startMs: number, endMs: number, live: boolean): number | null {
    const group = this.pools[practice].length ? practice : 'therapist';
    const pool = this.pools[group];
    const recent = this.recent.get(doctorId) ?? [];
    for (let attempt = 0; attempt < 25; attempt++) {
      let i: number;
      if (kind === 'primary' && attempt < 10) i = this.recentlyRegistered(group, bookedMs);
      else if (kind === 'repeat' && recent.length > 5 && attempt < 6 && this.rng.chance(0.6)) i = this.rng.pick(recent);
      else i = pool[Math.floor(pool.length * Math.pow(this.rng.next(), 1.6))];
      if (i < 0 || this.patients[i].createdMs > bookedMs) continue;
      if (live && this.overlaps(i, startMs, endMs)) continue;
      if (kind === 'primary' && attempt < 10) {
        const n = this.firstVisits.get(i) ?? 0;
        if (n >= 2) continue;
        this.firstVisits.set(i, n + 1);
      }
      if (live) {
        const list = this.busy.get(i) ?? [];
        list.push([startMs, endMs]);
        this.busy.set(i, list);
        recent.push(i);
        if (recent.length > 40) recent.shift();
        this.recent.set(doctorId, recent);
      }
      return i;
    }
    return null;
  }

  /** A patient whose card was opened in the month before the booking (a new patient's first visit). */
  private recentlyRegistered(group: Practice, bookedMs: number): number {
    const hi = upperBound(this.patients, bookedMs);
    const lo = upperBound(this.patients, bookedMs - 30 * DAY_MS);
    if (hi <= lo) return -1;
    const i = this.rng.int(lo, hi - 1);
    return this.member[group][i] ? i : -1;
  }

  private overlaps(i: number, s: number, e: number): boolean {
    return (this.busy.get(i) ?? []).some(([a, b]) => a < e && s < b);
  }
}

/** Index of the first patient whose card was opened after `ms` (patients are in card order). */
function upperBound(patients: readonly DemoPatient[], ms: number): number {
  let lo = 0;
  let hi = patients.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (patients[mid].createdMs <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
