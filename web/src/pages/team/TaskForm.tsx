import { Button, Group, Paper, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, ROLE_LABELS, type Role } from '../../../../src/domain/roles.js';
import { useAddTask, usePeople } from '../../api/team';
import { DateField } from '../../components/DateField';
import { FormErrors } from '../../components/FormErrors';
import { useLang } from '../../i18n';
import { useFieldErrors } from '../../lib/fieldErrors';

/** A new task for a person or a role, with an optional due day. */
export function TaskForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const people = usePeople().data?.items ?? [];
  const add = useAddTask();
  const errors = useFieldErrors(add.error);
  const [mode, setMode] = useState<'person' | 'role'>('person');
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const [title, setTitle] = useState('');
  const [details, setDetails] = useState('');
  const [due, setDue] = useState<string | null>(null);
  const submit = () =>
    add.mutate(
      { title, details: details || null, assigneeUserId: mode === 'person' ? userId : null, assigneeRole: mode === 'role' ? role : null, dueDate: due },
      { onSuccess: onDone },
    );
  return (
    <Paper withBorder p="md" data-testid="task-form">
      <Stack gap="sm">
        <TextInput label={t('team.tasks.taskTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} error={errors.field('title')} data-testid="task-title" />
        <Textarea label={t('team.tasks.details')} value={details} onChange={(e) => setDetails(e.currentTarget.value)} autosize minRows={2} error={errors.field('details')} />
        <Group gap="sm" align="flex-end">
          <SegmentedControl value={mode} onChange={(v) => setMode(v as 'person' | 'role')} data={[{ value: 'person', label: t('team.messages.toPerson') }, { value: 'role', label: t('team.messages.toRole') }]} />
          {mode === 'person' ? (
            <Select label={t('team.tasks.assignee')} searchable value={userId} onChange={setUserId} w={320} error={errors.field('assigneeUserId')} data-testid="task-person"
              data={people.map((p) => ({ value: p.id, label: `${p.name} — ${ROLE_LABELS[p.role][lang]}` }))} />
          ) : (
            <Select label={t('team.tasks.assignee')} value={role} onChange={(v) => setRole(v as Role | null)} w={260} error={errors.field('assigneeUserId')} data-testid="task-role"
              data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))} />
          )}
          <DateField label={t('team.tasks.due')} value={due} onChange={setDue} w={150} clearable error={errors.field('dueDate')} />
        </Group>
        <FormErrors messages={errors.rest((f) => ['title', 'details', 'assigneeUserId', 'dueDate'].includes(f))} />
        <Group gap="sm">
          <Button onClick={submit} loading={add.isPending} data-testid="task-create">{t('team.tasks.create')}</Button>
          <Button variant="default" onClick={onDone}>{t('team.messages.cancel')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
