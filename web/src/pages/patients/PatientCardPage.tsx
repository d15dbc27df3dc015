import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePatient, useUpdatePatient, type Patient } from '../../api/patients';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone } from '../../components/session';
import { ageOn, formatDate, formatInstant, todayIn } from '../../lib/format';
import { notifySaved } from '../../lib/notify';
import { PdDestroyZone } from '../retention/DestroyModal';
import { patientName, PdStateNotice } from '../retention/pdState';
import { draftFrom, PatientForm } from './PatientForm';
import { PatientVisits } from './PatientVisits';
import { BalanceBadge, PatientMoneyPanel } from '../cash/PatientMoneyPanel';
import { ServiceCardAlerts, ServiceCardPanel } from './ServiceCardPanel';
import { MailingConsentPanel } from '../mailings/MailingConsentPanel';
import { PatientInsurancePanel } from '../insurance/PatientInsurancePanel';
import { PatientTaxPanel } from '../insurance/PatientTaxPanel';
import { PatientDocumentsPanel } from '../documents/PatientDocumentsPanel';

/** The medical card: read at a glance, edited in place by roles with patients.write. */
export function PatientCardPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const { data: patient, isPending, error } = usePatient(id);
  const update = useUpdatePatient(id ?? '');
  const [editing, setEditing] = useState(false);

  if (!patient) return <QueryState isPending={isPending} error={error} />;
  // 152-FZ art. 21: a blocked or destroyed card is kept, not processed: nothing on it is editable.
  const active = patient.pdState === 'active';

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
          <Title order={2} data-testid="patient-name" c={patient.pdState === 'destroyed' ? 'dimmed' : undefined}>
            {patientName(patient, t)}
          </Title>
          {can('billing.write') && patient.pdState !== 'destroyed' && <BalanceBadge patientId={patient.id} />}
        </div>
        {!editing && active && can('patients.write') && (
          <Button onClick={() => setEditing(true)} data-testid="patient-edit">
            {t('common.edit')}
          </Button>
        )}
      </Group>
      <PdStateNotice patient={patient} />
      {active && <ServiceCardAlerts patientId={patient.id} />}
      {editing && active ? (
        <PatientForm
          initial={draftFrom(patient)}
          patientId={patient.id}
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
      <PatientVisits patientId={patient.id} active={patient.pdState === 'active'} />
      {patient.pdState !== 'destroyed' && (
        <PatientDocumentsPanel patientId={patient.id} patientName={[patient.surname, patient.firstName, patient.patronymic].filter(Boolean).join(' ')} active={active} />
      )}
      {can('billing.write') && patient.pdState !== 'destroyed' && <PatientMoneyPanel patientId={patient.id} />}
      {can('insurance.manage') && patient.pdState !== 'destroyed' && <PatientInsurancePanel patientId={patient.id} active={active} />}
      {can('taxcert.issue') && active && (
        <PatientTaxPanel patient={{ id: patient.id, fullName: [patient.surname, patient.firstName, patient.patronymic].filter(Boolean).join(' '), birthDate: patient.birthDate }} />
      )}
      {active && <ServiceCardPanel patientId={patient.id} />}
      {active && <MailingConsentPanel patientId={patient.id} />}
      <PdDestroyZone patient={patient} />
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
  if (p.pdState === 'destroyed') return null;
  if (p.pdState === 'blocked') {
    return (
      <Paper withBorder p="md" data-testid="patient-view">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
          <Field label={t('patient.birthDate')} testId="patient-birth-date">
            {p.birthDate && formatDate(p.birthDate)}
          </Field>
          <Field label={t('patient.sex')}>{p.sex && t(`sex.${p.sex}`)}</Field>
        </SimpleGrid>
      </Paper>
    );
  }
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
