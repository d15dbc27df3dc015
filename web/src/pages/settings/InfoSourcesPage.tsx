import { Badge, Button, Group, Paper, Table, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../src/contracts/common.js';
import { useInfoSources, useSaveInfoSource, type InfoSourceT } from '../../api/clinic';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useFieldErrors } from '../../lib/fieldErrors';
import { notifySaved } from '../../lib/notify';

/** Where patients heard of the clinic (PAT-3): the list the patient card and calls pick from. */
export function InfoSourcesPage() {
  const { t } = useTranslation();
  const { data, isPending, error } = useInfoSources();
  const add = useSaveInfoSource();
  const addErrors = useFieldErrors(add.error);
  const [name, setName] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    add.mutate({ body: { name: name.trim() } }, { onSuccess: () => { setName(''); notifySaved(); } });
  };

  const items = [...(data?.items ?? [])].sort((a, b) => Number(b.isActive) - Number(a.isActive) || a.name.localeCompare(b.name, 'ru'));

  return (
    <>
      <PageHeader title={t('sources.title')} />
      <Paper withBorder p="sm" mb="md" maw={720}>
        <form onSubmit={submit}>
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t('sources.newLabel')}
              placeholder={t('sources.newPlaceholder')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={addErrors.field('name')}
              maxLength={LIMITS.shortText}
              style={{ flex: 1 }}
            />
            <Button type="submit" mt={25} loading={add.isPending} disabled={!name.trim()}>
              {t('sources.add')}
            </Button>
          </Group>
        </form>
      </Paper>
      <QueryState isPending={isPending} error={error} />
      {data && (
        <Paper withBorder maw={720}>
          <Table data-testid="sources-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sources.name')}</Table.Th>
                <Table.Th w={120}>{t('sources.status')}</Table.Th>
                <Table.Th w={250} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <SourceRow key={s.id} source={s} />
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </>
  );
}

function SourceRow({ source }: { source: InfoSourceT }) {
  const { t } = useTranslation();
  const save = useSaveInfoSource();
  const errors = useFieldErrors(save.error);
  const [editing, setEditing] = useState<string | null>(null);

  const rename = (e: FormEvent) => {
    e.preventDefault();
    if (editing === null) return;
    save.mutate({ id: source.id, body: { name: editing.trim() } }, { onSuccess: () => setEditing(null) });
  };

  return (
    <Table.Tr data-testid="source-row">
      <Table.Td>
        {editing !== null ? (
          <form onSubmit={rename} style={{ width: '100%' }}>
            <Group gap={4} wrap="nowrap">
              <TextInput
                size="xs"
                aria-label={t('sources.name')}
                value={editing}
                onChange={(e) => setEditing(e.currentTarget.value)}
                onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
                error={errors.field('name')}
                autoFocus
                style={{ flex: 1 }}
              />
              <Button size="xs" type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(null)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </form>
        ) : (
          source.name
        )}
      </Table.Td>
      <Table.Td>
        {source.isActive ? (
          <Badge color="teal" variant="light" tt="none">{t('sources.active')}</Badge>
        ) : (
          <Badge color="gray" tt="none">{t('sources.inactive')}</Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          {editing === null && (
            <Button size="compact-sm" variant="subtle" onClick={() => setEditing(source.name)} aria-label={t('sources.renameNamed', { name: source.name })}>
              {t('common.rename')}
            </Button>
          )}
          <Button
            size="compact-sm"
            variant="subtle"
            color={source.isActive ? 'red' : 'teal'}
            onClick={() => save.mutate({ id: source.id, body: { isActive: !source.isActive } }, { onSuccess: () => notifySaved() })}
          >
            {source.isActive ? t('sources.deactivate') : t('sources.activate')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
