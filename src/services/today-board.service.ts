import { listBranches, listChairs } from '../db/repos/clinic.repo.js';
import { openVisitsOfDay } from '../db/repos/statistics.repo.js';
import { fullName } from '../domain/names.js';
import type { Status } from '../domain/schedule/status.js';
import type { TodayBoardT } from '../contracts/statistics.js';
import type { Actor, Deps } from './context.js';
import { checkBranch } from './proposals.service.js';
import { clinicTimeZone, localToday } from './schedule-context.js';

/**
 * The desk's «today» board: today's visits still open (expected, waiting, in the chair) and the
 * active chairs, per branch. Who waits, who is late and which chair is free are worked out on the
 * page each minute with the same pure rule (src/domain/today-board.ts), so the board ticks
 * without asking the server; live events and a minute's refetch keep the visits current.
 */
export async function todayBoard(deps: Deps, actor: Actor, branchId?: string): Promise<TodayBoardT> {
  await checkBranch(deps, actor, branchId);
  const now = deps.clock();
  const tz = await clinicTimeZone(deps.h.db, actor.clinicId);
  const { today } = localToday(now, tz);
  const [branches, chairs, visits] = await Promise.all([
    listBranches(deps.h.db, actor.clinicId),
    listChairs(deps.h.db, actor.clinicId),
    openVisitsOfDay(deps.h.db, actor.clinicId, today, branchId),
  ]);
  return {
    date: today,
    now: now.toISOString(),
    branches: branches.filter((b) => b.isActive && (!branchId || b.id === branchId)).map((b) => ({ id: b.id, name: b.name })),
    chairs: chairs.filter((c) => c.isActive && (!branchId || c.branchId === branchId)).map((c) => ({ id: c.id, branchId: c.branchId, name: c.name })),
    visits: visits.map((v) => ({
      id: v.id, branchId: v.branch_id, chairId: v.chair_id, doctorId: v.doctor_id,
      doctorName: fullName({ surname: v.d_surname, firstName: v.d_first_name, patronymic: v.d_patronymic }),
      patientId: v.patient_id, patientName: fullName({ surname: v.surname, firstName: v.first_name, patronymic: v.patronymic }),
      status: v.status as Status, startsAt: v.starts_at, endsAt: v.ends_at, arrivedAt: v.arrived_at,
    })),
  };
}
