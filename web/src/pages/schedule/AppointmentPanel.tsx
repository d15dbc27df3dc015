import { Alert, Anchor, Badge, Divider, Drawer, Group, List, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fullName } from '../../../../src/domain/names.js';
import { KIND_LABELS, STATUS_LABELS, type CancelReason } from '../../../../src/domain/schedule/status.js';
import { SVC_LABELS, type SvcSection } from '../../../../src/domain/service-card.js';
import { useBranches, useChairs } from '../../api/clinic';
import { useDoctors } from '../../api/doctors';
import { useAppointment, type Appointment } from '../../api/schedule';
import { QueryState } from '../../components/QueryState';
import { useCan } from '../../components/session';
import { VisitBill } from '../cash/VisitBill';
import { useLang } from '../../i18n';
import { dateOf, dayLabel, displayPhone, formatDate, timeOf } from '../../lib/format';
import { CancelForm } from './CancelForm';
import { doctorName } from './headers';
import { HistoryList } from './HistoryList';
import { MoveForm } from './MoveForm';
import { StatusActions } from './StatusActions';
import { LeavingPanel, LeavingSummary } from './LeavingPanel';
import { AftercareOffers } from '../documents/AftercareOffers';
import { VisitDocuments } from '../documents/VisitDocuments';
import { AnamnesisBlock } from '../documents/AnamnesisBlock';
import { RepresentativeLine } from './RepresentativeNote';

type Props = {
  id: string;
  tz: string;
  today: string;
  onClose: () => void;
  onRebook: (a: Appointment, reason: CancelReason, note: string) => void;
  onFollowUp: (a: Appointment) => void;
  onMoved: (a: Appointment) => void;
};

const STATUS_COLOR: Record<string, string> = { booked: 'blue', confirmed: 'green', arrived: 'yellow', in_chair: 'grape', done: 'gray', no_show: 'red', cancelled: 'gray' };

