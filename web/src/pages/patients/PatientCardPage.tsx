import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fullName } from '../../../../src/domain/names.js';
import { usePatient, useUpdatePatient, type Patient } from '../../api/patients';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone } from '../../components/session';
import { ageOn, formatDate, formatInstant, todayIn } from '../../lib/format';
import { notifySaved } from '../../lib/notify';
import { draftFrom, PatientForm } from './PatientForm';
import { PatientVisits } from './PatientVisits';
import { ServiceCardAlerts, ServiceCardPanel } from './ServiceCardPanel';

/** The medical card: read at a glance, edited in place by roles with patients.write. */
export function PatientCardPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const { data: patient, isPending, error } = usePatient(id);
  const update = useUpdatePatient(id ?? '');
  const [editing, setEditing] = useState(false);

  if (!patient) return <QueryState isPending={isPending} error={error} />;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Anchor component={Link} to="/patients" size="sm">
          ← {t('patient.backToSearch')}
        </Anchor>
        {can('audit.read') && (
          <Anchor component={Link} to={`/audit?patientId=${patient.id}`} size="sm" c="dimmed">
            {t('patient.auditLink')}
          </Anchor>
        )}
      </Group>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="sm" c="dimmed" data-testid="card-number">
            {t('patient.cardNo', { n: patient.cardNumber })}
          </Text>
          <Title order={2} data-testid="patient-name">
            {fullName(patient)}
          </Title>
        </div>
        {!editing && can('patients.write') && (
          <Button onClick={() => setEditing(true)} data-testid="patient-edit">
            {t('common.edit')}
          </Button>
        )}
      </Group>
      <ServiceCardAlerts patientId={patient.id} />
      {editing ? (
        <PatientForm
          initial={draftFrom(patient)}
          saving={update.isPending}
          error={update.error}
          submitLabel={t('common.save')}
          onCancel={() => {
            update.reset();
            setEditing(false);
          }}
          onSubmit={(input) =>
            update.mutate(input, {
              onSuccess: () => {
                notifySaved();
                setEditing(false);
              },
            })
          }
        />
      ) : (
        <PatientView patient={patient} />
      )}
      <PatientVisits patientId={patient.id} />
      <ServiceCardPanel patientId={patient.id} />
    </Stack>
  );
}

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children || (
          <Text span c="dimmed" size="sm">
            —
          </Text>
        )}
      </Text>
    </div>
  );
}

function PatientView({ patient: p }: { patient: Patient }) {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const hasConsent = !!p.pdConsentDate;
  return (
    <Stack gap="md" data-testid="patient-view">
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md" verticalSpacing="sm">
          <Field label={t('patient.birthDate')} testId="patient-birth-date">
            {p.birthDate && `${formatDate(p.birthDate)} (${t('patients.age', { count: ageOn(p.birthDate, todayIn(tz)) })})`}
          </Field>
          <Field label={t('patient.sex')}>{p.sex && t(`sex.${p.sex}`)}</Field>
          <Field label={t('patient.addressAs')}>{p.addressAs}</Field>
          <Field label={t('patient.source')}>{p.sourceName}</Field>
          <Field label={t('patient.phones')} testId="patient-phones">
            {p.phones.length > 0 && (
              <Stack gap={2}>
                {p.phones.map((ph) => (
                  <div key={ph.number}>
                    <Anchor href={`tel:${ph.number}`} size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                      {ph.display}
                    </Anchor>{' '}
                    <Text span size="xs" c="dimmed">
                      {t(`phoneKind.${ph.kind}`)}
                      {ph.note ? ` · ${ph.note}` : ''}
                    </Text>
                  </div>
                ))}
              </Stack>
            )}
          </Field>
          <Field label={t('patient.email')}>{p.email && <Anchor href={`mailto:${p.email}`} size="sm">{p.email}</Anchor>}</Field>
          <Field label={t('patient.consent')} testId="patient-consent">
            {hasConsent ? (
              <Badge color="teal" variant="light" tt="none">
                {p.pdConsentVersion
                  ? t('patient.consentGiven', { version: p.pdConsentVersion, date: formatDate(p.pdConsentDate) })
                  : t('patient.consentGivenNoVersion', { date: formatDate(p.pdConsentDate) })}
              </Badge>
            ) : (
              <Badge color="orange" variant="filled" tt="none" data-testid="consent-missing">
                {t('patient.consentMissing')}
              </Badge>
            )}
          </Field>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Field label={t('patient.note')}>
          {p.note && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{p.note}</Text>}
        </Field>
      </Paper>
      <Text size="xs" c="dimmed">
        {t('patient.createdAt', { at: formatInstant(p.createdAt, tz) })} · {t('patient.updatedAt', { at: formatInstant(p.updatedAt, tz) })}
      </Text>
    </Stack>
  );
}
