import { Alert, Button, Group, Paper, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../src/contracts/common.js';
import { CANCEL_REASONS, type CancelReason } from '../../../../src/domain/schedule/status.js';
import { useChangeStatus, type Appointment } from '../../api/schedule';
import { DateField } from '../../components/DateField';
import { FormErrors } from '../../components/FormErrors';
import { useFieldErrors } from '../../lib/fieldErrors';
import { notifySaved } from '../../lib/notify';
import { addDays } from '../../../../src/domain/dates.js';

type Props = {
  a: Appointment;
  today: string;
  onDone: () => void;
  onBack: () => void;
  /** «Перезаписать»: book the patient again (two options); the cancel follows with the new visit's id. */
  onRebook: (reason: CancelReason, note: string) => void;
};

/**
 * CONF-5: a cancellation always leaves the next contact agreed — a new booking or a date to
 * call back; a complaint or a refusal needs neither, and the treating doctor is informed.
 */
export function CancelForm({ a, today, onDone, onBack, onRebook }: Props) {
  const { t } = useTranslation();
  const status = useChangeStatus();
  const errors = useFieldErrors(status.error);
  const [reason, setReason] = useState<CancelReason | null>(null);
  const [next, setNext] = useState<'rebook' | 'callback'>('rebook');
  const [callback, setCallback] = useState<string | null>(addDays(today, 1));
  const [note, setNote] = useState('');
  const informsDoctor = reason === 'complaint' || reason === 'refusal';

  const cancel = () => {
    if (!reason) return;
    status.mutate(
      {
        id: a.id,
        body: { to: 'cancelled', cancel: { reason, note: note.trim() || null, callbackDate: informsDoctor ? null : callback } },
      },
      {
        onSuccess: () => {
          notifySaved(t('schedule.cancel.done'));
          onDone();
        },
      },
    );
  };

  return (
    <Paper withBorder p="sm" bg="red.0" data-testid="cancel-form">
      <Stack gap="xs">
        <Text fw={700}>{t('schedule.cancel.title')}</Text>
        <Select
          label={t('schedule.cancel.reason')}
          placeholder={t('schedule.cancel.reasonPlaceholder')}
          data={CANCEL_REASONS.map((r) => ({ value: r, label: t(`schedule.cancelReason.${r}`) }))}
          value={reason}
          onChange={(v) => setReason(v as CancelReason | null)}
          error={errors.field('cancel.reason')}
          data-testid="cancel-reason"
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput label={t('schedule.cancel.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={LIMITS.text} />
        {reason && informsDoctor && (
          <Alert color="orange" variant="light" p="xs">
            {t('schedule.cancel.doctorInformed')}
          </Alert>
        )}
        {reason && !informsDoctor && (
          <>
            <Text size="sm">{t('schedule.cancel.nextContact')}</Text>
            <Radio.Group value={next} onChange={(v) => setNext(v as 'rebook' | 'callback')} aria-label={t('schedule.cancel.nextContact')}>
              <Stack gap={6}>
                <Radio value="rebook" label={t('schedule.cancel.rebook')} data-testid="cancel-rebook" />
                <Radio value="callback" label={t('schedule.cancel.callback')} data-testid="cancel-callback" />
              </Stack>
            </Radio.Group>
            {next === 'callback' && (
              <DateField label={t('schedule.cancel.callbackDate')} value={callback} onChange={setCallback} minDate={today} error={errors.field('cancel.callbackDate')} w={180} />
            )}
          </>
        )}
        <FormErrors messages={errors.rest((f) => ['cancel.reason', 'cancel.callbackDate'].includes(f))} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onBack}>
            {t('schedule.cancel.back')}
          </Button>
          {reason && !informsDoctor && next === 'rebook' ? (
            <Button color="teal" size="xs" onClick={() => onRebook(reason, note)} data-testid="cancel-rebook-go">
              {t('schedule.cancel.rebookGo')}
            </Button>
          ) : (
            <Button color="red" size="xs" onClick={cancel} loading={status.isPending} disabled={!reason || (!informsDoctor && !callback)} data-testid="cancel-submit">
              {t('schedule.cancel.submit')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
