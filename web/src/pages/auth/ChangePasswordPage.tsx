import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LIMITS } from '../../../../src/contracts/common.js';
import { changePassword, fetchMe, ME_KEY } from '../../api/auth';
import { ApiError } from '../../api/client';
import { useLang } from '../../i18n';
import { FormErrors } from '../../components/FormErrors';
import { homePath } from '../../components/navigation';
import { useMe } from '../../components/session';
import { useFieldErrors } from '../../lib/fieldErrors';
import { notifySaved } from '../../lib/notify';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: changePassword,
    meta: { silent: true },
    onSuccess: async () => {
      const fresh = await fetchMe();
      queryClient.setQueryData(ME_KEY, fresh);
      notifySaved(t('password.changed'));
      navigate(fresh ? homePath(fresh.permissions, fresh.user.doctorId) : '/login', { replace: true });
    },
  });
  const errors = useFieldErrors(mutation.error);
  const lang = useLang();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (next.length < LIMITS.passwordMin) return setLocalError(t('password.tooShort', { min: LIMITS.passwordMin }));
    if (next !== repeat) return setLocalError(t('password.mismatch'));
    setLocalError(null);
    mutation.mutate({ currentPassword: current, newPassword: next });
  };

  return (
    <Stack maw={440} gap="md">
      <Title order={2}>{t('password.title')}</Title>
      {me.user.mustChangePassword && (
        <Alert color="yellow" variant="light" data-testid="must-change-password">
          {t('password.mustChange')}
        </Alert>
      )}
      <Paper withBorder p="md">
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <PasswordInput
              label={t('password.current')}
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              autoComplete="current-password"
              error={errors.field('currentPassword')}
              required
              autoFocus
            />
            <PasswordInput
              label={t('password.new')}
              description={t('password.rule', { min: LIMITS.passwordMin })}
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
              autoComplete="new-password"
              error={errors.field('newPassword')}
              required
            />
            <PasswordInput
              label={t('password.repeat')}
              value={repeat}
              onChange={(e) => setRepeat(e.currentTarget.value)}
              autoComplete="new-password"
              required
            />
            {mutation.error instanceof ApiError && mutation.error.errors.length === 0 && (
              <Text c="red" size="sm" role="alert" data-testid="password-error">
                {mutation.error.detailIn(lang)}
              </Text>
            )}
            <FormErrors messages={errors.rest((f) => f === 'currentPassword' || f === 'newPassword')} />
            {localError && (
              <Text c="red" size="sm" role="alert">
                {localError}
              </Text>
            )}
            <Button type="submit" loading={mutation.isPending} disabled={!current || !next || !repeat}>
              {t('password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
