import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CANCEL_REASONS, type CancelReason } from '../../../../src/domain/schedule/status.js';
import type { AttemptOutcome, WorklistPurpose } from '../../../../src/domain/worklists/outcomes.js';
import { ApiError } from '../../api/client';
import { useRecordAttempt, type AttemptT } from '../../api/worklists';
import { DateField } from '../../components/DateField';
import { TimeField } from '../../components/TimeField';
import { useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { formatDate, instantAt, timeOf, dateOf, todayIn } from '../../lib/format';
import { notifySaved } from '../../lib/notify';
import { minutesOf } from '../../../../src/domain/schedule/time.js';

const COLOR: Partial<Record<AttemptOutcome, string>> = { confirmed: 'teal', booked: 'teal', not_reached: 'orange', callback: 'blue', cancelled: 'red', refused: 'gray', moved: 'grape' };

/** The calls made so far: «19:05, Миронова Е. — Не дозвонился». */
export function AttemptList({ attempts }: { attempts: AttemptT[] }) {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  if (!attempts.length) return <Text size="xs" c="dimmed">—</Text>;
  return (
    <Stack gap={2} data-testid="attempts">
      {attempts.map((a) => (
        <Text key={a.id} size="xs">
          <Text span fw={600} c={COLOR[a.outcome as AttemptOutcome] ?? 'dimmed'}>{t(`worklists.outcome.${a.outcome}`, { defaultValue: a.outcome })}</Text>
          {' — '}
          {formatDate(dateOf(a.at, tz))} {timeOf(a.at, tz)}
          {a.by ? `, ${a.by}` : ''}
          {a.callbackAt ? ` · ${t('worklists.callbackAt', { at: `${formatDate(dateOf(a.callbackAt, tz))} ${timeOf(a.callbackAt, tz)}` })}` : ''}
          {a.note ? ` · ${a.note}` : ''}
        </Text>
      ))}
    </Stack>
  );
}

type Props = {
  purpose: WorklistPurpose;
  patientId: string;
  appointmentId?: string | null;
  outcomes: AttemptOutcome[];
  /** 'booked' is not recorded here: the parent opens the booking dialog and records it when the visit exists. */
  onBook?: () => void;
};

/**
 * One button per outcome of the list (CONF-3, REC-2): a plain outcome is recorded at once; «Просил
 * перезвонить», «Перенёс» and «Отменил» ask what the call agreed first.
 */
export function AttemptControls({ purpose, patientId, appointmentId, outcomes, onBook }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const record = useRecordAttempt();
  const [open, setOpen] = useState<AttemptOutcome | null>(null);
  const [date, setDate] = useState<string | null>(todayIn(tz));
  const [time, setTime] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState<CancelReason>('patient_request');
  const [callbackDate, setCallbackDate] = useState<string | null>(null);

  const send = (outcome: AttemptOutcome) => {
    const body = {
      purpose, outcome, patientId, ...(appointmentId ? { appointmentId } : {}), ...(note.trim() ? { note: note.trim() } : {}),
      ...(outcome === 'callback' && date && /^\d{2}:\d{2}$/.test(time) ? { callbackAt: instantAt(date, minutesOf(time), tz) } : {}),
      ...(outcome === 'cancelled' ? { cancel: { reason, callbackDate, ...(note.trim() ? { note: note.trim() } : {}) } } : {}),
    };
    record.mutate(body, {
      onSuccess: () => {
        notifySaved(t('worklists.saved', { outcome: t(`worklists.outcome.${outcome}`) }));
        setOpen(null);
        setNote('');
        setTime('');
      },
    });
  };
  const click = (o: AttemptOutcome) => {
    if (o === 'booked') return onBook?.();
    if (o === 'callback' || o === 'moved' || o === 'cancelled') {
      record.reset();
      setOpen(o);
      return;
    }
    send(o);
  };

  return (
    <>
      <Group gap={4} wrap="wrap">
        {outcomes.map((o) => (
          <Button key={o} size="compact-xs" variant={o === 'confirmed' || o === 'booked' ? 'filled' : 'light'} color={COLOR[o] ?? 'gray'} onClick={() => click(o)} loading={record.isPending && record.variables?.outcome === o} data-testid={`outcome-${o}`}>
            {t(`worklists.outcome.${o}`)}
          </Button>
        ))}
      </Group>
      {record.error instanceof ApiError && !open && (
        <Text size="xs" c="red" role="alert">{record.error.detailIn(lang)}</Text>
      )}
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open === 'cancelled' ? t('worklists.form.cancelTitle') : open ? t(`worklists.outcome.${open}`) : ''}>
        <Stack gap="sm">
          {open === 'callback' && (
            <Group grow>
              <DateField label={t('worklists.form.date')} value={date} onChange={setDate} data-testid="callback-date" />
              <TimeField label={t('worklists.form.time')} value={time} onChange={setTime} placeholder="18:30" data-testid="callback-time" />
            </Group>
          )}
          {open === 'cancelled' && (
            <>
              <Select label={t('worklists.form.reason')} value={reason} onChange={(v) => v && setReason(v as CancelReason)} data={CANCEL_REASONS.map((r) => ({ value: r, label: t(`worklists.reasons.${r}`) }))} allowDeselect={false} />
              <DateField label={t('worklists.form.callbackDate')} value={callbackDate} onChange={setCallbackDate} clearable />
            </>
          )}
          <Textarea label={open === 'moved' ? t('worklists.form.movedNote') : t('worklists.form.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} data-testid="attempt-note" />
          {record.error instanceof ApiError && (
            <Alert color="red" variant="light" role="alert">
              {record.error.detailIn(lang)}
              {record.error.errors.map((e) => <div key={e.field}>{lang === "en" ? e.message_en : e.message_ru}</div>)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(null)}>{t('worklists.form.cancel')}</Button>
            <Button onClick={() => open && send(open)} loading={record.isPending} data-testid="attempt-save">{t('worklists.form.save')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
