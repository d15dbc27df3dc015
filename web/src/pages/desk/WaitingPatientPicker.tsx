import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullName } from '../../../../src/domain/names.js';
import { usePatientSearch } from '../../api/patients';
import { formatDate } from '../../lib/format';

export type PickedPatient = { id: string; label: string };

/** «Смирнова Анна Сергеевна, 14.03.1988, карта № 1» — what the picker shows for a patient. */
export function patientOptionLabel(p: { surname: string; firstName: string; patronymic?: string | null; birthDate: string | null; cardNumber: number }, cardText: (n: number) => string): string {
  return [fullName(p), p.birthDate ? formatDate(p.birthDate) : null, cardText(p.cardNumber)].filter(Boolean).join(', ');
}

/**
 * The patient of a waiting-list entry, chosen in one select by typing a surname, phone in any
 * format or card number: results come from the server as you type (PAT-2); ↑/↓ and Enter pick one.
 * (Booking a visit uses schedule/BookingPatientPicker, which can also open a new card.)
 */
export function WaitingPatientPicker({ value, onChange, label, error, required }: {
  value: PickedPatient | null;
  onChange: (p: PickedPatient | null) => void;
  label: string;
  error?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.label ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const searching = debounced.length >= 2 && debounced !== value?.label;
  const { data, isFetching } = usePatientSearch(debounced, searching);
  const cardText = (n: number) => t('desk.waiting.cardShort', { n });

  const options = (() => {
    // 152-FZ art. 21: a blocked or destroyed card takes no bookings; shown greyed with the reason, not offered.
    const found = searching
      ? (data?.items ?? []).map((p) =>
          p.pdState === 'active'
            ? { value: p.id, label: patientOptionLabel(p, cardText) }
            : { value: p.id, label: `${p.pdState === 'blocked' ? patientOptionLabel(p, cardText) : cardText(p.cardNumber)} — ${t(`retention.picker.${p.pdState}`)}`, disabled: true },
        )
      : [];
    if (value && !found.some((o) => o.value === value.id)) found.unshift({ value: value.id, label: value.label });
    return found;
  })();

  return (
    <Select
      label={label}
      placeholder={t('desk.waiting.patientPlaceholder')}
      searchable
      clearable
      required={required}
      data={options}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => onChange(id && option ? { id, label: option.label } : null)}
      filter={({ options: all }) => all}
      nothingFoundMessage={searching && !isFetching ? t('common.nothingFound') : undefined}
      rightSection={isFetching ? <Loader size="xs" /> : undefined}
      error={error}
      autoComplete="off"
      data-testid="patient-picker"
    />
  );
}