/** Everything about one visit and what can be done with it next. */
export function AppointmentPanel({ id, tz, today, onClose, onRebook, onFollowUp, onMoved }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data: a, isPending, error } = useAppointment(id);
  const { data: doctors } = useDoctors();
  const { data: chairs } = useChairs();
  const { data: branches } = useBranches();
  const [mode, setMode] = useState<'actions' | 'cancel' | 'move'>('actions');
  const can = useCan();

  const title = a ? (
    <Group gap="xs">
      <Text fw={700}>{fullName(a.patient)}</Text>
      <Badge color={STATUS_COLOR[a.status]} variant="light" data-testid="appt-status">
        {STATUS_LABELS[a.status][lang]}
      </Badge>
    </Group>
  ) : (
    t('common.loading')
  );

  return (
    <Drawer opened onClose={onClose} position="right" size={480} title={title}>
      {!a ? (
        <QueryState isPending={isPending} error={error} />
      ) : (
        <Stack gap="sm" data-testid="appt-panel">
          <div>
            <Anchor component={Link} to={`/patients/${a.patientId}`} fw={600} data-testid="appt-patient-link">
              {t('schedule.patient.card', { n: a.patient.cardNumber })}
            </Anchor>
            {a.patient.birthDate && <Text span size="sm" c="dimmed">{` · ${formatDate(a.patient.birthDate)}`}</Text>}
            {a.patient.phone && (
              <Text size="sm">
                <Anchor href={`tel:${a.patient.phone}`}>{displayPhone(a.patient.phone)}</Anchor>
              </Text>
            )}
            {a.patient.addressAs && (
              <Text size="sm">
                {t('schedule.appt.addressAs')}: <b>{a.patient.addressAs}</b>
              </Text>
            )}
          </div>
          {a.alerts.length > 0 && (
            <Alert color="red" variant="light" p="xs" title={t('schedule.badge.alerts')} data-testid="appt-alerts">
              <List size="sm" spacing={2}>
                {a.alerts.map((x, i) => (
                  <List.Item key={i}>
                    <Text span size="xs" c="dimmed">{SVC_LABELS[x.section as SvcSection]?.[lang] ?? x.section}: </Text>
                    {x.text}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <AnamnesisBlock a={{ id: a.id, patientId: a.patientId, status: a.status, patientName: fullName(a.patient) }} />
          <VisitDocuments a={{ id: a.id, patientId: a.patientId, status: a.status, patientName: fullName(a.patient) }} />
          <AftercareOffers a={{ id: a.id, patientId: a.patientId, status: a.status }} />
          <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={0} fz="sm">
            <Table.Tbody>
              <Row label={t('schedule.appt.when')}>
                <b>{dayLabel(dateOf(a.startsAt, tz), t, { capital: true, today })}, {timeOf(a.startsAt, tz)}–{timeOf(a.endsAt, tz)}</b>
              </Row>
              {a.patient.representative && <Row label={t('docs.repOnSchedule.label')}><RepresentativeLine rep={a.patient.representative} /></Row>}
              <Row label={t('schedule.appt.doctor')}>{doctorName(doctors?.items, a.doctorId)}</Row>
              <Row label={t('schedule.appt.chair')}>
                {[branches?.items.find((b) => b.id === a.branchId)?.name, chairs?.items.find((c) => c.id === a.chairId)?.name].filter(Boolean).join(', ') || '—'}
              </Row>
              <Row label={t('schedule.book.kind')}>{KIND_LABELS[a.kind][lang]}</Row>
              {a.services && <Row label={t('schedule.book.services')}>{a.services}</Row>}
              {a.comment && <Row label={t('schedule.book.comment')}>{a.comment}</Row>}
              {a.arrivedAt && (
                <Row label={t('schedule.appt.arrivedAt')}>
                  {timeOf(a.arrivedAt, tz)}
                  {a.lateMinutes !== null && a.lateMinutes >= 5 && <Text span c="red.8" fw={600}>{` · ${t('schedule.appt.late', { n: a.lateMinutes })}`}</Text>}
                  {a.lateMinutes !== null && a.lateMinutes <= -5 && <Text span c="dimmed">{` · ${t('schedule.appt.early', { n: -a.lateMinutes })}`}</Text>}
                </Row>
              )}
              {a.status === 'cancelled' && (
                <Row label={t('schedule.cancel.reason')}>
                  {a.cancelReason ? t(`schedule.cancelReason.${a.cancelReason}`) : '—'}
                  {a.callbackDate && ` · ${t('schedule.appt.callbackOn', { date: formatDate(a.callbackDate) })}`}
                </Row>
              )}
            </Table.Tbody>
          </Table>
          <Group gap={6}>
            {a.needsCall && <Badge color="red" variant="filled">{t('schedule.badge.callShort')}</Badge>}
            {a.squeezeIn && <Badge color="orange" variant="light">{t('schedule.badge.squeezeIn')}</Badge>}
            {a.walkIn && <Badge color="violet" variant="light">{t('schedule.badge.walkIn')}</Badge>}
          </Group>
          <Divider />
          {mode === 'actions' && (
            <>
              <StatusActions a={a} today={today} onCancel={() => setMode('cancel')} onMove={() => setMode('move')} onFollowUp={() => onFollowUp(a)} />
              <LeavingSummary a={a} />
              <LeavingPanel a={a} />
            </>
          )}
          {mode === 'cancel' && (
            <CancelForm a={a} today={today} onBack={() => setMode('actions')} onDone={() => setMode('actions')} onRebook={(reason, note) => onRebook(a, reason, note)} />
          )}
          {mode === 'move' && (
            <MoveForm a={a} tz={tz} today={today} onBack={() => setMode('actions')} onDone={(m) => { setMode('actions'); onMoved(m); }} />
          )}
          {can('billing.write') && a.status !== 'cancelled' && (
            <>
              <Divider />
              <VisitBill appointmentId={a.id} patientId={a.patientId} />
            </>
          )}
          <Divider />
          <HistoryList id={a.id} tz={tz} />
        </Stack>
      )}
    </Drawer>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td c="dimmed" w={130} style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Td>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}
