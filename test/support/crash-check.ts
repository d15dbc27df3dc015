/**
 * What must hold in the database after the server was killed (kill -9) in the middle of a write
 * load: the checker of test/faults/crash-safety.test.ts and bench/crash.ts. It reads the
 * database directly (not through the app), so a bug in the app's read path cannot hide a loss.
 */
import { sql } from 'kysely';
import type { DbHandle } from '../../src/db/connect.js';
import { verifyChain } from '../../src/db/repos/audit.repo.js';

/** Every write the client saw acknowledged (a 2xx with its body), and what it must have left behind. */
export interface Ledger {
  /** patient id -> the E.164 phone it was created with */
  patients: Map<string, string>;
  /**
   * appointment id -> the statuses and comments it may have now: the last acknowledged one, plus
   * any sent after it whose answer the kill swallowed (those may or may not have committed).
   */
  appointments: Map<string, { statuses: Set<string>; comments: Set<string | null> }>;
  /** "appointmentId from->to" of every acknowledged status change: each must be in the history. */
  transitions: string[];
  /** unique service-card text -> patient id */
  cardTexts: Map<string, string>;
  waiting: Set<string>;
  /** patient id -> acknowledged card openings (each must have left its audited read). */
  reads: Map<string, number>;
  /** How many acknowledged writes in all (an audited read counts: it writes the audit log). */
  acknowledged: number;
}

export function emptyLedger(): Ledger {
  return { patients: new Map(), appointments: new Map(), transitions: [], cardTexts: new Map(), waiting: new Set(), reads: new Map(), acknowledged: 0 };
}

/** The newest id of each table before the load: UUID v7 ids are time-ordered, so greater means "written by the load". */
export interface Baseline {
  clinicId: string;
  patients: string;
  appointments: string;
  history: string;
  card: string;
  notifications: string;
  waiting: string;
}

export async function takeBaseline(h: DbHandle): Promise<Baseline> {
  const max = async (t: 'patients' | 'appointments' | 'appointment_history' | 'service_card_entries' | 'notifications' | 'waiting_list') =>
    (await sql<{ m: string | null }>`select max(id) as m from ${sql.table(t)}`.execute(h.db)).rows[0].m ?? '';
  const clinic = await h.db.selectFrom('clinics').select('id').executeTakeFirstOrThrow();
  return {
    clinicId: clinic.id,
    patients: await max('patients'),
    appointments: await max('appointments'),
    history: await max('appointment_history'),
    card: await max('service_card_entries'),
    notifications: await max('notifications'),
    waiting: await max('waiting_list'),
  };
}

export interface CrashCheck {
  /** 'ok', or what PRAGMA integrity_check said; 'n/a' on PostgreSQL (the server's own recovery). */
  integrity: string;
  /** Acknowledged writes missing or without their effect, one line each. */
  lost: string[];
  /** Every kind of orphan found, with its count. */
  orphans: { what: string; n: number }[];
  chainOk: boolean;
  /** Pairs of time-holding appointments that overlap, per doctor and per chair (squeeze-ins exempt). */
  overlaps: number;
}

async function count(h: DbHandle, q: ReturnType<typeof sql<{ n: number | string }>>): Promise<number> {
  return Number((await q.execute(h.db)).rows[0].n);
}

/** Rows that must not exist; `b` scopes the audit and history rules to rows the load wrote (the demo seed has none). */
function orphanQueries(b: Baseline) {
  return {
    'phones without their patient': sql<{ n: number }>`select count(*) as n from patient_phones p where not exists (select 1 from patients x where x.id = p.patient_id)`,
    'appointments without their patient or doctor': sql<{ n: number }>`select count(*) as n from appointments a
      where not exists (select 1 from patients x where x.id = a.patient_id) or not exists (select 1 from doctors d where d.id = a.doctor_id)`,
    'history rows without their appointment': sql<{ n: number }>`select count(*) as n from appointment_history r where not exists (select 1 from appointments a where a.id = r.appointment_id)`,
    'service-card entries without their patient or appointment': sql<{ n: number }>`select count(*) as n from service_card_entries e
      where not exists (select 1 from patients x where x.id = e.patient_id)
         or (e.appointment_id is not null and not exists (select 1 from appointments a where a.id = e.appointment_id))`,
    'notifications without their appointment': sql<{ n: number }>`select count(*) as n from notifications n
      where n.appointment_id is not null and not exists (select 1 from appointments a where a.id = n.appointment_id)`,
    'waiting-list entries without their patient': sql<{ n: number }>`select count(*) as n from waiting_list w where not exists (select 1 from patients x where x.id = w.patient_id)`,
    'new patients without their audit entry': sql<{ n: number }>`select count(*) as n from patients p where p.id > ${b.patients}
      and not exists (select 1 from audit_log l where l.object_type = 'patient' and l.action = 'create' and l.object_id = p.id)`,
    'new appointments without their audit entry': sql<{ n: number }>`select count(*) as n from appointments a where a.id > ${b.appointments}
      and not exists (select 1 from audit_log l where l.object_type = 'appointment' and l.action = 'create' and l.object_id = a.id)`,
    'new appointments without the creation row of their history': sql<{ n: number }>`select count(*) as n from appointments a where a.id > ${b.appointments}
      and not exists (select 1 from appointment_history r where r.appointment_id = a.id and r.action = 'book')`,
    // The service writes the history row and the audit entry with the same instant in one transaction.
    'new history rows (status changes, edits) without their audit entry': sql<{ n: number }>`select count(*) as n from appointment_history r where r.id > ${b.history}
      and not exists (select 1 from audit_log l where l.object_type = 'appointment' and l.object_id = r.appointment_id and l.at = r.at)`,
    // An entry the desk adds is audited by itself; one a status change derives (lateness) by that change's entry.
    'new service-card entries without their audit entry': sql<{ n: number }>`select count(*) as n from service_card_entries e where e.id > ${b.card}
      and not exists (select 1 from audit_log l where (l.object_type = 'service_card_entry' and l.object_id = e.id) or (l.patient_id = e.patient_id and l.at = e.created_at))`,
    'new notifications without the audited change that raised them': sql<{ n: number }>`select count(*) as n from notifications n where n.id > ${b.notifications}
      and n.appointment_id is not null and not exists (select 1 from audit_log l where l.object_id = n.appointment_id and l.at = n.created_at)`,
    'new waiting-list entries without their audit entry': sql<{ n: number }>`select count(*) as n from waiting_list w where w.id > ${b.waiting}
      and not exists (select 1 from audit_log l where l.object_type = 'waiting_list' and l.action = 'create' and l.object_id = w.id)`,
  };
}

