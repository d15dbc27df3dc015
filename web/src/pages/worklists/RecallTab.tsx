import { Alert, Anchor, Badge, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRecall, useRecordAttempt, type RecallItemT } from '../../api/worklists';
import type { Appointment } from '../../api/schedule';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone } from '../../components/session';
import { displayPhone, formatDate, todayIn } from '../../lib/format';
import { TwoOptionsPanel } from '../schedule/TwoOptionsPanel';
import { AttemptControls, AttemptList } from './AttemptControls';
import { pickedPatient } from './picked';
import { RecallRulesCard } from './RecallRulesCard';

/**
 * REC-1..3: who is due for a check-up by the clinic's rules, and who dropped out of treatment.
 * «Записать» opens the two-option dialog with the treating doctor (REC-2: «завтра или в четверг?»).
 */
export function RecallTab({ date }: { date: string }) {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const can = useCan();
  const q = useRecall(date);
  const record = useRecordAttempt();
  const [booking, setBooking] = useState<RecallItemT | null>(null);
  const booked = (item: RecallItemT, a: Appointment) => {
    setBooking(null);
    record.mutate({ purpose: 'recall', outcome: 'booked', patientId: item.patientId, appointmentId: a.id });
  };
  return (
    <>
      {can('recall.manage') && <RecallRulesCard />}
      {!q.data || q.data.date !== date ? (
        <QueryState isPending={q.isPending || q.isFetching} error={q.error} />
      ) : q.data.items.length === 0 ? (
        <Alert color="gray" variant="light">{t('worklists.empty')}</Alert>
      ) : (
        <Table verticalSpacing={6} highlightOnHover data-testid="recall-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('worklists.col.patient')}</Table.Th>
              <Table.Th w={150}>{t('worklists.col.phone')}</Table.Th>
              <Table.Th w="30%">{t('worklists.recall.due')}</Table.Th>
              <Table.Th w="30%">{t('worklists.col.attempts')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.items.map((i) => (
              <Table.Tr key={i.patientId} data-testid={`recall-${i.patientId}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/patients/${i.patientId}`} size="sm">{i.name}</Anchor>
                  <Text size="xs" c="dimmed">{i.doctorName}</Text>
                  <Tooltip label={i.script} multiline w={420} withArrow>
                    <Text size="xs" c="blue" style={{ cursor: 'help' }}>{t('worklists.script')}</Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td>{i.phone ? <Anchor href={`tel:${i.phone}`} size="sm" style={{ whiteSpace: 'nowrap' }}>{displayPhone(i.phone)}</Anchor> : '—'}</Table.Td>
                <Table.Td>
                  <Badge color={i.kind === 'recall' ? 'blue' : 'orange'} variant="light" tt="none">{t(`worklists.recall.kind.${i.kind}`)}</Badge>
                  <Text size="xs">{i.detail}</Text>
                  {i.dueDate && <Text size="xs" c="dimmed">{t('worklists.recall.due')}: {formatDate(i.dueDate)}</Text>}
                </Table.Td>
                <Table.Td>
                  <AttemptList attempts={i.attempts} />
                  <AttemptControls purpose="recall" patientId={i.patientId} outcomes={['booked', 'not_reached', 'callback', 'refused']} onBook={() => setBooking(i)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {booking && (
        <TwoOptionsPanel
          init={{ patient: pickedPatient(booking), lockPatient: true, kind: 'checkup', who: { doctorId: booking.doctorId } }}
          tz={tz}
          today={todayIn(tz)}
          onClose={() => setBooking(null)}
          onBooked={(a) => booked(booking, a)}
        />
      )}
    </>
  );
}
