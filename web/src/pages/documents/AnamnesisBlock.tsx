import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIssueDocument } from '../../api/documents';
import { useVisitAnamnesis, type AnamnesisT } from '../../api/questionnaires';
import { useCan } from '../../components/session';
import { formatDate } from '../../lib/format';
import { QuestionnaireModal } from './QuestionnaireModal';

type Visit = { id: string; patientId: string; status: string; patientName: string };

/** The red flags as one line: «гипертония; принимает антикоагулянты (варфарин)». */
export const flagsText = (a: AnamnesisT) => (a.redFlags ?? []).map((f) => (f.text ? `${f.label} (${f.text})` : f.label)).join('; ');

/**
 * DOC-2 on the appointment (visit panel): the red block «Анамнез: …» of the latest valid health
 * questionnaire with its date for the medical staff, or the renewal reminder with «Заполнить анкету».
 */
export function AnamnesisBlock({ a }: { a: Visit }) {
  const { t } = useTranslation();
  const can = useCan();
  const live = a.status !== 'cancelled' && a.status !== 'no_show';
  const { data } = useVisitAnamnesis(a.id, live && can('patients.read'));
  const issue = useIssueDocument(a.patientId);
  const [open, setOpen] = useState<string | null>(null);
  if (!live || !data) return null;
  const fill = (code: 'health-questionnaire' | 'careful-questionnaire') => {
    if (code === 'health-questionnaire' && data.openDocumentId) return setOpen(data.openDocumentId);
    issue.mutate({ templateCode: code, appointmentId: a.id }, { onSuccess: (d) => setOpen(d.id) });
  };
  const mayFill = can('questionnaires.fill') && (!!data.openDocumentId || can('documents.issue'));
  const modal = open && <QuestionnaireModal documentId={open} patient={{ id: a.patientId, name: a.patientName }} onClose={() => setOpen(null)} />;
  const buttons = mayFill && (
    <Group gap={6} mt={6}>
      <Button size="compact-md" color="orange" loading={issue.isPending} onClick={() => fill('health-questionnaire')} data-testid="anamnesis-fill">{t('qn.fill')}</Button>
      {can('documents.issue') && (
        <Button size="compact-md" variant="default" loading={issue.isPending} onClick={() => fill('careful-questionnaire')} data-testid="anamnesis-fill-careful">{t('qn.fillCareful')}</Button>
      )}
    </Group>
  );

  if (data.state !== 'valid') {
    return (
      <Alert color="orange" variant="light" p="xs" data-testid="anamnesis-reminder" data-state={data.state}>
        <Text size="sm" fw={600}>
          {data.state === 'expired' ? t('qn.anamnesis.expired', { date: formatDate(data.signedDate), until: formatDate(data.validUntil) }) : t('qn.anamnesis.missing')}
        </Text>
        {data.openDocumentId && <Text size="xs" c="dimmed">{t('qn.anamnesis.open')}</Text>}
        {buttons}
        {modal}
      </Alert>
    );
  }
  if (data.redFlags === null) return modal || null;
  if (!data.answered) return <Text size="sm" c="dimmed" data-testid="anamnesis-not-typed">{t('qn.anamnesis.notTyped', { date: formatDate(data.signedDate) })}</Text>;
  if (!data.redFlags.length) return <Text size="sm" c="teal.8" data-testid="anamnesis-clear">✓ {t('qn.anamnesis.none', { date: formatDate(data.signedDate) })}</Text>;
  return (
    <Alert color="red" variant="filled" p="xs" data-testid="anamnesis-red">
      <Text size="sm" fw={700} c="inherit">
        {t('qn.anamnesis.title')}: {flagsText(data)}
      </Text>
      <Text size="xs" c="inherit" opacity={0.9}>{t('qn.anamnesis.of', { date: formatDate(data.signedDate) })}</Text>
    </Alert>
  );
}

/** One line for a list (a doctor's day, the confirmation call): red flags for the medical staff, or the reminder. */
export function AnamnesisLine({ item, forCall = false }: { item: AnamnesisT | undefined; forCall?: boolean }) {
  const { t } = useTranslation();
  if (!item) return null;
  if (item.state !== 'valid') {
    return (
      <Text size="sm" c="orange.9" fw={600} data-testid="anamnesis-line-reminder" data-state={item.state}>
        ⚠ {forCall ? t(`qn.call.${item.state}`) : item.state === 'expired' ? t('qn.anamnesis.expired', { date: formatDate(item.signedDate), until: formatDate(item.validUntil) }) : t('qn.anamnesis.missing')}
      </Text>
    );
  }
  if (!item.redFlags?.length) return null;
  return (
    <Text size="sm" fw={700} c="white" bg="red.7" px={6} py={2} style={{ borderRadius: 4, display: 'inline-block' }} data-testid="anamnesis-line-red">
      {t('qn.anamnesis.title')}: {flagsText(item)} · {t('qn.anamnesis.of', { date: formatDate(item.signedDate) })}
    </Text>
  );
}