async function overlapPairs(h: DbHandle): Promise<number> {
  let n = 0;
  for (const col of ['doctor_id', 'chair_id'] as const) {
    n += await count(h, sql<{ n: number }>`select count(*) as n from appointments a
      join appointments b on b.${sql.ref(col)} = a.${sql.ref(col)} and b.id <> a.id and b.starts_at >= a.starts_at and b.starts_at < a.ends_at
      where a.status not in ('cancelled', 'no_show') and b.status not in ('cancelled', 'no_show') and a.squeeze_in = 0 and b.squeeze_in = 0`);
  }
  return n;
}

async function lostWrites(h: DbHandle, ledger: Ledger, b: Baseline): Promise<string[]> {
  const lost: string[] = [];
  const phones = new Map<string, Set<string>>();
  for (const r of await h.db.selectFrom('patient_phones').select(['patient_id', 'number']).where('patient_id', '>', b.patients).execute()) {
    phones.set(r.patient_id, (phones.get(r.patient_id) ?? new Set()).add(r.number));
  }
  const patients = new Set((await h.db.selectFrom('patients').select('id').where('id', '>', b.patients).execute()).map((r) => r.id));
  for (const [id, phone] of ledger.patients) {
    if (!patients.has(id)) lost.push(`patient ${id}`);
    else if (!phones.get(id)?.has(phone)) lost.push(`phone ${phone} of patient ${id}`);
  }
  const appts = new Map((await h.db.selectFrom('appointments').select(['id', 'status', 'comment']).execute()).map((r) => [r.id, r]));
  for (const [id, want] of ledger.appointments) {
    const a = appts.get(id);
    if (!a) lost.push(`appointment ${id}`);
    else if (!want.statuses.has(a.status)) lost.push(`appointment ${id}: status ${a.status}, expected one of ${[...want.statuses].join('|')}`);
    else if (!want.comments.has(a.comment)) lost.push(`appointment ${id}: comment ${JSON.stringify(a.comment)}, expected one of ${JSON.stringify([...want.comments])}`);
  }
  const history = new Set(
    (await h.db.selectFrom('appointment_history').select(['appointment_id', 'from_status', 'to_status']).where('action', '=', 'status').execute()).map(
      (r) => `${r.appointment_id} ${r.from_status}->${r.to_status}`,
    ),
  );
  for (const t of ledger.transitions) if (!history.has(t)) lost.push(`status change ${t} missing from the history`);
  const texts = new Map((await h.db.selectFrom('service_card_entries').select(['text', 'patient_id']).where('id', '>', b.card).execute()).map((r) => [r.text, r.patient_id]));
  for (const [text, patientId] of ledger.cardTexts) if (texts.get(text) !== patientId) lost.push(`service-card entry "${text}"`);
  const waiting = new Set((await h.db.selectFrom('waiting_list').select('id').where('id', '>', b.waiting).execute()).map((r) => r.id));
  for (const id of ledger.waiting) if (!waiting.has(id)) lost.push(`waiting-list entry ${id}`);
  const reads = new Map(
    (await h.db.selectFrom('audit_log').select(['object_id', (eb) => eb.fn.countAll<number>().as('n')]).where('object_type', '=', 'patient').where('action', '=', 'read').groupBy('object_id').execute()).map(
      (r) => [r.object_id, Number(r.n)],
    ),
  );
  for (const [id, n] of ledger.reads) if ((reads.get(id) ?? 0) < n) lost.push(`audited reads of patient ${id}: ${reads.get(id) ?? 0} < ${n}`);
  return lost;
}

/** Runs every check on a database no server is writing to. */
export async function checkAfterCrash(h: DbHandle, ledger: Ledger, b: Baseline): Promise<CrashCheck> {
  let integrity = 'n/a';
  if (h.dialect === 'sqlite') {
    const rows = (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(h.db)).rows;
    integrity = rows.map((r) => r.integrity_check).join('; ');
    const fk = (await sql`pragma foreign_key_check`.execute(h.db)).rows.length;
    if (fk) integrity += `; foreign_key_check: ${fk} rows`;
  }
  const orphans: CrashCheck['orphans'] = [];
  for (const [what, q] of Object.entries(orphanQueries(b))) {
    const n = await count(h, q);
    if (n) orphans.push({ what, n });
  }
  return {
    integrity,
    lost: await lostWrites(h, ledger, b),
    orphans,
    chainOk: (await verifyChain(h.db, b.clinicId)).ok,
    overlaps: await overlapPairs(h),
  };
}
