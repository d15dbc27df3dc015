import { Anchor, Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { kopecksText } from '../../../../src/domain/money.js';

/** «1 500,00 ₽» */
export const rub = (k: number) => `${kopecksText(k)}\u00a0₽`;

/** A card with a title and its CSV link. */
export function Section({ title, csv, testId, children }: { title: string; csv?: string; testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" radius="md" data-testid={testId}>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{title}</Title>
        {csv && (
          <Anchor href={csv} size="sm" title={t('money.csvTitle')} data-testid={`${testId}-csv`}>
            {t('money.csv')}
          </Anchor>
        )}
      </Group>
      {children}
    </Card>
  );
}

/** A big figure that opens the list behind it. */
export function Figure({ label, value, hint, onOpen, testId, color }: { label: string; value: string; hint?: string; onOpen?: () => void; testId: string; color?: string }) {
  return (
    <UnstyledButton onClick={onOpen} disabled={!onOpen} data-testid={testId} style={{ cursor: onOpen ? 'pointer' : 'default' }}>
      <Stack gap={0}>
        <Text size="sm" c="dimmed">{label}</Text>
        <Text fz={26} fw={700} c={color} td={onOpen ? 'underline dotted' : undefined} data-testid={`${testId}-value`} style={{ whiteSpace: 'nowrap' }}>
          {value}
        </Text>
        {hint && <Text size="xs" c="dimmed">{hint}</Text>}
      </Stack>
    </UnstyledButton>
  );
}

/** A sum in a table cell that opens its list. */
export function Cell({ children, onOpen, testId }: { children: ReactNode; onOpen: () => void; testId?: string }) {
  return (
    <UnstyledButton onClick={onOpen} data-testid={testId} style={{ textDecoration: 'underline dotted', color: 'var(--mantine-color-blue-7)', whiteSpace: 'nowrap' }}>
      {children}
    </UnstyledButton>
  );
}
