import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { EQUIPMENT_LABELS, INCIDENT_KIND_LABELS } from '../../../src/domain/incidents.js';
import { INCIDENTS_KEY, useIncidents } from '../api/incidents';
import { subscribeLive } from '../live/liveStream';
import { useLang } from '../i18n';
import { dateOf, formatInstant, timeOf, todayIn } from '../lib/format';
import { useCan, useClinicTimeZone } from './session';

/**
 * DESK-5: the open failures, in red above every screen, so a doctor knows the X-ray is down
 * before calling a patient in. A new or resolved incident arrives over /api/events, no reload.
 */
export function IncidentBanner() {
  const can = useCan();
  if (!can('incidents.read')) return null;
  return <OpenIncidents />;
}

function OpenIncidents() {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const qc = useQueryClient();
  const open = useIncidents();
  const { pathname } = useLocation();
  useEffect(
    () =>
      // The tab's one live stream, shared with the schedule (a stream each could starve the browser's connections).
      subscribeLive({
        onEvent: (kind) => kind === 'incident' && void qc.invalidateQueries({ queryKey: INCIDENTS_KEY }),
        onState: (state) => state === 'open' && void qc.invalidateQueries({ queryKey: INCIDENTS_KEY }),
      }),
    [qc],
  );
  const items = open.data?.items ?? [];
  if (!items.length) return null;
  const today = todayIn(tz);
  return (
    <Stack gap={6} mb="sm" data-testid="incident-banner" role="alert">
      {items.map((i) => (
        <Alert key={i.id} color="red" variant="filled" py={6} data-testid="incident-banner-item">
          <Group gap="md" wrap="nowrap" justify="space-between">
            <Text size="sm">
              {/* The failed equipment says more than «Отказ оборудования». */}
              <Text span fw={700}>{t('incidents.banner.title', { branch: i.branchName, kind: i.equipment ? EQUIPMENT_LABELS[i.equipment][lang] : INCIDENT_KIND_LABELS[i.kind][lang] })}</Text>
              {' — '}{i.description}
              {' · '}{t('incidents.banner.since', { time: dateOf(i.startedAt, tz) === today ? timeOf(i.startedAt, tz) : formatInstant(i.startedAt, tz) })}
            </Text>
            {pathname !== '/incidents' && (
              <Anchor component={Link} to="/incidents" c="white" fw={700} size="sm" underline="always" style={{ flexShrink: 0 }}>
                {t('incidents.banner.open')}
              </Anchor>
            )}
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}
