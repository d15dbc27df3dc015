import { Alert, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMySvcRegulation } from '../api/svcRegulation';

/** SVC-11: until the employee confirms the current regulation on the service card, a banner asks (as for job descriptions). */
export function SvcRegulationBanner() {
  const { t } = useTranslation();
  const mine = useMySvcRegulation().data;
  if (!mine?.pending) return null;
  return (
    <Alert color="yellow" variant="light" py={6} mb="sm" data-testid="svc-regulation-banner">
      <Group gap="md" justify="space-between" wrap="nowrap">
        <Text size="sm">{t('desk.regulation.banner', { version: mine.version })}</Text>
      </Group>
    </Alert>
  );
}
