import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { consumeSessionExpired, login, ME_KEY, useMeQuery } from '../../api/auth';
import { ApiError } from '../../api/client';
import { homePath } from '../../components/navigation';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useLang } from '../../i18n';

type From = { from?: string } | null;

export function LoginPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as From;
  const queryClient = useQueryClient();
  const { data: me } = useMeQuery();
  const [loginValue, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [expired] = useState(consumeSessionExpired);

  const mutation = useMutation({
    mutationFn: login,
    // Errors are shown in the form itself (wrong password, too many attempts with the wait).
    meta: { silent: true },
    onSuccess: (result) => {
      queryClient.setQueryData(ME_KEY, result);
      if (result.user.mustChangePassword) navigate('/password', { replace: true });
      else navigate(state?.from && state.from !== '/login' ? state.from : homePath(result.permissions, result.user.doctorId), { replace: true });
    },
  });

  if (me && !mutation.isPending && !mutation.isSuccess) {
    return <Navigate to={me.user.mustChangePassword ? '/password' : homePath(me.permissions, me.user.doctorId)} replace />;
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({ login: loginValue.trim(), password });
  };

  const error = mutation.error instanceof ApiError ? mutation.error : null;

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="xs" p="xl" w={380} component="main">
        <form onSubmit={onSubmit} noValidate aria-label={t('login.title')}>
          <Stack gap="md">
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={2}>{t('app.name')}</Title>
                <Text size="sm" c="dimmed">
                  {t('login.subtitle')}
                </Text>
              </div>
              <LanguageSwitch />
            </Group>
            {expired && !error && (
              <Alert color="yellow" variant="light" data-testid="session-expired">
                {t('login.expired')}
              </Alert>
            )}
            {error && (
              <Alert color="red" variant="light" role="alert" data-testid="login-error">
                {error.detailIn(lang)}
              </Alert>
            )}
            <TextInput
              label={t('login.login')}
              value={loginValue}
              onChange={(e) => setLogin(e.currentTarget.value)}
              autoComplete="username"
              autoFocus
              required
              autoCapitalize="off"
              spellCheck={false}
            />
            <PasswordInput
              label={t('login.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
              required
            />
            <Button type="submit" loading={mutation.isPending} disabled={!loginValue.trim() || !password}>
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
