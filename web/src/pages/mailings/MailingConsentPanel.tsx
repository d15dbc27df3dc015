import { Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMailingConsents, useSetMailingConsent, type ChannelT } from '../../api/mailings';
import { useCan, useClinicTimeZone } from '../../components/session';
import { dateOf, formatDate } from '../../lib/format';
import { notifyError, notifySaved } from '../../lib/notify';

/** The patient's consent to mailings per channel, with when and who recorded it (the card). */
export function MailingConsentPanel({ patientId }: { patientId: string }) {
  const tz = useClinicTimeZone();
  const { t } = useTranslation();
  const can = useCan();
  const q = useMailingConsents(patientId);
  const set = useSetMailingConsent(patientId);
  const c = (k: string, v?: Record<string, unknown>) => t(`mailings.consent.${k}`, v);
  const record = (channel: ChannelT, agreed: boolean) => set.mutate({ channel, agreed }, { onSuccess: () => notifySaved(), onError: notifyError });
  return (
    <Paper withBorder p="md" data-testid="mailing-consents">
      <Text fw={600} mb={4}>{c('title')}</Text>
      <Text size="xs" c="dimmed" mb="xs">{c('hint')}</Text>
      {(['email', 'sms'] as const).map((ch) => {
        const cur = q.data?.consents.find((x) => x.channel === ch);
        return (
          <Group key={ch} justify="space-between" py={4} data-testid={`mailing-consent-${ch}`}>
            <Text size="sm">
              <b>{c(ch)}: </b>
              <Text span c={cur ? (cur.agreed ? 'teal' : 'red') : 'dimmed'}>{cur ? c(cur.agreed ? 'agreed' : 'refused') : c('unknown')}</Text>
              {cur && <Text span size="xs" c="dimmed">{` · ${c('recorded', { when: formatDate(dateOf(cur.recordedAt, tz)), who: cur.recordedBy ?? '—' })}`}</Text>}
            </Text>
            {can('patients.write') && (
              <Group gap={4}>
                <Button size="compact-xs" variant={cur?.agreed ? 'filled' : 'light'} color="teal" loading={set.isPending} onClick={() => record(ch, true)} data-testid={`consent-${ch}-agree`}>{c('agree')}</Button>
                <Button size="compact-xs" variant={cur && !cur.agreed ? 'filled' : 'light'} color="red" loading={set.isPending} onClick={() => record(ch, false)} data-testid={`consent-${ch}-refuse`}>{c('refuse')}</Button>
              </Group>
            )}
          </Group>
        );
      })}
    </Paper>
  );
}
