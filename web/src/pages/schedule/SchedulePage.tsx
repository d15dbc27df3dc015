import { Alert, Badge, Button, Text, Tooltip } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { shortName } from '../../../../src/domain/names.js';
import { useBranches } from '../../api/clinic';
import { useDoctors } from '../../api/doctors';
import { useDayView, type Appointment } from '../../api/schedule';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone } from '../../components/session';
import { dateOf, dayLabel, todayIn, validDate } from '../../lib/format';
import { recordDelay } from '../../live/delays';
import { useLiveUpdates } from '../../live/useLiveUpdates';
import { DayGrid } from './DayGrid';
import { GoneToggle, useShowGone } from './GoneToggle';
import { BranchSelect } from './fields';
import { axisFor, type Band, type GridColumn } from './grid';
import { DoctorHeader, Legend } from './headers';
import { ScheduleToolbar } from './ScheduleToolbar';
import { minutesOf } from '../../../../src/domain/schedule/time.js';
import { mondayOf, weekdayOf } from '../../../../src/domain/dates.js';
import { usePanels } from './usePanels';
import './schedule.css';

/**
 * Расписание, DAY mode (SCH-2): every doctor working that day side by side, 15-minute rows, the
 * whole day on one screen. Click a free cell to book, a visit to act on it, drag to move.
 */
export function SchedulePage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const clinicTz = useClinicTimeZone();
  const [params, setParams] = useSearchParams();
  const today = todayIn(clinicTz);
  const date = validDate(params.get('date'), today);
  const { data: branches } = useBranches();
  const { data: doctors } = useDoctors();
  const active = (branches?.items ?? []).filter((b) => b.isActive);
  const branchParam = params.get('branch');
  // Default: the first branch; 'all' shows every branch.
  const branchId = branchParam === 'all' ? '' : (branchParam ?? active[0]?.id ?? '');
  const ready = branchParam !== null || !!branches;
  const day = useDayView(date, branchId || null, ready);
  const tz = day.data?.timeZone ?? clinicTz;
  const live = useLiveUpdates((e) => {
    if (e.kind === 'doctor_late' && e.payload.doctorId && e.payload.date && e.payload.minutes) recordDelay(e.payload.doctorId, e.payload.date, e.payload.minutes);
  });

  // «В расписании» on a patient's card opens the visit's branch and day with ?visit=<id> highlighted.
  const visitParam = params.get('visit');
  const setDate = (d: string) => setParams((p) => { p.set('date', d); p.delete('visit'); return p; });
  const setBranch = (id: string) => setParams((p) => { p.set('branch', id || 'all'); return p; });
  const show = (a: Appointment) => {
    const d = dateOf(a.startsAt, tz);
    setParams((p) => {
      p.set('date', d);
      if (branchId && a.branchId !== branchId) p.set('branch', a.branchId);
      return p;
    });
  };
  const panels = usePanels({ tz, today, date, branchId, onShow: show });

  const highlight = panels.highlight ?? visitParam;
  useEffect(() => {
    if (!highlight) return;
    const id = window.setTimeout(() => document.querySelector(`[data-testid="appt-${highlight}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' }), 300);
    return () => window.clearTimeout(id);
  }, [highlight, day.data]);

  const columns: GridColumn[] = useMemo(
    () =>
      (day.data?.columns ?? []).map((c) => {
        const doc = doctors?.items.find((d) => d.id === c.doctorId);
        return {
          ...c,
          key: c.doctorId,
          testId: `column-${c.doctorId}`,
          slotPrefix: c.doctorId,
          label: `${doc ? shortName(doc) : ''}, ${dayLabel(c.date, t)}`,
          header: <DoctorHeader doctor={doc} col={c} tz={tz} />,
        };
      }),
    [day.data, doctors, tz, t],
  );

  const branchHours: Band[] = useMemo(() => {
    const wd = weekdayOf(date);
    return active
      .filter((b) => !branchId || b.id === branchId)
      .flatMap((b) => b.hours.filter((h) => h.weekday === wd))
      .map((h) => ({ from: minutesOf(h.opens), to: minutesOf(h.closes) }));
  }, [active, branchId, date]);
  const axis = axisFor(columns, tz, branchHours);
  const kind = day.data?.dayKind;
  const off = kind === 'holiday' || kind === 'day_off' || kind === 'weekend';
  const write = can('schedule.write');
  const [showGone, setShowGone] = useShowGone();

  return (
    <div data-testid="schedule-day">
      <ScheduleToolbar
        mode="day"
        date={date}
        today={today}
        onDate={setDate}
        onMode={(m) => m === 'week' && navigate(`/schedule/week?from=${mondayOf(date)}${columns[0] ? `&doctor=${columns[0].doctorId}` : ''}`)}
        hotkeys={!panels.anyOpen}
        selector={<BranchSelect value={branchId} onChange={setBranch} fit />}
      >
        {write && (
          <>
            <Button size="compact-md" onClick={() => panels.openTwo()} data-testid="open-two-options">
              {t('schedule.two.open')}
            </Button>
            <Button size="compact-md" color="red" variant="light" onClick={panels.openUrgent} data-testid="open-urgent">
              {t('schedule.urgent.open')}
            </Button>
            <Button size="compact-md" variant="default" onClick={panels.openWalkIn} data-testid="open-walkin">
              {t('schedule.walkIn.open')}
            </Button>
            <Button size="compact-md" variant="default" onClick={panels.openLate} data-testid="open-late">
              {t('schedule.late.open')}
            </Button>
          </>
        )}
        <GoneToggle columns={columns} value={showGone} onChange={setShowGone} />
        <Legend />
        {live !== 'open' && (
          <Tooltip label={t('schedule.live.offHint')}>
            <Badge color="orange" variant="light">{t('schedule.live.off')}</Badge>
          </Tooltip>
        )}
      </ScheduleToolbar>
      {kind && kind !== 'workday' && (
        <Alert color={off ? 'red' : 'yellow'} variant="light" p={6} mb={6} data-testid="day-kind-banner">
          <Text size="sm" fw={600}>
            {dayLabel(date, t, { capital: true, today })}: {t(`dayKind.${kind}`)}
            {off && columns.length === 0 ? ` — ${t('schedule.day.closed')}` : ''}
            {off && columns.length > 0 ? ` — ${t('schedule.day.someWork')}` : ''}
          </Text>
        </Alert>
      )}
      <QueryState isPending={day.isPending} error={day.error} />
      {day.data && columns.length === 0 && !off && (
        <Alert color="gray" variant="light" data-testid="day-empty">
          {t('schedule.day.nobody')}
        </Alert>
      )}
      {day.data && columns.length > 0 && (
        <DayGrid
          columns={columns}
          tz={tz}
          axis={axis}
          today={today}
          canWrite={write}
          showGone={showGone}
          highlightId={highlight}
          onSlot={panels.openSlot}
          onOpen={panels.openAppointment}
          onMove={panels.onDrop}
        />
      )}
      {panels.element}
    </div>
  );
}
