import { Alert, Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSurveyWorklist, type SurveyItemT } from '../../api/surveys';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone } from '../../components/session';
import { dateOf, displayPhone, formatDate, timeOf } from '../../lib/format';
import { dayNumber } from '../../../../src/domain/dates.js';
import { QuestionnaireEditor } from './QuestionnaireEditor';
import { SurveyAttempts, SurveyCallDialog } from './SurveyCallDialog';

/** «Опросы после лечения» in «Обзвон» (SURV-1/2): whom to survey today; the chief doctor also edits the questionnaire here. */
export function SurveysTab() {
  const { t } = useTranslation();
  const can = useCan();
  const [sub, setSub] = useState<'list' | 'questionnaire'>('list');
  return (
    <Stack gap="sm">
      {can('surveys.manage') && (
        <SegmentedControl w="fit-content" value={sub} onChange={(v) => setSub(v as typeof sub)} data-testid="surveys-sub"
          data={[{ value: 'list', label: t('surveys.sub.list') }, { value: 'questionnaire', label: t('surveys.sub.questionnaire') }]} />
      )}
      {sub === 'questionnaire' && can('surveys.manage') ? <QuestionnaireEditor /> : <SurveyList />}
    </Stack>
  );
}

function SurveyList() {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const q = useSurveyWorklist();
  const [open, setOpen] = useState<SurveyItemT | null>(null);
  if (!q.data) return <QueryState isPending={q.isPending} error={q.error} />;
  const { items, later, settings, today } = q.data;
  const row = (i: SurveyItemT, laterRow: boolean) => (
    <Table.Tr key={i.patientId} data-testid={`survey-row-${i.patientId}`}>
      <Table.Td><Anchor component={Link} to={`/patients/${i.patientId}`} size="sm">{i.patientName}</Anchor></Table.Td>
      <Table.Td>{i.phone ? <Anchor href={`tel:${i.phone}`} size="sm" style={{ whiteSpace: 'nowrap' }}>{displayPhone(i.phone)}</Anchor> : '—'}</Table.Td>
      <Table.Td><Text size="sm">{i.doctorName ?? '—'}</Text></Table.Td>
      <Table.Td>
        <Text size="sm">{formatDate(i.visitDate)}</Text>
        <Text size="xs" c="dimmed">{t('surveys.daysAgo', { count: dayNumber(today) - dayNumber(i.visitDate) })}</Text>
      </Table.Td>
      <Table.Td>
        {i.preferredTime && <Text size="sm">{i.preferredTime}</Text>}
        <Text size={i.preferredTime ? 'xs' : 'sm'} c={i.preferredTime ? 'dimmed' : undefined}>{t(`surveys.channel.${i.channel}`)}</Text>
      </Table.Td>
      <Table.Td>
        {i.callbackAt && <Badge size="sm" variant="light" color={laterRow ? 'blue' : 'red'} mb={4}>{t('surveys.callbackDue', { date: formatDate(dateOf(i.callbackAt, tz)), time: timeOf(i.callbackAt, tz) })}</Badge>}
        <SurveyAttempts history={i.history} />
      </Table.Td>
      <Table.Td>
        <Button size="xs" variant={laterRow ? 'light' : 'filled'} onClick={() => setOpen(i)} data-testid={`survey-open-${i.patientId}`}>{t('surveys.open')}</Button>
      </Table.Td>
    </Table.Tr>
  );
  const head = (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{t('surveys.col.patient')}</Table.Th>
        <Table.Th w={150}>{t('surveys.col.phone')}</Table.Th>
        <Table.Th w={140}>{t('surveys.col.doctor')}</Table.Th>
        <Table.Th w={115}>{t('surveys.col.ended')}</Table.Th>
        <Table.Th w={165}>{t('surveys.col.prefer')}</Table.Th>
        <Table.Th w={230}>{t('surveys.col.attempts')}</Table.Th>
        <Table.Th w={110} />
      </Table.Tr>
    </Table.Thead>
  );
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('surveys.hint', { after: settings.afterDays, count: settings.afterDays + 14 })} {t('surveys.repeat', { count: settings.repeatDays })}
      </Text>
      {items.length === 0 ? (
        <Alert color="gray" variant="light" data-testid="surveys-empty">{t('surveys.empty')}</Alert>
      ) : (
        <Table verticalSpacing={6} highlightOnHover data-testid="surveys-list">{head}<Table.Tbody>{items.map((i) => row(i, false))}</Table.Tbody></Table>
      )}
      {later.length > 0 && (
        <>
          <Group gap="xs" mt="md"><Title order={5}>{t('surveys.later')}</Title><Badge variant="light" color="blue">{later.length}</Badge></Group>
          <Table verticalSpacing={6} data-testid="surveys-later">{head}<Table.Tbody>{later.map((i) => row(i, true))}</Table.Tbody></Table>
        </>
      )}
      {open && <SurveyCallDialog item={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
