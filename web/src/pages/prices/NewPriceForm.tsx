import { Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetPrice, type PriceDetailT } from '../../api/prices';
import { DateField } from '../../components/DateField';
import { FormErrors } from '../../components/FormErrors';
import { useFieldErrors } from '../../lib/fieldErrors';
import { notifySaved } from '../../lib/notify';
import { EMPTY_PRICE, PriceInputs, readPrice, type PriceTyped } from './priceFields';

/** «Новая цена с даты…»: today or later (past prices never change), rubles, an optional upper bound. */
export function NewPriceForm({ item, today }: { item: PriceDetailT; today: string }) {
  const { t } = useTranslation();
  const set = useSetPrice(item.id);
  const server = useFieldErrors(set.error);
  const [validFrom, setValidFrom] = useState<string | null>(null);
  const [price, setPrice] = useState<PriceTyped>(EMPTY_PRICE);
  const [local, setLocal] = useState<{ priceMin?: string; priceMax?: string; validFrom?: string }>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = readPrice(price, t);
    const errors = { ...(p.ok ? {} : p.errors), ...(validFrom ? {} : { validFrom: t('prices.form.required') }) };
    setLocal(errors);
    if (!p.ok || !validFrom) return;
    set.mutate({ validFrom, priceMin: p.priceMin, priceMax: p.priceMax }, {
      onSuccess: () => {
        notifySaved(t('prices.drawer.priceSet'));
        setPrice(EMPTY_PRICE);
        setValidFrom(null);
      },
    });
  };
  const err = (f: 'priceMin' | 'priceMax' | 'validFrom') => local[f] ?? server.field(f);

  return (
    <form onSubmit={submit} noValidate data-testid="price-version-form">
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t('prices.drawer.newPriceHint')}
        </Text>
        <PriceInputs value={price} onChange={setPrice} errors={{ priceMin: err('priceMin'), priceMax: err('priceMax') }} testIdPrefix="price-version">
          <DateField label={t('prices.form.validFrom')} value={validFrom} onChange={setValidFrom} minDate={today} error={err('validFrom')} required data-testid="price-version-from" />
        </PriceInputs>
        <FormErrors messages={server.rest((f) => ['validFrom', 'priceMin', 'priceMax'].includes(f))} />
        <Group justify="flex-end">
          <Button type="submit" loading={set.isPending} data-testid="price-version-submit">
            {t('prices.drawer.newPriceSave')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
