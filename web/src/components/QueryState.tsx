import { Alert, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useLang } from '../i18n';
import { NoAccess } from './NoAccess';

/** Loading spinner or an error line for a query that the page cannot do without. */
export function QueryState({ isPending, error }: { isPending: boolean; error: unknown }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (error) {
    if (error instanceof ApiError && error.status === 404) return <NoAccess notFound />;
    if (error instanceof ApiError && error.status === 403) return <NoAccess />;
    return (
      <Alert color="red" variant="light" title={t('common.errorTitle')}>
        {error instanceof ApiError ? error.detailIn(lang) : String(error)}
      </Alert>
    );
  }
  if (isPending) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  }
  return null;
}
