import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SVC_LABELS, type SvcSection } from '../../../src/domain/service-card.js';
import { isSurveyCardEntry } from '../../../src/domain/surveys.js';
import { useServiceCard } from '../api/desk';
import { useCan } from './session';

/**
 * SVC-12: what matters about the patient where staff act — the booking picker, the walk-in dialog
 * and the call card (all three pick the patient with BookingPatientPicker). Staff recommendations
 * (SVC-10) first, then the entries marked «show when booking and on arrival»; whoever phones
 * patients (calls.write: the desk) also sees the latest phone wish (SVC-1). README «Service card
 * alerts by role» gives the reasons.
 */
export function PatientAlerts({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const can = useCan();
  const entries = [...(useServiceCard(patientId).data?.items ?? [])].sort((a, b) => b.eventDate.localeCompare(a.eventDate) || b.createdAt.localeCompare(a.createdAt));
  const recs = entries.filter((e) => e.section === 'svc10').slice(0, 3);
  const alerts = entries.filter((e) => e.isAlert && e.section !== 'svc10');
  // The latest wish, not the survey's own notes (they sit in the same section).
  const wish = can('calls.write') ? entries.find((e) => e.section === 'svc1' && !isSurveyCardEntry(e.text)) : undefined;
  const shown = [...recs, ...alerts, ...(wish && !alerts.includes(wish) ? [wish] : [])];
  if (!shown.length) return null;
  return (
    <Alert color="red" variant="light" p="xs" title={t('schedule.badge.alerts')} data-testid="patient-alerts">
      <List size="sm" spacing={2}>
        {shown.map((x) => (
          <List.Item key={x.id}>
            <Text span size="xs" c="dimmed">{SVC_LABELS[x.section as SvcSection]?.[lang] ?? x.section}: </Text>
            {x.text}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
