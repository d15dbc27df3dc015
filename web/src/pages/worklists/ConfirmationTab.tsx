import { Alert, Anchor, Badge, Group, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AttemptOutcome } from '../../../../src/domain/worklists/outcomes.js';
import { OUTCOMES_BY_PURPOSE } from '../../../../src/domain/worklists/outcomes.js';
import { useConfirmations, type ConfirmationItemT, type ConfirmationListT } from '../../api/worklists';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { dayLabel, displayPhone, formatDate, timeOf } from '../../lib/format';
import { AttemptControls, AttemptList } from './AttemptControls';
import { useDayAnamnesis } from '../../api/questionnaires';
import { AnamnesisLine } from '../documents/AnamnesisBlock';

const CONFIRMED = new Set(['confirmed', 'arrived', 'in_chair', 'done']);

/** The marks the schedule shows (CONF-3): «ВИЗИТ ПОДТВЕРЖДЁН», «ПОЗВОНИТЬ». */
export function Mark({ item }: { item: ConfirmationItemT }) {
  const { t } = useTranslation();
  if (item.status === 'cancelled') return <Badge color="red" variant="light">{t('worklists.marks.cancelled')}</Badge>;
  if (CONFIRMED.has(item.status)) return <Badge color="teal" data-testid="mark-confirmed">{t('worklists.marks.confirmed')}</Badge>;
  if (item.needsCall) return <Badge color="orange" data-testid="mark-call">{t('worklists.marks.call')}</Badge>;
  return <Text size="xs" c="dimmed">—</Text>;
}

/** CONF-1..3: the evening list (and after closed days the morning list) of the chosen calling day. */
export function ConfirmationTab({ date }: { date: string }) {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const q = useConfirmations(date);
  if (!q.data || q.data.date !== date) return <QueryState isPending={q.isPending || q.isFetching} error={q.error} />;
  const data: ConfirmationListT = q.data;
  if (!data.open) return <Alert color="gray" variant="light" data-testid="confirm-closed">{t('worklists.closed')}</Alert>;
  const outcomes = OUTCOMES_BY_PURPOSE.confirmation as AttemptOutcome[];
  return (
    <Stack gap="md">
      <Text size="sm" data-testid="confirm-counts">{t('worklists.counts', data.counts)}</Text>
      {data.sessions.map((s) => (
        <Paper key={`${s.branchId}-${s.session}`} withBorder p="md" data-testid={`session-${s.session}`}>
          <Title order={3} size="h5" mb={4}>
            {s.session === 'evening' ? t('worklists.session.evening', { date: formatDate(date), day: dayLabel(s.visitDate, t) }) : t('worklists.session.morning')}
            {' · '}
            {s.half === 'all' ? t('worklists.session.all') : t(`worklists.session.${s.half}`, { time: data.halfBoundary })}
          </Title>
          {s.items.length === 0 ? (
            <Text size="sm" c="dimmed">{t('worklists.empty')}</Text>
          ) : (
            <Table verticalSpacing={6} highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={60}>{t('worklists.col.time')}</Table.Th>
                  <Table.Th>{t('worklists.col.patient')}</Table.Th>
                  <Table.Th w={150}>{t('worklists.col.phone')}</Table.Th>
                  <Table.Th w={140}>{t('worklists.col.mark')}</Table.Th>
                  <Table.Th w="28%">{t('worklists.col.attempts')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.items.map((i) => (
                  <Table.Tr key={i.appointmentId} data-testid={`confirm-${i.appointmentId}`} data-patient={i.name}>
                    <Table.Td fw={600}>{timeOf(i.startsAt, tz)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/patients/${i.patientId}`} size="sm">{i.name}</Anchor>
                      <Text size="xs" c="dimmed">{i.doctorName}</Text>
                      <CallReminder date={s.visitDate} appointmentId={i.appointmentId} />
                      <Tooltip label={i.script} multiline w={420} withArrow>
                        <Text size="xs" c="blue" style={{ cursor: 'help' }} data-testid="script">{t('worklists.script')}</Text>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td>{i.phone ? <Anchor href={`tel:${i.phone}`} size="sm" style={{ whiteSpace: 'nowrap' }}>{displayPhone(i.phone)}</Anchor> : '—'}</Table.Td>
                    <Table.Td>
                      <Mark item={i} />
                      {i.bookedLate && <Text size="xs" c="dimmed">{t('worklists.marks.late')}</Text>}
                    </Table.Td>
                    <Table.Td>
                      <AttemptList attempts={i.attempts} />
                      {['booked', 'confirmed'].includes(i.status) && (
                        <div style={{ marginTop: 4 }}>
                          <AttemptControls purpose="confirmation" patientId={i.patientId} appointmentId={i.appointmentId} outcomes={outcomes} />
                        </div>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      ))}
      <Group />
    </Stack>
  );
}

/** DOC-2 on the confirmation call: a missing or expired health questionnaire — ask the patient to come 10 minutes early (one request per day). */
function CallReminder({ date, appointmentId }: { date: string; appointmentId: string }) {
  const item = useDayAnamnesis(date, null).data?.items.find((x) => x.appointmentId === appointmentId);
  return item && item.state !== 'valid' ? <AnamnesisLine item={item} forCall /> : null;
}
