import { Alert, Group, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGaps, useWaitingList } from '../../api/desk';
import { useDoctors } from '../../api/doctors';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useCan } from '../../components/session';
import { CallbacksCard } from './CallbacksCard';
import { DayNav, useDayParam } from './DayNav';
import { GapDoctorCard } from './GapDoctorCard';

const MIN_OPTIONS = [15, 30, 45, 60, 90];

/**
 * «Окна в расписании» (SCH-7): each doctor's idle gaps of the day and a ranked call list —
 * the waiting list first, then unfinished treatment, then check-ups due. Above them, the
 * call-backs agreed at cancellations that are due (CONF-5), whether or not there is a gap.
 */
export function GapsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [date, setDate] = useDayParam('today');
  const [minMinutes, setMinMinutes] = useState<number | undefined>(undefined);
  const gaps = useGaps(date, minMinutes);
  const doctors = useDoctors();
  const waiting = useWaitingList();
  const doctorById = useMemo(() => new Map((doctors.data?.items ?? []).map((d) => [d.id, d])), [doctors.data]);
  const waitingKinds = useMemo(() => new Map((waiting.data?.items ?? []).map((w) => [w.id, w.kind])), [waiting.data]);
  const columns = gaps.data?.date === date ? gaps.data.doctors : [];

  return (
    <Stack gap="md">
      <PageHeader title={t('desk.gaps.title')} />
      <Text size="sm" c="dimmed" mt={-12}>
        {t('desk.gaps.hint')}
      </Text>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <DayNav date={date} onChange={setDate} />
        <Select
          label={t('desk.gaps.minMinutes')}
          placeholder={t('desk.gaps.minDefault')}
          clearable
          data={MIN_OPTIONS.map((n) => ({ value: String(n), label: t('desk.gaps.minutesOption', { n }) }))}
          value={minMinutes ? String(minMinutes) : null}
          onChange={(v) => setMinMinutes(v ? Number(v) : undefined)}
          w={170}
          data-testid="gaps-min"
        />
      </Group>
      {!can('schedule.write') && (
        <Text size="sm" c="dimmed">
          {t('desk.gaps.readOnly')}
        </Text>
      )}
      {gaps.data?.date === date && <CallbacksCard items={gaps.data.callbacks} doctorById={doctorById} />}
      {!gaps.data || gaps.data.date !== date ? (
        <QueryState isPending={gaps.isPending || gaps.isFetching} error={gaps.error} />
      ) : columns.length === 0 ? (
        <Alert color="gray" variant="light" data-testid="gaps-none">
          {t('desk.gaps.none')}
        </Alert>
      ) : (
        <Stack gap="md" data-testid="gaps-list">
          {columns.map((d) => (
            <GapDoctorCard key={`${date}-${d.doctorId}`} view={d} doctor={doctorById.get(d.doctorId)} waitingKinds={waitingKinds} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
