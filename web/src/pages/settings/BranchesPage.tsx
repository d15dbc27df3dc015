import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBranches, type Branch } from '../../api/clinic';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useCan } from '../../components/session';
import { displayPhone } from '../../lib/format';
import { WEEKDAYS } from '../../lib/weekdays';
import { BranchFormModal } from './BranchFormModal';
import { ChairsList } from './ChairsList';

/** Branches of the clinic with their opening hours and chairs. */
export function BranchesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { data, isPending, error } = useBranches();
  const [editing, setEditing] = useState<Branch | 'new' | null>(null);
  const canWrite = can('clinic.write');

  return (
    <>
      <PageHeader title={t('branches.title')}>
        {canWrite && (
          <Button onClick={() => setEditing('new')} data-testid="branch-add">
            {t('branches.add')}
          </Button>
        )}
      </PageHeader>
      <QueryState isPending={isPending} error={error} />
      <Stack gap="md">
        {data?.items.length === 0 && <Text c="dimmed">{t('branches.none')}</Text>}
        {data?.items.map((b) => (
          <Paper withBorder p="md" key={b.id} data-testid="branch-card">
            <Group justify="space-between" align="flex-start" mb="sm">
              <div>
                <Group gap="xs">
                  <Title order={3}>{b.name}</Title>
                  {!b.isActive && <Badge color="gray">{t('common.inactive')}</Badge>}
                </Group>
                <Text size="sm">{b.address}</Text>
                {b.phone && (
                  <Text size="sm" c="dimmed">
                    {displayPhone(b.phone)}
                  </Text>
                )}
              </div>
              {canWrite && (
                <Button variant="light" size="xs" onClick={() => setEditing(b)} aria-label={t('branches.editNamed', { name: b.name })}>
                  {t('common.edit')}
                </Button>
              )}
            </Group>
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
              <div>
                <Text size="xs" c="dimmed" fw={500}>
                  {t('branches.hours')}
                </Text>
                <HoursSummary hours={b.hours} />
              </div>
              <div>
                <Text size="xs" c="dimmed" fw={500}>
                  {t('branches.directions')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {b.directions || '—'}
                </Text>
              </div>
              <ChairsList branchId={b.id} canWrite={canWrite} />
            </SimpleGrid>
          </Paper>
        ))}
      </Stack>
      {editing && <BranchFormModal branch={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function HoursSummary({ hours }: { hours: Branch['hours'] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      {WEEKDAYS.map((wd) => {
        const h = hours.find((x) => x.weekday === wd);
        return (
          <Group key={wd} gap="xs" wrap="nowrap">
            <Text size="sm" w={28} fw={500}>
              {t(`weekday.short.${wd}`)}
            </Text>
            <Text size="sm" c={h ? undefined : 'dimmed'}>
              {h ? `${h.opens}–${h.closes}` : t('branches.closed')}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}
