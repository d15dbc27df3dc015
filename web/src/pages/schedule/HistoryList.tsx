import { Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STATUS_LABELS, type Status } from '../../../../src/domain/schedule/status.js';
import { useAppointmentHistory, type HistoryEntryT } from '../../api/schedule';
import { useStaff } from '../../api/staff';
import { useCan } from '../../components/session';
import { useLang } from '../../i18n';
import { formatInstant } from '../../lib/format';

/** Who did what to the visit and when: booked, moved, each status change, desk marks. */
export function HistoryList({ id, tz }: { id: string; tz: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { data } = useAppointmentHistory(id);
  // Names of colleagues come from the staff list, which only some roles may read.
  const staff = useStaff(can('staff.read'));
  const who = (userId: string | null) => staff.data?.items.find((u) => u.id === userId)?.fullName ?? null;
  const label = (s: string | null) => (s && s in STATUS_LABELS ? STATUS_LABELS[s as Status][lang] : s ?? '');

  const text = (h: HistoryEntryT): string => {
    if (h.action === 'book') return t('schedule.history.book', { status: label(h.toStatus) });
    if (h.action === 'status') return t('schedule.history.status', { from: label(h.fromStatus), to: label(h.toStatus) });
    if (h.action === 'move') {
      const from = typeof h.details.from === 'string' ? formatInstant(h.details.from, tz) : '';
      const to = typeof h.details.to === 'string' ? formatInstant(h.details.to, tz) : '';
      return t('schedule.history.move', { from, to });
    }
    const key = `schedule.history.${h.action}`;
    const known = ['edit', 'review_requested', 'follow_up_booked', 'wrong_day'].includes(h.action);
    return known ? t(key) : h.action;
  };

  const items = data?.items ?? [];
  if (!items.length) return null;
  return (
    <Stack gap={4} data-testid="appt-history">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {t('schedule.history.title')}
      </Text>
      <Timeline bulletSize={10} lineWidth={2}>
        {items.map((h, i) => (
          <Timeline.Item key={i} title={<Text size="sm">{text(h)}</Text>}>
            <Text size="xs" c="dimmed">
              {formatInstant(h.at, tz)}
              {who(h.userId) ? ` · ${who(h.userId)}` : ''}
              {typeof h.details.lateMinutes === 'number' && h.details.lateMinutes >= 5 ? ` · ${t('schedule.appt.late', { n: h.details.lateMinutes })}` : ''}
              {typeof h.details.note === 'string' ? ` · ${h.details.note}` : ''}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
