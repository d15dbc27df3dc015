import { ActionIcon, Button, Group, Paper, Select, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBranches, useChairs } from '../../api/clinic';
import { useSaveDoctorHours, type Doctor } from '../../api/doctors';
import { FormErrors } from '../../components/FormErrors';
import { useCan } from '../../components/session';
import { TimeField } from '../../components/TimeField';
import { useFieldErrors } from '../../lib/fieldErrors';
import { notifySaved } from '../../lib/notify';
import { WEEKDAYS } from '../../lib/weekdays';

type Row = {
  weekday: number;
  branchId: string;
  chairId: string | null;
  starts: string;
  ends: string;
  breakStarts: string;
  breakEnds: string;
};

const sortRows = (rows: Row[]) => [...rows].sort((a, b) => a.weekday - b.weekday || a.starts.localeCompare(b.starts));

/**
 * The doctor's regular week (SCH-1): per weekday a branch, working time, an optional break
 * and chair. Two lines for one weekday describe a split shift or two branches.
 */
export function HoursEditor({ doctor }: { doctor: Doctor }) {
  const { t } = useTranslation();
  const can = useCan();
  const readOnly = !can('doctors.hours');
  const branches = useBranches();
  const chairs = useChairs();
  const save = useSaveDoctorHours(doctor.id);
  const errors = useFieldErrors(save.error);
  const [rows, setRows] = useState<Row[]>(() =>
    sortRows(doctor.hours.map((h) => ({ ...h, breakStarts: h.breakStarts ?? '', breakEnds: h.breakEnds ?? '' }))),
  );
  const [dirty, setDirty] = useState(false);

  const branchOptions = (branches.data?.items ?? []).filter((b) => b.isActive || rows.some((r) => r.branchId === b.id)).map((b) => ({ value: b.id, label: b.name }));
  const chairOptions = (branchId: string) =>
    (chairs.data?.items ?? []).filter((c) => c.branchId === branchId && c.isActive).map((c) => ({ value: c.id, label: c.name }));

  const change = (i: number, patch: Partial<Row>) => {
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setDirty(true);
  };
  const addRow = () => {
    const used = new Set(rows.map((r) => r.weekday));
    const weekday = WEEKDAYS.find((wd) => !used.has(wd)) ?? 1;
    const last = rows[rows.length - 1];
    setRows([...rows, { weekday, branchId: last?.branchId ?? branchOptions[0]?.value ?? '', chairId: last?.chairId ?? null, starts: last?.starts ?? '09:00', ends: last?.ends ?? '18:00', breakStarts: last?.breakStarts ?? '', breakEnds: last?.breakEnds ?? '' }]);
    setDirty(true);
  };
  const submit = () => {
    const hours = rows.map((r) => ({
      weekday: r.weekday,
      branchId: r.branchId,
      chairId: r.chairId,
      starts: r.starts,
      ends: r.ends,
      breakStarts: r.breakStarts || null,
      breakEnds: r.breakEnds || null,
    }));
    save.mutate({ hours }, { onSuccess: (d) => { notifySaved(); setDirty(false); setRows(sortRows(d.hours.map((h) => ({ ...h, breakStarts: h.breakStarts ?? '', breakEnds: h.breakEnds ?? '' })))); } });
  };
  const err = (i: number, f: string) => errors.field(`hours.${i}.${f}`);

  return (
    <Paper withBorder p="md" maw={1100}>
      <Table data-testid="hours-table" verticalSpacing={4} withRowBorders={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>{t('hours.weekday')}</Table.Th>
            <Table.Th miw={190}>{t('hours.branch')}</Table.Th>
            <Table.Th w={175}>{t('hours.time')}</Table.Th>
            <Table.Th w={175}>{t('hours.break')}</Table.Th>
            <Table.Th w={160}>{t('hours.chair')}</Table.Th>
            {!readOnly && <Table.Th w={40} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => {
            const day = t(`weekday.long.${r.weekday}`);
            return (
              <Table.Tr key={i} data-testid="hours-row" style={{ verticalAlign: 'top' }}>
                <Table.Td>
                  <Select size="xs" aria-label={t('hours.weekday')} data={WEEKDAYS.map((wd) => ({ value: String(wd), label: t(`weekday.long.${wd}`) }))} value={String(r.weekday)} onChange={(v) => v && change(i, { weekday: Number(v) })} allowDeselect={false} readOnly={readOnly} />
                </Table.Td>
                <Table.Td>
                  <Select size="xs" miw={180} aria-label={t('hours.branchFor', { day })} data={branchOptions} value={r.branchId || null} onChange={(v) => v && change(i, { branchId: v, chairId: null })} allowDeselect={false} readOnly={readOnly} error={!!err(i, 'branchId')} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <TimeField size="xs" aria-label={t('hours.startsFor', { day })} value={r.starts} onChange={(v) => change(i, { starts: v })} readOnly={readOnly} error={!!err(i, 'starts')} />
                    <Text size="sm">—</Text>
                    <TimeField size="xs" aria-label={t('hours.endsFor', { day })} value={r.ends} onChange={(v) => change(i, { ends: v })} readOnly={readOnly} error={!!err(i, 'ends')} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <TimeField size="xs" placeholder="—" aria-label={t('hours.breakStartsFor', { day })} value={r.breakStarts} onChange={(v) => change(i, { breakStarts: v })} readOnly={readOnly} error={!!err(i, 'breakStarts')} />
                    <Text size="sm">—</Text>
                    <TimeField size="xs" placeholder="—" aria-label={t('hours.breakEndsFor', { day })} value={r.breakEnds} onChange={(v) => change(i, { breakEnds: v })} readOnly={readOnly} error={!!err(i, 'breakEnds')} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Select size="xs" aria-label={t('hours.chairFor', { day })} data={chairOptions(r.branchId)} value={r.chairId} onChange={(v) => change(i, { chairId: v })} clearable placeholder={t('hours.anyChair')} readOnly={readOnly} />
                </Table.Td>
                {!readOnly && (
                  <Table.Td>
                    <Tooltip label={t('hours.remove')}>
                      <ActionIcon variant="subtle" color="red" aria-label={t('hours.removeFor', { day })} onClick={() => { setRows(rows.filter((_, j) => j !== i)); setDirty(true); }}>
                        ✕
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && (
        <Text c="dimmed" size="sm" py="sm">
          {t('hours.none')}
        </Text>
      )}
      <FormErrors
        messages={rows.flatMap((_, i) =>
          ['weekday', 'branchId', 'chairId', 'starts', 'ends', 'breakStarts', 'breakEnds']
            .map((f) => err(i, f))
            .concat(errors.field(`hours.${i}`))
            .filter((m): m is string => !!m)
            .map((m) => `${t(`weekday.long.${rows[i].weekday}`)}: ${m}`),
        ).concat(errors.rest((f) => /^hours\.\d+(\.\w+)?$/.test(f)))}
      />
      {!readOnly && (
        <Group mt="sm">
          <Button variant="light" onClick={addRow} disabled={rows.length >= 14 || branchOptions.length === 0}>
            + {t('hours.add')}
          </Button>
          <Button onClick={submit} loading={save.isPending} disabled={!dirty} data-testid="hours-save">
            {t('hours.save')}
          </Button>
          {branchOptions.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('hours.needBranch')}
            </Text>
          )}
        </Group>
      )}
    </Paper>
  );
}
