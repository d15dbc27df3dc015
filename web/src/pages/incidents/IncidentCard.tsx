import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { EQUIPMENT_LABELS, INCIDENT_KIND_LABELS } from '../../../../src/domain/incidents.js';
import { useIncidentNote, useResolveIncident, type IncidentT } from '../../api/incidents';
import { useCan, useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { notifySaved } from '../../lib/notify';

export function durationText(min: number, t: TFunction): string {
  return min < 60 ? t('incidents.minutes', { count: min }) : t('incidents.hours', { h: Math.floor(min / 60), m: min % 60 });
}

/** One incident: what, where, since when, the timeline of notes; a note or «Устранено» for the desk. */
export function IncidentCard({ i }: { i: IncidentT }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const writable = useCan()('incidents.write');
  const note = useIncidentNote();
  const resolve = useResolveIncident();
  const [text, setText] = useState('');
  const [resolution, setResolution] = useState('');
  const open = !i.resolvedAt;
  // A closed incident still takes a note (what was checked afterwards), but the log stays quiet until asked.
  const [noting, setNoting] = useState(open);
  return (
    <Paper withBorder p="md" data-testid="incident-card" style={open ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}>
      <Stack gap={6}>
        <Group gap="xs">
          <Badge color={open ? 'red' : 'gray'}>{INCIDENT_KIND_LABELS[i.kind][lang]}{i.equipment ? `: ${EQUIPMENT_LABELS[i.equipment][lang]}` : ''}</Badge>
          <Text fw={600}>{i.branchName}</Text>
          {i.affectsVisits && <Badge color="orange" variant="light">{t('incidents.affects')}</Badge>}
        </Group>
        <Text>{i.description}</Text>
        <Text size="sm" c="dimmed">
          {t('incidents.since', { time: formatInstant(i.startedAt, tz) })}, {t('incidents.loggedBy', { name: i.loggedBy.name })} · {t('incidents.downtime', { value: durationText(i.downtimeMinutes, t) })}
        </Text>
        {i.notes.length > 0 && (
          <Stack gap={2} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
            {i.notes.map((n) => (
              <Text key={n.id} size="sm">
                <Text span c="dimmed">{formatInstant(n.at, tz)}, {n.userName}:</Text> {n.text}
              </Text>
            ))}
          </Stack>
        )}
        {i.resolvedAt && (
          <Text size="sm" c="teal.8">
            {t('incidents.resolvedAt', { time: formatInstant(i.resolvedAt, tz), name: i.resolvedBy?.name ?? '' })}: {i.resolution}
          </Text>
        )}
        {writable && !noting && (
          <Button variant="subtle" size="compact-sm" w="fit-content" onClick={() => setNoting(true)}>
            {t('incidents.addNote')}
          </Button>
        )}
        {writable && noting && (
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput aria-label={t('incidents.addNote')} placeholder={t('incidents.notePlaceholder')} value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={200} style={{ flex: 1, minWidth: 220 }} data-testid="incident-note" />
            <Button variant="default" disabled={!text.trim()} loading={note.isPending} onClick={() => note.mutate({ id: i.id, text }, { onSuccess: () => setText('') })}>
              {t('incidents.addNote')}
            </Button>
          </Group>
        )}
        {writable && open && (
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput aria-label={t('incidents.resolution')} placeholder={t('incidents.resolutionPlaceholder')} value={resolution} onChange={(e) => setResolution(e.currentTarget.value)} maxLength={200} style={{ flex: 1, minWidth: 220 }} data-testid="incident-resolution" />
            <Button color="teal" disabled={!resolution.trim()} loading={resolve.isPending} data-testid="incident-resolve"
              onClick={() => resolve.mutate({ id: i.id, resolution }, { onSuccess: () => notifySaved(t('incidents.resolved')) })}>
              {t('incidents.resolve')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
