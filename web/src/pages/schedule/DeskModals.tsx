import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../src/contracts/common.js';
import { ApiError } from '../../api/client';
import { useBook, useDoctorLate, type Appointment } from '../../api/schedule';
import { FormErrors } from '../../components/FormErrors';
import { useLang } from '../../i18n';
import { useFieldErrors } from '../../lib/fieldErrors';
import { notifySaved } from '../../lib/notify';
import { recordDelay } from '../../live/delays';
import { useDefaultDuration, DoctorOrSpecialty, DurationSelect, KindSelect, type Kind, type Who } from './fields';
import { BookingPatientPicker, type PickedPatient } from './BookingPatientPicker';

/**
 * SCH-8 «Пришёл без записи»: the patient is at the desk now. Booked at this minute and marked
 * arrived at once; if the doctor is busy (or it is outside their hours) the server refuses and
 * the desk may squeeze the patient in, warning that they will wait.
 */
export function WalkInModal({ onClose, onBooked }: { onClose: () => void; onBooked: (a: Appointment) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const book = useBook({ silent: true });
  const errors = useFieldErrors(book.error);
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [who, setWho] = useState<Who>({});
  const [kind, setKind] = useState<Kind>('primary');
  const [duration, setDuration] = useState<number | null>(null);
  const defaultDuration = useDefaultDuration();
  const refused = book.error instanceof ApiError && ['slot_taken', 'conflict'].includes(book.error.code) ? book.error : null;

  const submit = (squeezeIn: boolean) => {
    if (!patient || !who.doctorId) return;
    const now = Math.floor(Date.now() / 60_000) * 60_000;
    book.mutate(
      {
        patientId: patient.id, doctorId: who.doctorId, startsAt: new Date(now).toISOString(), durationMin: duration ?? defaultDuration(kind),
        kind, walkIn: true, squeezeIn: squeezeIn || undefined,
      },
      { onSuccess: onBooked },
    );
  };

  return (
    <Modal opened onClose={onClose} title={<Text fw={700}>{t('schedule.walkIn.title')}</Text>} size="lg">
      <form onSubmit={(e: FormEvent) => { e.preventDefault(); submit(false); }} noValidate data-testid="walkin-modal">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('schedule.walkIn.hint')}
          </Text>
          <BookingPatientPicker value={patient} onChange={setPatient} autoFocus />
          <DoctorOrSpecialty value={who} onChange={(w) => { setWho(w); book.reset(); }} allowSpecialty={false} />
          <Group grow gap="xs" align="flex-start">
            <KindSelect value={kind} onChange={setKind} />
            <DurationSelect value={duration ?? defaultDuration(kind)} onChange={setDuration} />
          </Group>
          {refused && (
            <Alert color="orange" variant="light" data-testid="walkin-refused">
              <Text size="sm" fw={600}>{refused.detailIn(lang)}</Text>
              <Text size="sm" mt={4}>{t('schedule.walkIn.squeezeOffer')}</Text>
              <Button mt="xs" color="orange" size="xs" onClick={() => submit(true)} loading={book.isPending} data-testid="walkin-squeeze">
                {t('schedule.walkIn.squeeze')}
              </Button>
            </Alert>
          )}
          {!refused && book.error instanceof ApiError && <FormErrors messages={[book.error.detailIn(lang)]} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={book.isPending} disabled={!patient || !who.doctorId} data-testid="walkin-submit">
              {t('schedule.walkIn.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const QUICK_MINUTES = [10, 15, 20, 30, 45, 60];

/** SCH-8 → SVC-2 «Врач задерживается»: every waiting patient of the doctor gets a dated delay entry. */
export function DoctorLateModal({ date, onClose }: { date: string; onClose: () => void }) {
  const { t } = useTranslation();
  const late = useDoctorLate();
  const errors = useFieldErrors(late.error);
  const [who, setWho] = useState<Who>({});
  const [minutes, setMinutes] = useState<number | string>(15);
  const [reason, setReason] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!who.doctorId || !reason.trim()) return;
    const m = Number(minutes);
    late.mutate(
      { doctorId: who.doctorId, date, minutes: m, reason: reason.trim() },
      {
        onSuccess: (r) => {
          recordDelay(who.doctorId!, date, m);
          notifySaved(t('schedule.late.done', { count: r.affected }));
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={<Text fw={700}>{t('schedule.late.title')}</Text>}>
      <form onSubmit={submit} noValidate data-testid="late-modal">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('schedule.late.hint')}
          </Text>
          <DoctorOrSpecialty value={who} onChange={setWho} allowSpecialty={false} error={errors.field('doctorId')} />
          <div>
            <NumberInput label={t('schedule.late.minutes')} value={minutes} onChange={setMinutes} min={1} max={600} error={errors.field('minutes')} w={160} />
            <SegmentedControl
              mt={4}
              size="xs"
              value={QUICK_MINUTES.includes(Number(minutes)) ? String(minutes) : ''}
              onChange={(v) => setMinutes(Number(v))}
              data={QUICK_MINUTES.map((m) => ({ value: String(m), label: String(m) }))}
              aria-label={t('schedule.late.minutes')}
            />
          </div>
          <TextInput label={t('schedule.late.reason')} placeholder={t('schedule.late.reasonPlaceholder')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={LIMITS.shortText} required error={errors.field('reason')} />
          <FormErrors messages={errors.rest((f) => ['doctorId', 'minutes', 'reason'].includes(f))} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={late.isPending} disabled={!who.doctorId || !reason.trim() || !Number(minutes)} data-testid="late-submit">
              {t('schedule.late.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
