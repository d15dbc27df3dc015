import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { shortName } from '../../../../src/domain/names.js';
import { STATUS_LABELS } from '../../../../src/domain/schedule/status.js';
import { useBranches } from '../../api/clinic';
import { useDoctors } from '../../api/doctors';
import { useChangeStatus, type Appointment } from '../../api/schedule';
import { useLang } from '../../i18n';
import { timeOf } from '../../lib/format';

/** Booked or confirmed: the patient may still arrive for it. */
export const isUpcoming = (a: Appointment) => a.status === 'booked' || a.status === 'confirmed';

/**
 * SCH-8: a patient who says "without an appointment" is often booked later today — with another
 * doctor, or at the other branch. Their visits of today come first in the walk-in dialog, each
 * with «Отметить приход на запись 18:00»: the normal arrival (lateness or an early arrival, the
 * doctor's note), so the booking is not left waiting beside a duplicate.
 */
export function WalkInVisits({ visits, tz, onArrived }: { visits: Appointment[]; tz: string; onArrived: (a: Appointment) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const doctors = useDoctors();
  const branches = useBranches();
  const status = useChangeStatus();
  const doctor = (id: string) => {
    const d = doctors.data?.items.find((x) => x.id === id);
    return d ? shortName(d) : '';
  };
  const branch = (id: string) => branches.data?.items.find((b) => b.id === id)?.name ?? '';
  const shown = visits.filter((a) => a.status !== 'cancelled' && a.status !== 'no_show');
  if (!shown.length) return null;

  return (
    <Stack gap="xs" data-testid="walkin-today">
      <Text size="sm" fw={600}>
        {shown.some(isUpcoming) ? t('schedule.walkIn.bookedToday') : t('schedule.walkIn.visitsToday')}
      </Text>
      {shown.map((a) => {
        const time = timeOf(a.startsAt, tz);
        const line = [`${time}–${timeOf(a.endsAt, tz)}`, doctor(a.doctorId), branch(a.branchId), t(`schedule.kindShort.${a.kind}`)].filter(Boolean).join(' · ');
        return (
          <Paper key={a.id} withBorder p="xs" data-testid="walkin-visit" data-status={a.status}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <div>
                <Text size="sm" fw={500}>
                  {line}
                </Text>
                <Text size="xs" c="dimmed">
                  {STATUS_LABELS[a.status][lang]}
                </Text>
              </div>
              {isUpcoming(a) && (
                <Button
                  color="yellow.7"
                  loading={status.isPending && status.variables?.id === a.id}
                  disabled={status.isPending}
                  onClick={() => status.mutate({ id: a.id, body: { to: 'arrived' } }, { onSuccess: onArrived })}
                  data-testid="walkin-arrive"
                >
                  {t('schedule.walkIn.markArrival', { time })}
                </Button>
              )}
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
