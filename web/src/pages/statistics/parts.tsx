import { Button, Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Drill } from '../../api/statistics';
import { downloadCsv } from '../../lib/csv';

/** One block of the dashboard: a title, its CSV button, its content. */
export function Block({ title, testId, csv, children }: { title: string; testId: string; csv?: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" radius="md" data-testid={testId}>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{title}</Title>
        {csv && (
          <Button size="compact-sm" variant="subtle" onClick={csv} title={t('stats.csvTitle')} data-testid={`${testId}-csv`}>
            {t('stats.csv')}
          </Button>
        )}
      </Group>
      {children}
    </Card>
  );
}

/** A big figure that opens the list behind it. */
export function Figure({ label, value, hint, onOpen, testId, color }: { label: string; value: ReactNode; hint?: string; onOpen?: () => void; testId: string; color?: string }) {
  const body = (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fz={28} fw={700} c={color} td={onOpen ? 'underline dotted' : undefined} data-testid={`${testId}-value`}>
        {value}
      </Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </Stack>
  );
  return onOpen ? (
    <UnstyledButton onClick={onOpen} data-testid={testId} style={{ cursor: 'pointer' }}>
      {body}
    </UnstyledButton>
  ) : (
    <div data-testid={testId}>{body}</div>
  );
}

/** A number in a table cell that opens its list. */
export function Cell({ children, onOpen, testId }: { children: ReactNode; onOpen: () => void; testId?: string }) {
  return (
    <UnstyledButton onClick={onOpen} data-testid={testId} style={{ textDecoration: 'underline dotted', color: 'var(--mantine-color-blue-7)' }}>
      {children}
    </UnstyledButton>
  );
}

export type Open = (d: Drill) => void;

/** CSV export of a block's table, named by the block and the period. */
export function csvOf(name: string, period: { from: string; to: string }, header: string[], rows: (string | number | null)[][]) {
  return () => downloadCsv(`${name}_${period.from}_${period.to}.csv`, header, rows);
}
