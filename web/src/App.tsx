import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import 'dayjs/locale/ru';
import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { markSessionExpired, ME_KEY } from './api/auth';
import { setUnauthorizedHandler } from './api/client';
import { createQueryClient } from './api/queryClient';
import { useLang } from './i18n';
import { createAppRouter } from './routes';
import { theme } from './theme';

export function App() {
  const lang = useLang();
  const queryClient = useMemo(() => createQueryClient(), []);
  const router = useMemo(() => createAppRouter(), []);

  useMemo(() => {
    // A 401 on any call means the session ended (expired or revoked). Forgetting "me" makes
    // RequireAuth send the user to sign-in, remembering the page to come back to.
    setUnauthorizedHandler(() => {
      markSessionExpired();
      queryClient.setQueryData(ME_KEY, null);
    });
  }, [queryClient]);

  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: lang, firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          {/* Bottom-left: top-right covered the visit panel's patient name and actions. */}
          <Notifications position="bottom-left" />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
