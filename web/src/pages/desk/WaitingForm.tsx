import { Button, Group, Input, Paper, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PartOfDay } from '../../../../src/contracts/schedule.js';
import { fullName } from '../../../../src/domain/names.js';
import { KIND_LABELS, KINDS, type Kind } from '../../../../src/domain/schedule/status.js';
import { SPECIALTIES, SPECIALTY_LABELS, type Specialty } from '../../../../src/domain/specialties.js';
import { useAddWaiting } from '../../api/desk';
import { useDoctors } from '../../api/doctors';
import { DateField } from '../../components/DateField';
import { FormErrors } from '../../components/FormErrors';
import { useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { useFieldErrors } from '../../lib/fieldErrors';
import { todayIn } from '../../lib/format';
import { notifySaved } from '../../lib/notify';
import { addDays } from '../../../../src/domain/dates.js';
import { WaitingPatientPicker, type PickedPatient } from './WaitingPatientPicker';

type Part = (typeof PartOfDay.options)[number];
const SHOWN = ['patientId', 'doctorId', 'specialty', 'kind', 'dateFrom', 'dateTo', 'partOfDay', 'note'];

/** Puts a patient on the waiting list: who, to whom, what for, which dates and part of the day. */
export function WaitingForm({ initialPatient, onDone }: { initialPatient: PickedPatient | null; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const today = todayIn(useClinicTimeZone());
  const doctors = useDoctors();
  const add = useAddWaiting();
  const errors = useFieldErrors(add.error);
  const [patient, setPatient] = useState<PickedPatient | null>(initialPatient);
  const [doctorId, setDoctorId] = useState<string | null>(null);
  const [specialty, setSpecialty] = useState<Specialty | null>(null);
  const [kind, setKind] = useState<Kind>('repeat');
  const [from, setFrom] = useState<string | null>(today);
  const [to, setTo] = useState<string | null>(addDays(today, 14));
  const [part, setPart] = useState<Part>('any');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!patient || !from) return;
    add.mutate(
      { patientId: patient.id, doctorId, specialty: doctorId ? null : specialty, kind, dateFrom: from, dateTo: to ?? from, partOfDay: part, note: note.trim() || null },
      {
        onSuccess: (w) => {
          notifySaved(t('desk.waiting.saved', { name: w.patientName }));
          onDone();
        },
      },
    );
  };

  const activeDoctors = (doctors.data?.items ?? []).filter((d) => d.isActive);

  return (
    <Paper withBorder p="md" data-testid="waiting-form">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <WaitingPatientPicker
            label={t('desk.waiting.patient')}
            value={patient}
            onChange={setPatient}
            required
            error={errors.field('patientId') ?? (tried && !patient ? t('desk.waiting.choosePatient') : undefined)}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t('desk.waiting.doctor')}
              placeholder={t('desk.waiting.anyDoctor')}
              data={activeDoctors.map((d) => ({ value: d.id, label: fullName(d) }))}
              value={doctorId}
              onChange={setDoctorId}
              clearable
              searchable
              error={errors.field('doctorId')}
              data-testid="waiting-doctor"
            />
            <Select
              label={t('desk.waiting.specialty')}
              placeholder={t('desk.waiting.anySpecialty')}
              data={SPECIALTIES.map((s) => ({ value: s, label: SPECIALTY_LABELS[s][lang] }))}
              value={doctorId ? null : specialty}
              onChange={(v) => setSpecialty(v as Specialty | null)}
              disabled={!!doctorId}
              clearable
              error={errors.field('specialty')}
            />
            <Select
              label={t('desk.waiting.kind')}
              data={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k][lang] }))}
              value={kind}
              onChange={(v) => v && setKind(v as Kind)}
              allowDeselect={false}
              error={errors.field('kind')}
            />
          </SimpleGrid>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <DateField label={t('desk.waiting.dateFrom')} value={from} onChange={(v) => { setFrom(v); if (v && (!to || to < v)) setTo(v); }} minDate={today} error={errors.field('dateFrom')} required w={170} />
            <DateField label={t('desk.waiting.dateTo')} value={to} onChange={setTo} minDate={from ?? today} error={errors.field('dateTo')} w={170} />
            <div>
              <Input.Label id="waiting-part-label" mb={4} display="block">
                {t('desk.waiting.partOfDay')}
              </Input.Label>
              <SegmentedControl
                aria-labelledby="waiting-part-label"
                value={part}
                onChange={(v) => setPart(v as Part)}
                data={PartOfDay.options.map((p) => ({ value: p, label: t(`desk.partOfDay.${p}`) }))}
              />
            </div>
            <TextInput
              label={t('desk.waiting.note')}
              placeholder={t('desk.waiting.notePlaceholder')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={errors.field('note')}
              style={{ flex: 1 }}
              miw={220}
            />
          </Group>
          <FormErrors messages={errors.rest((f) => SHOWN.includes(f))} />
          <Group gap="sm">
            <Button type="submit" loading={add.isPending} data-testid="waiting-submit">
              {t('desk.waiting.submit')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
