import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentPdfUrl, useDocumentTemplates, useIssueDocument, usePatientDocuments, type PatientDocumentT } from '../../api/documents';
import { usePatientAppointments } from '../../api/desk';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone } from '../../components/session';
import { formatDate, formatInstant, timeOf, dateOf, todayIn } from '../../lib/format';
import { notifySaved } from '../../lib/notify';
import { DocumentActionModal, type DocumentAction } from './DocumentActionModal';
import { DOC_STATUS_COLOR } from './documentStatus';
import { RepresentativeEditor } from './RepresentativeEditor';
import { QuestionnaireModal } from './QuestionnaireModal';

type Open = { doc: { id: string; title: string }; action: DocumentAction };

/** «Документы» of the patient card: the legal representative, issuing a document, the register with its statuses, signing. */
export function PatientDocumentsPanel({ patientId, patientName, active }: { patientId: string; patientName: string; active: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const tz = useClinicTimeZone();
  const { data: reg, isPending, error } = usePatientDocuments(patientId);
  const mayIssue = active && can('documents.issue');
  const [open, setOpen] = useState<Open | null>(null);
  const [answers, setAnswers] = useState<string | null>(null);
  const visits = usePatientAppointments(patientId, can('schedule.read')).data?.items;
  const visitLabel = useMemo(() => {
    const m = new Map<string, string>();
    for (const v of visits ?? []) m.set(v.id, `${formatDate(dateOf(v.startsAt, tz))} ${timeOf(v.startsAt, tz)}`);
    return m;
  }, [visits, tz]);

  return (
    <Paper withBorder p="md" data-testid="patient-documents">
      <Stack gap="sm">
        <Title order={4}>{t('docs.title')}</Title>
        {!reg ? (
          <QueryState isPending={isPending} error={error} />
        ) : (
          <>
            <RepresentativeEditor patientId={patientId} patientName={patientName} reg={reg} active={active} />
            {mayIssue && <IssueForm patientId={patientId} visits={visits ?? []} tz={tz} onIssued={(d, sign) => sign && setOpen({ doc: d, action: 'sign' })} />}
            {reg.items.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="documents-empty">{t('docs.register.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={760}>
                <Table verticalSpacing={6} fz="sm" striped highlightOnHover data-testid="documents-register">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('docs.register.document')}</Table.Th>
                      <Table.Th>{t('docs.register.version')}</Table.Th>
                      <Table.Th>{t('docs.register.visit')}</Table.Th>
                      <Table.Th>{t('docs.register.status')}</Table.Th>
                      <Table.Th>{t('docs.register.who')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {reg.items.map((d) => (
                      <Row key={d.id} d={d} tz={tz} visit={d.appointmentId ? visitLabel.get(d.appointmentId) ?? '✓' : t('docs.register.noVisit')} mayIssue={mayIssue} onAction={(action) => setOpen({ doc: d, action })} onAnswers={() => setAnswers(d.id)} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </Stack>
      {answers && <QuestionnaireModal documentId={answers} patient={{ id: patientId, name: patientName }} onClose={() => setAnswers(null)} />}
      {open && <DocumentActionModal doc={open.doc} patient={{ id: patientId, name: patientName }} initial={open.action} onClose={() => setOpen(null)} />}
    </Paper>
  );
}

function Row({ d, tz, visit, mayIssue, onAction, onAnswers }: { d: PatientDocumentT; tz: string; visit: string; mayIssue: boolean; onAction: (a: DocumentAction) => void; onAnswers: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const questionnaire = d.kind === 'health_questionnaire' || d.kind === 'careful_questionnaire';
  // DOC-2: a signed health questionnaire's answers are the medical staff's to read (152-FZ art. 10).
  const mayFill = questionnaire && d.status === 'issued' && can('questionnaires.fill');
  const mayRead = questionnaire && d.status !== 'issued' && d.status !== 'refused' && (d.kind === 'careful_questionnaire' || can('anamnesis.read'));
  const when =
    d.status === 'signed_on_paper' && d.paperDate ? t('docs.register.paperOn', { date: formatDate(d.paperDate) })
      : d.signedAt ? formatInstant(d.signedAt, tz)
      : t('docs.register.issuedOn', { date: formatInstant(d.issuedAt, tz) });
  return (
    <Table.Tr data-testid="document-row" data-status={d.status} data-template={d.templateCode}>
      <Table.Td>
        <Anchor href={documentPdfUrl(d.id)} target="_blank" rel="noopener" size="sm" fw={500} title={t('docs.register.openPdf')}>
          {d.title}
        </Anchor>
        <Text size="xs" c="dimmed">№ {d.number}</Text>
      </Table.Td>
      <Table.Td>{d.templateVersion}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{visit}</Table.Td>
      <Table.Td>
        <Badge color={DOC_STATUS_COLOR[d.status]} variant={d.status === 'issued' ? 'outline' : 'light'} tt="none" data-testid="document-status">
          {t(`docs.status.${d.status}`)}
        </Badge>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{when}</Text>
      </Table.Td>
      <Table.Td>
        {d.status === 'refused' ? (
          <Text size="xs" c="red.8">{t('docs.register.reason', { reason: d.refusalReason ?? '' })}</Text>
        ) : d.signerName ? (
          <Text size="sm">
            {d.signerName}
            {d.signer === 'representative' && <Text span size="xs" c="dimmed">{` (${t('docs.register.representative')})`}</Text>}
          </Text>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap', textAlign: 'right' }}>
        {(mayFill || mayRead) && (
          <Button size="compact-sm" variant={mayFill ? 'filled' : 'subtle'} color={mayFill ? 'orange' : undefined} mb={4} onClick={onAnswers} data-testid="document-answers">
            {mayFill ? t('qn.fill') : t('qn.view')}
          </Button>
        )}
        {d.status === 'issued' && mayIssue && (
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <Button size="compact-sm" onClick={() => onAction('sign')} data-testid="document-sign">{t('docs.actions.sign')}</Button>
            <Button size="compact-sm" variant="light" onClick={() => onAction('paper')} data-testid="document-paper">{t('docs.actions.paper')}</Button>
            <Button size="compact-sm" variant="subtle" color="red" onClick={() => onAction('refuse')} data-testid="document-refuse">{t('docs.actions.refuse')}</Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

type VisitLite = { id: string; startsAt: string; status: string };

function IssueForm({ patientId, visits, tz, onIssued }: { patientId: string; visits: VisitLite[]; tz: string; onIssued: (d: PatientDocumentT, sign: boolean) => void }) {
  const { t } = useTranslation();
  const templates = useDocumentTemplates().data?.items;
  const issue = useIssueDocument(patientId);
  const [code, setCode] = useState<string | null>(null);
  const [visit, setVisit] = useState<string | null>(null);
  const groups = useMemo(() => {
    const byKind = new Map<string, { value: string; label: string }[]>();
    for (const x of templates ?? []) {
      if (x.audience !== 'patient') continue;
      const g = t(`docs.kind.${x.kind}`);
      byKind.set(g, [...(byKind.get(g) ?? []), { value: x.code, label: x.title }]);
    }
    return [...byKind.entries()].map(([group, items]) => ({ group, items }));
  }, [templates, t]);
  const visitOptions = useMemo(() => {
    const now = Date.now();
    const live = visits.filter((v) => v.status !== 'cancelled' && v.status !== 'no_show');
    // The nearest upcoming first, then the latest past ones: the visit a document is for is almost always one of these.
    const upcoming = live.filter((v) => Date.parse(v.startsAt) >= now - 12 * 3600_000).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const past = live.filter((v) => Date.parse(v.startsAt) < now - 12 * 3600_000).sort((a, b) => b.startsAt.localeCompare(a.startsAt)).slice(0, 6);
    return [...upcoming, ...past].map((v) => ({ value: v.id, label: `${formatDate(dateOf(v.startsAt, tz))} ${timeOf(v.startsAt, tz)}`, today: dateOf(v.startsAt, tz) === todayIn(tz) }));
  }, [visits, tz]);
  // The patient at the desk today: the document is for today's visit unless the administrator picks another.
  const todays = visitOptions.find((o) => o.today)?.value ?? null;
  useEffect(() => {
    if (todays) setVisit((v) => v ?? todays);
  }, [todays]);
  const go = (sign: boolean) => {
    if (!code) return;
    issue.mutate(
      { templateCode: code, appointmentId: visit },
      {
        onSuccess: (d) => {
          notifySaved(t('docs.issue.issued', { title: d.title }));
          setCode(null);
          onIssued(d, sign);
        },
      },
    );
  };
  return (
    <Group align="flex-end" gap="xs" wrap="wrap" data-testid="document-issue">
      <Select
        label={t('docs.issue.title')}
        placeholder={t('docs.issue.templatePlaceholder')}
        data={groups}
        value={code}
        onChange={setCode}
        searchable
        maxDropdownHeight={360}
        comboboxProps={{ width: 460 }}
        style={{ flex: '1 1 320px' }}
        data-testid="document-template"
      />
      <Select
        label={t('docs.issue.visit')}
        placeholder={t('docs.issue.noVisit')}
        data={visitOptions}
        value={visit}
        onChange={setVisit}
        clearable
        w={190}
        data-testid="document-visit"
      />
      <Button variant="light" disabled={!code} loading={issue.isPending} onClick={() => go(false)} data-testid="document-issue-only">
        {t('docs.issue.submit')}
      </Button>
      <Button disabled={!code} loading={issue.isPending} onClick={() => go(true)} data-testid="document-issue-sign">
        {t('docs.issue.andSign')}
      </Button>
    </Group>
  );
}
