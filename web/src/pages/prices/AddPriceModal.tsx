import { Autocomplete, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../src/contracts/common.js';
import { useCreatePrice } from '../../api/prices';
import { DateField } from '../../components/DateField';
import { FormErrors } from '../../components/FormErrors';
import { useFieldErrors } from '../../lib/fieldErrors';
import { notifySaved } from '../../lib/notify';
import { EMPTY_PRICE, PriceInputs, readPrice, type PriceTyped } from './priceFields';

const SHOWN = ['code', 'mohCode', 'name', 'section', 'note', 'priceMin', 'priceMax', 'validFrom'];

/** «Добавить услугу»: a new service with its first price or range from today or a later date. */
export function AddPriceModal({ today, sections, onClose, onCreated }: { today: string; sections: string[]; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const create = useCreatePrice();
  const server = useFieldErrors(create.error);
  const [code, setCode] = useState('');
  const [mohCode, setMohCode] = useState('');
  const [name, setName] = useState('');
  const [section, setSection] = useState('');
  const [note, setNote] = useState('');
  const [price, setPrice] = useState<PriceTyped>(EMPTY_PRICE);
  const [validFrom, setValidFrom] = useState<string | null>(today);
  const [local, setLocal] = useState<Record<string, string | undefined>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = readPrice(price, t);
    // Every empty required box at once, not one per attempt.
    const missing = Object.fromEntries(
      Object.entries({ code, name, section }).filter(([, v]) => !v.trim()).map(([k]) => [k, t('prices.form.required')]),
    );
    const errors = { ...missing, ...(p.ok ? {} : p.errors) };
    setLocal(errors);
    if (!p.ok || Object.keys(errors).length > 0) return;
    create.mutate(
      {
        code: code.trim(),
        mohCode: mohCode.trim() || null,
        name: name.trim(),
        section: section.trim(),
        note: note.trim() || null,
        priceMin: p.priceMin,
        priceMax: p.priceMax,
        validFrom: validFrom ?? today,
      },
      { onSuccess: (item) => { notifySaved(); onCreated(item.id); } },
    );
  };

  // A field error typed locally wins; otherwise the server's message for that field.
  const err = (f: string) => local[f] ?? server.field(f);

  return (
    <Modal opened onClose={onClose} title={t('prices.add')} size="lg">
      <form onSubmit={submit} noValidate data-testid="price-add-form">
        <Stack gap="sm">
          <Group grow align="flex-start" gap="sm">
            <TextInput label={t('prices.form.code')} description={t('prices.form.codeHint')} value={code} onChange={(e) => setCode(e.currentTarget.value)} error={err('code')} required maxLength={32} data-autofocus autoComplete="off" data-testid="price-form-code" />
            <TextInput label={t('prices.form.mohCode')} description={t('prices.form.mohCodeHint')} value={mohCode} onChange={(e) => setMohCode(e.currentTarget.value)} error={err('mohCode')} maxLength={20} autoComplete="off" data-testid="price-form-moh" />
          </Group>
          <TextInput label={t('prices.form.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={err('name')} required maxLength={LIMITS.shortText} data-testid="price-form-name" />
          <Autocomplete label={t('prices.form.section')} description={t('prices.form.sectionHint')} data={sections} value={section} onChange={setSection} error={err('section')} required maxLength={LIMITS.name} data-testid="price-form-section" />
          <TextInput label={t('prices.form.note')} description={t('prices.form.noteHint')} placeholder={t('prices.form.notePlaceholder')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={err('note')} maxLength={LIMITS.shortText} data-testid="price-form-note" />
          <PriceInputs value={price} onChange={setPrice} errors={{ priceMin: err('priceMin'), priceMax: err('priceMax') }} testIdPrefix="price-form">
            <DateField label={t('prices.form.validFrom')} value={validFrom} onChange={setValidFrom} minDate={today} clearable={false} error={err('validFrom')} data-testid="price-form-from" />
          </PriceInputs>
          <FormErrors messages={server.rest((f) => SHOWN.includes(f))} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="price-form-submit">
              {t('prices.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
