import { Autocomplete, Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../src/contracts/common.js';
import { useUpdatePrice, type PriceDetailT } from '../../api/prices';
import { FormErrors } from '../../components/FormErrors';
import { useFieldErrors } from '../../lib/fieldErrors';
import { notifySaved } from '../../lib/notify';

const SHOWN = ['code', 'mohCode', 'name', 'section', 'note', 'isActive'];

/** Name, codes, section, note, shown or hidden; the price itself changes only by a new version. */
export function PriceEditForm({ item, sections }: { item: PriceDetailT; sections: string[] }) {
  const { t } = useTranslation();
  const update = useUpdatePrice(item.id);
  const errors = useFieldErrors(update.error);
  const [code, setCode] = useState(item.code);
  const [mohCode, setMohCode] = useState(item.mohCode ?? '');
  const [name, setName] = useState(item.name);
  const [section, setSection] = useState(item.section);
  const [note, setNote] = useState(item.note ?? '');
  const [isActive, setActive] = useState(item.isActive);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      { code: code.trim(), mohCode: mohCode.trim() || null, name: name.trim(), section: section.trim(), note: note.trim() || null, isActive },
      { onSuccess: () => notifySaved() },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="price-edit-form">
      <Stack gap="sm">
        <Group grow align="flex-start" gap="sm">
          <TextInput label={t('prices.form.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errors.field('code')} required maxLength={32} autoComplete="off" />
          <TextInput label={t('prices.form.mohCode')} value={mohCode} onChange={(e) => setMohCode(e.currentTarget.value)} error={errors.field('mohCode')} maxLength={20} autoComplete="off" />
        </Group>
        <TextInput label={t('prices.form.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.field('name')} required maxLength={LIMITS.shortText} />
        <Autocomplete label={t('prices.form.section')} data={sections} value={section} onChange={setSection} error={errors.field('section')} required maxLength={LIMITS.name} />
        <TextInput label={t('prices.form.note')} placeholder={t('prices.form.notePlaceholder')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.field('note')} maxLength={LIMITS.shortText} />
        <Checkbox label={t('prices.form.active')} description={t('prices.form.activeHint')} checked={isActive} onChange={(e) => setActive(e.currentTarget.checked)} data-testid="price-edit-active" />
        <FormErrors messages={errors.rest((f) => SHOWN.includes(f))} />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} data-testid="price-edit-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
