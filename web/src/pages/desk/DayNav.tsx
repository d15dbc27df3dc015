import { ActionIcon, Button, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DateField } from '../../components/DateField';
import { useClinicTimeZone } from '../../components/session';
import { formatDate, todayIn, validDate } from '../../lib/format';
import { addDays, weekdayOf } from '../../../../src/domain/dates.js';

/** The day a desk page shows: ?date= in the URL, or `fallback` (today, tomorrow…). */
export function useDayParam(fallback: 'today' | 'tomorrow'): [string, (date: string) => void] {
  const tz = useClinicTimeZone();
  const [params, setParams] = useSearchParams();
  const today = todayIn(tz);
  const raw = params.get('date');
  const date = validDate(raw, fallback === 'today' ? today : addDays(today, 1));
  const set = (d: string) => setParams((p) => {
    const next = new URLSearchParams(p);
    next.set('date', d);
    return next;
  }, { replace: true });
  return [date, set];
}

/** «Понедельник, 23.11.2026» */
export function useWeekdayDate() {
  const { t } = useTranslation();
  return (date: string) => `${t(`weekday.long.${weekdayOf(date)}`)}, ${formatDate(date)}`;
}

/** Day navigation: ← → buttons, a typed date (12.11.2026 or 12112026), «Сегодня» / «Завтра». */
export function DayNav({ date, onChange }: { date: string; onChange: (date: string) => void }) {
  const { t } = useTranslation();
  const today = todayIn(useClinicTimeZone());
  const weekdayDate = useWeekdayDate();
  return (
    <Group gap="xs" wrap="wrap" className="no-print" data-testid="day-nav">
      <Tooltip label={t('desk.day.prev')}>
        <ActionIcon variant="default" size="lg" aria-label={t('desk.day.prev')} onClick={() => onChange(addDays(date, -1))} data-testid="day-prev">
          ←
        </ActionIcon>
      </Tooltip>
      <DateField
        aria-label={t('desk.day.date')}
        value={date}
        onChange={(v) => v && onChange(v)}
        clearable={false}
        w={140}
        data-testid="day-date"
      />
      <Tooltip label={t('desk.day.next')}>
        <ActionIcon variant="default" size="lg" aria-label={t('desk.day.next')} onClick={() => onChange(addDays(date, 1))} data-testid="day-next">
          →
        </ActionIcon>
      </Tooltip>
      <Button variant={date === today ? 'light' : 'default'} onClick={() => onChange(today)} data-testid="day-today">
        {t('desk.day.today')}
      </Button>
      <Button variant={date === addDays(today, 1) ? 'light' : 'default'} onClick={() => onChange(addDays(today, 1))} data-testid="day-tomorrow">
        {t('desk.day.tomorrow')}
      </Button>
      <Text fw={600} ml="xs" data-testid="day-label">
        {weekdayDate(date)}
      </Text>
    </Group>
  );
}
