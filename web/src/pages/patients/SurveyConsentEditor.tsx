import { Button, Group, Paper, SegmentedControl, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordSurveyConsent, useSurveyConsent } from '../../api/surveys';
import { useCan, useClinicTimeZone } from '../../components/session';
import { dateOf, formatDate } from '../../lib/format';
import { notifyError, notifySaved } from '../../lib/notify';

/** SVC-1: the survey consent as data — agreed or refused, when and how to call, recorded when and by whom — editable in the card. */
export function SurveyConsentEditor({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const tz = useClinicTimeZone();
  const current = useSurveyConsent(patientId).data?.consent ?? null;
  const record = useRecordSurveyConsent(patientId);
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<'agreed' | 'refused'>('agreed');
  const [when, setWhen] = useState('');
  const [channel, setChannel] = useState<'phone' | 'messenger' | 'email'>('phone');
  const start = () => {
    setStatus(current?.status ?? 'agreed');
    setWhen(current?.preferredTime ?? '');
    setChannel(current?.channel ?? 'phone');
    setEditing(true);
  };
  return (
    <Paper withBorder p="xs" mt="xs" data-testid="survey-consent">
      <Group gap="xs" justify="space-between">
        <Text size="sm">
          <b>{t('desk.leaving.consent')}: </b>
          {current
            ? [
                t(current.status === 'agreed' ? 'desk.leaving.consentAgreed' : 'desk.leaving.consentRefused'),
                current.preferredTime,
                t(`desk.consent.channel.${current.channel}`),
              ].filter(Boolean).join(', ')
            : t('desk.leaving.consentUnknown')}
          {current && (
            <Text span size="xs" c="dimmed">{` · ${[current.recordedBy?.name, formatDate(dateOf(current.recordedAt, tz))].filter(Boolean).join(', ')}`}</Text>
          )}
        </Text>
        {can('servicecard.write') && !editing && <Button size="compact-xs" variant="subtle" onClick={start} data-testid="survey-consent-edit">{t('desk.consent.edit')}</Button>}
      </Group>
      {editing && (
        <Group gap="xs" align="flex-end" mt="xs">
          <SegmentedControl size="xs" value={status} onChange={(v) => setStatus(v as 'agreed' | 'refused')}
            data={[{ value: 'agreed', label: t('desk.leaving.consentAgreed') }, { value: 'refused', label: t('desk.leaving.consentRefused') }]} />
          {status === 'agreed' && (
            <>
              <TextInput size="xs" label={t('desk.leaving.preferredTime')} value={when} maxLength={200} onChange={(e) => setWhen(e.currentTarget.value)} />
              <Select size="xs" w={140} label={t('desk.consent.channelLabel')} value={channel} allowDeselect={false} onChange={(v) => v && setChannel(v as typeof channel)}
                data={(['phone', 'messenger', 'email'] as const).map((c) => ({ value: c, label: t(`desk.consent.channel.${c}`) }))} />
            </>
          )}
          <Button size="xs" loading={record.isPending}
            onClick={() => record.mutate({ status, preferredTime: status === 'agreed' ? when.trim() || null : null, channel }, { onSuccess: () => { setEditing(false); notifySaved(); }, onError: notifyError })}>
            {t('desk.leaving.save')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
        </Group>
      )}
    </Paper>
  );
}
