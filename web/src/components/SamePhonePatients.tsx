import { Anchor, Button, Paper, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PatientSummaryT } from '../../../src/contracts/patients.js';
import { fullName } from '../../../src/domain/names.js';
import { usePatientSearch } from '../api/patients';
import { formatDate } from '../lib/format';

type Props = {
  /** The number as typed; searched once it has at least 10 digits. */
  phone: string;
  /** The card being edited: its own number is not "another card's". */
  excludeId?: string;
  /** Quick-create: choose the existing card instead of opening a duplicate. Without it, each card is a link. */
  onPick?: (p: PatientSummaryT) => void;
};

/**
 * Families share phones, and callers forget they already have a card: when a typed number is on
 * another active card, say whose (name, card number, birth date) before a new card is saved.
 * A warning, not a refusal — a second card on the same number is often right.
 */
export function SamePhonePatients({ phone, excludeId, onPick }: Props) {
  const { t } = useTranslation();
  const [query] = useDebouncedValue(phone.replace(/\D/g, '').length >= 10 ? phone.trim() : '', 300);
  const same = usePatientSearch(query, !!query);
  const found = query ? (same.data?.items ?? []).filter((p) => p.pdState === 'active' && p.id !== excludeId).slice(0, 3) : [];
  if (!found.length) return null;
  return (
    <Paper withBorder p={6} mt="xs" bg="yellow.0" data-testid="same-phone" role="status">
      <Text size="xs" fw={600}>
        {onPick ? t('schedule.patient.samePhone') : t('desk.samePhone.title')}
      </Text>
      {found.map((p) => {
        const label = `${fullName(p)} · № ${p.cardNumber}${p.birthDate ? ` · ${formatDate(p.birthDate)}` : ''}`;
        return onPick ? (
          <Button key={p.id} variant="subtle" size="compact-sm" onClick={() => onPick(p)} display="block">
            {label}
          </Button>
        ) : (
          <Anchor key={p.id} component={Link} to={`/patients/${p.id}`} size="sm" display="block" aria-label={t('desk.samePhone.open', { name: fullName(p), n: p.cardNumber })}>
            {label}
          </Anchor>
        );
      })}
      {!onPick && (
        <Text size="xs" c="dimmed">
          {t('desk.samePhone.hint')}
        </Text>
      )}
    </Paper>
  );
}
