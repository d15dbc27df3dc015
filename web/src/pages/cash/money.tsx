import { TextInput, type TextInputProps } from '@mantine/core';
import { kopecksText } from '../../../../src/domain/money.js';
import { parseRubles } from '../../../../src/domain/prices.js';

/** Kopecks as the desk reads them: «1 500,00 ₽». */
export const money = (k: number) => `${kopecksText(k)} ₽`;

/** Typed rubles to kopecks, or null when it is not an amount. */
export const toKopecks = (s: string) => (s.trim() ? parseRubles(s) : null);

/** Rubles typed as «1 500» or «1 500,50». */
export function MoneyInput(props: Omit<TextInputProps, 'onChange'> & { value: string; onChange: (v: string) => void }) {
  const { onChange, ...rest } = props;
  return <TextInput inputMode="decimal" autoComplete="off" {...rest} onChange={(e) => onChange(e.currentTarget.value)} />;
}
