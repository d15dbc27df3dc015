import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { TelephonyEvent, type TelephonyEventT } from '../contracts/telephony.js';
import { withTx, type Db } from '../db/connect.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { countDoneVisits, insertCall, refExists } from '../db/repos/calls.repo.js';
import { addLiveEvent } from '../db/repos/live.repo.js';
import * as repo from '../db/repos/telephony.repo.js';
import { suggestCallerType } from '../domain/calls/call-rules.js';
import { DomainError, fieldError, type FieldError } from '../domain/errors.js';
import { toE164 } from '../domain/phone.js';
import { auditEntry, type Actor, type Deps } from './context.js';

/** A signed event older or newer than this is refused: a captured request cannot be replayed later. */
export const TIMESTAMP_TOLERANCE_SEC = 5 * 60;
/** An event's own instant further than this from now is a PBX clock error, not a call. */
const EVENT_SKEW_MS = 24 * 3600_000;
/** A line typed as a phone number in any form (8 812 …, +7 812 …) is kept and matched as E.164; a trunk name as it is. */
export const lineKey = (line: string) => toE164(line) ?? line.trim();
/** Outcomes the telephony writes until the administrator records the call from the card. */
export const TELEPHONY_OUTCOMES = { open: 'unfilled', missed: 'missed' } as const;

export interface SignedRequest {
  clinicId: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  body: string;
}

const refused = () =>
  new DomainError('unauthenticated', { ru: 'Подпись события телефонии неверна или устарела', en: 'The telephony event’s signature is wrong or stale' });

/** The hex HMAC-SHA256 a PBX sends in X-Vizit-Signature: over «timestamp.body» with the clinic's secret. */
export function signEvent(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** Constant-time: the comparison takes as long whatever byte differs first. */
function signatureMatches(expectedHex: string, header: string): boolean {
  const m = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!m) return false;
  const a = Buffer.from(expectedHex, 'hex');
  const b = Buffer.from(m[1]!.toLowerCase(), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

async function verify(deps: Deps, req: SignedRequest): Promise<string> {
  const clinicId = req.clinicId?.trim();
  if (!clinicId || !/^[0-9a-f-]{36}$/i.test(clinicId) || !req.signature || !req.timestamp || !/^\d{1,12}$/.test(req.timestamp)) throw refused();
  const skew = Math.abs(deps.clock().getTime() / 1000 - Number(req.timestamp));
  if (skew > TIMESTAMP_TOLERANCE_SEC) throw refused();
  const s = await repo.getSecret(deps.h.db, clinicId);
  // No secret yet: the same answer as a wrong one, so nobody learns which clinics are wired.
  if (!s) {
    signatureMatches(signEvent('-', req.timestamp, req.body), req.signature);
    throw refused();
  }
  if (!signatureMatches(signEvent(s.secret, req.timestamp, req.body), req.signature)) throw refused();
  return clinicId;
}

function parse(body: string, now: Date): TelephonyEventT {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw fieldError('body', { ru: 'Некорректный JSON', en: 'Malformed JSON' });
  }
  const r = TelephonyEvent.safeParse(json);
  if (!r.success) {
    const errors: FieldError[] = r.error.issues.slice(0, 10).map((i) => ({ field: i.path.join('.') || 'body', message: { ru: 'Неверное значение', en: i.message } }));
    throw new DomainError('validation_failed', { ru: 'Событие телефонии заполнено неверно', en: 'The telephony event is malformed' }, errors);
  }
  if (Math.abs(Date.parse(r.data.at) - now.getTime()) > EVENT_SKEW_MS) throw fieldError('at', { ru: 'Время события дальше суток от текущего', en: 'The event time is more than a day away from now' });
  return r.data;
}

const secOf = (from: string | null | undefined, to: string | null | undefined) =>
  from && to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000)) : null;
const minIso = (a: string | null | undefined, b: string) => (a && Date.parse(a) < Date.parse(b) ? a : b);

/**
 * A signed PBX event (ringing, answered, ended). The call row is created by whichever event of
 * the call comes first (they may come out of order), each event is taken once per
 * (clinic, PBX call id, event): a repeat changes nothing. The first ring publishes a live event so
 * the branch's desk screens open the call card on this very row.
 */
export async function takeEvent(deps: Deps, req: SignedRequest) {
  const clinicId = await verify(deps, req);
  const now = deps.clock();
  const e = parse(req.body, now);
  const db = deps.h.db;
  const branchId = (await repo.branchOfLine(db, clinicId, lineKey(e.line))) ?? (await repo.branchOfLine(db, clinicId, e.line));
  if (!branchId) throw fieldError('line', { ru: 'Линия не привязана к филиалу клиники', en: 'The line is not mapped to a branch of the clinic' });
  if (await repo.eventTaken(db, clinicId, e.callId, e.event)) return { callId: (await repo.callByPbxId(db, clinicId, e.callId))?.id ?? '', duplicate: true };
  const phone = toE164(e.from);
  const patient = phone ? await repo.patientByPhone(db, clinicId, phone) : null;
  const callerType = suggestCallerType(patient ? { pastVisits: await countDoneVisits(db, clinicId, patient.id) } : null);
  try {
    return await withTx(deps.h, async (trx) => {
      if (await repo.eventTaken(trx, clinicId, e.callId, e.event)) return { callId: (await repo.callByPbxId(trx, clinicId, e.callId))?.id ?? '', duplicate: true };
      await repo.insertEvent(trx, { id: newId(), clinic_id: clinicId, pbx_call_id: e.callId, event: e.event, at: new Date(e.at).toISOString(), received_at: now.toISOString() });
      const callId = await applyEvent(trx, clinicId, branchId, e, { phone, patientId: patient?.id ?? null, callerType, rawFrom: e.from });
      if (e.event === 'ringing') {
        await addLiveEvent(trx, {
          clinicId, at: now.toISOString(), kind: 'call.ringing',
          payload: { callId, branchId, phone: phone ?? e.from, patientId: patient?.id ?? null, callerType, ringingAt: new Date(e.at).toISOString() },
        });
      }
      return { callId, duplicate: false };
    });
  } catch (err) {
    // The same event delivered twice at once: the unique key let one in; the other is the repeat.
    if (await repo.eventTaken(db, clinicId, e.callId, e.event)) return { callId: (await repo.callByPbxId(db, clinicId, e.callId))?.id ?? '', duplicate: true };
    throw err;
  }
}

