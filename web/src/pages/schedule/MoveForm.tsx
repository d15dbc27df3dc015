import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMove, type Appointment } from '../../api/schedule';
import { DateField } from '../../components/DateField';
import { normaliseTime, TimeField } from '../../components/TimeField';
import { notifySaved } from '../../lib/notify';
import { DoctorOrSpecialty, type Who } from './fields';
import { dateOf, dayLabel, instantAt, timeOf } from '../../lib/format';

type Props = { a: Appointment; tz: string; today: string; onDone: (a: Appointment) => void; onBack: () => void };

/** «Перенести»: another date, time or doctor; checked by the server exactly like a new booking. */
export function MoveForm({ a, tz, today, onDone, onBack }: Props) {
  const { t } = useTranslation();
  const move = useMove();
  const [date, setDate] = useState<string | null>(dateOf(a.startsAt, tz));
  const [time, setTime] = useState(timeOf(a.startsAt, tz));
  const [who, setWho] = useState<Who>({ doctorId: a.doctorId });
  const norm = normaliseTime(time);
  const valid = !!date && /^\d{2}:\d{2}$/.test(norm) && !!who.doctorId;

  const submit = () => {
    if (!valid) return;
    const [h, m] = norm.split(':').map(Number);
    move.mutate(
      { id: a.id, body: { startsAt: instantAt(date!, h * 60 + m, tz), doctorId: who.doctorId !== a.doctorId ? who.doctorId : undefined } },
      {
        onSuccess: (moved) => {
          notifySaved(t('schedule.move.done', { when: `${dayLabel(dateOf(moved.startsAt, tz), t, { today })}, ${timeOf(moved.startsAt, tz)}` }));
          onDone(moved);
        },
      },
    );
  };

  return (
    <Paper withBorder p="sm" bg="blue.0" data-testid="move-form">
      <Stack gap="xs">
        <Text fw={700}>{t('schedule.move.title')}</Text>
        <Group gap="xs" align="flex-start">
          <DateField label={t('schedule.move.date')} value={date} onChange={setDate} minDate={today} clearable={false} w={150} />
          <TimeField label={t('schedule.book.time')} value={time} onChange={setTime} />
        </Group>
        <DoctorOrSpecialty value={who} onChange={setWho} allowSpecialty={false} comboboxProps={{ withinPortal: true }} />
        <Text size="xs" c="dimmed">
          {t('schedule.move.dragHint')}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onBack}>
            {t('schedule.cancel.back')}
          </Button>
          <Button size="xs" onClick={submit} loading={move.isPending} disabled={!valid} data-testid="move-submit">
            {t('schedule.move.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
