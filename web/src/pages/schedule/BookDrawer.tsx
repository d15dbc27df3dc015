import { Alert, Button, Checkbox, Drawer, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../src/contracts/common.js';
import type { Appointment } from '../../api/schedule';
import { useBook } from '../../api/schedule';
import { useDoctors } from '../../api/doctors';
import { FormErrors } from '../../components/FormErrors';
import { normaliseTime, TimeField } from '../../components/TimeField';
import { useFieldErrors } from '../../lib/fieldErrors';
import { useDefaultDuration, DurationSelect, KindSelect, type Kind } from './fields';
import { doctorName } from './headers';
import { BookingPatientPicker, type PickedPatient } from './BookingPatientPicker';
import { BookingRepresentativeNote } from './RepresentativeNote';
import { addDays } from '../../../../src/domain/dates.js';
import { dayLabel, instantAt } from '../../lib/format';
import { hhmm } from '../../../../src/domain/schedule/time.js';

export type BookTarget = { doctorId: string; date: string; minute: number };

type Props = {
  target: BookTarget;
  tz: string;
  today: string;
  onClose: () => void;
  onBooked: (a: Appointment) => void;
};

/** CONF-4 in words the desk understands: why a booking is (or is not) already confirmed. */
export function ConfirmHint({ date, today, needsCall }: { date: string; today: string; needsCall: boolean }) {
  const { t } = useTranslation();
  const soon = date === today || date === addDays(today, 1);
  return (
    <Text size="xs" c="dimmed">
      {needsCall ? t('schedule.book.callHintMarked') : soon ? t('schedule.book.callHintSoon') : t('schedule.book.callHintLater')}
    </Text>
  );
}

/** A free cell was clicked: book this doctor at this time for a patient found or created here. */
export function BookDrawer({ target, tz, today, onClose, onBooked }: Props) {
  const { t } = useTranslation();
  const { data: doctors } = useDoctors();
  const book = useBook();
  const errors = useFieldErrors(book.error);
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [kind, setKind] = useState<Kind>('primary');
  const [duration, setDuration] = useState<number | null>(null);
  const defaultDuration = useDefaultDuration();
  const [time, setTime] = useState(hhmm(target.minute));
  const [services, setServices] = useState('');
  const [comment, setComment] = useState('');
  const [needsCall, setNeedsCall] = useState(false);
  const minutes = duration ?? defaultDuration(kind);
  const validTime = /^\d{2}:\d{2}$/.test(normaliseTime(time));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!patient || !validTime) return;
    const [h, m] = normaliseTime(time).split(':').map(Number);
    book.mutate(
      {
        patientId: patient.id,
        doctorId: target.doctorId,
        startsAt: instantAt(target.date, h * 60 + m, tz),
        durationMin: minutes,
        kind,
        services: services.trim() || null,
        comment: comment.trim() || null,
        needsCall,
      },
      { onSuccess: onBooked },
    );
  };

  return (
    <Drawer opened onClose={onClose} position="right" size={440} title={<Text fw={700}>{t('schedule.book.title')}</Text>} >
      <form onSubmit={submit} noValidate data-testid="book-drawer">
        <Stack gap="sm">
          <Alert variant="light" color="teal" p="xs">
            <Text size="sm" fw={600}>
              {doctorName(doctors?.items, target.doctorId)} · {dayLabel(target.date, t, { capital: true, today })}
            </Text>
          </Alert>
          <BookingPatientPicker value={patient} onChange={setPatient} autoFocus />
          {patient && <BookingRepresentativeNote patientId={patient.id} birthDate={patient.birthDate} date={target.date} />}
          <Group grow align="flex-start" gap="xs">
            <TimeField label={t('schedule.book.time')} value={time} onChange={setTime} error={errors.field('startsAt')} w="auto" />
            <DurationSelect value={minutes} onChange={setDuration} />
          </Group>
          <KindSelect value={kind} onChange={setKind} />
          <TextInput label={t('schedule.book.services')} placeholder={t('schedule.book.servicesPlaceholder')} value={services} onChange={(e) => setServices(e.currentTarget.value)} maxLength={LIMITS.text} error={errors.field('services')} />
          <Textarea label={t('schedule.book.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} maxLength={LIMITS.text} error={errors.field('comment')} />
          <div>
            <Checkbox label={t('schedule.book.needsCall')} checked={needsCall} onChange={(e) => setNeedsCall(e.currentTarget.checked)} data-testid="needs-call" />
            <ConfirmHint date={target.date} today={today} needsCall={needsCall} />
          </div>
          <FormErrors messages={errors.rest((f) => ['startsAt', 'services', 'comment'].includes(f))} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={book.isPending} disabled={!patient || !validTime} data-testid="book-submit">
              {t('schedule.book.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
