import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../src/contracts/common.js';
import { ApiError } from '../../api/client';
import { usePatientDay } from '../../api/desk';
import { useBook, useDoctorLate, type Appointment } from '../../api/schedule';
import { FormErrors } from '../../components/FormErrors';
import { useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { timeOf, todayIn } from '../../lib/format';
import { useFieldErrors } from '../../lib/fieldErrors';
import { notifySaved } from '../../lib/notify';
import { recordDelay } from '../../live/delays';
import { useDefaultDuration, DoctorOrSpecialty, DurationSelect, KindSelect, type Kind, type Who } from './fields';
import { BookingPatientPicker, type PickedPatient } from './BookingPatientPicker';
import { isUpcoming, WalkInVisits } from './WalkInVisits';

/**
 * SCH-8 «Пришёл без записи»: the patient is at the desk now. If they are booked today (any
 * doctor, any branch) the dialog offers the arrival on that visit first, and a second visit only
 * on purpose. Otherwise booked at this minute and marked arrived at once; if the doctor is busy
 * (or it is outside their hours) the server refuses and the desk may squeeze the patient in,
 * warning that they will wait.
 */
export function WalkInModal({ onClose, onBooked, onArrived }: { onClose: () => void; onBooked: (a: Appointment) => void; onArrived: (a: Appointment) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const book = useBook({ silent: true });
  const errors = useFieldErrors(book.error);
  const [patient, setPatientState] = useState<PickedPatient | null>(null);
  const [second, setSecond] = useState(false);
  // Refetched on a refusal: something may have been booked for the patient meanwhile.
  const today = usePatientDay(patient?.id, todayIn(tz));
  const upcoming = today.data?.items.filter(isUpcoming) ?? [];
  const setPatient = (p: PickedPatient | null) => {
    setPatientState(p);
    setSecond(false);
    book.reset();
  };
  const [who, setWho] = useState<Who>({});
  const [kind, setKind] = useState<Kind>('primary');
  const [duration, setDuration] = useState<number | null>(null);
  const defaultDuration = useDefaultDuration();
  // The server also refuses a walk-in over a visit of today the dialog had not seen (booked meanwhile): that one names the patient, not the time.
  const overBooking = book.error instanceof ApiError && book.error.errors.some((e) => e.field === 'patientId');
  const refused = book.error instanceof ApiError && ['slot_taken', 'conflict'].includes(book.error.code) && !overBooking ? book.error : null;
  const askFirst = !!patient && upcoming.length > 0 && !second;

  const submit = (squeezeIn: boolean) => {
    if (!patient || !who.doctorId) return;
    const now = Math.floor(Date.now() / 60_000) * 60_000;
    book.mutate(
      {
        patientId: patient.id, doctorId: who.doctorId, startsAt: new Date(now).toISOString(), durationMin: duration ?? defaultDuration(kind),
        kind, walkIn: true, squeezeIn: squeezeIn || undefined, secondVisit: second || undefined,
      },
      { onSuccess: onBooked, onError: () => void today.refetch() },
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
          {patient && (today.data?.items.length ?? 0) > 0 && (
            <WalkInVisits
              visits={today.data!.items}
              tz={tz}
              onArrived={(a) => {
                notifySaved(t('schedule.walkIn.arrivedDone', { time: timeOf(a.startsAt, tz) }));
                onArrived(a);
              }}
            />
          )}
          {askFirst ? (
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text size="xs" c="dimmed" style={{ flex: '1 1 260px' }}>
                {t('schedule.walkIn.secondHint')}
              </Text>
              <Button variant="subtle" size="xs" onClick={() => setSecond(true)} data-testid="walkin-second">
                {t('schedule.walkIn.secondVisit')}
              </Button>
            </Group>
          ) : (
            <>
              <DoctorOrSpecialty value={who} onChange={(w) => { setWho(w); book.reset(); }} allowSpecialty={false} />
              <Group grow gap="xs" align="flex-start">
                <KindSelect value={kind} onChange={setKind} />
                <DurationSelect value={duration ?? defaultDuration(kind)} onChange={setDuration} />
              </Group>
            </>
          )}
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
            {!askFirst && (
              <Button type="submit" loading={book.isPending} disabled={!patient || !who.doctorId || today.isPending} data-testid="walkin-submit">
                {second ? t('schedule.walkIn.submitSecond') : t('schedule.walkIn.submit')}
              </Button>
            )}
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
