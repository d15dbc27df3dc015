import { Box, Button, CloseButton, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientSummaryT } from '../../../../src/contracts/patients.js';
import { fullName } from '../../../../src/domain/names.js';
import { useCreatePatient, usePatientSearch } from '../../api/patients';
import { FormErrors } from '../../components/FormErrors';
import { SamePhonePatients } from '../../components/SamePhonePatients';
import { PatientAlerts } from '../../components/PatientAlerts';
import { useCan } from '../../components/session';
import { useFieldErrors } from '../../lib/fieldErrors';
import { displayPhone, formatDate } from '../../lib/format';

export type PickedPatient = Pick<PatientSummaryT, 'id' | 'surname' | 'firstName' | 'patronymic' | 'phone' | 'cardNumber' | 'birthDate'>;

type Props = {
  value: PickedPatient | null;
  onChange: (p: PickedPatient | null) => void;
  /** Focus the search box when the drawer opens. */
  autoFocus?: boolean;
};

const looksLikePhone = (s: string) => /^[+\d][\d\s()-]{5,}$/.test(s.trim());

/**
 * Who the visit is for: search as you type (surname, phone or card number; ↑/↓ and Enter),
 * or «Новый пациент» — a short card (surname, name, patronymic, phone) created on the spot
 * for a first-time caller; the rest of the card is filled at the desk on arrival.
 */
export function BookingPatientPicker({ value, onChange, autoFocus }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 200);
  const [hi, setHi] = useState(0);
  const [creating, setCreating] = useState(false);
  const search = usePatientSearch(debounced, !value && !creating && debounced.length > 0);
  const found = debounced ? (search.data?.items ?? []).slice(0, 8) : [];
  // 152-FZ art. 21: blocked and destroyed cards take no bookings; they are listed greyed with the
  // reason (so nobody opens a duplicate card in confusion) and never picked.
  const items = found.filter((p) => p.pdState === 'active');
  const closed = found.filter((p) => p.pdState !== 'active');

  if (value) {
    return (
      <Paper withBorder p="xs" bg="teal.0" data-testid="picked-patient">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <div>
            <Text fw={700} size="sm">
              {fullName(value)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('schedule.patient.card', { n: value.cardNumber })}
              {value.birthDate ? ` · ${formatDate(value.birthDate)}` : ''}
              {value.phone ? ` · ${displayPhone(value.phone)}` : ''}
            </Text>
          </div>
          <CloseButton aria-label={t('schedule.patient.change')} onClick={() => onChange(null)} />
        </Group>
        <PatientAlerts patientId={value.id} />
      </Paper>
    );
  }

  if (creating) {
    return <QuickCreate initial={q} onCancel={() => setCreating(false)} onCreated={(p) => { setCreating(false); onChange(p); }} />;
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') setHi((h) => Math.min(h + 1, items.length - 1));
    else if (e.key === 'ArrowUp') setHi((h) => Math.max(h - 1, 0));
    else if (e.key === 'Enter' && items[hi]) onChange(items[hi]);
    else return;
    e.preventDefault();
  };

  return (
    <Stack gap={4}>
      <TextInput
        label={t('schedule.patient.label')}
        placeholder={t('schedule.patient.placeholder')}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setHi(0);
        }}
        onKeyDown={onKeyDown}
        data-autofocus={autoFocus || undefined}
        autoComplete="off"
        spellCheck={false}
        rightSection={search.isFetching ? <Loader size="xs" /> : null}
        data-testid="patient-picker"
      />
      {found.length > 0 && (
        <Paper withBorder role="listbox" aria-label={t('schedule.patient.results')}>
          {items.map((p, i) => (
            <UnstyledButton
              key={p.id}
              role="option"
              aria-selected={i === hi}
              onClick={() => onChange(p)}
              onMouseEnter={() => setHi(i)}
              px="xs"
              py={4}
              w="100%"
              bg={i === hi ? 'teal.0' : undefined}
              data-testid="patient-option"
            >
              <Text size="sm" fw={600} span>
                {fullName(p)}
              </Text>{' '}
              <Text size="xs" c="dimmed" span>
                № {p.cardNumber}
                {p.birthDate ? ` · ${formatDate(p.birthDate)}` : ''}
                {p.phone ? ` · ${displayPhone(p.phone)}` : ''}
              </Text>
            </UnstyledButton>
          ))}
          {closed.map((p) => (
            <Box key={p.id} role="option" aria-selected={false} aria-disabled px="xs" py={4} c="dimmed" data-testid="patient-option-closed">
              {p.pdState === 'blocked' && (
                <Text size="sm" span>
                  {fullName(p)}{' '}
                </Text>
              )}
              <Text size="xs" span>
                № {p.cardNumber} · {t(`retention.picker.${p.pdState}`)}
              </Text>
            </Box>
          ))}
        </Paper>
      )}
      {debounced && !search.isFetching && search.data && found.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('schedule.patient.notFound')}
        </Text>
      )}
      {can('patients.write') && (
        <Button variant="light" size="xs" onClick={() => setCreating(true)} data-testid="quick-new-patient" style={{ alignSelf: 'flex-start' }}>
          {t('schedule.patient.new')}
        </Button>
      )}
    </Stack>
  );
}

