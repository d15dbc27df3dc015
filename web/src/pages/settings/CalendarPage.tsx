import { Alert, Button, Group, Modal, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, weekdayOf, isIsoDate } from '../../../../src/domain/dates.js';
import { shippedCalendarSource, toOverrideMap } from '../../../../src/domain/calendar/production-calendar.js';
import { useCalendar, useResetCalendar } from '../../api/calendar';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone } from '../../components/session';
import { formatDate, todayIn } from '../../lib/format';
import { notifySaved } from '../../lib/notify';
import { ALL_KINDS } from './calendarKinds';
import { DayKindModal } from './DayKindModal';
import { MonthGrid } from './MonthGrid';

/** The Russian production calendar of a year, as the clinic uses it (SCH-1), editable day by day. */
export function CalendarPage() {
  const { t } = useTranslation();
  const can = useCan();
  const today = todayIn(useClinicTimeZone());
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [picked, setPicked] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [focusDate, setFocusDate] = useState(today);
  const { data, isPending, error } = useCalendar(year);
  const reset = useResetCalendar(year);
  const overrides = useMemo(() => toOverrideMap(data?.items ?? []), [data]);
  const source = shippedCalendarSource(year);
  const readOnly = !can('calendar.write');
  const years = Array.from(new Set([2025, 2026, 2027, thisYear - 1, thisYear, thisYear + 1])).sort();
  const focusInYear = focusDate.startsWith(`${year}-`) ? focusDate : `${year}-01-01`;

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const date = (e.target as HTMLElement).dataset.date;
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[e.key];
    if (!date || !step) return;
    e.preventDefault();
    const next = addDays(date, step);
    if (!next.startsWith(`${year}-`) || !isIsoDate(next)) return;
    setFocusDate(next);
    document.querySelector<HTMLButtonElement>(`[data-date="${next}"]`)?.focus();
  };

  const sorted = [...(data?.items ?? [])].sort((a, b) => a.date.localeCompare(b.date));

  return (
    <>
      <PageHeader title={t('calendar.title')}>
        <SegmentedControl
          aria-label={t('calendar.year')}
          data-testid="calendar-year"
          value={String(year)}
          onChange={(v) => setYear(Number(v))}
          data={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        {!readOnly && (
          <Button variant="default" onClick={() => setConfirmReset(true)} data-testid="calendar-reset">
            {t('calendar.reset')}
          </Button>
        )}
      </PageHeader>
      {source?.status === 'decree' && source.decree && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('calendar.sourceDecree', { number: source.decree.number, date: source.decree.date, title: source.decree.title })}
        </Text>
      )}
      {source?.status === 'statutory_only' && (
        <Alert color="yellow" variant="light" mb="sm">
          {t('calendar.sourceStatutory', { year })}
        </Alert>
      )}
      {!source && (
        <Alert color="yellow" variant="light" mb="sm">
          {t('calendar.sourceNone', { year })}
        </Alert>
      )}
      <Group gap="md" mb="sm" data-testid="calendar-legend">
        {ALL_KINDS.map((k) => (
          <Group gap={6} key={k} wrap="nowrap">
            <span className="cal-swatch cal-day" data-kind={k} aria-hidden />
            <Text size="xs">{t(`dayKind.${k}`)}</Text>
          </Group>
        ))}
      </Group>
      <QueryState isPending={isPending} error={error} />
      {data && (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm" onKeyDown={onGridKey}>
            {Array.from({ length: 12 }, (_, i) => (
              <MonthGrid key={i} year={year} month={i + 1} overrides={overrides} today={today} focusDate={focusInYear} onPick={(d) => { setFocusDate(d); setPicked(d); }} />
            ))}
          </SimpleGrid>
          <Paper withBorder>
            <Title order={3} p="sm">
              {t('calendar.overridesTitle', { year })}
            </Title>
            <Table data-testid="calendar-overrides">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={120}>{t('calendar.date')}</Table.Th>
                  <Table.Th w={140}>{t('calendar.weekday')}</Table.Th>
                  <Table.Th w={240}>{t('calendar.dayKind')}</Table.Th>
                  <Table.Th>{t('calendar.note')}</Table.Th>
                  <Table.Th w={120} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sorted.map((d) => (
                  <Table.Tr key={d.date}>
                    <Table.Td>{formatDate(d.date)}</Table.Td>
                    <Table.Td>{t(`weekday.long.${weekdayOf(d.date)}`)}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <span className="cal-swatch cal-day" data-kind={d.kind} aria-hidden />
                        {t(`dayKind.${d.kind}`)}
                      </Group>
                    </Table.Td>
                    <Table.Td>{d.note}</Table.Td>
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" onClick={() => setPicked(d.date)} aria-label={t('calendar.editDay', { date: formatDate(d.date) })}>
                        {readOnly ? t('common.view') : t('common.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {sorted.length === 0 && (
              <Text c="dimmed" p="sm">
                {t('calendar.noOverrides')}
              </Text>
            )}
          </Paper>
        </Stack>
      )}
      {picked && <DayKindModal key={picked} year={year} date={picked} current={overrides.get(picked)} readOnly={readOnly} onClose={() => setPicked(null)} />}
      <Modal opened={confirmReset} onClose={() => setConfirmReset(false)} title={t('calendar.reset')}>
        <Text size="sm" mb="md">
          {t('calendar.resetConfirm', { year })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirmReset(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={reset.isPending}
            data-testid="calendar-reset-confirm"
            onClick={() => reset.mutate(undefined, { onSuccess: () => { setConfirmReset(false); notifySaved(t('calendar.resetDone', { year })); } })}
          >
            {t('calendar.resetDo')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
