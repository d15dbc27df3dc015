import { Alert, Badge, Button, Checkbox, Group, Paper, Progress, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localInstant } from '../../../../src/domain/schedule/time.js';
import { useChecklistDay, useMarkItem, type ChecklistDay, type ChecklistEntry } from '../../api/openingChecklist';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { dayLabel, timeOf } from '../../lib/format';
import { notifyError } from '../../lib/notify';

/** Today's checklist of a branch: big tick boxes, who ticked what and when, a note for what could not be done. */
export function TodayChecklist({ branchId }: { branchId: string }) {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const day = useChecklistDay(branchId);
  const mark = useMarkItem(branchId);
  if (!day.data || day.data.branchId !== branchId) return <QueryState isPending={day.isPending} error={day.error} />;
  const d = day.data;
  const handled = d.items.filter((i) => i.doneAt || i.note).length;
  const send = (itemId: string, done: boolean, note?: string | null) => mark.mutate({ itemId, done, note }, { onError: notifyError });
  return (
    <Stack gap="sm" maw={760} data-testid="checklist-today">
      <Group justify="space-between" align="center" wrap="wrap">
        <Stack gap={2}>
          <Text fw={600} size="lg">{`${d.branchName} · ${dayLabel(d.date, t, { capital: true })}`}</Text>
          <Text size="sm" c="dimmed">{d.opensAt ? t('checklist.opensAt', { time: d.opensAt }) : t('checklist.closedToday')}</Text>
        </Stack>
        <StatusBadge day={d} tz={tz} />
      </Group>
      <Progress value={d.items.length ? (handled / d.items.length) * 100 : 0} color={d.completedAt ? 'teal' : 'blue'} size="lg" aria-label={t('checklist.progress', { done: handled, total: d.items.length })} />
      <Text size="sm" c="dimmed" data-testid="checklist-progress">
        {t('checklist.progress', { done: handled, total: d.items.length })}
        {d.openedBy && d.openedAt && ` · ${t('checklist.openedBy', { name: d.openedBy.name, time: timeOf(d.openedAt, tz) })}`}
      </Text>
      {d.items.length === 0 && <Alert color="gray">{t('checklist.empty')}</Alert>}
      {d.items.map((item) => (
        <ItemRow key={item.itemId} item={item} tz={tz} busy={mark.isPending} onMark={send} />
      ))}
    </Stack>
  );
}

function StatusBadge({ day: d, tz }: { day: ChecklistDay; tz: string }) {
  const { t } = useTranslation();
  if (d.completedAt) {
    const time = timeOf(d.completedAt, tz);
    return d.status === 'late'
      ? <Badge size="lg" color="orange" data-testid="checklist-status">{t('checklist.status.late', { time, minutes: d.lateMinutes })}</Badge>
      : <Badge size="lg" color="teal" data-testid="checklist-status">{t('checklist.status.on_time', { time })}</Badge>;
  }
  // Past the opening time and not done: the desk should see it in red, not wait for the report.
  const overdue = d.opensAt && d.isToday && Date.now() > localInstant(d.date, d.opensAt, tz);
  return overdue
    ? <Badge size="lg" color="red" data-testid="checklist-status">{t('checklist.status.overdue', { time: d.opensAt })}</Badge>
    : <Badge size="lg" color="gray" variant="light" data-testid="checklist-status">{t('checklist.status.in_progress')}</Badge>;
}

function ItemRow({ item, tz, busy, onMark }: { item: ChecklistEntry; tz: string; busy: boolean; onMark: (itemId: string, done: boolean, note?: string | null) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(item.note ?? '');
  const done = item.doneAt !== null;
  return (
    <Paper withBorder p="md" radius="md" bg={done ? 'var(--mantine-color-teal-0)' : item.note ? 'var(--mantine-color-orange-0)' : undefined} data-testid="checklist-item">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Checkbox
          size="lg"
          checked={done}
          disabled={busy}
          onChange={(e) => onMark(item.itemId, e.currentTarget.checked)}
          label={<Text size="lg">{item.text}</Text>}
          description={done && item.doneBy ? t('checklist.doneBy', { name: item.doneBy.name, time: timeOf(item.doneAt!, tz) }) : undefined}
        />
        {!done && !editing && !item.note && (
          <Button variant="subtle" color="orange" size="xs" onClick={() => setEditing(true)}>{t('checklist.notDone')}</Button>
        )}
      </Group>
      {item.note && !editing && (
        <Group gap="xs" mt="xs" ml={40}>
          <Text size="sm" c="orange.9" data-testid="checklist-note">
            {t('checklist.noteBy', { note: item.note, name: item.notedBy?.name ?? '', time: item.notedAt ? timeOf(item.notedAt, tz) : '' })}
          </Text>
          <Button variant="subtle" size="compact-xs" color="gray" disabled={busy} onClick={() => { setNote(''); onMark(item.itemId, done, null); }}>
            {t('checklist.noteRemove')}
          </Button>
        </Group>
      )}
      {editing && (
        <Stack gap="xs" mt="xs" ml={40}>
          <Textarea autosize minRows={1} maxLength={500} value={note} onChange={(e) => setNote(e.currentTarget.value)} placeholder={t('checklist.notePlaceholder')} data-autofocus autoFocus />
          <Group gap="xs">
            <Button size="xs" color="orange" disabled={!note.trim() || busy} onClick={() => { onMark(item.itemId, done, note); setEditing(false); }}>{t('checklist.noteSave')}</Button>
            <Button size="xs" variant="default" onClick={() => setEditing(false)}>{t('checklist.noteCancel')}</Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
