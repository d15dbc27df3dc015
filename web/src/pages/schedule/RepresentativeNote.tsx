import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { under15On } from '../../../../src/domain/representative.js';
import { usePatient } from '../../api/patients';
import { displayPhone } from '../../lib/format';

/**
 * A child's (under 15) or a ward's legal representative where the desk books and receives the patient (issue #11):
 * who, relation, phone; for a child with none entered, a warning to bring a parent and enter them on the card.
 */
type Rep = { fullName: string; relation: string | null; phone: string | null } | null;

/** «Ёлкина Наталья Игоревна (мать)». */
export const repWho = (r: NonNullable<Rep>) => `${r.fullName}${r.relation ? ` (${r.relation})` : ''}`;

/** The representative in full (a line of the visit panel's details): name, relation and the phone to call. */
export function RepresentativeLine({ rep }: { rep: NonNullable<Rep> }) {
  return (
    <Text span size="sm" data-testid="appt-representative">
      {repWho(rep)}
      {rep.phone && (
        <>
          {' · '}
          <Anchor href={`tel:${rep.phone}`} size="sm">{displayPhone(rep.phone)}</Anchor>
        </>
      )}
    </Text>
  );
}

/** A child without a representative: the warning where the desk books or marks the arrival. */
export function MissingRepresentativeAlert({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" p="xs" title={t('docs.repOnSchedule.missingTitle')} data-testid="rep-missing">
      <Text size="xs">{t('docs.repOnSchedule.missingText')}</Text>
      <Anchor component={Link} to={`/patients/${patientId}`} size="xs">{t('docs.repOnSchedule.openCard')}</Anchor>
    </Alert>
  );
}

/** In the booking drawer: the picked patient's representative, or the warning when a child has none. */
export function BookingRepresentativeNote({ patientId, birthDate, date }: { patientId: string; birthDate: string | null; date: string }) {
  const { t } = useTranslation();
  const { data } = usePatient(patientId);
  const minor = under15On(birthDate, date);
  if (!data) return null;
  const rep = data.representative;
  if (rep) {
    return (
      <Alert color="blue" variant="light" p="xs" title={t('docs.repOnSchedule.label')} data-testid="book-representative">
        <RepresentativeLine rep={rep} />
      </Alert>
    );
  }
  return minor ? <MissingRepresentativeAlert patientId={patientId} /> : null;
}
