import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ROLE_LABELS } from '../../../../src/domain/roles.js';
import { useCloseTask, useTasks, type TaskT } from '../../api/team';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { formatDate, formatInstant } from '../../lib/format';
import { useFieldErrors } from '../../lib/fieldErrors';
import { TaskForm } from './TaskForm';

/** «Задачи»: mine and my role's (overdue in red), the ones I gave, and for management all of the clinic's. */
export function TasksPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [scope, setScope] = useState<'mine' | 'created' | 'all'>('mine');
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const [form, setForm] = useState(false);
  const list = useTasks(scope, status);
  const items = list.data?.items ?? [];
  const scopes = [{ value: 'mine', label: t('team.tasks.mine') }, { value: 'created', label: t('team.tasks.created') }, ...(can('team.manage') ? [{ value: 'all', label: t('team.tasks.all') }] : [])];
  return (
    <Stack gap="md">
      <PageHeader title={t('team.tasks.title')}>
        {!form && <Button onClick={() => setForm(true)} data-testid="task-add">{t('team.tasks.add')}</Button>}
      </PageHeader>
      {list.data && (
        <Text size="sm" c={list.data.overdueMine ? 'red.7' : 'dimmed'} mt={-12} data-testid="task-summary">
          {t('team.tasks.summary', { open: list.data.openMine, overdue: list.data.overdueMine })}
        </Text>
      )}
      {form && <TaskForm onDone={() => setForm(false)} />}
      <Group gap="sm">
        <SegmentedControl value={scope} onChange={(v) => setScope(v as typeof scope)} data={scopes} data-testid="task-scope" />
        <SegmentedControl value={status} onChange={(v) => setStatus(v as typeof status)} data={[{ value: 'open', label: t('team.tasks.open') }, { value: 'closed', label: t('team.tasks.closed') }]} />
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && !items.length && <Text c="dimmed">{t('team.tasks.none')}</Text>}
      {items.map((task) => <TaskCard key={task.id} task={task} />)}
    </Stack>
  );
}

function TaskCard({ task }: { task: TaskT }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const close = useCloseTask();
  const errors = useFieldErrors(close.error);
  const [closing, setClosing] = useState<'done' | 'cancelled' | null>(null);
  const [outcome, setOutcome] = useState('');
  const who = task.assignee?.name ?? (task.assigneeRole ? ROLE_LABELS[task.assigneeRole][lang] : '');
  return (
    <Paper withBorder p="sm" data-testid="task" data-overdue={task.overdue ? 'true' : 'false'} style={task.overdue ? { borderColor: 'var(--mantine-color-red-6)', background: 'var(--mantine-color-red-0)' } : undefined}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} miw={0}>
            <Group gap="xs">
              <Text fw={700} c={task.overdue ? 'red.8' : undefined} data-testid="task-title-text">{task.title}</Text>
              {task.overdue && <Badge color="red" size="sm">{t('team.tasks.overdue')}</Badge>}
              {task.status !== 'open' && <Badge color={task.status === 'done' ? 'teal' : 'gray'} size="sm">{t(`team.tasks.status.${task.status}`)}</Badge>}
            </Group>
            <Text size="sm">
              {who} · <Text span c={task.overdue ? 'red.8' : undefined} fw={task.overdue ? 700 : undefined}>{task.dueDate ? t('team.tasks.dueOn', { date: formatDate(task.dueDate) }) : t('team.tasks.noDue')}</Text>
            </Text>
            {task.details && <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>{task.details}</Text>}
            {task.patientName && task.patientId && <Text size="sm"><Link to={`/patients/${task.patientId}`}>{task.patientName}</Link></Text>}
            <Text size="xs" c="dimmed">{t('team.tasks.from', { name: task.createdBy.name, at: formatInstant(task.createdAt, tz) })}</Text>
            {task.closedBy && task.closedAt && (
              <Text size="sm">{t('team.tasks.closedBy', { status: t(`team.tasks.status.${task.status}`), name: task.closedBy.name, at: formatInstant(task.closedAt, tz) })} — {task.outcome}</Text>
            )}
          </Stack>
          {task.canClose && !closing && (
            <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
              <Button size="xs" color="teal" onClick={() => setClosing('done')} data-testid="task-done">{t('team.tasks.done')}</Button>
              <Button size="xs" variant="default" onClick={() => setClosing('cancelled')}>{t('team.tasks.cancel')}</Button>
            </Group>
          )}
        </Group>
        {closing && (
          <Group gap="sm" align="flex-end">
            <TextInput label={closing === 'done' ? t('team.tasks.outcome') : t('team.tasks.outcomeCancel')} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} w={420} maxLength={200}
              error={errors.field('outcome')} data-testid="task-outcome" />
            <Button size="sm" onClick={() => close.mutate({ id: task.id, status: closing, outcome }, { onSuccess: () => setClosing(null) })} loading={close.isPending} data-testid="task-save">{t('team.tasks.save')}</Button>
            <Button size="sm" variant="default" onClick={() => setClosing(null)}>{t('team.messages.cancel')}</Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
