import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMarkRead, useNotifications } from '../../api/schedule';
import { useLang } from '../../i18n';
import { formatInstant } from '../../lib/format';

/**
 * The doctor's notes, newest first («Пациент Иванов И. И. пришёл (приём в 12:30, опоздание
 * 12 мин.)»). Notes that arrive while the page is open glow until read; «Прочитано» per note.
 */
export function NotificationsList({ tz }: { tz: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data } = useNotifications();
  const markRead = useMarkRead();
  const seen = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const items = data?.items ?? [];
  const unread = items.filter((n) => !n.read);

  useEffect(() => {
    if (!data) return;
    if (!seen.current) {
      // The first load is not news: only what comes in later is highlighted.
      seen.current = new Set(data.items.map((n) => n.id));
      return;
    }
    const added = data.items.filter((n) => !seen.current!.has(n.id)).map((n) => n.id);
    if (!added.length) return;
    for (const id of added) seen.current.add(id);
    setFresh((f) => new Set([...f, ...added]));
  }, [data]);

  useEffect(() => {
    const base = t('app.name');
    document.title = unread.length ? `(${unread.length}) ${base}` : base;
    return () => {
      document.title = base;
    };
  }, [unread.length, t]);

  const visible = items.slice(0, 12);
  return (
    <Stack gap={6} data-testid="notifications">
      <Group justify="space-between">
        <Title order={3}>
          {t('schedule.myDay.notifications')}
          {unread.length > 0 && (
            <Text span c="red.7" fw={700} ml={8}>
              {unread.length}
            </Text>
          )}
        </Title>
        {unread.length > 1 && (
          <Button variant="subtle" size="xs" onClick={() => unread.forEach((n) => markRead.mutate(n.id))}>
            {t('schedule.myDay.readAll')}
          </Button>
        )}
      </Group>
      {visible.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('schedule.myDay.noNotifications')}
        </Text>
      )}
      {visible.map((n) => (
        <Paper
          key={n.id}
          withBorder
          p="xs"
          className="md-note"
          data-fresh={(fresh.has(n.id) && !n.read) || undefined}
          data-read={n.read || undefined}
          data-testid="notification"
          role={fresh.has(n.id) && !n.read ? 'alert' : undefined}
        >
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <div>
              <Text size="sm" fw={n.read ? 400 : 700}>
                {lang === 'en' ? n.textEn : n.textRu}
              </Text>
              <Text size="xs" c="dimmed">
                {formatInstant(n.createdAt, tz)}
                {n.patientId && (
                  <>
                    {' · '}
                    <Anchor component={Link} to={`/patients/${n.patientId}`} size="xs">
                      {t('schedule.myDay.openCard')}
                    </Anchor>
                  </>
                )}
              </Text>
            </div>
            {!n.read && (
              <Button variant="light" size="xs" onClick={() => markRead.mutate(n.id)} data-testid="notification-read" style={{ flexShrink: 0 }}>
                {t('schedule.myDay.markRead')}
              </Button>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
