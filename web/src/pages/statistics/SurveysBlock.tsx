import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSurveyResults } from '../../api/surveyResults';
import { QueryState } from '../../components/QueryState';
import { Block, Figure } from './parts';

const pct = (v: number | null) => (v === null ? '—' : String(Math.round(v)));

/**
 * The post-treatment survey on the dashboard (issue #14 with #12's results): NPS, how many were
 * surveyed, complaints and low scores for the same period and branch; the full results a click away.
 */
export function SurveysBlock({ from, to, branchId }: { from: string; to: string; branchId?: string }) {
  const { t } = useTranslation();
  const q = useSurveyResults({ from, to, ...(branchId && { branchId }) });
  const link = `/surveys/results?from=${from}&to=${to}${branchId ? `&branch=${branchId}` : ''}`;
  const r = q.data?.total;
  return (
    <Block title={t('stats.surveys.title')} testId="stats-surveys">
      {!r ? <QueryState isPending={q.isPending} error={q.error} /> : (
        <>
          <Group gap="xl" align="flex-start" mb="xs">
            <Figure label={t('stats.surveys.nps')} value={pct(r.nps)} hint={t('stats.surveys.npsHint', { count: r.npsCount })} testId="stats-surveys-nps"
              color={r.nps === null ? undefined : r.nps >= 50 ? 'teal.8' : r.nps >= 0 ? 'yellow.8' : 'red.8'} />
            <Figure label={t('stats.surveys.count')} value={String(r.count)} testId="stats-surveys-count" />
            <Figure label={t('stats.surveys.complaints')} value={String(r.complaints)} testId="stats-surveys-complaints" color={r.complaints ? 'red.8' : undefined} />
            <Figure label={t('stats.surveys.low')} value={String(r.low)} testId="stats-surveys-low" />
          </Group>
          {r.count === 0 && <Text size="sm" c="dimmed">{t('stats.surveys.none')}</Text>}
          <Anchor component={Link} to={link} size="sm" data-testid="stats-surveys-link">{t('stats.surveys.open')}</Anchor>
        </>
      )}
    </Block>
  );
}
