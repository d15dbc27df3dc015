import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS, ROLES, type Role } from '../../../../src/domain/roles.js';
import { JOB_SECTION_LABELS, JOB_SECTIONS } from '../../../../src/domain/team/job-descriptions.js';
import { useConfirmations, useConfirmJob, useJobDescription, useMyJob, useSaveJob } from '../../api/team';
import { FormErrors } from '../../components/FormErrors';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone, useMe } from '../../components/session';
import { useLang } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { useFieldErrors } from '../../lib/fieldErrors';
import { notifySaved } from '../../lib/notify';

const WITH_DESCRIPTION = ROLES.filter((r) => r !== 'owner');

/**
 * «Должностные инструкции» (STAFF-2): one's own role's description with «Ознакомлен(а)»; any
 * role's to read; management edits (a new version) and sees who has not confirmed.
 */
export function JobDescriptionsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const can = useCan();
  const manage = can('team.manage');
  const [role, setRole] = useState<Role>(me.user.role === 'owner' ? 'administrator' : me.user.role);
  const [editing, setEditing] = useState(false);
  return (
    <Stack gap="md">
      <PageHeader title={t('team.jobs.title')}>
        <Select aria-label={t('team.jobs.role')} value={role} onChange={(v) => { if (v) { setRole(v as Role); setEditing(false); } }} w={260} allowDeselect={false} data-testid="job-role"
          data={WITH_DESCRIPTION.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))} />
      </PageHeader>
      {manage && <Confirmations />}
      {editing ? <EditDescription role={role} onDone={() => setEditing(false)} /> : <Description role={role} onEdit={manage ? () => setEditing(true) : undefined} />}
    </Stack>
  );
}

function Description({ role, onEdit }: { role: Role; onEdit?: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const me = useMe();
  const d = useJobDescription(role);
  const mine = useMyJob().data;
  const confirm = useConfirmJob();
  const own = me.user.role === role;
  return (
    <Paper withBorder p="md" data-testid="job-description">
      <QueryState isPending={d.isPending} error={d.error} />
      {d.data && (
        <Stack gap="sm">
          <Group justify="space-between">
            <Group gap="xs">
              <Title order={3}>{ROLE_LABELS[role][lang]}</Title>
              <Badge variant="light" data-testid="job-version">{t('team.jobs.version', { version: d.data.version })}</Badge>
              <Text size="sm" c="dimmed">
                {d.data.createdAt && d.data.createdBy ? t('team.jobs.changed', { at: formatInstant(d.data.createdAt, tz), name: d.data.createdBy.name }) : t('team.jobs.builtIn')}
                {d.data.note ? ` — ${d.data.note}` : ''}
              </Text>
            </Group>
            {onEdit && <Button variant="default" onClick={onEdit} data-testid="job-edit">{t('team.jobs.edit')}</Button>}
          </Group>
          {JOB_SECTIONS.map((k) => (
            <Stack gap={4} key={k}>
              <Title order={5}>{JOB_SECTION_LABELS[k][lang]}</Title>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{d.data.sections[k]}</Text>
            </Stack>
          ))}
          {own && mine && (
            mine.pending ? (
              <Alert color="yellow" variant="light">
                <Group justify="space-between">
                  <Text size="sm">{t('team.jobs.pending')}</Text>
                  <Button onClick={() => confirm.mutate(d.data.version, { onSuccess: () => notifySaved() })} loading={confirm.isPending} data-testid="job-confirm">{t('team.jobs.confirm')}</Button>
                </Group>
              </Alert>
            ) : (
              mine.confirmedAt && <Text size="sm" c="teal.8" data-testid="job-confirmed">{t('team.jobs.confirmedAt', { at: formatInstant(mine.confirmedAt, tz) })}</Text>
            )
          )}
        </Stack>
      )}
    </Paper>
  );
}

function EditDescription({ role, onDone }: { role: Role; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const d = useJobDescription(role);
  const save = useSaveJob();
  const errors = useFieldErrors(save.error);
  const [sections, setSections] = useState<Record<string, string> | null>(null);
  const [note, setNote] = useState('');
  const current = sections ?? d.data?.sections ?? null;
  if (!current) return <QueryState isPending={d.isPending} error={d.error} />;
  return (
    <Paper withBorder p="md" data-testid="job-editor">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">{t('team.jobs.editHint')}</Text>
        {JOB_SECTIONS.map((k) => (
          <Textarea key={k} label={JOB_SECTION_LABELS[k][lang]} value={current[k]} autosize minRows={3} maxRows={16} error={errors.field(`sections.${k}`)} data-testid={`job-section-${k}`}
            onChange={(e) => { const v = e.currentTarget.value; setSections({ ...current, [k]: v }); }} />
        ))}
        <TextInput label={t('team.jobs.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={200} data-testid="job-note" />
        <FormErrors messages={errors.rest((f) => f.startsWith('sections.'))} />
        <Group gap="sm">
          <Button onClick={() => save.mutate({ role, sections: current, note: note || null }, { onSuccess: () => { notifySaved(t('team.jobs.saved')); onDone(); } })} loading={save.isPending} data-testid="job-save">
            {t('team.jobs.saveVersion')}
          </Button>
          <Button variant="default" onClick={onDone}>{t('team.jobs.cancel')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Management: who has not confirmed the current version of their role's description. */
function Confirmations() {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const list = useConfirmations(true);
  const items = list.data?.items ?? [];
  const missing = items.filter((i) => !i.confirmedAt).length;
  return (
    <Paper withBorder p="md" data-testid="job-confirmations">
      <Group gap="sm" mb="xs">
        <Title order={4}>{t('team.jobs.who')}</Title>
        <Badge color={missing ? 'red' : 'teal'} data-testid="job-missing">{t('team.jobs.notConfirmed', { count: missing })}</Badge>
      </Group>
      <QueryState isPending={list.isPending} error={list.error} />
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr><Table.Th>{t('team.jobs.employee')}</Table.Th><Table.Th>{t('team.jobs.role')}</Table.Th><Table.Th>{t('team.jobs.current')}</Table.Th><Table.Th>{t('team.jobs.confirmedCol')}</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.userId} data-testid="job-confirmation-row" data-confirmed={i.confirmedAt ? 'true' : 'false'}>
              <Table.Td>{i.name}</Table.Td>
              <Table.Td>{ROLE_LABELS[i.role][lang]}</Table.Td>
              <Table.Td>{i.currentVersion}</Table.Td>
              <Table.Td>
                {i.confirmedAt ? formatInstant(i.confirmedAt, tz) : (
                  <Text span c="red.7" fw={600} size="sm">{t('team.jobs.no')}{i.lastConfirmedVersion ? ` (${t('team.jobs.lastConfirmed', { version: i.lastConfirmedVersion })})` : ''}</Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
