import { Alert, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBranches } from '../../api/clinic';
import type { Doctor } from '../../api/doctors';
import type { ProposalT } from '../../api/schedule';
import { doctorName } from './headers';
import { addDays, weekdayOf } from '../../../../src/domain/dates.js';
import { dateOf, dayLabel, timeOf } from '../../lib/format';

type Props = {
  result: ProposalT;
  tz: string;
  today: string;
  doctors: Doctor[] | undefined;
  booking: boolean;
  onChoose: (i: number) => void;
  onMore: () => void;
  onRefresh: () => void;
};

function useSecondsLeft(expiresAt: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!expiresAt) return;
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, [expiresAt]);
  return expiresAt ? Math.max(0, Math.round((Date.parse(expiresAt) - now) / 1000)) : null;
}

/** The two held options as two big buttons, the hold countdown and the line to say. */
export function OptionButtons({ result, tz, today, doctors, booking, onChoose, onMore, onRefresh }: Props) {
  const { t } = useTranslation();
  const { data: branches } = useBranches();
  const left = useSecondsLeft(result.expiresAt);
  const opts = result.options;
  const manyBranches = new Set(opts.map((o) => o.branchId)).size > 1 || (branches?.items.filter((b) => b.isActive).length ?? 0) > 1;

  if (opts.length === 0) {
    return (
      <Alert color="orange" variant="light" data-testid="two-none">
        {t('schedule.two.none')}
      </Alert>
    );
  }

  const sameDay = opts.length === 2 && dateOf(opts[0].startsAt, tz) === dateOf(opts[1].startsAt, tz);
  // «сегодня в 09:00 или в 15:00», «в среду, 25 ноября, в 09:00 или в четверг, 26 ноября, в 15:00».
  const spoken = (i: number) => {
    const time = timeOf(opts[i].startsAt, tz);
    const d = dateOf(opts[i].startsAt, tz);
    if (sameDay && i === 1) return t('schedule.two.atTime', { time });
    if (d === today) return t('schedule.two.todayAt', { time });
    if (d === addDays(today, 1)) return t('schedule.two.tomorrowAt', { time });
    const [, m, day] = d.split('-').map(Number);
    return t('schedule.two.onDayAt', { wd: t(`schedule.wdAcc.${weekdayOf(d)}`), day, month: t(`monthGenitive.${m}`), time });
  };
  const script = opts.length === 2 ? t('schedule.two.script', { a: spoken(0), b: spoken(1) }) : t('schedule.two.scriptOne', { a: spoken(0) });
  const total = 5 * 60;

  return (
    <Stack gap="xs">
      <Paper withBorder p="xs" bg="yellow.0">
        <Text size="xs" c="dimmed">
          {t('schedule.two.say')}
        </Text>
        <Text fw={700} size="lg" data-testid="two-script">
          «{script}»
        </Text>
      </Paper>
      {opts.map((o, i) => (
        <Button
          key={o.startsAt + o.doctorId}
          className="sch-option"
          size="lg"
          fullWidth
          onClick={() => onChoose(i)}
          loading={booking}
          data-testid={`option-${i}`}
          justify="flex-start"
        >
          <span style={{ textAlign: 'left' }}>
            <span style={{ display: 'block' }}>
              {dayLabel(dateOf(o.startsAt, tz), t, { capital: true, today })}, {timeOf(o.startsAt, tz)} — {doctorName(doctors, o.doctorId)}
            </span>
            <span style={{ display: 'block', fontSize: 12, fontWeight: 400, opacity: 0.85 }}>
              {timeOf(o.startsAt, tz)}–{timeOf(o.endsAt, tz)}
              {manyBranches ? ` · ${branches?.items.find((b) => b.id === o.branchId)?.name ?? ''}` : ''}
            </span>
          </span>
        </Button>
      ))}
      {left !== null && (
        <div data-testid="hold-countdown">
          <Progress value={Math.min(100, (left / total) * 100)} size="xs" color={left > 60 ? 'teal' : 'orange'} />
          <Text size="xs" c={left > 0 ? 'dimmed' : 'orange.8'} mt={2}>
            {left > 0
              ? t('schedule.two.holdLeft', { time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` })
              : t('schedule.two.holdExpired')}
          </Text>
        </div>
      )}
      <Group gap="xs">
        <Button variant="default" size="xs" onClick={onMore} data-testid="two-more">
          {t('schedule.two.more')}
        </Button>
        {left === 0 && (
          <Button variant="subtle" size="xs" onClick={onRefresh}>
            {t('schedule.two.refresh')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
