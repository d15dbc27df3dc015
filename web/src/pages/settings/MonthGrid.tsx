import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { daysInMonth, weekdayOf } from '../../../../src/domain/dates.js';
import { dayKind, type CalendarOverride } from '../../../../src/domain/calendar/production-calendar.js';

type Props = {
  year: number;
  month: number;
  overrides: ReadonlyMap<string, CalendarOverride>;
  today: string;
  focusDate: string;
  onPick: (date: string) => void;
};

const pad = (n: number) => String(n).padStart(2, '0');

/** One month of the production calendar, Monday first; each day is a button coloured by its kind. */
export function MonthGrid({ year, month, overrides, today, focusDate, onPick }: Props) {
  const { t } = useTranslation();
  const first = `${year}-${pad(month)}-01`;
  const lead = weekdayOf(first) - 1;
  const days = daysInMonth(year, month);
  return (
    <Paper withBorder p="xs" data-testid={`month-${month}`}>
      <Text size="sm" fw={600} ta="center" mb={4}>
        {t(`month.${month}`)}
      </Text>
      <div className="cal-grid" role="group" aria-label={`${t(`month.${month}`)} ${year}`}>
        {[1, 2, 3, 4, 5, 6, 7].map((wd) => (
          <div key={wd} className="cal-head" aria-hidden>
            {t(`weekday.short.${wd}`)}
          </div>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <div key={`lead-${i}`} />
        ))}
        {Array.from({ length: days }, (_, i) => {
          const date = `${year}-${pad(month)}-${pad(i + 1)}`;
          const kind = dayKind(date, overrides);
          const override = overrides.get(date);
          const label = `${i + 1} ${t(`monthGenitive.${month}`)} ${year}, ${t(`dayKind.${kind}`)}${override?.note ? `: ${override.note}` : ''}`;
          return (
            <button
              key={date}
              type="button"
              className="cal-day"
              data-date={date}
              data-kind={kind}
              data-today={date === today}
              data-testid={`day-${date}`}
              tabIndex={date === focusDate ? 0 : -1}
              title={label}
              aria-label={label}
              onClick={() => onPick(date)}
            >
              {i + 1}
            </button>
          );
        })}
      </div>
    </Paper>
  );
}
