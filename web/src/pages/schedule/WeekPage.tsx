import { Alert, Badge, Button, Tooltip } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { shortName } from '../../../../src/domain/names.js';
import { useDoctors } from '../../api/doctors';
import { useWeekView, type Appointment } from '../../api/schedule';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone, useMe } from '../../components/session';
import { dateOf, dayLabel, todayIn, validDate } from '../../lib/format';
import { useLiveUpdates } from '../../live/useLiveUpdates';
import { DayGrid } from './DayGrid';
import { GoneToggle, useShowGone } from './GoneToggle';
import { DoctorOrSpecialty } from './fields';
import { axisFor, type GridColumn } from './grid';
import { DateHeader, Legend } from './headers';
import { ScheduleToolbar } from './ScheduleToolbar';
import { addDays, mondayOf } from '../../../../src/domain/dates.js';
import { usePanels } from './usePanels';
import './schedule.css';

/** Расписание, WEEK mode (SCH-2): one specialist's seven days side by side. */
export function WeekPage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const navigate = useNavigate();
  const clinicTz = useClinicTimeZone();
  const [params, setParams] = useSearchParams();
  const today = todayIn(clinicTz);
  const from = validDate(params.get('from'), mondayOf(today));
  const { data: doctors } = useDoctors();
  const first = doctors?.items.find((d) => d.isActive);
  const doctorId = params.get('doctor') ?? me.user.doctorId ?? first?.id ?? null;
  const doctor = doctors?.items.find((d) => d.id === doctorId);
  const week = useWeekView(doctorId, from);
  const tz = week.data?.timeZone ?? clinicTz;
  const live = useLiveUpdates();

  const setFrom = (d: string) => setParams((p) => { p.set('from', d); return p; });
  const setDoctor = (id: string | undefined) => id && setParams((p) => { p.set('doctor', id); return p; });
  const show = (a: Appointment) => {
    const d = dateOf(a.startsAt, tz);
    setParams((p) => {
      p.set('doctor', a.doctorId);
      if (d < from || d > addDays(from, 6)) p.set('from', mondayOf(d));
      return p;
    });
  };
  const panels = usePanels({ tz, today, date: today, branchId: '', onShow: show });

  useEffect(() => {
    if (!panels.highlight) return;
    const id = window.setTimeout(() => document.querySelector(`[data-testid="appt-${panels.highlight}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }), 300);
    return () => window.clearTimeout(id);
  }, [panels.highlight, week.data]);

  const columns: GridColumn[] = useMemo(
    () =>
      (week.data?.days ?? []).map((c) => ({
        ...c,
        key: c.date,
        testId: `column-${c.date}`,
        slotPrefix: c.date,
        label: `${doctor ? shortName(doctor) : ''}, ${dayLabel(c.date, t)}`,
        header: <DateHeader col={c} tz={tz} dayKind={c.dayKind} today={today} />,
        narrow: c.work.length === 0 && c.appointments.length === 0,
      })),
    [week.data, doctor, tz, t, today],
  );
  const axis = axisFor(columns, tz);
  const write = can('schedule.write');
  const [showGone, setShowGone] = useShowGone();

  return (
    <div data-testid="schedule-week">
      <ScheduleToolbar
        mode="week"
        date={from}
        today={mondayOf(today)}
        onDate={(d) => setFrom(mondayOf(d))}
        onMode={(m) => m === 'day' && navigate(`/schedule?date=${from <= today && today <= addDays(from, 6) ? today : from}`)}
        hotkeys={!panels.anyOpen}
        selector={<DoctorOrSpecialty aria-label={t('schedule.book.doctor')} label={null} value={{ doctorId: doctorId ?? undefined }} onChange={(w) => setDoctor(w.doctorId)} allowSpecialty={false} w={300} />}
      >
        {write && (
          <Button size="compact-md" onClick={() => panels.openTwo({ who: doctorId ? { doctorId } : {} })} data-testid="open-two-options">
            {t('schedule.two.open')}
          </Button>
        )}
        <GoneToggle columns={columns} value={showGone} onChange={setShowGone} />
        <Legend />
        {live !== 'open' && (
          <Tooltip label={t('schedule.live.offHint')}>
            <Badge color="orange" variant="light">{t('schedule.live.off')}</Badge>
          </Tooltip>
        )}
      </ScheduleToolbar>
      <QueryState isPending={!!doctorId && week.isPending} error={week.error} />
      {!doctorId && <Alert color="gray">{t('schedule.week.noDoctor')}</Alert>}
      {week.data && (
        <DayGrid
          columns={columns}
          tz={tz}
          axis={axis}
          today={today}
          canWrite={write}
          showGone={showGone}
          highlightId={panels.highlight}
          onSlot={panels.openSlot}
          onOpen={panels.openAppointment}
          onMove={panels.onDrop}
        />
      )}
      {panels.element}
    </div>
  );
}