async function applyEvent(
  trx: Db,
  clinicId: string,
  branchId: string,
  e: TelephonyEventT,
  caller: { phone: string | null; patientId: string | null; callerType: string; rawFrom: string },
): Promise<string> {
  const at = new Date(e.at).toISOString();
  let call = await repo.callByPbxId(trx, clinicId, e.callId);
  if (!call) {
    const id = newId();
    await insertCall(trx, {
      id, clinic_id: clinicId, branch_id: branchId, direction: 'in', caller_type: caller.callerType, purpose: 'other',
      patient_id: caller.patientId, phone: caller.phone, caller_name: caller.phone ? null : caller.rawFrom.slice(0, 64), source_id: null,
      outcome: TELEPHONY_OUTCOMES.open, outcome_reason: null, appointment_id: null, user_id: null, started_at: at, duration_sec: 0, note: null,
      pbx_call_id: e.callId,
    });
    call = (await repo.callByPbxId(trx, clinicId, e.callId))!;
  }
  const t = {
    ringing_at: e.event === 'ringing' ? at : call.ringing_at ?? null,
    answered_at: e.event === 'answered' ? at : call.answered_at ?? null,
    ended_at: e.event === 'ended' ? at : call.ended_at ?? null,
  };
  // Out of order: the end may come before the answer; every figure is recomputed from what is known.
  const missed = !!t.ended_at && !t.answered_at;
  const filledByDesk = call.outcome !== TELEPHONY_OUTCOMES.open && call.outcome !== TELEPHONY_OUTCOMES.missed;
  await repo.updateCall(trx, clinicId, call.id, {
    ...t,
    started_at: minIso(call.started_at, at),
    answer_sec: secOf(t.ringing_at, t.answered_at),
    duration_sec: secOf(t.answered_at, t.ended_at) ?? 0,
    ...(!filledByDesk && { outcome: missed ? TELEPHONY_OUTCOMES.missed : TELEPHONY_OUTCOMES.open }),
  });
  return call.id;
}

/** The clinic's telephony settings for the owner: whether a secret exists (never the secret) and the lines. */
export async function getSettings(deps: Deps, actor: Actor) {
  const [s, lines] = await Promise.all([repo.getSecret(deps.h.db, actor.clinicId), repo.listLines(deps.h.db, actor.clinicId)]);
  return {
    clinicId: actor.clinicId, hasSecret: !!s, secretCreatedAt: s ? new Date(s.created_at).toISOString() : null,
    lines: lines.map((l) => ({ id: l.id, line: l.line, branchId: l.branch_id })),
  };
}

/** Generates (or rotates) the shared secret; returned once, the old one stops working at once. */
export async function rotateSecret(deps: Deps, actor: Actor) {
  const now = deps.clock();
  const secret = randomBytes(32).toString('hex');
  await withTx(deps.h, async (trx) => {
    await repo.putSecret(trx, { clinic_id: actor.clinicId, secret, created_by: actor.userId, created_at: now.toISOString() });
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'clinic', objectId: actor.clinicId, details: { fields: ['telephony_secret'] } }));
  });
  return { secret, createdAt: now.toISOString() };
}

/** Replaces the clinic's line → branch table. */
export async function saveLines(deps: Deps, actor: Actor, lines: { line: string; branchId: string }[]) {
  const now = deps.clock();
  const seen = new Set<string>();
  lines = lines.map((l) => ({ ...l, line: lineKey(l.line) }));
  for (const [i, l] of lines.entries()) {
    if (seen.has(l.line)) throw fieldError(`lines.${i}.line`, { ru: 'Линия указана дважды', en: 'The line is listed twice' });
    seen.add(l.line);
  }
  await withTx(deps.h, async (trx) => {
    for (const [i, l] of lines.entries()) {
      if (!(await refExists(trx, 'branches', actor.clinicId, l.branchId))) throw fieldError(`lines.${i}.branchId`, { ru: 'Филиал не найден', en: 'Branch not found' });
    }
    await repo.replaceLines(trx, actor.clinicId, lines.map((l) => ({ id: newId(), line: l.line, branch_id: l.branchId })));
    await appendAudit(trx, auditEntry(actor, now, { action: 'update', objectType: 'clinic', objectId: actor.clinicId, details: { fields: ['telephony_lines'] } }));
  });
  return getSettings(deps, actor);
}
