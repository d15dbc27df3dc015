import { z } from 'zod';
import { CANCEL_REASONS, STATUSES } from '../domain/schedule/status.js';
import { PAYMENT_METHODS } from '../domain/money.js';
import { Id, IsoDate } from './common.js';

/** The dashboard's period: clinic-local dates, both inclusive (at most a year); all branches when none is given. */
export const StatsQuery = z.strictObject({
  from: IsoDate,
  to: IsoDate,
  branchId: Id.optional(),
});

const Count = z.number().int().nonnegative();
const Utilisation = z.object({ bookedMinutes: Count, workMinutes: Count, idleMinutes: Count, percent: z.number() });

/**
 * The owner's and the chief doctor's statistics, one block per question. Blocks that arrive
 * with later issues (call conversion, revenue, survey scores) are added as new optional keys,
 * so an older page simply does not show them.
 */
export const StatsSummary = z.object({
  from: IsoDate,
  to: IsoDate,
  branchId: Id.nullable(),
  visits: z.object({
    total: Count,
    byStatus: z.array(z.object({ status: z.enum(STATUSES), count: Count })),
    /** Percent of no-shows among the visits that were due (arrived, in the chair, done, no-show). */
    noShowRate: z.number(),
    cancelled: Count,
    cancelReasons: z.array(z.object({ reason: z.enum(CANCEL_REASONS).nullable(), count: Count })),
  }),
  doctors: z.array(z.object({ doctorId: Id, name: z.string() }).extend(Utilisation.shape)),
  chairs: z.array(z.object({ chairId: Id, name: z.string(), branchId: Id }).extend(Utilisation.shape)),
  total: Utilisation,
  /** Patients registered in the period, by where they heard of the clinic (whole clinic: a card has no branch). */
  sources: z.array(z.object({ sourceId: Id.nullable(), name: z.string().nullable(), count: Count })),
  newPatients: Count,
  /** Visits of the period booked before their day (walk-ins aside): how many were confirmed before the day. */
  confirmation: z.object({ due: Count, confirmed: Count, percent: z.number() }),
  /** Recall as of the period's end (today at the latest): patients due for a check-up, and of them booked. */
  recall: z.object({ asOf: IsoDate, due: Count, booked: Count, percent: z.number() }),
  /**
   * Money of the period, kopecks: taken in by method (payments from the patient's advance are
   * not new money and are shown apart), refunds, net; billed per doctor from issued bills.
   */
  revenue: z
    .object({
      received: z.number().int(),
      refunded: z.number().int(),
      net: z.number().int(),
      fromAdvance: z.number().int(),
      byMethod: z.array(z.object({ method: z.enum(PAYMENT_METHODS), received: z.number().int(), refunded: z.number().int(), count: Count })),
      byDoctor: z.array(z.object({ doctorId: Id.nullable(), name: z.string().nullable(), billed: z.number().int() })),
    })
    .optional(),
});
export type StatsSummaryT = z.infer<typeof StatsSummary>;

/** The visits behind a figure: by status (`held`: the visits that count as booked time), reason, doctor, chair or confirmation. */
export const StatsVisitsQuery = StatsQuery.extend({
  status: z.enum([...STATUSES, 'held']).optional(),
  cancelReason: z.enum(CANCEL_REASONS).optional(),
  doctorId: Id.optional(),
  chairId: Id.optional(),
  confirmation: z.enum(['confirmed', 'unconfirmed']).optional(),
});

export const StatsVisit = z.object({
  id: Id,
  patientId: Id,
  patientName: z.string(),
  cardNumber: z.number().int(),
  doctorId: Id,
  doctorName: z.string(),
  branchId: Id,
  chairId: Id.nullable(),
  localDate: IsoDate,
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(STATUSES),
  cancelReason: z.string().nullable(),
});
export const StatsVisitList = z.object({ items: z.array(StatsVisit), total: Count, limit: Count });

/** The patients behind a figure: new ones of the period by source (`noSource`: none given), or recall (due, booked, not booked). */
export const StatsPatientsQuery = StatsQuery.extend({
  sourceId: Id.optional(),
  noSource: z.enum(['true']).optional(),
  recall: z.enum(['due', 'booked', 'not_booked']).optional(),
});

export const StatsPatient = z.object({
  id: Id,
  name: z.string(),
  cardNumber: z.number().int(),
  createdAt: z.string(),
  sourceName: z.string().nullable(),
  lastVisit: IsoDate.nullable(),
});
export const StatsPatientList = z.object({ items: z.array(StatsPatient), total: Count, limit: Count });

/** The desk's «today» board: today's open visits and the chairs; the page works out waiting, late and free each minute. */
export const TodayQuery = z.strictObject({ branchId: Id.optional() });
export const TodayBoard = z.object({
  date: IsoDate,
  now: z.string(),
  branches: z.array(z.object({ id: Id, name: z.string() })),
  chairs: z.array(z.object({ id: Id, branchId: Id, name: z.string() })),
  visits: z.array(
    z.object({
      id: Id,
      branchId: Id,
      chairId: Id.nullable(),
      doctorId: Id,
      doctorName: z.string(),
      patientId: Id,
      patientName: z.string(),
      status: z.enum(STATUSES),
      startsAt: z.string(),
      endsAt: z.string(),
      arrivedAt: z.string().nullable(),
    }),
  ),
});
export type TodayBoardT = z.infer<typeof TodayBoard>;

/** The payments and refunds behind the revenue figures, by method. */
export const StatsPaymentsQuery = StatsQuery.extend({ method: z.enum(PAYMENT_METHODS).optional() });
export const StatsPayment = z.object({
  id: Id,
  patientId: Id,
  patientName: z.string(),
  cardNumber: z.number().int(),
  kind: z.enum(['payment', 'refund']),
  method: z.enum(PAYMENT_METHODS),
  amount: z.number().int(),
  number: z.number().int(),
  billId: Id.nullable(),
  billNumber: z.number().int().nullable(),
  createdAt: z.string(),
});
export const StatsPaymentList = z.object({ items: z.array(StatsPayment), total: Count, limit: Count });
