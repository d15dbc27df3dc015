import { Alert, Button, Checkbox, Drawer, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../src/contracts/common.js';
import { useDoctors } from '../../api/doctors';
import { releaseHold, useBook, useUrgent, type Appointment, type UrgentProposalT } from '../../api/schedule';
import { FormErrors } from '../../components/FormErrors';
import { useFieldErrors } from '../../lib/fieldErrors';
import { BranchSelect, DoctorOrSpecialty, DurationSelect, type Who } from './fields';
import { useScheduleSettings } from '../../api/clinic';
import { doctorName } from './headers';
import { BookingPatientPicker, type PickedPatient } from './BookingPatientPicker';
import { timeOf } from '../../lib/format';

type Props = { tz: string; branchId: string; onClose: () => void; onBooked: (a: Appointment) => void };

/**
 * SCH-4, acute pain: the nearest free time today; when the doctor (or every doctor of the
 * specialty) is fully booked, a squeeze-in between visits — booked only after the
 * administrator confirms the patient was warned they may have to wait.
 */
export function UrgentPanel({ tz, branchId: initialBranch, onClose, onBooked }: Props) {
  const { t } = useTranslation();
  const { data: doctors } = useDoctors();
  const urgent = useUrgent();
  const book = useBook();
  const errors = useFieldErrors(urgent.error ?? book.error);
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [who, setWho] = useState<Who>({});
  const settings = useScheduleSettings();
  const [picked, setDuration] = useState<number | null>(null);
  // The clinic's usual urgent length until the administrator picks another (settings load after the panel opens).
  const duration = picked ?? settings.durationByKind.urgent;
  const [branchId, setBranchId] = useState(initialBranch);
  const [result, setResult] = useState<UrgentProposalT | null>(null);
  const [warned, setWarned] = useState(false);
  const [comment, setComment] = useState('');
  const held = useRef<string | null>(null);

  useEffect(() => () => releaseHold(held.current), []);

  const find = () => {
    releaseHold(held.current);
    held.current = null;
    setResult(null);
    setWarned(false);
    urgent.mutate(
      { ...who, durationMin: duration, branchId: branchId || undefined },
      {
        onSuccess: (r) => {
          held.current = r.holdGroup;
          setResult(r);
        },
      },
    );
  };

  const submit = () => {
    const s = result?.slot;
    if (!s || !patient) return;
    book.mutate(
      {
        patientId: patient.id, doctorId: s.doctorId, startsAt: s.startsAt, endsAt: s.endsAt, chairId: s.chairId, branchId: s.branchId,
        kind: 'urgent', holdGroup: result.holdGroup ?? undefined, squeezeIn: result.squeezeIn || undefined, comment: comment.trim() || null,
      },
      {
        onSuccess: (a) => {
          held.current = null;
          onBooked(a);
        },
      },
    );
  };

  const close = () => {
    releaseHold(held.current);
    held.current = null;
    onClose();
  };

  const slot = result?.slot;
  return (
    <Drawer opened onClose={close} position="right" size={480} title={<Text fw={700} c="red.8">{t('schedule.urgent.title')}</Text>}>
      <Stack gap="sm" data-testid="urgent-panel">
        <BookingPatientPicker value={patient} onChange={setPatient} autoFocus />
        <DoctorOrSpecialty value={who} onChange={setWho} error={errors.field('doctorId') ?? errors.field('specialty')} />
        <Group grow gap="xs" align="flex-start">
          <DurationSelect value={duration} onChange={setDuration} />
          <BranchSelect label={t('schedule.branch')} value={branchId} onChange={setBranchId} />
        </Group>
        <Button color="red" onClick={find} loading={urgent.isPending} disabled={!who.doctorId && !who.specialty} data-testid="urgent-find">
          {t('schedule.urgent.find')}
        </Button>
        {result && !slot && (
          <Alert color="orange" variant="light">
            {t('schedule.urgent.none')}
          </Alert>
        )}
        {slot && (
          <Paper withBorder p="sm" bg={result.squeezeIn ? 'orange.0' : 'teal.0'} data-testid="urgent-slot">
            <Text size="xs" c="dimmed">
              {result.squeezeIn ? t('schedule.urgent.squeezeTitle') : t('schedule.urgent.freeTitle')}
            </Text>
            <Text fw={700} size="xl">
              {t('schedule.urgent.todayAt', { time: timeOf(slot.startsAt, tz) })} — {doctorName(doctors?.items, slot.doctorId)}
            </Text>
            {result.squeezeIn && (
              <>
                <Alert color="orange" variant="filled" mt="xs" p="xs" data-testid="squeeze-warning">
                  {t('schedule.urgent.squeezeWarning')}
                </Alert>
                <Checkbox mt="xs" label={t('schedule.urgent.warned')} checked={warned} onChange={(e) => setWarned(e.currentTarget.checked)} data-testid="squeeze-confirm" />
              </>
            )}
          </Paper>
        )}
        {slot && <TextInput label={t('schedule.book.comment')} placeholder={t('schedule.urgent.commentPlaceholder')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={LIMITS.text} />}
        {slot && !patient && (
          <Text size="sm" c="orange.8">
            {t('schedule.two.needPatient')}
          </Text>
        )}
        <FormErrors messages={errors.rest((f) => ['doctorId', 'specialty'].includes(f))} />
        {slot && (
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color={result.squeezeIn ? 'orange' : 'teal'} onClick={submit} loading={book.isPending} disabled={!patient || (result.squeezeIn && !warned)} data-testid="urgent-book">
              {result.squeezeIn ? t('schedule.urgent.bookSqueeze') : t('schedule.book.submit')}
            </Button>
          </Group>
        )}
      </Stack>
    </Drawer>
  );
}
