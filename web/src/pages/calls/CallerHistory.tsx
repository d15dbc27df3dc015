import { Alert, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { shortFromFull } from '../../../../src/domain/names.js';
import type { CallerCardT } from '../../api/calls';
import { useDoctors } from '../../api/doctors';
import { formatDate, formatInstant } from '../../lib/format';
import { doctorName } from '../schedule/headers';

/**
 * CALL-10: the known caller's history the moment the card finds him — alerts first, then the
 * treating doctor, visits ahead and behind, the waiting list and the last calls — so that a
 * repeat patient hears someone who remembers him.
 */
export function CallerHistory({ card, tz }: { card: CallerCardT; tz: string }) {
  const { t } = useTranslation();
  const { data: doctors } = useDoctors();
  const doc = (id: string) => doctorName(doctors?.items, id);
  const visit = (v: CallerCardT['upcoming'][number]) => `${formatInstant(v.startsAt, tz)} — ${doc(v.doctorId)} (${t(`schedule.kindShort.${v.kind}`)})`;
  return (
    <Stack gap={6} data-testid="caller-history">
      {card.pastVisits > 0 && (
        <Alert color="teal" variant="light" p="xs" data-testid="repeat-caller">
          <Text size="sm" fw={600}>{t('calls.card.repeatHint')}</Text>
          <Text size="sm">
            {card.patient.addressAs ? `${t('calls.card.addressAs', { name: card.patient.addressAs })} · ` : ''}
            {t('calls.card.visitsBehind', { count: card.pastVisits })}
          </Text>
        </Alert>
      )}
      {card.alerts.length > 0 && (
        <Alert color="red" variant="light" p="xs" title={t('calls.card.alerts')} data-testid="caller-alerts">
          {card.alerts.map((a, i) => <Text key={i} size="sm">{formatDate(a.date)}: {a.text}</Text>)}
        </Alert>
      )}
      <Paper withBorder p="xs">
        <Line label={t('calls.card.doctor')} value={card.treatingDoctorId ? doc(card.treatingDoctorId) : t('calls.card.none')} />
        <Line label={t('calls.card.upcoming')} value={card.upcoming.length ? card.upcoming.map(visit).join('; ') : t('calls.card.none')} />
        <Line label={t('calls.card.past')} value={card.past.length ? card.past.slice(0, 3).map(visit).join('; ') : t('calls.card.none')} />
        {card.waiting.length > 0 && (
          <Line label={t('calls.card.waiting')} value={card.waiting.map((w) => `${w.doctorId ? doc(w.doctorId) : w.specialty ?? ''} ${formatDate(w.dateFrom)}–${formatDate(w.dateTo)}${w.note ? ` (${w.note})` : ''}`).join('; ')} />
        )}
      </Paper>
      {card.lastCalls.length > 0 && (
        <Paper withBorder p="xs" data-testid="caller-last-calls">
          <Text size="xs" c="dimmed" mb={2}>{t('calls.card.lastCalls')}</Text>
          {card.lastCalls.map((c) => (
            <Group key={c.id} gap={6} wrap="nowrap">
              <Text size="xs" style={{ whiteSpace: 'nowrap' }}>{formatInstant(c.startedAt, tz)}</Text>
              <Badge size="xs" variant="light" color={c.direction === 'in' ? 'blue' : 'grape'}>{t(`calls.directions.${c.direction}`)}</Badge>
              <Text size="xs" truncate>
                {t(`calls.purposes.${c.purpose}`, { defaultValue: c.purpose })} → {t(`calls.outcomes.${c.outcome}`, { defaultValue: c.outcome })}
                {c.outcomeReason ? ` (${c.outcomeReason})` : ''}{c.userName ? ` · ${shortFromFull(c.userName)}` : ''}
              </Text>
            </Group>
          ))}
        </Paper>
      )}
    </Stack>
  );
}

function Line({ label, value }: { label: string; value: string }) {
  return (
    <Text size="sm">
      <Text span c="dimmed">{label}: </Text>
      {value}
    </Text>
  );
}
