import type { z } from 'zod';
import type { ConfirmationList, WorklistQuery } from '../contracts/worklists.js';
import { listBranches } from '../db/repos/clinic.repo.js';
import { attempts, confirmationVisits } from '../db/repos/worklists.repo.js';
import { addDays } from '../domain/dates.js';
import { fullName } from '../domain/names.js';
import { localDateOf, localTimeOf } from '../domain/schedule/time.js';
import { branchOpenOn, confirmationPlan, halfBoundaryOf, inHalf } from '../domain/worklists/confirmation-worklist.js';
import { dativeFullName } from '../domain/worklists/dative.js';
import { addressName, confirmationScript } from '../domain/worklists/scripts.js';
import type { Actor, Deps } from './context.js';
import { attemptOut, calendarAround, groupBy, phonesOf, worklistContext } from './worklist-common.js';

const CONFIRMED = new Set(['confirmed', 'arrived', 'in_chair', 'done']);

/**
 * CONF-1..3, CONF-6: the confirmation calls of a calling day, per branch and session (the evening
 * list, and after closed days the morning list), each visit with its attempts, the marks the
 * schedule shows and the seed's script filled in. A visit cancelled on such a call stays listed.
 */
export async function confirmationList(deps: Deps, actor: Actor, q: z.infer<typeof WorklistQuery>): Promise<z.infer<typeof ConfirmationList>> {
  const ctx = await worklistContext(deps, actor, q);
  const db = deps.h.db;
  const boundary = halfBoundaryOf(ctx.settings);
  const calendar = await calendarAround(db, actor.clinicId, ctx.date);
  const branches = (await listBranches(db, actor.clinicId)).filter((b) => b.isActive && (!q.branchId || b.id === q.branchId));
  const plans = branches.map((b) => ({ b, tasks: confirmationPlan(ctx.date, (d) => branchOpenOn(d, calendar, b.hours)) }));
  const dates = [...new Set(plans.flatMap((p) => p.tasks.map((t) => t.visitDate)))];
  const rows = await confirmationVisits(db, actor.clinicId, dates, q.branchId ?? null);
  const tried = groupBy(await attempts(db, actor.clinicId, 'confirmation', { appointmentIds: rows.map((r) => r.id) }), (a) => a.appointment_id);
  const phones = await phonesOf(db, rows.map((r) => r.patient_id));
  const counts = { total: 0, confirmed: 0, toCall: 0, notReached: 0 };
  const sessions = plans.flatMap(({ b, tasks }) =>
    tasks.map((t) => {
      const items = rows
        .filter((r) => r.branch_id === b.id && r.local_date === t.visitDate && inHalf(localTimeOf(Date.parse(r.starts_at), ctx.tz), t.half, boundary))
        .filter((r) => r.status !== 'cancelled' || tried.has(r.id))
        .map((r) => {
          const mine = tried.get(r.id) ?? [];
          const startsMs = Date.parse(r.starts_at);
          const doctor = { surname: r.d_surname, firstName: r.d_first_name, patronymic: r.d_patronymic };
          if (r.status !== 'cancelled') {
            counts.total++;
            if (CONFIRMED.has(r.status)) counts.confirmed++;
            else counts.toCall++;
            if (!CONFIRMED.has(r.status) && mine.at(-1)?.outcome === 'not_reached') counts.notReached++;
          }
          return {
            appointmentId: r.id,
            patientId: r.patient_id,
            name: fullName({ surname: r.surname, firstName: r.first_name, patronymic: r.patronymic }),
            cardNumber: Number(r.card_number),
            phone: phones.get(r.patient_id) ?? null,
            startsAt: new Date(startsMs).toISOString(),
            visitDate: r.local_date,
            doctorId: r.doctor_id,
            doctorName: fullName(doctor),
            branchId: r.branch_id,
            status: r.status,
            needsCall: Number(r.needs_call) === 1,
            bookedLate: localDateOf(Date.parse(r.created_at), ctx.tz) >= addDays(r.local_date, -1),
            attempts: mine.map(attemptOut),
            script: confirmationScript({
              atMs: ctx.now.getTime(), tz: ctx.tz, clinicName: ctx.clinicName, adminFirstName: ctx.adminFirstName,
              patient: addressName({ addressAs: r.address_as, firstName: r.first_name, patronymic: r.patronymic }),
              doctorDative: dativeFullName(doctor), visitDate: r.local_date, startsAtMs: startsMs, branch: b.address || b.name,
            }),
          };
        });
      return { ...t, branchId: b.id, items };
    }),
  );
  return { date: ctx.date, halfBoundary: boundary, open: plans.some((p) => p.tasks.length > 0), sessions, counts };
}
