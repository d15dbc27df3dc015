import { ActionIcon, Badge, Button, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChairs, useSaveChair, type ChairT } from '../../api/clinic';
import { useFieldErrors } from '../../lib/fieldErrors';
import { notifySaved } from '../../lib/notify';

/** A branch's chairs (SCH-1): add, rename, take out of service and back. */
export function ChairsList({ branchId, canWrite }: { branchId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const { data } = useChairs();
  const save = useSaveChair();
  const errors = useFieldErrors(save.error);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const chairs = (data?.items ?? []).filter((c) => c.branchId === branchId);

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    save.mutate({ body: { branchId, name: name.trim() } }, { onSuccess: () => setName('') });
  };
  const rename = (e: FormEvent) => {
    e.preventDefault();
    if (!renaming) return;
    save.mutate({ id: renaming.id, body: { name: renaming.name.trim() } }, { onSuccess: () => setRenaming(null) });
  };
  const toggle = (c: ChairT) =>
    save.mutate({ id: c.id, body: { isActive: !c.isActive } }, { onSuccess: () => notifySaved() });

  return (
    <div data-testid="chairs">
      <Text size="xs" c="dimmed" fw={500}>
        {t('chairs.title')}
      </Text>
      <Stack gap={4}>
        {chairs.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('chairs.none')}
          </Text>
        )}
        {chairs.map((c) =>
          renaming?.id === c.id ? (
            <form key={c.id} onSubmit={rename}>
              <Group gap={4} wrap="nowrap">
                <TextInput
                  size="xs"
                  aria-label={t('chairs.name')}
                  value={renaming.name}
                  onChange={(e) => setRenaming({ ...renaming, name: e.currentTarget.value })}
                  onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
                  error={errors.field('name')}
                  autoFocus
                />
                <Button size="xs" type="submit" loading={save.isPending}>
                  {t('common.save')}
                </Button>
              </Group>
            </form>
          ) : (
            <Group key={c.id} gap="xs" wrap="nowrap" data-testid="chair-row">
              <Text size="sm" c={c.isActive ? undefined : 'dimmed'} td={c.isActive ? undefined : 'line-through'}>
                {c.name}
              </Text>
              {!c.isActive && (
                <Badge size="xs" color="gray">
                  {t('common.inactive')}
                </Badge>
              )}
              {canWrite && (
                <>
                  <Tooltip label={t('common.rename')}>
                    <ActionIcon size="sm" variant="subtle" aria-label={t('chairs.renameNamed', { name: c.name })} onClick={() => setRenaming({ id: c.id, name: c.name })}>
                      ✎
                    </ActionIcon>
                  </Tooltip>
                  <Button size="compact-xs" variant="subtle" color={c.isActive ? 'red' : 'teal'} onClick={() => toggle(c)}>
                    {c.isActive ? t('chairs.deactivate') : t('chairs.activate')}
                  </Button>
                </>
              )}
            </Group>
          ),
        )}
        {canWrite && (
          <form onSubmit={add}>
            <Group gap={4} wrap="nowrap" mt={4}>
              <TextInput
                size="xs"
                placeholder={t('chairs.newPlaceholder')}
                aria-label={t('chairs.newLabel')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={!renaming ? errors.field('name') : undefined}
              />
              <Button size="xs" variant="light" type="submit" disabled={!name.trim()}>
                {t('chairs.add')}
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </div>
  );
}
