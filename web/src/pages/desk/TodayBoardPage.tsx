import { Anchor, Badge, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { todayBoard } from '../../../../src/domain/today-board.js';
import { TODAY_KEY, useTodayBoard, type TodayBoardT } from '../../api/statistics';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { timeOf } from '../../lib/format';
import { subscribeLive } from '../../live/liveStream';

type Visit = TodayBoardT['visits'][number];

/** The current time, moved on at the start of every minute. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: number;
    const tick = () => {
      setNow(Date.now());
      timer = window.setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50);
    };
    timer = window.setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50);
    return () => window.clearTimeout(timer);
  }, []);
  return now;
}

function BranchBoard({ data, branchId, now }: { data: TodayBoardT; branchId: string; now: number }) {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const visits = useMemo(
    () => data.visits.filter((v) => v.branchId === branchId).map((v) => ({ ...v, start: Date.parse(v.startsAt), end: Date.parse(v.endsAt), arrivedAt: v.arrivedAt ? Date.parse(v.arrivedAt) : null, arrivedIso: v.arrivedAt })),
    [data, branchId],
  );
  const board = todayBoard(visits, data.chairs.filter((c) => c.branchId === branchId), now);
  const who = (v: Pick<Visit, 'id' | 'patientName'>) => (
    <Anchor component={Link} to={`/schedule?date=${data.date}&branch=${branchId}&visit=${v.id}`} fw={600}>{v.patientName}</Anchor>
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
      <Card withBorder data-testid="today-waiting">
        <Title order={4} mb="sm">{t('stats.today.waiting')} <Badge variant="light" ml={4}>{board.waiting.length}</Badge></Title>
        {board.waiting.length === 0 ? <Text c="dimmed">{t('stats.today.waitingNone')}</Text> : (
          <Stack gap="xs">
            {board.waiting.map(({ visit: v, minutes }) => (
              <Group key={v.id} justify="space-between" wrap="nowrap" data-testid="today-waiting-row">
                <Stack gap={0}>
                  {who(v)}
                  <Text size="xs" c="dimmed">{t('stats.today.toDoctor', { name: v.doctorName })}, {t('stats.today.since', { time: timeOf(v.startsAt, tz) })}</Text>
                </Stack>
                <Badge color={minutes >= 15 ? 'red' : minutes >= 5 ? 'orange' : 'gray'} size="lg" variant="light">{t('stats.today.waitingFor', { n: minutes })}</Badge>
              </Group>
            ))}
          </Stack>
        )}
      </Card>
      <Card withBorder data-testid="today-late">
        <Title order={4} mb="sm">{t('stats.today.late')} <Badge variant="light" color="orange" ml={4}>{board.late.length}</Badge></Title>
        {board.late.length === 0 ? <Text c="dimmed">{t('stats.today.lateNone')}</Text> : (
          <Stack gap="xs">
            {board.late.map(({ visit: v, minutes }) => (
              <Group key={v.id} justify="space-between" wrap="nowrap" data-testid="today-late-row">
                <Stack gap={0}>
                  {who(v)}
                  <Text size="xs" c="dimmed">{t('stats.today.toDoctor', { name: v.doctorName })}, {t('stats.today.since', { time: timeOf(v.startsAt, tz) })}</Text>
                </Stack>
                <Badge color={minutes >= 15 ? 'red' : 'orange'} size="lg" variant="light">{t('stats.today.lateFor', { n: minutes })}</Badge>
              </Group>
            ))}
          </Stack>
        )}
      </Card>
      <Card withBorder data-testid="today-chairs">
        <Title order={4} mb="sm">{t('stats.today.chairs')}</Title>
        {board.chairs.length === 0 ? <Text c="dimmed">{t('stats.today.chairsNone')}</Text> : (
          <Stack gap="xs">
            {board.chairs.map((c) => (
              <Group key={c.chair.id} justify="space-between" wrap="nowrap" data-testid="today-chair-row">
                <Text fw={600} style={{ whiteSpace: 'nowrap' }}>{data.chairs.find((x) => x.id === c.chair.id)?.name}</Text>
                {c.occupant ? (
                  <Text size="sm" c={c.inChair ? 'indigo.7' : 'dimmed'} ta="right">
                    {c.inChair ? t('stats.today.inChair', { name: c.occupant.patientName }) : t('stats.today.booked', { name: c.occupant.patientName, time: timeOf(c.occupant.endsAt, tz) })}
                  </Text>
                ) : (
                  <Badge color="teal" size="lg" variant="light" data-testid="today-chair-free">
                    {c.freeUntil ? t('stats.today.freeUntil', { time: timeOf(new Date(c.freeUntil).toISOString(), tz) }) : t('stats.today.freeAllDay')}
                  </Badge>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Card>
    </SimpleGrid>
  );
}

/**
 * «Сегодня»: the desk's board — who is waiting and for how long, who is late, which chair is free
 * now and until when, per branch. It ticks each minute on its own and refetches on the tab's one
 * live stream whenever a visit changes (a booking, an arrival, a patient taken into the chair).
 */
export function TodayBoardPage() {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const board = useTodayBoard();
  const now = useMinuteClock();
  useEffect(
    () =>
      subscribeLive({
        onEvent: (kind) => {
          if (kind === 'appointment' || kind === 'arrival' || kind === 'doctor_late') void qc.invalidateQueries({ queryKey: TODAY_KEY });
        },
        onState: (_s, reconnected) => reconnected && void qc.invalidateQueries({ queryKey: TODAY_KEY }),
      }),
    [qc],
  );
  const branches = board.data?.branches ?? [];
  const branchId = params.get('branch') && branches.some((b) => b.id === params.get('branch')) ? params.get('branch')! : branches[0]?.id;
  return (
    <Stack gap="md">
      <PageHeader title={t('stats.today.title')}>
        <Text size="sm" c="dimmed" data-testid="today-clock">{t('stats.today.live', { time: timeOf(new Date(now).toISOString(), tz) })}</Text>
      </PageHeader>
      <Text size="sm" c="dimmed" mt={-12}>{t('stats.today.hint')}</Text>
      {branches.length > 1 && (
        <SegmentedControl data-testid="today-branch" value={branchId ?? ''} onChange={(v) => setParams({ branch: v }, { replace: true })} data={branches.map((b) => ({ value: b.id, label: b.name }))} />
      )}
      {!board.data ? <QueryState isPending={board.isPending} error={board.error} /> : branchId && <BranchBoard data={board.data} branchId={branchId} now={now} />}
    </Stack>
  );
}
