import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BookingContextT } from '../../../../src/contracts/patients.js';
import { weekdayOf } from '../../../../src/domain/dates.js';
import { shortName } from '../../../../src/domain/names.js';
import { useBranches } from '../../api/clinic';
import { useDoctors } from '../../api/doctors';
import { formatDate, timeOf } from '../../lib/format';

/**
 * The visits a known patient already has ahead (date, time, doctor, branch), shown while booking
 * her so that a second visit is made on purpose, not by mistake.
 */
export function PatientUpcoming({ visits, tz }: { visits: BookingContextT['upcoming']; tz: string }) {
  const { t } = useTranslation();
  const { data: doctors } = useDoctors();
  const { data: branches } = useBranches();
  if (!visits.length) return null;
  return (
    <Alert variant="light" color="blue" p="xs" data-testid="patient-upcoming">
      <Text size="sm" fw={600}>
        {t('schedule.two.upcoming')}
      </Text>
      {visits.map((v) => {
        const doctor = doctors?.items.find((d) => d.id === v.doctorId);
        const branch = branches?.items.find((b) => b.id === v.branchId);
        return (
          <Text size="sm" key={v.id}>
            {t(`weekday.short.${weekdayOf(v.localDate)}`)}, {formatDate(v.localDate)}, {timeOf(v.startsAt, tz)}–{timeOf(v.endsAt, tz)}
            {doctor ? ` · ${shortName(doctor)}` : ''}
            {branch ? ` · ${branch.name}` : ''}
          </Text>
        );
      })}
    </Alert>
  );
}
