import { Alert, Anchor, Button, CopyButton, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNewFeedToken } from '../../api/desk';

/**
 * «Календарь на телефон»: a secret iCalendar address of the doctor's visits. The server keeps only
 * its hash, so the address is shown once; issuing a new one disables the previous.
 */
export function DoctorFeedPanel({ doctorId }: { doctorId: string }) {
  const { t } = useTranslation();
  const issue = useNewFeedToken(doctorId);
  const [confirming, setConfirming] = useState(false);
  const url = issue.data ? `${window.location.origin}${issue.data.path}` : null;
  const webcal = url ? url.replace(/^https?:/, 'webcal:') : null;

  const run = () => {
    setConfirming(false);
    issue.mutate();
  };

  return (
    <Paper withBorder p="md" maw={860} data-testid="feed-panel">
      <Stack gap="sm">
        <Text size="sm">{t('desk.feed.text')}</Text>
        <Text size="sm" c="dimmed">
          {t('desk.feed.disablesOld')}
        </Text>
        {url && (
          <Stack gap="xs">
            <Group gap="sm" wrap="nowrap" align="flex-end">
              <TextInput
                label={t('desk.feed.address')}
                value={url}
                readOnly
                onFocus={(e) => e.currentTarget.select()}
                style={{ flex: 1 }}
                styles={{ input: { fontFamily: 'monospace' } }}
                data-testid="feed-url"
              />
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : undefined} onClick={copy} data-testid="feed-copy">
                    {copied ? t('common.copied') : t('common.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            {webcal && (
              <Anchor href={webcal} size="sm">
                {t('desk.feed.open')}
              </Anchor>
            )}
            <Alert color="yellow" variant="light">
              {t('desk.feed.once')}
            </Alert>
          </Stack>
        )}
        {confirming ? (
          <Alert color="orange" variant="light" data-testid="feed-confirm">
            <Text size="sm" mb="sm">
              {t('desk.feed.confirm')}
            </Text>
            <Group gap="sm">
              <Button color="orange" onClick={run} loading={issue.isPending} data-autofocus data-testid="feed-confirm-yes">
                {t('desk.feed.confirmYes')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Alert>
        ) : (
          <Group>
            <Button variant={url ? 'default' : 'filled'} onClick={() => setConfirming(true)} disabled={issue.isPending} data-testid="feed-issue">
              {url ? t('desk.feed.reissue') : t('desk.feed.issue')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
