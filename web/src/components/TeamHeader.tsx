import { Alert, Anchor, Badge, Box, Button, Group, Text, Tooltip } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { TASKS_KEY, TEAM_KEY, useMyJob, useUnread } from '../api/team';
import { subscribeLive } from '../live/liveStream';

/**
 * STAFF-3: the unread counter in the header. A new message, a read mark, a task or an arrival
 * (the doctor's automatic note) comes over the tab's one live stream; the lists refetch.
 */
export function UnreadMessagesButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const unread = useUnread().data?.unread ?? 0;
  useEffect(
    () =>
      subscribeLive({
        onEvent: (kind) => {
          if (kind === 'team_message' || kind === 'arrival') void qc.invalidateQueries({ queryKey: TEAM_KEY });
          if (kind === 'task') void qc.invalidateQueries({ queryKey: TASKS_KEY });
        },
        onState: (state) => state === 'open' && void qc.invalidateQueries({ queryKey: TEAM_KEY }),
      }),
    [qc],
  );
  return (
    <Tooltip label={t('team.unreadHint')}>
      <Button variant={unread ? 'light' : 'subtle'} color={unread ? 'red' : 'gray'} size="xs" onClick={() => navigate('/team/messages')} data-testid="unread-messages" aria-label={t('team.nav.messages')}
        rightSection={unread ? <Badge color="red" size="sm" circle data-testid="unread-count">{unread}</Badge> : undefined}>
        {/* A phone's header has no room for the word: the envelope and the count stay. */}
        <span aria-hidden="true">✉</span>
        <Box component="span" visibleFrom="sm" ml={6}>{t('team.nav.messages')}</Box>
      </Button>
    </Tooltip>
  );
}

/** STAFF-2: until the employee confirms the current version of their role's description, a banner asks. */
export function JobDescriptionBanner() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const mine = useMyJob().data;
  if (!mine?.pending) return null;
  return (
    <Alert color="yellow" variant="light" py={6} mb="sm" data-testid="job-banner">
      <Group gap="md" justify="space-between" wrap="nowrap">
        <Text size="sm">{t('team.jobs.banner', { version: mine.version })}</Text>
        {pathname !== '/team/descriptions' && (
          <Anchor component={Link} to="/team/descriptions" size="sm" fw={700} style={{ flexShrink: 0 }}>{t('team.jobs.bannerOpen')}</Anchor>
        )}
      </Group>
    </Alert>
  );
}