function QuickCreate({ initial, onCancel, onCreated }: { initial: string; onCancel: () => void; onCreated: (p: PickedPatient) => void }) {
  const { t } = useTranslation();
  const create = useCreatePatient();
  const errors = useFieldErrors(create.error);
  const phoneFirst = looksLikePhone(initial);
  const words = phoneFirst ? [] : initial.trim().split(/\s+/);
  const [surname, setSurname] = useState(words[0] ?? '');
  const [firstName, setFirstName] = useState(words[1] ?? '');
  const [patronymic, setPatronymic] = useState(words[2] ?? '');
  const [phone, setPhone] = useState(phoneFirst ? initial.trim() : '');

  const submit = () => {
    create.mutate(
      {
        surname: surname.trim(),
        firstName: firstName.trim(),
        patronymic: patronymic.trim() || null,
        phones: phone.trim() ? [{ number: phone.trim(), kind: 'mobile' }] : [],
      },
      { onSuccess: (p) => onCreated({ id: p.id, surname: p.surname, firstName: p.firstName, patronymic: p.patronymic, phone: p.phone, cardNumber: p.cardNumber, birthDate: p.birthDate }) },
    );
  };

  return (
    <Paper withBorder p="xs" data-testid="quick-create">
      <Text fw={700} size="sm" mb={4}>
        {t('schedule.patient.newTitle')}
      </Text>
      <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
        <TextInput label={t('patient.surname')} value={surname} onChange={(e) => setSurname(e.currentTarget.value)} error={errors.field('surname')} required data-autofocus />
        <TextInput label={t('patient.firstName')} value={firstName} onChange={(e) => setFirstName(e.currentTarget.value)} error={errors.field('firstName')} required />
        <TextInput label={t('patient.patronymic')} value={patronymic} onChange={(e) => setPatronymic(e.currentTarget.value)} error={errors.field('patronymic')} />
        <TextInput
          label={t('schedule.patient.phone')}
          placeholder="+7 (921) 000-00-00"
          value={phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
          error={errors.field('phones.0.number')}
          required
          inputMode="tel"
        />
      </SimpleGrid>
      {/* The caller may already have a card (a relative's phone, a forgotten first visit): offer it first. */}
      <SamePhonePatients phone={phone} onPick={onCreated} />
      <FormErrors messages={errors.rest((f) => ['surname', 'firstName', 'patronymic', 'phones.0.number'].includes(f))} />
      <Group justify="flex-end" mt="xs" gap="xs">
        <Button variant="default" size="xs" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button size="xs" onClick={submit} loading={create.isPending} disabled={!surname.trim() || !firstName.trim() || !phone.trim()} data-testid="quick-create-save">
          {t('schedule.patient.create')}
        </Button>
      </Group>
    </Paper>
  );
}
