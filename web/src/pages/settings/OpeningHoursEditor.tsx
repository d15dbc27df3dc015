import { Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TimeField } from '../../components/TimeField';
import { WEEKDAYS } from '../../lib/weekdays';

export type HoursDraft = Record<number, { open: boolean; opens: string; closes: string }>;

export function hoursDraftFrom(hours: { weekday: number; opens: string; closes: string }[] | undefined): HoursDraft {
  const draft: HoursDraft = {};
  for (const wd of WEEKDAYS) {
    const h = hours?.find((x) => x.weekday === wd);
    draft[wd] = h ? { open: true, opens: h.opens, closes: h.closes } : { open: !hours && wd <= 5, opens: '09:00', closes: wd === 6 ? '15:00' : '21:00' };
  }
  return draft;
}

export function hoursFromDraft(d: HoursDraft) {
  return WEEKDAYS.filter((wd) => d[wd].open).map((wd) => ({ weekday: wd, opens: d[wd].opens, closes: d[wd].closes }));
}

/** A branch's opening hours: one line per weekday; an unticked day is closed. */
export function OpeningHoursEditor({
  value,
  onChange,
  errorAt,
  readOnly,
}: {
  value: HoursDraft;
  onChange: (v: HoursDraft) => void;
  /** Message for the n-th submitted (open) day. */
  errorAt: (index: number) => string | undefined;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  let openIndex = -1;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('branches.hours')}
      </Text>
      {WEEKDAYS.map((wd) => {
        const day = value[wd];
        if (day.open) openIndex++;
        const err = day.open ? errorAt(openIndex) : undefined;
        const set = (patch: Partial<typeof day>) => onChange({ ...value, [wd]: { ...day, ...patch } });
        return (
          <Group key={wd} gap="sm" wrap="nowrap" mih={30} data-testid={`hours-${wd}`}>
            <Checkbox
              w={140}
              label={t(`weekday.long.${wd}`)}
              checked={day.open}
              onChange={(e) => set({ open: e.currentTarget.checked })}
              disabled={readOnly}
            />
            {day.open ? (
              <>
                <TimeField aria-label={t('branches.opensAt', { day: t(`weekday.long.${wd}`) })} value={day.opens} onChange={(v) => set({ opens: v })} readOnly={readOnly} size="xs" />
                <Text size="sm">—</Text>
                <TimeField aria-label={t('branches.closesAt', { day: t(`weekday.long.${wd}`) })} value={day.closes} onChange={(v) => set({ closes: v })} readOnly={readOnly} size="xs" />
                {err && (
                  <Text size="xs" c="red">
                    {err}
                  </Text>
                )}
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t('branches.closed')}
              </Text>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}
