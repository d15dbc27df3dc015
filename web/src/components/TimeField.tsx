import { TextInput, type TextInputProps } from '@mantine/core';

/** '9' → '09:00', '930' → '09:30', '9.30' / '9-30' / '9 30' → '09:30'; anything else stays as typed. */
export function normaliseTime(input: string): string {
  const s = input.trim();
  let m = /^(\d{1,2})(?:[:.\-\s](\d{2}))?$/.exec(s);
  if (!m) m = /^(\d{1,2})(\d{2})$/.exec(s);
  if (!m) return s;
  const h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (h > 23 || min > 59) return s;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

type Props = Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onChange: (v: string) => void };

/**
 * A 24-hour time as HH:MM typed from the keyboard (the browser's own time input follows the
 * OS locale and may show AM/PM). Shorthand like "9" or "1830" is completed on leaving the field.
 */
export function TimeField({ value, onChange, ...rest }: Props) {
  return (
    <TextInput
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={(e) => onChange(normaliseTime(e.currentTarget.value))}
      placeholder="09:00"
      inputMode="numeric"
      maxLength={5}
      w={76}
      autoComplete="off"
      {...rest}
    />
  );
}
