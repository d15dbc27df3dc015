import { Group, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseRubles, priceText, rubles } from '../../../../src/domain/prices.js';
import { useLang } from '../../i18n';

/** What the user typed in the two money boxes: a price (or «from») and an optional upper bound. */
export interface PriceTyped {
  min: string;
  max: string;
}

export const EMPTY_PRICE: PriceTyped = { min: '', max: '' };

export type PriceRead =
  | { ok: true; priceMin: number; priceMax: number | null }
  | { ok: false; errors: { priceMin?: string; priceMax?: string } };

/**
 * Rubles as typed («2 500», «2 500,50») to kopecks with the domain's parser; a box that is not an
 * amount («12,345», letters) is refused on the field before anything is sent.
 */
export function readPrice(v: PriceTyped, t: TFunction): PriceRead {
  const min = v.min.trim() ? parseRubles(v.min) : null;
  const max = v.max.trim() ? parseRubles(v.max) : null;
  const errors: { priceMin?: string; priceMax?: string } = {};
  if (!v.min.trim()) errors.priceMin = t('prices.form.required');
  else if (min === null) errors.priceMin = t('prices.form.moneyFormat');
  if (v.max.trim() && max === null) errors.priceMax = t('prices.form.moneyFormat');
  if (errors.priceMin || errors.priceMax) return { ok: false, errors };
  // An upper bound equal to the price is a fixed price, as the domain reads it.
  return { ok: true, priceMin: min!, priceMax: max === null || max === min ? null : max };
}

/** A version's price back into the boxes, in the same Russian form rubles() shows. */
export function typedOf(v: { priceMin: number; priceMax: number | null } | null): PriceTyped {
  if (!v) return EMPTY_PRICE;
  return { min: rubles(v.priceMin), max: v.priceMax === null || v.priceMax === v.priceMin ? '' : rubles(v.priceMax) };
}

/** The price as the desk says it (priceText), and «бесплатно» rather than «0 ₽». */
export function usePriceSay(): (v: { priceMin: number; priceMax: number | null }) => string {
  const { t } = useTranslation();
  const lang = useLang();
  return (v) => (v.priceMin === 0 && !v.priceMax ? t('prices.free') : priceText(v, lang));
}

/** The price box and the optional «to» box; errors come from readPrice or the server. */
export function PriceInputs({
  value,
  onChange,
  errors,
  testIdPrefix,
  children,
}: {
  value: PriceTyped;
  onChange: (v: PriceTyped) => void;
  errors: { priceMin?: string; priceMax?: string };
  testIdPrefix: string;
  /** Put first on the same line (the «valid from» date), so the form stays short. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group grow align="flex-start" gap="sm">
      {children}
      <TextInput
        label={t('prices.form.priceFrom')}
        value={value.min}
        onChange={(e) => onChange({ ...value, min: e.currentTarget.value })}
        error={errors.priceMin}
        inputMode="decimal"
        autoComplete="off"
        required
        data-testid={`${testIdPrefix}-min`}
        styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
      />
      <TextInput
        label={t('prices.form.priceTo')}
        description={t('prices.form.priceToHint')}
        value={value.max}
        onChange={(e) => onChange({ ...value, max: e.currentTarget.value })}
        error={errors.priceMax}
        inputMode="decimal"
        autoComplete="off"
        data-testid={`${testIdPrefix}-max`}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
      />
    </Group>
  );
}
