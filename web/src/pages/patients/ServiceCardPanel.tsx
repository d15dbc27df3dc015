import { ActionIcon, Alert, Badge, Box, Button, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS, type Role } from '../../../../src/domain/roles.js';
import { SVC_LABELS, SVC_SECTIONS, type SvcSection } from '../../../../src/domain/service-card.js';
import { useServiceCard, type ServiceCardEntryT } from '../../api/desk';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { formatDate, formatInstant } from '../../lib/format';
import { shortFromFull } from '../../../../src/domain/names.js';
import { SECTIONS_WITH_MINUTES, ServiceCardForm } from './ServiceCardForm';
import { ServiceCardRules } from './ServiceCardRules';
import { SurveyConsentEditor } from './SurveyConsentEditor';

const newestFirst = (a: ServiceCardEntryT, b: ServiceCardEntryT) =>
  b.eventDate.localeCompare(a.eventDate) || b.createdAt.localeCompare(a.createdAt);

/**
 * SVC-12: what staff must know before meeting the patient («Важно: боится боли»), shown at the top
 * of the patient card without opening the service card.
 */
export function ServiceCardAlerts({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const { data } = useServiceCard(patientId);
  // The same warning written twice (two staff, two visits) is shown once.
  const alerts = (data?.items ?? [])
    .filter((e) => e.isAlert)
    .sort(newestFirst)
    .filter((e, i, all) => all.findIndex((x) => x.text.trim() === e.text.trim()) === i);
  if (!alerts.length) return null;
  return (
    <Alert color="orange" variant="light" p="sm" data-testid="svc-alerts">
      <Stack gap={2}>
        {alerts.map((e) => (
          <Text key={e.id} size="sm" fw={600} c="orange.9" data-testid="svc-alert-line">
            {t('desk.svc.importantLine', { text: e.text })}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

/** «Сервисная карта клиента»: entries grouped by the ten sections of the seed document (SVC-1…10). */
export function ServiceCardPanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const writable = can('servicecard.write');
  const { data, isPending, error } = useServiceCard(patientId);
  // false: form closed; null: open without a section; 'svcN': open on that section.
  const [adding, setAdding] = useState<SvcSection | null | false>(false);

  const bySection = useMemo(() => {
    const map = new Map<string, ServiceCardEntryT[]>();
    for (const e of [...(data?.items ?? [])].sort(newestFirst)) map.set(e.section, [...(map.get(e.section) ?? []), e]);
    return map;
  }, [data]);

  return (
    <Paper withBorder p="md" data-testid="service-card">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {t('desk.svc.title')}
        </Title>
        {writable && (
          <Button size="xs" onClick={() => setAdding(null)} data-testid="svc-add">
            {t('desk.svc.add')}
          </Button>
        )}
      </Group>
      <ServiceCardRules />
      <SurveyConsentEditor patientId={patientId} />
      <QueryState isPending={isPending} error={error} />
      {data && (
        <Stack gap={0} mt="xs">
          {SVC_SECTIONS.map((s, i) => {
            const entries = bySection.get(s) ?? [];
            return (
              <Box key={s} py={8} style={{ borderTop: i ? '1px solid var(--mantine-color-gray-2)' : undefined }} data-testid="svc-section-block" data-section={s}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" fw={600} c={entries.length ? undefined : 'dimmed'}>
                    {SVC_LABELS[s][lang]}
                    {!entries.length && (
                      <Text span size="xs" c="dimmed" fw={400}>
                        {' '}— {t('desk.svc.empty')}
                      </Text>
                    )}
                  </Text>
                  {writable && (
                    <Tooltip label={t('desk.svc.addTo', { section: SVC_LABELS[s][lang] })}>
                      <ActionIcon variant="subtle" size="sm" aria-label={t('desk.svc.addTo', { section: SVC_LABELS[s][lang] })} onClick={() => setAdding(s)} data-testid={`svc-add-${s}`}>
                        +
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
                {entries.length > 0 && (
                  <Stack gap={6} mt={6} pl="sm">
                    {entries.map((e) => (
                      <EntryView key={e.id} e={e} />
                    ))}
                  </Stack>
                )}
              </Box>
            );
          })}
        </Stack>
      )}
      {adding !== false && <ServiceCardForm patientId={patientId} section={adding} onClose={() => setAdding(false)} />}
    </Paper>
  );
}

function EntryView({ e }: { e: ServiceCardEntryT }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const role = ROLE_LABELS[e.authorRole as Role]?.[lang] ?? e.authorRole;
  return (
    <Box
      data-testid="svc-entry"
      data-alert={e.isAlert}
      pl="sm"
      py={4}
      style={{
        borderLeft: `3px solid var(--mantine-color-${e.isAlert ? 'orange-6' : 'gray-3'})`,
        background: e.isAlert ? 'var(--mantine-color-orange-0)' : undefined,
      }}
    >
      <Group gap={6} wrap="wrap">
        {e.isAlert && (
          <Badge color="orange" size="sm" tt="none">
            {t('desk.svc.important')}
          </Badge>
        )}
        {e.minutes != null && SECTIONS_WITH_MINUTES.includes(e.section as SvcSection) && (
          <Badge color="gray" variant="light" size="sm" tt="none">
            {t('desk.svc.minutesValue', { n: e.minutes })}
          </Badge>
        )}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="svc-entry-text">
          {e.text}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" title={formatInstant(e.createdAt, tz)} data-testid="svc-entry-signature">
        {t('desk.svc.signed', { date: formatDate(e.eventDate), author: shortFromFull(e.authorName), role: role.toLocaleLowerCase(lang === 'en' ? 'en' : 'ru-RU') })}
      </Text>
    </Box>
  );
}
