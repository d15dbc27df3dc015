import { Badge, Button, Group, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DESK_COVER_ROLES } from '../../../src/domain/permissions.js';
import { ME_KEY } from '../api/auth';
import { leaveDesk, takeDesk } from '../api/deskCover';
import { timeOf } from '../lib/format';
import { notifyError } from '../lib/notify';
import { useMe } from './session';

/**
 * DESK-6: when the administrator steps away, the senior nurse, an assistant or a doctor takes the
 * desk here; the menu then shows the desk's screens until they hand it back.
 */
export function DeskCoverButton() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ME_KEY });
  const take = useMutation({ mutationFn: takeDesk, onSuccess: async () => { await refresh(); navigate('/schedule'); }, onError: notifyError });
  const leave = useMutation({ mutationFn: leaveDesk, onSuccess: async () => { await refresh(); navigate('/'); }, onError: notifyError });
  if (!DESK_COVER_ROLES.includes(me.user.role) || me.user.mustChangePassword) return null;
  if (me.deskCover) {
    return (
      <Group gap={6} wrap="nowrap" data-testid="desk-cover">
        <Badge color="orange" variant="light" size="lg">
          {t('layout.deskCovering', { time: timeOf(me.deskCover.since, me.clinic.timeZone) })}
        </Badge>
        <Button size="xs" variant="light" color="orange" loading={leave.isPending} onClick={() => leave.mutate()}>
          {t('layout.deskLeave')}
        </Button>
      </Group>
    );
  }
  return (
    <Tooltip label={t('layout.deskTakeHint')} multiline w={320}>
      <Button size="xs" variant="light" color="orange" loading={take.isPending} onClick={() => take.mutate()} data-testid="desk-take">
        {t('layout.deskTake')}
      </Button>
    </Tooltip>
  );
}
