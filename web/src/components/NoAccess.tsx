import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NoAccess({ notFound = false }: { notFound?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" gap="sm" maw={520}>
      <Title order={2}>{notFound ? t('errors.notFoundTitle') : t('errors.noAccessTitle')}</Title>
      <Text c="dimmed">{notFound ? t('errors.notFoundText') : t('errors.noAccessText')}</Text>
      <Button component={Link} to="/" variant="light">
        {t('errors.toStart')}
      </Button>
    </Stack>
  );
}
