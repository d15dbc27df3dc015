import { ActionIcon, Badge, Button, Group, Paper, Select, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ExceptionKind } from '../../../../src/contracts/staff.js';
import { useAddDoctorException, useDeleteDoctorException, useDoctorExceptions } from '../../api/doctors';
import { DateField } from '../../components/DateField';
import { FormErrors } from '../../components/FormErrors';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone } from '../../components/session';
import { useFieldErrors } from '../../lib/fieldErrors';
import { formatDate, todayIn } from '../../lib/format';

type Kind = (typeof ExceptionKind.options)[number];
const KIND_COLOR: Record<Kind, string> = { vacation: 'blue', sick_leave: 'red', training: 'grape', day_off: 'gray', extra_shift: 'teal' };

/** Days a doctor is away (vacation, sick leave, training, day off) or works extra (SCH-1). */
export function ExceptionsPanel({ doctorId }: { doctorId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const readOnly = !can('doctors.hours');
  const today = todayIn(useClinicTimeZone());
  const { data, isPending, error } = useDoctorExceptions(doctorId);
  const add = useAddDoctorException(doctorId);
  const del = useDeleteDoctorException(doctorId);
  const errors = useFieldErrors(add.error);
  const [kind, setKind] = useState<Kind>('vacation');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [note, setNote] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!from) return;
    add.mutate(
      { kind, dateFrom: from, dateTo: to ?? from, note: note.trim() || null },
      { onSuccess: () => { setFrom(null); setTo(null); setNote(''); } },
    );
  };

  const items = [...(data?.items ?? [])].sort((a, b) => b.dateFrom.localeCompare(a.dateFrom));

  return (
    <Paper withBorder p="md" maw={1000}>
      {!readOnly && (
        <form onSubmit={submit} noValidate>
          <Group align="flex-start" gap="sm" mb="md" wrap="wrap">
            <Select
              label={t('exceptions.kind')}
              data={ExceptionKind.options.map((k) => ({ value: k, label: t(`exceptionKind.${k}`) }))}
              value={kind}
              onChange={(v) => v && setKind(v as Kind)}
              allowDeselect={false}
              error={errors.field('kind')}
              w={190}
            />
            <DateField label={t('exceptions.from')} value={from} onChange={(v) => { setFrom(v); if (v && (!to || to < v)) setTo(v); }} error={errors.field('dateFrom')} w={150} required />
            <DateField label={t('exceptions.to')} value={to} onChange={setTo} minDate={from ?? undefined} error={errors.field('dateTo')} w={150} />
            <TextInput label={t('exceptions.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.field('note')} style={{ flex: 1 }} miw={180} />
            <Button type="submit" mt={25} loading={add.isPending} disabled={!from} data-testid="exception-add">
              {t('exceptions.add')}
            </Button>
          </Group>
          <FormErrors messages={errors.rest((f) => ['kind', 'dateFrom', 'dateTo', 'note'].includes(f))} />
        </form>
      )}
      <QueryState isPending={isPending} error={error} />
      {data && (
        <Table data-testid="exceptions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={190}>{t('exceptions.kind')}</Table.Th>
              <Table.Th w={240}>{t('exceptions.period')}</Table.Th>
              <Table.Th>{t('exceptions.note')}</Table.Th>
              {!readOnly && <Table.Th w={50} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((x) => (
              <Table.Tr key={x.id} data-testid="exception-row" style={{ opacity: x.dateTo < today ? 0.55 : 1 }}>
                <Table.Td>
                  <Badge color={KIND_COLOR[x.kind]} variant="light" tt="none">
                    {t(`exceptionKind.${x.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {x.dateFrom === x.dateTo ? formatDate(x.dateFrom) : `${formatDate(x.dateFrom)} — ${formatDate(x.dateTo)}`}
                </Table.Td>
                <Table.Td>{x.note}</Table.Td>
                {!readOnly && (
                  <Table.Td>
                    <Tooltip label={t('common.delete')}>
                      <ActionIcon variant="subtle" color="red" loading={del.isPending && del.variables === x.id} aria-label={t('exceptions.deleteFor', { period: formatDate(x.dateFrom) })} onClick={() => del.mutate(x.id)}>
                        ✕
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {data && items.length === 0 && (
        <Text c="dimmed" size="sm" pt="sm">
          {t('exceptions.none')}
        </Text>
      )}
    </Paper>
  );
}
