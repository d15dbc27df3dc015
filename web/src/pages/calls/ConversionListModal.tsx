import { Anchor, Badge, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { STATUS_LABELS, type Status } from '../../../../src/domain/schedule/status.js';
import { useConversionList, type ConversionDrill } from '../../api/calls';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { downloadCsv } from '../../lib/csv';
import { dateOf, formatDate, formatInstant, timeOf } from '../../lib/format';

/** Issue #14: the calls behind a conversion figure — the statistics lists' look, the patient linked to the card, the visit to the schedule. */
export function ConversionListModal({ from, to, drill, onClose }: { from: string; to: string; drill: ConversionDrill | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const q = useConversionList(from, to, drill);
  const data = q.data;
  const items = data?.items ?? [];
  const outcome = (o: string) => t(`calls.outcomes.${o}`, { defaultValue: o });
  const status = (s: string) => STATUS_LABELS[s as Status]?.[lang] ?? s;
  const header = [t('calls.conv.list.when'), t('calls.conv.list.who'), t('calls.conv.list.admin'), t('calls.conv.list.source'), t('calls.conv.list.branch'), t('calls.conv.list.outcome'), t('calls.conv.list.visit'), t('calls.conv.list.visitStatus')];
  const rows = items.map((c) => [
    formatInstant(c.startedAt, tz), c.patientName ?? c.callerName ?? '', c.userName ?? '', c.sourceName ?? '', c.branchName ?? '', outcome(c.outcome),
    c.visit ? formatInstant(c.visit.startsAt, tz) : '', c.visit ? status(c.visit.status) : '',
  ]);
  return (
    <Modal opened={!!drill} onClose={onClose} title={drill?.title} size="80rem" data-testid="conversion-list">
      <QueryState isPending={q.isPending && !!drill} error={q.error} />
      {data && (
        <>
          <Group justify="space-between" mb="sm">
            <Text size="sm" c="dimmed" data-testid="drill-count">
              {data.total > items.length ? t('stats.list.shown', { shown: items.length, total: data.total }) : t('stats.list.count', { total: data.total })}
            </Text>
            <Button size="compact-sm" variant="light" onClick={() => downloadCsv(`calls_${data.from}_${data.to}.csv`, header, rows)} disabled={!rows.length} data-testid="drill-csv">
              {t('stats.csv')}
            </Button>
          </Group>
          {items.length === 0 ? (
            <Text c="dimmed">{t('stats.list.empty')}</Text>
          ) : (
            <Table striped highlightOnHover data-testid="drill-table">
              <Table.Thead>
                <Table.Tr>{header.slice(0, 7).map((h) => <Table.Th key={h}>{h}</Table.Th>)}</Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id} data-testid="conversion-list-row">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(dateOf(c.startedAt, tz))} {timeOf(c.startedAt, tz)}</Table.Td>
                    <Table.Td>
                      {c.patientId && c.patientName ? (
                        <Anchor component={Link} to={`/patients/${c.patientId}`} data-testid="drill-patient">{c.patientName}</Anchor>
                      ) : (
                        c.callerName ?? <Text span c="dimmed">{t('calls.conv.list.unknown')}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>{c.userName ?? t('calls.conv.none')}</Table.Td>
                    <Table.Td>{c.sourceName ?? t('calls.conv.none')}</Table.Td>
                    <Table.Td>{c.branchName ?? t('calls.conv.none')}</Table.Td>
                    <Table.Td>{outcome(c.outcome)}</Table.Td>
                    <Table.Td>
                      {c.visit && (
                        <Group gap={6} wrap="nowrap">
                          <Anchor component={Link} to={`/schedule?date=${dateOf(c.visit.startsAt, tz)}&branch=${c.visit.branchId}&visit=${c.visit.id}`} title={t('stats.list.openVisit')} data-testid="drill-visit" style={{ whiteSpace: 'nowrap' }}>
                            {formatDate(dateOf(c.visit.startsAt, tz))} {timeOf(c.visit.startsAt, tz)}
                          </Anchor>
                          <Badge variant="light" color="gray">{status(c.visit.status)}</Badge>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Modal>
  );
}
