import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMeQuery } from '../api/auth';
import { QueryState } from './QueryState';
import { MeProvider } from './session';

/**
 * Gate of the signed-in area: sends strangers to /login (remembering where they were going)
 * and users with a temporary password to /password before anything else.
 */
export function RequireAuth() {
  const { t } = useTranslation();
  const { data: me, isPending, error } = useMeQuery();
  const location = useLocation();
  if (isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (error) {
    // The server is unreachable or failing: say so instead of sending a signed-in user to /login.
    return (
      <Center h="100vh" p="md">
        <QueryState isPending={false} error={error} />
      </Center>
    );
  }
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.user.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return (
    <MeProvider me={me}>
      <Outlet />
    </MeProvider>
  );
}
