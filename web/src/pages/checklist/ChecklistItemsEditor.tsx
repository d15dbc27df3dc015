import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChecklistItems, useSaveChecklistItems } from '../../api/openingChecklist';
import { FormErrors } from '../../components/FormErrors';
import { QueryState } from '../../components/QueryState';
import { useFieldErrors } from '../../lib/fieldErrors';
import { notifySaved } from '../../lib/notify';

type Draft = { key: string; id?: string; text: string };

/** The branch's items (owner, chief doctor): edit, reorder, add, remove; saved as one list. */
export function ChecklistItemsEditor({ branchId }: { branchId: string }) {
  const { t } = useTranslation();
  const items = useChecklistItems(branchId);
  const save = useSaveChecklistItems();
  const errors = useFieldErrors(save.error);
  const [draft, setDraft] = useState<Draft[] | null>(null);
  useEffect(() => {
    if (items.data?.branchId === branchId) setDraft(items.data.items.map((i) => ({ key: i.id, id: i.id, text: i.text })));
  }, [items.data, branchId]);
  if (!draft || items.data?.branchId !== branchId) return <QueryState isPending={items.isPending} error={items.error} />;
  const move = (i: number, by: number) => setDraft((d) => {
    const next = [...d!];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    return next;
  });
  return (
    <Stack gap="xs" maw={760} data-testid="checklist-items">
      <Text size="sm" c="dimmed">{t('checklist.items.hint')}</Text>
      {draft.map((it, i) => (
        <Group key={it.key} gap="xs" wrap="nowrap" align="flex-start">
          <Text w={24} ta="right" mt={6} c="dimmed">{i + 1}.</Text>
          <TextInput
            style={{ flex: 1 }}
            value={it.text}
            maxLength={200}
            placeholder={t('checklist.items.placeholder')}
            aria-label={t('checklist.items.placeholder')}
            error={errors.field(`items.${i}.text`)}
            onChange={(e) => { const text = e.currentTarget.value; setDraft((d) => d!.map((x, j) => (j === i ? { ...x, text } : x))); }}
          />
          <ActionIcon variant="subtle" mt={4} aria-label={t('checklist.items.up')} disabled={i === 0} onClick={() => move(i, -1)}>↑</ActionIcon>
          <ActionIcon variant="subtle" mt={4} aria-label={t('checklist.items.down')} disabled={i === draft.length - 1} onClick={() => move(i, 1)}>↓</ActionIcon>
          <ActionIcon variant="subtle" color="red" mt={4} aria-label={t('checklist.items.remove')} onClick={() => setDraft((d) => d!.filter((_, j) => j !== i))}>✕</ActionIcon>
        </Group>
      ))}
      <FormErrors messages={errors.rest((f) => /^items\.\d+\.text$/.test(f))} />
      <Group>
        <Button variant="default" onClick={() => setDraft((d) => [...d!, { key: `new-${Date.now()}`, text: '' }])}>{t('checklist.items.add')}</Button>
        <Button
          loading={save.isPending}
          data-testid="checklist-items-save"
          onClick={() => save.mutate({ branchId, items: draft.map((d) => ({ ...(d.id && { id: d.id }), text: d.text })) }, { onSuccess: () => notifySaved(t('checklist.items.saved')) })}
        >
          {t('checklist.items.save')}
        </Button>
      </Group>
    </Stack>
  );
}
