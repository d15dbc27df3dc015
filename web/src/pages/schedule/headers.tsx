import { Button, Group, Popover, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { shortName } from '../../../../src/domain/names.js';
import { KINDS, KIND_LABELS, STATUSES, STATUS_LABELS } from '../../../../src/domain/schedule/status.js';
import { SPECIALTY_LABELS } from '../../../../src/domain/specialties.js';
import type { Doctor } from '../../api/doctors';
import type { DoctorDayT } from '../../api/schedule';
import { useLang } from '../../i18n';
import { useDelay } from '../../live/delays';
import { AlertIcon, ClockIcon, PhoneIcon, WalkIcon } from './icons';
import { dayLabel, timeOf } from '../../lib/format';
import { mondayOf } from '../../../../src/domain/dates.js';

/** '09:00–15:00' or '10:00–14:00, 15:00–19:00' (a break between). */
export function hoursText(work: DoctorDayT['work'], tz: string): string {
  return work.map((w) => `${timeOf(w.start, tz)}–${timeOf(w.end, tz)}`).join(', ');
}

export function doctorName(doctors: Doctor[] | undefined, id: string): string {
  const d = doctors?.find((x) => x.id === id);
  return d ? shortName(d) : '—';
}

/** DAY column header: doctor (link to their WEEK), specialty, hours. */
export function DoctorHeader({ doctor, col, tz }: { doctor: Doctor | undefined; col: DoctorDayT; tz: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = doctor ? shortName(doctor) : '—';
  const spec = doctor?.specialties[0] ? SPECIALTY_LABELS[doctor.specialties[0]][lang] : '';
  const hours = col.work.length ? hoursText(col.work, tz) : t('schedule.grid.notWorking');
  // «Врач задерживается»: replaces the specialty line for the rest of the day.
  const delay = useDelay(col.doctorId, col.date);
  return (
    <>
      <Link
        className="sch-head-name"
        to={`/schedule/week?doctor=${col.doctorId}&from=${mondayOf(col.date)}`}
        title={`${t('schedule.grid.openWeek')}: ${name}`}
        data-testid={`column-head-${col.doctorId}`}
      >
        {name}
      </Link>
      {delay ? (
        <span className="sch-head-sub sch-head-late" data-testid={`delay-${col.doctorId}`}>
          {t('schedule.late.badge', { n: delay })}
        </span>
      ) : (
        <span className="sch-head-sub" title={doctor?.specialties.map((s) => SPECIALTY_LABELS[s][lang]).join(', ')}>
          {spec}
        </span>
      )}
      <span className="sch-head-sub">{hours}</span>
    </>
  );
}

/** WEEK column header: the date, the kind of day, the hours. */
export function DateHeader({ col, tz, dayKind, today }: { col: DoctorDayT; tz: string; dayKind: string; today: string }) {
  const { t } = useTranslation();
  const off = dayKind === 'holiday' || dayKind === 'weekend' || dayKind === 'day_off';
  return (
    <>
      <Link className="sch-head-name" to={`/schedule?date=${col.date}`} title={t('schedule.grid.openDay')}>
        {dayLabel(col.date, t, { capital: true, today })}
      </Link>
      <span className="sch-head-sub">
        {[col.date === today ? t('schedule.nav.today') : '', off || dayKind === 'short' || dayKind === 'working' ? t(`dayKind.${dayKind}`) : ''].filter(Boolean).join(' · ') || '\u00a0'}
      </span>
      <span className="sch-head-sub">{col.work.length ? hoursText(col.work, tz) : t('schedule.grid.notWorking')}</span>
    </>
  );
}

/** What the colours, stripes and icons mean: for the new administrator on her first evening. */
export function Legend() {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Popover position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Button variant="subtle" size="compact-md" data-testid="legend">
          {t('schedule.legend.title')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Group align="flex-start" gap="xl">
          <Stack gap={4}>
            <Text size="xs" fw={700}>
              {t('schedule.legend.status')}
            </Text>
            {STATUSES.map((s) => (
              <Text size="sm" key={s}>
                <span className="sch-swatch" data-status={s} />
                {STATUS_LABELS[s][lang]}
              </Text>
            ))}
          </Stack>
          <Stack gap={4}>
            <Text size="xs" fw={700}>
              {t('schedule.legend.kind')}
            </Text>
            {KINDS.map((k) => (
              <Text size="sm" key={k}>
                <span className="sch-stripe" data-kind={k} />
                {KIND_LABELS[k][lang]}
              </Text>
            ))}
            <Text size="xs" fw={700} mt="xs">
              {t('schedule.legend.marks')}
            </Text>
            <Text size="sm"><AlertIcon className="sch-ic-alert" /> {t('schedule.badge.alerts')}</Text>
            <Text size="sm"><PhoneIcon className="sch-ic-call" /> {t('schedule.badge.call')}</Text>
            <Text size="sm"><ClockIcon className="sch-ic-wait" /> {t('schedule.badge.squeezeIn')}</Text>
            <Text size="sm"><WalkIcon className="sch-ic-walk" /> {t('schedule.badge.walkIn')}</Text>
          </Stack>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
