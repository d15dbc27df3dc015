import { Alert, Anchor, Badge, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCallbacks, useRecordAttempt, type CallbackItemT } from '../../api/worklists';
import type { Appointment } from '../../api/schedule';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { displayPhone, formatDate, timeOf, todayIn } from '../../lib/format';
import { TwoOptionsPanel } from '../schedule/TwoOptionsPanel';
import { AttemptControls, AttemptList } from './AttemptControls';
import { pickedPatient } from './picked';

/** CONF-5 and any call's promise: whom to call back on the day; «Записан» books through the two-option dialog. */
export function CallbackTab({ date }: { date: string }) {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const q = useCallbacks(date);
  const record = useRecordAttempt();
  const [booking, setBooking] = useState<CallbackItemT | null>(null);
  if (!q.data || q.data.date !== date) return <QueryState isPending={q.isPending || q.isFetching} error={q.error} />;
  if (q.data.items.length === 0) return <Alert color="gray" variant="light" data-testid="callbacks-empty">{t('worklists.empty')}</Alert>;
  const booked = (item: CallbackItemT, a: Appointment) => {
    setBooking(null);
    record.mutate({ purpose: 'callback', outcome: 'booked', patientId: item.patientId, appointmentId: a.id });
  };
  return (
    <>
      <Table verticalSpacing={6} highlightOnHover data-testid="callbacks-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('worklists.col.patient')}</Table.Th>
            <Table.Th w={150}>{t('worklists.col.phone')}</Table.Th>
            <Table.Th w={130}>{t('worklists.callbacks.due')}</Table.Th>
            <Table.Th w="28%">{t('worklists.callbacks.why')}</Table.Th>
            <Table.Th w="30%">{t('worklists.col.attempts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.items.map((i) => (
            <Table.Tr key={i.key} data-testid={`callback-${i.patientId}`}>
              <Table.Td>
                <Anchor component={Link} to={`/patients/${i.patientId}`} size="sm">{i.name}</Anchor>
                <Text size="xs" c="dimmed">{t(`worklists.callbacks.source.${i.source}`)}</Text>
              </Table.Td>
              <Table.Td>{i.phone ? <Anchor href={`tel:${i.phone}`} size="sm" style={{ whiteSpace: 'nowrap' }}>{displayPhone(i.phone)}</Anchor> : '—'}</Table.Td>
              <Table.Td>
                {formatDate(i.dueDate)}{i.dueAt ? `, ${timeOf(i.dueAt, tz)}` : ''}
                {i.overdue && <Badge color="red" variant="light" size="xs" ml={4}>{t('worklists.callbacks.overdue')}</Badge>}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{i.why}</Text>
                {i.note && <Text size="xs" c="dimmed">{i.note}</Text>}
              </Table.Td>
              <Table.Td>
                <AttemptList attempts={i.attempts} />
                <AttemptControls purpose="callback" patientId={i.patientId} outcomes={['booked', 'not_reached', 'callback', 'refused']} onBook={() => setBooking(i)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {booking && (
        <TwoOptionsPanel
          init={{ patient: pickedPatient(booking), lockPatient: true, kind: 'repeat' }}
          tz={tz}
          today={todayIn(tz)}
          onClose={() => setBooking(null)}
          onBooked={(a) => booked(booking, a)}
        />
      )}
    </>
  );
}
