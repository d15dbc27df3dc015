import { ActionIcon, Button, Group, SegmentedControl, Tooltip } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronLeft, ChevronRight } from './icons';
import { addDays } from '../../../../src/domain/dates.js';

type Props = {
  mode: 'day' | 'week';
  /** The shown date (DAY) or the first day of the week (WEEK). */
  date: string;
  today: string;
  onDate: (date: string) => void;
  onMode: (mode: 'day' | 'week') => void;
  /** Keyboard shortcuts are off while a drawer or dialog is open. */
  hotkeys: boolean;
  /** Branch or doctor selector. */
  selector: ReactNode;
  children?: ReactNode;
};

/** A field the user types into; a focused radio (the DAY/WEEK switch after a click) is not one. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox')) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** ‹ Сегодня › and a date picker, the branch/doctor, DAY/WEEK, and the page's actions. ←/→ and T from the keyboard. */
export function ScheduleToolbar({ mode, date, today, onDate, onMode, hotkeys, selector, children }: Props) {
  const { t } = useTranslation();
  const step = mode === 'day' ? 1 : 7;

  useEffect(() => {
    if (!hotkeys) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (document.querySelector('.mantine-Modal-content, .mantine-Drawer-content, .mantine-Popover-dropdown')) return;
      if (e.key === 'ArrowLeft') onDate(addDays(date, -step));
      else if (e.key === 'ArrowRight') onDate(addDays(date, step));
      // e.code: the same key on the Russian layout types «е».
      else if (e.code === 'KeyT' || e.key === 't' || e.key === 'T') onDate(today);
      else return;
      // Also keeps a focused DAY/WEEK radio from taking the arrow as "next option".
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [hotkeys, date, step, today, onDate]);

  return (
    <Group justify="space-between" gap="xs" mb={6} wrap="wrap" data-testid="schedule-toolbar">
      <Group gap={6} wrap="nowrap">
        <Tooltip label={t(mode === 'day' ? 'schedule.nav.prevDay' : 'schedule.nav.prevWeek')}>
          <ActionIcon variant="default" size="lg" onClick={() => onDate(addDays(date, -step))} aria-label={t(mode === 'day' ? 'schedule.nav.prevDay' : 'schedule.nav.prevWeek')} data-testid="date-prev">
            <ChevronLeft size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('schedule.nav.todayHint')}>
          <Button variant={date === today ? 'light' : 'default'} onClick={() => onDate(today)} data-testid="date-today">
            {t('schedule.nav.today')}
          </Button>
        </Tooltip>
        <Tooltip label={t(mode === 'day' ? 'schedule.nav.nextDay' : 'schedule.nav.nextWeek')}>
          <ActionIcon variant="default" size="lg" onClick={() => onDate(addDays(date, step))} aria-label={t(mode === 'day' ? 'schedule.nav.nextDay' : 'schedule.nav.nextWeek')} data-testid="date-next">
            <ChevronRight size={16} />
          </ActionIcon>
        </Tooltip>
        <DatePickerInput
          aria-label={t('schedule.nav.pickDate')}
          value={date}
          onChange={(v) => v && onDate(v)}
          valueFormat={t(mode === 'day' ? 'schedule.nav.dayFormat' : 'schedule.nav.weekFormat')}
          w={mode === 'day' ? 200 : 190}
          firstDayOfWeek={1}
          data-testid="date-picker"
        />
        {selector}
        <SegmentedControl
          value={mode}
          onChange={(v) => onMode(v as 'day' | 'week')}
          // ←/→ on the focused switch (after a click on «День») change the day, never the view.
          onKeyDownCapture={(e) => (e.key === 'ArrowLeft' || e.key === 'ArrowRight') && e.preventDefault()}
          aria-label={t('schedule.nav.mode')}
          data={[
            { value: 'day', label: t('schedule.nav.day') },
            { value: 'week', label: t('schedule.nav.week') },
          ]}
          data-testid="mode-switch"
        />
      </Group>
      {children && (
        <Group gap={6} wrap="wrap">
          {children}
        </Group>
      )}
    </Group>
  );
}
