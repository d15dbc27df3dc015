import { Anchor, Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { shortName } from '../../../../src/domain/names.js';
import type { CallBackT } from '../../api/desk';
import type { Doctor } from '../../api/doctors';
import { useClinicTimeZone } from '../../components/session';
import { displayPhone, formatDate, timeOf } from '../../lib/format';

/**
 * CONF-5: the calls agreed when a visit was cancelled, due on the day — and on today's list the
 * missed ones not yet done. Until the phone desk's worklists exist they head «Окна и обзвон»,
 * with the phone at hand and why the patient cancelled.
 */
export function CallbacksCard({ items, doctorById }: { items: CallBackT[]; doctorById: Map<string, Doctor> }) {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  return (
    <Paper withBorder p="md" data-testid="callbacks">
      <Title order={3} size="h4">
        {t('desk.callbacks.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('desk.callbacks.hint')}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="callbacks-none">
          {t('desk.callbacks.none')}
        </Text>
      ) : (
        <Table verticalSpacing={6} highlightOnHover aria-label={t('desk.callbacks.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={32}>№</Table.Th>
              <Table.Th>{t('desk.callbacks.patient')}</Table.Th>
              <Table.Th w={160}>{t('desk.callbacks.phone')}</Table.Th>
              <Table.Th w={120}>{t('desk.callbacks.when')}</Table.Th>
              <Table.Th w={180}>{t('desk.callbacks.visit')}</Table.Th>
              <Table.Th w="32%">{t('desk.callbacks.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c, i) => {
              const doctor = doctorById.get(c.doctorId);
              return (
                <Table.Tr key={c.appointmentId} data-testid="callback" data-overdue={c.overdue}>
                  <Table.Td c="dimmed">{i + 1}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/patients/${c.patientId}`} fw={500} size="sm">
                      {c.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {c.phone ? (
                      <Anchor href={`tel:${c.phone}`} size="sm" fw={500} data-testid="callback-phone">
                        {displayPhone(c.phone)}
                      </Anchor>
                    ) : (
                      <Text span size="sm" c="dimmed">
                        {t('desk.gaps.noPhone')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {formatDate(c.callbackDate)}
                    </Text>
                    {c.overdue && (
                      <Badge color="red" variant="light" tt="none">
                        {t('desk.callbacks.overdue')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t('desk.callbacks.visitAt', { date: formatDate(c.visitDate), time: timeOf(c.visitStartsAt, tz) })}
                      {doctor ? `, ${shortName(doctor)}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" data-testid="callback-reason">
                      {c.reason ? t(`schedule.cancelReason.${c.reason}`) : '—'}
                      {c.note ? ` — ${c.note}` : ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
