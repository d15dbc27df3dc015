import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shortName } from '../../../../src/domain/names.js';
import { usePatient, usePatientSearch } from '../../api/patients';
import { formatDate } from '../../lib/format';

type Named = { cardNumber: number; surname: string; firstName: string; patronymic: string | null; birthDate: string | null };

const labelOf = (p: Named, card: string) => [shortName(p), card, p.birthDate ? formatDate(p.birthDate) : null].filter(Boolean).join(', ');

/** The audit log's patient filter: found by surname, phone or card number, as everywhere at the desk. */
export function AuditPatientSelect({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = usePatientSearch(q, q.length >= 2);
  const chosen = usePatient(value ?? undefined);
  const card = (p: Named) => t('auditDetails.cardShort', { number: p.cardNumber });
  const options = new Map<string, string>();
  if (chosen.data) options.set(chosen.data.id, labelOf(chosen.data, card(chosen.data)));
  for (const p of q.length >= 2 ? found.data?.items ?? [] : []) options.set(p.id, labelOf(p, card(p)));
  return (
    <Select
      label={t('auditDetails.pickPatient')}
      placeholder={t('auditDetails.pickPatientHint')}
      size="xs"
      w={320}
      searchable
      clearable
      filter={({ options: o }) => o}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={q.length >= 2 && !found.isFetching ? t('audit.none') : undefined}
      data-testid="audit-patient-filter"
    />
  );
}
