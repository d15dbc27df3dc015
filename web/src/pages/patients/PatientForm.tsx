import { Autocomplete, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../src/contracts/common.js';
import { fullName } from '../../../../src/domain/names.js';
import { useInfoSources } from '../../api/clinic';
import type { Patient, PatientInputT } from '../../api/patients';
import { DateField } from '../../components/DateField';
import { FormErrors } from '../../components/FormErrors';
import { SamePhonePatients } from '../../components/SamePhonePatients';
import { useClinicTimeZone } from '../../components/session';
import { useFieldErrors } from '../../lib/fieldErrors';
import { todayIn } from '../../lib/format';
import { PhonesEditor, type PhoneDraft } from './PhonesEditor';

export type PatientDraft = {
  surname: string;
  firstName: string;
  patronymic: string;
  birthDate: string | null;
  sex: 'female' | 'male' | null;
  addressAs: string;
  phones: PhoneDraft[];
  email: string;
  sourceId: string | null;
  pdConsentVersion: string;
  pdConsentDate: string | null;
  note: string;
};

export function draftFrom(p?: Patient): PatientDraft {
  return {
    surname: p?.surname ?? '',
    firstName: p?.firstName ?? '',
    patronymic: p?.patronymic ?? '',
    birthDate: p?.birthDate ?? null,
    sex: p?.sex ?? null,
    addressAs: p?.addressAs ?? '',
    phones: p ? p.phones.map((ph) => ({ number: ph.display, kind: ph.kind, note: ph.note ?? '' })) : [{ number: '', kind: 'mobile', note: '' }],
    email: p?.email ?? '',
    sourceId: p?.sourceId ?? null,
    pdConsentVersion: p?.pdConsentVersion ?? '',
    pdConsentDate: p?.pdConsentDate ?? null,
    note: p?.note ?? '',
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The body for POST/PATCH /patients: empty optional fields become null, blank phone rows are dropped. */
export function toInput(d: PatientDraft): PatientInputT {
  return {
    surname: d.surname.trim(),
    firstName: d.firstName.trim(),
    patronymic: orNull(d.patronymic),
    birthDate: d.birthDate,
    sex: d.sex,
    addressAs: orNull(d.addressAs),
    phones: d.phones.filter((p) => p.number.trim()).map((p) => ({ number: p.number.trim(), kind: p.kind, note: orNull(p.note) })),
    email: orNull(d.email),
    sourceId: d.sourceId,
    pdConsentVersion: orNull(d.pdConsentVersion),
    pdConsentDate: d.pdConsentDate,
    note: orNull(d.note),
  };
}

const NONE: ReadonlySet<string> = new Set();

const SHOWN = /^(surname|firstName|patronymic|birthDate|sex|addressAs|phones\.\d+\.(number|note)|email|sourceId|pdConsentVersion|pdConsentDate|note)$/;

type Props = {
  initial: PatientDraft;
  /** The card being edited (absent for a new one): its own phones are not "another card's". */
  patientId?: string;
  saving: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (input: PatientInputT) => void;
  onCancel: () => void;
};

/** The patient's card fields (PAT-1, PAT-3, consent), shared by "new patient" and "edit card". */
export function PatientForm({ initial, patientId, saving, error, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const [d, setD] = useState<PatientDraft>(initial);
  const errors = useFieldErrors(error);
  // A field's message from the last failed save goes as soon as the field is edited; a new failure shows its own.
  const [edits, setEdits] = useState<{ error: unknown; fields: ReadonlySet<string> }>({ error, fields: new Set() });
  const edited = edits.error === error ? edits.fields : NONE;
  const fieldError = (name: string) => (edited.has(name) || (name.startsWith('phones.') && edited.has('phones')) ? undefined : errors.field(name));
  const sources = useInfoSources();
  const set = <K extends keyof PatientDraft>(key: K, value: PatientDraft[K]) => {
    setEdits((prev) => ({ error, fields: new Set(prev.error === error ? prev.fields : []).add(key) }));
    setD((prev) => ({ ...prev, [key]: value }));
  };
  const text = (key: 'surname' | 'firstName' | 'patronymic' | 'email' | 'pdConsentVersion') => ({
    value: d[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
    error: fieldError(key),
  });

  const sourceOptions = (sources.data?.items ?? [])
    .filter((s) => s.isActive || s.id === d.sourceId)
    .map((s) => ({ value: s.id, label: s.name }));
  const addressSuggestions = [
    [d.firstName.trim(), d.patronymic.trim()].filter(Boolean).join(' '),
    fullName({ surname: d.surname.trim(), firstName: d.firstName.trim(), patronymic: d.patronymic.trim() || null }),
    d.firstName.trim(),
  ].filter((s, i, all) => s && all.indexOf(s) === i);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(toInput(d));
  };

  return (
    <form onSubmit={submit} noValidate data-testid="patient-form">
      <Stack gap="md">
        <Paper withBorder p="md">
          <Title order={3} mb="sm">
            {t('patient.sectionPerson')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('patient.surname')} required autoFocus maxLength={LIMITS.name} {...text('surname')} />
            <TextInput label={t('patient.firstName')} required maxLength={LIMITS.name} {...text('firstName')} />
            <TextInput label={t('patient.patronymic')} maxLength={LIMITS.name} {...text('patronymic')} />
            <DateField
              label={t('patient.birthDate')}
              value={d.birthDate}
              onChange={(v) => set('birthDate', v)}
              error={fieldError('birthDate')}
              maxDate={todayIn(tz)}
              minDate="1900-01-01"
              defaultLevel="decade"
            />
            <Select
              label={t('patient.sex')}
              data={[
                { value: 'female', label: t('sex.female') },
                { value: 'male', label: t('sex.male') },
              ]}
              value={d.sex}
              onChange={(v) => set('sex', v as PatientDraft['sex'])}
              placeholder={t('common.notSpecified')}
              clearable
              error={fieldError('sex')}
            />
            <Autocomplete
              label={t('patient.addressAs')}
              description={t('patient.addressAsHint')}
              data={addressSuggestions}
              value={d.addressAs}
              onChange={(v) => set('addressAs', v)}
              error={fieldError('addressAs')}
              maxLength={LIMITS.name}
            />
          </SimpleGrid>
        </Paper>

        <Paper withBorder p="md">
          <Title order={3} mb="sm">
            {t('patient.sectionContacts')}
          </Title>
          <Stack gap="sm">
            <PhonesEditor value={d.phones} onChange={(v) => set('phones', v)} error={fieldError} />
            {d.phones.map((p, i) => (
              <SamePhonePatients key={i} phone={p.number} excludeId={patientId} />
            ))}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t('patient.email')} type="email" placeholder="name@example.ru" {...text('email')} />
              <Select
                label={t('patient.source')}
                data={sourceOptions}
                value={d.sourceId}
                onChange={(v) => set('sourceId', v)}
                placeholder={t('patient.sourcePlaceholder')}
                searchable
                clearable
                nothingFoundMessage={t('common.nothingFound')}
                error={fieldError('sourceId')}
              />
            </SimpleGrid>
          </Stack>
        </Paper>

        <Paper withBorder p="md">
          <Title order={3} mb="sm">
            {t('patient.sectionConsent')}
          </Title>
          <Group align="flex-end" gap="sm">
            <TextInput label={t('patient.consentVersion')} placeholder={t('patient.consentVersionPlaceholder')} w={220} {...text('pdConsentVersion')} />
            <DateField
              label={t('patient.consentDate')}
              value={d.pdConsentDate}
              onChange={(v) => set('pdConsentDate', v)}
              error={fieldError('pdConsentDate')}
              maxDate={todayIn(tz)}
              w={170}
            />
            <Button variant="light" onClick={() => set('pdConsentDate', todayIn(tz))}>
              {t('patient.consentToday')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed" mt={6}>
            {t('patient.consentHint')}
          </Text>
        </Paper>

        <Paper withBorder p="md">
          <Textarea
            label={t('patient.note')}
            value={d.note}
            onChange={(e) => set('note', e.currentTarget.value)}
            error={fieldError('note')}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={LIMITS.text}
          />
        </Paper>

        <FormErrors messages={errors.rest((f) => SHOWN.test(f))} />
        <Group>
          <Button type="submit" loading={saving} data-testid="patient-save">
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={saving}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
