import { Badge, Group, Select, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../src/domain/dates.js';
import type { Branch } from '../../api/clinic';
import { useChecklistReport, type ChecklistReport } from '../../api/openingChecklist';
import { DateField } from '../../components/DateField';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { dayLabel, timeOf, todayIn } from '../../lib/format';

type Row = ChecklistReport['rows'][number];
const COLORS: Record<Row['status'], string | undefined> = {
  skipped: 'var(--mantine-color-red-0)',
  late: 'var(--mantine-color-orange-0)',
  on_time: undefined,
  in_progress: undefined,
  closed: undefined,
};

/** The owner's report: per branch and day, when the checklist was completed, how late, or skipped; the bad days stand out. */
export function ChecklistReportView({ branches }: { branches: Branch[] }) {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const today = todayIn(tz);
  const [from, setFrom] = useState(addDays(today, -27));
  const [to, setTo] = useState(today);
  const [branchId, setBranchId] = useState<string | null>(null);
  const [problemsOnly, setProblemsOnly] = useState(false);
  const report = useChecklistReport(from, to, branchId);
  const r = report.data;
  const rows = (r?.rows ?? []).filter((x) => !problemsOnly || x.status === 'late' || x.status === 'skipped' || x.notes.length > 0);
  return (
    <Stack gap="sm" data-testid="checklist-report">
      <Group align="flex-end" wrap="wrap">
        <DateField label={t('checklist.report.from')} value={from} onChange={(v) => v && setFrom(v)} w={150} />
        <DateField label={t('checklist.report.to')} value={to} onChange={(v) => v && setTo(v)} w={150} />
        {branches.length > 1 && (
          <Select
            label={t('checklist.report.branch')}
            value={branchId ?? ''}
            onChange={(v) => setBranchId(v || null)}
            data={[{ value: '', label: t('checklist.report.allBranches') }, ...branches.map((b) => ({ value: b.id, label: b.name }))]}
            w={220}
          />
        )}
        <Switch mb={8} label={t('checklist.report.problemsOnly')} checked={problemsOnly} onChange={(e) => setProblemsOnly(e.currentTarget.checked)} data-testid="checklist-problems-only" />
      </Group>
      {!r ? (
        <QueryState isPending={report.isPending} error={report.error} />
      ) : (
        <>
          <Text fw={500} data-testid="checklist-totals">{t('checklist.report.totals', r.totals)}</Text>
          {rows.length === 0 ? (
            <Text c="dimmed">{t('checklist.report.none')}</Text>
          ) : (
            <Table striped={false} withTableBorder verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('checklist.report.date')}</Table.Th>
                  <Table.Th>{t('checklist.report.branch')}</Table.Th>
                  <Table.Th>{t('checklist.report.opens')}</Table.Th>
                  <Table.Th>{t('checklist.report.completed')}</Table.Th>
                  <Table.Th>{t('checklist.report.result')}</Table.Th>
                  <Table.Th>{t('checklist.report.who')}</Table.Th>
                  <Table.Th>{t('checklist.report.notes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={`${row.branchId}-${row.date}`} bg={COLORS[row.status]} data-testid={`checklist-row-${row.status}`}>
                    <Table.Td>{dayLabel(row.date, t, { capital: true, today })}</Table.Td>
                    <Table.Td>{row.branchName}</Table.Td>
                    <Table.Td>{row.opensAt ?? '—'}</Table.Td>
                    <Table.Td>{row.completedAt ? timeOf(row.completedAt, tz) : '—'}</Table.Td>
                    <Table.Td><Outcome row={row} /></Table.Td>
                    <Table.Td>{row.completedBy?.name ?? row.openedBy?.name ?? ''}</Table.Td>
                    <Table.Td>
                      {row.notes.map((n) => (
                        <Text key={n.text} size="sm">{`${n.text}: ${n.note}`}</Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}

function Outcome({ row }: { row: Row }) {
  const { t } = useTranslation();
  switch (row.status) {
    case 'late':
      return <Badge color="orange">{t('checklist.report.late', { minutes: row.lateMinutes })}</Badge>;
    case 'skipped':
      return <Badge color="red">{t('checklist.report.skipped')}</Badge>;
    case 'on_time':
      return <Badge color="teal" variant="light">{t('checklist.report.onTime')}</Badge>;
    case 'in_progress':
      return <Badge color="gray" variant="light">{t('checklist.report.inProgress')}</Badge>;
    default:
      return <Badge color="gray" variant="outline">{t('checklist.report.closed')}</Badge>;
  }
}
