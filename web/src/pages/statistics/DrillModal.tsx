import { Anchor, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { STATUS_LABELS } from '../../../../src/domain/schedule/status.js';
import { useDrillList, type Drill, type StatsPatientListT, type StatsPaymentListT, type StatsPeriod, type StatsVisitListT } from '../../api/statistics';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { downloadCsv, rub } from '../../lib/csv';
import { formatDate, formatInstant, timeOf } from '../../lib/format';

/** The visits, patients or payments behind a figure, with links to the card and the schedule, and CSV. */
export function DrillModal({ period, drill, onClose }: { period: StatsPeriod; drill: Drill | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const q = useDrillList(period, drill);
  const data = q.data;
  let header: string[] = [];
  let rows: (string | number | null)[][] = [];
  let body = null;
  const patient = (id: string, name: string) => (
    <Anchor component={Link} to={`/patients/${id}`} data-testid="drill-patient">{name}</Anchor>
  );
  if (drill?.list === 'visits' && data) {
    const items = (data as StatsVisitListT).items;
    header = [t('stats.list.date'), t('stats.list.time'), t('stats.list.patient'), t('stats.list.card'), t('stats.list.doctor'), t('stats.list.status'), t('stats.list.reason')];
    const reason = (r: string | null) => (r ? t(`schedule.cancelReason.${r}`) : '');
    rows = items.map((v) => [formatDate(v.localDate), timeOf(v.startsAt, tz), v.patientName, v.cardNumber, v.doctorName, STATUS_LABELS[v.status][lang], reason(v.cancelReason)]);
    body = items.map((v) => (
      <Table.Tr key={v.id}>
        <Table.Td>
          <Anchor component={Link} to={`/schedule?date=${v.localDate}&branch=${v.branchId}&visit=${v.id}`} title={t('stats.list.openVisit')} data-testid="drill-visit">
            {formatDate(v.localDate)} {timeOf(v.startsAt, tz)}
          </Anchor>
        </Table.Td>
        <Table.Td>{patient(v.patientId, v.patientName)}</Table.Td>
        <Table.Td>{v.cardNumber}</Table.Td>
        <Table.Td>{v.doctorName}</Table.Td>
        <Table.Td>{STATUS_LABELS[v.status][lang]}{v.cancelReason ? ` — ${reason(v.cancelReason)}` : ''}</Table.Td>
      </Table.Tr>
    ));
  } else if (drill?.list === 'patients' && data) {
    const items = (data as StatsPatientListT).items;
    header = [t('stats.list.patient'), t('stats.list.card'), t('stats.list.registered'), t('stats.list.source'), t('stats.list.lastVisit')];
    rows = items.map((p) => [p.name, p.cardNumber, formatInstant(p.createdAt, tz), p.sourceName ?? '', p.lastVisit ? formatDate(p.lastVisit) : '']);
    body = items.map((p) => (
      <Table.Tr key={p.id}>
        <Table.Td>{patient(p.id, p.name)}</Table.Td>
        <Table.Td>{p.cardNumber}</Table.Td>
        <Table.Td>{p.lastVisit ? formatDate(p.lastVisit) : formatInstant(p.createdAt, tz)}</Table.Td>
        <Table.Td>{p.sourceName ?? ''}</Table.Td>
      </Table.Tr>
    ));
  } else if (drill?.list === 'payments' && data) {
    const items = (data as StatsPaymentListT).items;
    const kind = (k: string) => t(`stats.list.${k}`);
    header = [t('stats.list.date'), t('stats.list.patient'), t('stats.list.card'), t('stats.list.kind'), t('stats.revenue.method'), t('stats.list.amount'), t('stats.list.receipt'), t('stats.list.bill')];
    rows = items.map((p) => [formatInstant(p.createdAt, tz), p.patientName, p.cardNumber, kind(p.kind), t(`stats.revenue.methods.${p.method}`), rub(p.amount), p.number, p.billNumber]);
    body = items.map((p) => (
      <Table.Tr key={p.id}>
        <Table.Td>{formatInstant(p.createdAt, tz)}</Table.Td>
        <Table.Td>{patient(p.patientId, p.patientName)}</Table.Td>
        <Table.Td>{kind(p.kind)}</Table.Td>
        <Table.Td>{t(`stats.revenue.methods.${p.method}`)}</Table.Td>
        <Table.Td ta="right" c={p.kind === 'refund' ? 'red.7' : undefined}>{p.kind === 'refund' ? '−' : ''}{rub(p.amount)}</Table.Td>
      </Table.Tr>
    ));
  }
  return (
    <Modal opened={!!drill} onClose={onClose} title={drill?.title} size="80rem" data-testid="drill-modal">
      <QueryState isPending={q.isPending && !!drill} error={q.error} />
      {data && (
        <>
          <Group justify="space-between" mb="sm">
            <Text size="sm" c="dimmed" data-testid="drill-count">
              {data.total > data.items.length ? t('stats.list.shown', { shown: data.items.length, total: data.total }) : t('stats.list.count', { total: data.total })}
            </Text>
            <Button size="compact-sm" variant="light" onClick={() => downloadCsv(`list_${period.from}_${period.to}.csv`, header, rows)} disabled={!rows.length} data-testid="drill-csv">
              {t('stats.csv')}
            </Button>
          </Group>
          {data.items.length === 0 ? (
            <Text c="dimmed">{t('stats.list.empty')}</Text>
          ) : (
            <Table striped highlightOnHover data-testid="drill-table">
              <Table.Tbody>{body}</Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Modal>
  );
}
