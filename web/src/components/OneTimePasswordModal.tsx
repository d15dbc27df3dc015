import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Shows a generated password exactly once: the server keeps only its hash, so it cannot be
 * shown again. The user changes it at first sign-in.
 */
export function OneTimePasswordModal({ login, password, onClose }: { login: string; password: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('staff.otpTitle')} closeOnClickOutside={false}>
      <Stack gap="sm">
        <Text size="sm">{t('staff.otpText', { login })}</Text>
        <Group gap="sm" wrap="nowrap">
          <Code fz="lg" p="sm" data-testid="one-time-password" style={{ userSelect: 'all', letterSpacing: 1 }}>
            {password}
          </Code>
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : undefined} onClick={copy} data-testid="copy-password">
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Alert color="yellow" variant="light">
          {t('staff.otpWarning')}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            {t('staff.otpDone')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
