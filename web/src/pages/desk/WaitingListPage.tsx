import { Anchor, Badge, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { fullName } from '../../../../src/domain/names.js';
import { KIND_LABELS, type Kind } from '../../../../src/domain/schedule/status.js';
import { SPECIALTY_LABELS, type Specialty } from '../../../../src/domain/specialties.js';
import { usePatchWaiting, useWaitingList } from '../../api/desk';
import { useDoctors } from '../../api/doctors';
import { usePatient } from '../../api/patients';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { dateOf, displayPhone, formatDate } from '../../lib/format';
import { notifySaved } from '../../lib/notify';
import { patientOptionLabel } from './WaitingPatientPicker';
import { WaitingForm } from './WaitingForm';

/**
 * «Лист ожидания» (SCH-7): patients who want an earlier time. ?patientId= (from the patient card)
 * opens the form with the patient already chosen.
 */
export function WaitingListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const tz = useClinicTimeZone();
  const [params, setParams] = useSearchParams();
  const presetId = params.get('patientId') ?? undefined;
  const preset = usePatient(presetId);
  const [formOpen, setFormOpen] = useState(!!presetId);
  const list = useWaitingList();
  const doctors = useDoctors();
  const patch = usePatchWaiting();
  const doctorName = useMemo(() => new Map((doctors.data?.items ?? []).map((d) => [d.id, fullName(d)])), [doctors.data]);
  const writable = can('schedule.write');

  const closeForm = () => {
    setFormOpen(false);
    if (presetId) setParams({}, { replace: true });
  };
  const initialPatient = preset.data ? { id: preset.data.id, label: patientOptionLabel(preset.data, (n) => t('desk.waiting.cardShort', { n })) } : null;
  const items = list.data?.items ?? [];

  return (
    <Stack gap="md">
      <PageHeader title={t('desk.waiting.title')}>
        {writable && !formOpen && (
          <Button onClick={() => setFormOpen(true)} data-testid="waiting-add">
            {t('desk.waiting.add')}
          </Button>
        )}
      </PageHeader>
      <Text size="sm" c="dimmed" mt={-12}>
        {t('desk.waiting.hint')}
      </Text>
      {writable && formOpen && (!presetId || !preset.isPending) && (
        <WaitingForm key={initialPatient?.id ?? 'new'} initialPatient={initialPatient} onDone={closeForm} />
      )}
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && (
        <Paper withBorder>
          <Table highlightOnHover data-testid="waiting-table" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('desk.waiting.patient')}</Table.Th>
                <Table.Th w={165}>{t('desk.waiting.phone')}</Table.Th>
                <Table.Th>{t('desk.waiting.doctorAndKind')}</Table.Th>
                <Table.Th w={150}>{t('desk.waiting.dates')}</Table.Th>
                <Table.Th>{t('desk.waiting.note')}</Table.Th>
                <Table.Th w={105}>{t('desk.waiting.added')}</Table.Th>
                {writable && <Table.Th w={95} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((w) => (
                <Table.Tr key={w.id} data-testid="waiting-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/patients/${w.patientId}`} fw={500} size="sm">
                      {w.patientName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {w.phone && (
                      <Anchor href={`tel:${w.phone}`} size="sm">
                        {displayPhone(w.phone)}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {w.doctorId
                        ? (doctorName.get(w.doctorId) ?? '—')
                        : w.specialty
                          ? (SPECIALTY_LABELS[w.specialty as Specialty]?.[lang] ?? w.specialty)
                          : t('desk.waiting.anyDoctor')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {KIND_LABELS[w.kind as Kind]?.[lang] ?? w.kind}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {w.dateFrom === w.dateTo ? formatDate(w.dateFrom) : `${formatDate(w.dateFrom)} —`}
                    </Text>
                    {w.dateFrom !== w.dateTo && <Text size="sm">{formatDate(w.dateTo)}</Text>}
                    <Badge mt={4} size="sm" variant="light" color={w.partOfDay === 'any' ? 'gray' : 'teal'} tt="none">
                      {t(`desk.partOfDay.${w.partOfDay}`, { defaultValue: w.partOfDay })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{w.note}</Text>
                  </Table.Td>
                  <Table.Td>{formatDate(dateOf(w.createdAt, tz))}</Table.Td>
                  {writable && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        loading={patch.isPending && patch.variables?.id === w.id}
                        aria-label={t('desk.waiting.closeFor', { name: w.patientName })}
                        onClick={() => patch.mutate({ id: w.id, body: { status: 'closed' } }, { onSuccess: () => notifySaved(t('desk.waiting.closed')) })}
                        data-testid="waiting-close"
                      >
                        {t('desk.waiting.close')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {items.length === 0 && (
            <Text c="dimmed" size="sm" p="lg" ta="center" data-testid="waiting-empty">
              {t('desk.waiting.empty')}
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  );
}
