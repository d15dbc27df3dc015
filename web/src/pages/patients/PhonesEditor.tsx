import { ActionIcon, Button, Group, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../src/contracts/common.js';
import { formatPhone, toE164 } from '../../../../src/domain/phone.js';

export type PhoneKind = 'mobile' | 'home' | 'work' | 'relative';
export type PhoneDraft = { number: string; kind: PhoneKind; note: string };
const KINDS: PhoneKind[] = ['mobile', 'home', 'work', 'relative'];

type Props = {
  value: PhoneDraft[];
  onChange: (v: PhoneDraft[]) => void;
  error: (field: string) => string | undefined;
};

/**
 * A patient's phones typed in any form (8 921…, +7 921…, 921…); under each number the
 * normalised one is shown as it will be stored, or a hint when it is not a number yet.
 */
export function PhonesEditor({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<PhoneDraft>) =>
    onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('patient.phones')}
      </Text>
      {value.map((p, i) => {
        const e164 = p.number.trim() ? toE164(p.number) : null;
        const serverError = error(`phones.${i}.number`);
        // The server's message replaces the local hint so the same problem is not said twice.
        const hint = !p.number.trim() || serverError ? undefined : e164 ? `→ ${formatPhone(e164)}` : t('patient.phoneNotRecognised');
        return (
          <Group key={i} align="flex-start" gap="xs" wrap="nowrap" data-testid="phone-row">
            <TextInput
              label={t('patient.phoneNumber', { n: i + 1 })}
              placeholder="8 921 322-00-31"
              value={p.number}
              onChange={(e) => update(i, { number: e.currentTarget.value })}
              description={hint}
              error={serverError}
              inputMode="tel"
              autoComplete="off"
              w={250}
              styles={{ description: { color: e164 ? 'var(--mantine-color-teal-8)' : undefined } }}
            />
            <Select
              label={t('patient.phoneKind')}
              data={KINDS.map((k) => ({ value: k, label: t(`phoneKind.${k}`) }))}
              value={p.kind}
              onChange={(v) => update(i, { kind: (v as PhoneKind) ?? 'mobile' })}
              allowDeselect={false}
              w={150}
            />
            <TextInput
              label={t('patient.phoneNote')}
              placeholder={t('patient.phoneNotePlaceholder')}
              value={p.note}
              onChange={(e) => update(i, { note: e.currentTarget.value })}
              error={error(`phones.${i}.note`)}
              style={{ flex: 1 }}
            />
            <Tooltip label={t('patient.removePhone')}>
              <ActionIcon
                variant="subtle"
                color="red"
                mt={25}
                size="lg"
                aria-label={t('patient.removePhoneN', { n: i + 1 })}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                ✕
              </ActionIcon>
            </Tooltip>
          </Group>
        );
      })}
      {value.length < LIMITS.phonesMax && (
        <Button
          variant="subtle"
          size="xs"
          w="fit-content"
          onClick={() => onChange([...value, { number: '', kind: value.length ? 'home' : 'mobile', note: '' }])}
        >
          + {t('patient.addPhone')}
        </Button>
      )}
    </Stack>
  );
}
