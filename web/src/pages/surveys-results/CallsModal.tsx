import { Anchor, Badge, Group, Modal, Pagination, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSurveyCalls, type CallsDrill, type SurveyFilterT } from '../../api/surveyResults';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { formatDate, formatInstant } from '../../lib/format';
import { headerLabel, NpsBadge, questionLabel } from './shared';

const PAGE = 25;

/** The survey calls behind a figure: patient, visit, doctor, every score, the complaint and the comment; paged. */
export function CallsModal({ filter, drill, onClose }: { filter: SurveyFilterT; drill: CallsDrill | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [drill]);
  const q = useSurveyCalls(filter, drill, (page - 1) * PAGE, PAGE);
  const data = q.data;
  const scored = (data?.questions ?? []).filter((x) => x.kind === 'score5');
  return (
    <Modal opened={!!drill} onClose={onClose} title={drill?.title} size="80rem" data-testid="survey-calls-modal">
      <QueryState isPending={q.isPending && !!drill} error={q.error} />
      {data && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" data-testid="survey-calls-count">{t('surveyResults.list.count', { total: data.total })}</Text>
          {data.items.length === 0 ? (
            <Text c="dimmed">{t('surveyResults.list.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={1050}>
            <Table striped highlightOnHover fz="sm" horizontalSpacing="xs" data-testid="survey-calls-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('surveyResults.list.date')}</Table.Th>
                  <Table.Th>{t('surveyResults.list.patient')}</Table.Th>
                  {[...scored.map((x) => questionLabel(x, t, lang)), t('surveyResults.q.recommend')].map((label, i) => (
                    <Table.Th key={i} ta="center" fz="xs" style={{ whiteSpace: 'normal', lineHeight: 1.2, verticalAlign: 'bottom', width: 84, minWidth: 84, maxWidth: 84 }}>{headerLabel(label)}</Table.Th>
                  ))}
                  <Table.Th style={{ minWidth: 220 }}>{t('surveyResults.list.comment')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((c) => (
                  <Table.Tr key={c.id} data-testid="survey-call-row" style={c.low ? { background: 'var(--mantine-color-red-0)' } : undefined}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {c.visitDate ? formatDate(c.visitDate) : '—'}
                      {c.doctorName && <Text size="sm">{c.doctorName}</Text>}
                      <Text size="xs" c="dimmed">{t('surveyResults.list.called')}: {formatInstant(c.calledAt, tz)}</Text>
                    </Table.Td>
                    <Table.Td style={{ minWidth: 180 }}>
                      <Anchor component={Link} to={`/patients/${c.patientId}`} data-testid="survey-call-patient">{c.patientName}</Anchor>
                      {c.services.length > 0 && <Text size="xs" c="dimmed">{c.services.join(', ')}</Text>}
                    </Table.Td>
                    {scored.map((x) => {
                      const v = c.scores[x.key];
                      return <Table.Td key={x.key} ta="center" fw={v !== undefined && v <= 2 ? 700 : undefined} c={v === undefined ? 'dimmed' : v <= 2 ? 'red.7' : v >= 5 ? 'teal.7' : undefined}>{v ?? '—'}</Table.Td>;
                    })}
                    <Table.Td ta="center"><NpsBadge score={c.nps} /></Table.Td>
                    <Table.Td style={{ minWidth: 220 }}>
                      <Group gap={4} mb={c.comment ? 2 : 0}>
                        {c.complaint && <Badge color="red" size="sm">{t('surveyResults.list.complaint')}</Badge>}
                        {c.low && !c.complaint && <Badge color="orange" variant="light" size="sm">{t('surveyResults.list.low')}</Badge>}
                      </Group>
                      {c.comment && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{c.comment}</Text>}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            </Table.ScrollContainer>
          )}
          {data.total > PAGE && <Pagination total={Math.ceil(data.total / PAGE)} value={page} onChange={setPage} data-testid="survey-calls-pages" />}
        </Stack>
      )}
    </Modal>
  );
}
