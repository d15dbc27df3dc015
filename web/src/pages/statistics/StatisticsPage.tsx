import { Button, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { addDays, daysInMonth, mondayOf } from '../../../../src/domain/dates.js';
import { useBranches } from '../../api/clinic';
import { useStatistics, type Drill } from '../../api/statistics';
import { DateField } from '../../components/DateField';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useCan, useClinicTimeZone } from '../../components/session';
import { ConversionPanel } from '../calls/ConversionPanel';
import { todayIn, validDate } from '../../lib/format';
import { DrillModal } from './DrillModal';
import { LoadBlock } from './LoadBlock';
import { ProgressBlock, RevenueBlock, SourcesBlock } from './MoreBlocks';
import { Block } from './parts';
import { SurveysBlock } from './SurveysBlock';
import { VisitsBlock } from './VisitsBlock';

type Preset = 'today' | 'yesterday' | 'week' | 'month' | 'lastMonth' | 'year';
const PRESETS: Preset[] = ['today', 'yesterday', 'week', 'month', 'lastMonth', 'year'];

function presetRange(p: Preset, today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number);
  const monthStart = today.slice(0, 8) + '01';
  switch (p) {
    case 'today': return { from: today, to: today };
    case 'yesterday': return { from: addDays(today, -1), to: addDays(today, -1) };
    case 'week': return { from: mondayOf(today), to: today };
    case 'month': return { from: monthStart, to: today };
    case 'lastMonth': {
      const py = m === 1 ? y - 1 : y;
      const pm = m === 1 ? 12 : m - 1;
      const mm = String(pm).padStart(2, '0');
      return { from: `${py}-${mm}-01`, to: `${py}-${mm}-${String(daysInMonth(py, pm)).padStart(2, '0')}` };
    }
    case 'year': return { from: `${y}-01-01`, to: today };
  }
}

/**
 * «Статистика» (issue 14): the owner's and the chief doctor's view of the clinic for today or any
 * period, per branch or all — visits, no-shows, chair load, sources, confirmation and recall,
 * revenue. Every figure opens the visits or patients behind it; every table exports to CSV.
 * The period and the branch live in the URL, so a view can be bookmarked or sent.
 */
export function StatisticsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const tz = useClinicTimeZone();
  const today = todayIn(tz);
  const [params, setParams] = useSearchParams();
  const from = validDate(params.get('from'), today);
  const to = validDate(params.get('to'), from);
  const branchId = params.get('branch') ?? undefined;
  const branches = useBranches().data?.items ?? [];
  const [drill, setDrill] = useState<Drill | null>(null);
  const period = { from, to, ...(branchId && { branchId }) };
  const stats = useStatistics(period);
  const set = (next: Record<string, string | null>) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      for (const [k, v] of Object.entries(next)) v ? n.set(k, v) : n.delete(k);
      return n;
    }, { replace: true });
  const branchName = (id: string) => branches.find((b) => b.id === id)?.name ?? '';
  const active = PRESETS.find((p) => { const r = presetRange(p, today); return r.from === from && r.to === to; });

  return (
    <Stack gap="md">
      <PageHeader title={t('stats.title')} />
      <Text size="sm" c="dimmed" mt={-12}>{t('stats.hint')}</Text>
      <Button.Group>
        {PRESETS.map((p) => (
          <Button key={p} size="sm" variant={active === p ? 'filled' : 'default'} onClick={() => set(presetRange(p, today))} data-testid={`stats-preset-${p}`}>
            {t(`stats.period.${p}`)}
          </Button>
        ))}
      </Button.Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <DateField label={t('stats.period.from')} value={from} onChange={(v) => v && set({ from: v, ...(v > to && { to: v }) })} clearable={false} w={140} data-testid="stats-from" />
        <DateField label={t('stats.period.to')} value={to} onChange={(v) => v && set({ to: v, ...(v < from && { from: v }) })} clearable={false} w={140} data-testid="stats-to" />
        {branches.length > 1 && (
          <Select
            label={t('stats.branch')}
            data={[{ value: '', label: t('stats.allBranches') }, ...branches.map((b) => ({ value: b.id, label: b.name }))]}
            value={branchId ?? ''}
            onChange={(v) => set({ branch: v || null })}
            allowDeselect={false}
            w={220}
            data-testid="stats-branch"
          />
        )}
      </Group>
      {!stats.data ? (
        <QueryState isPending={stats.isPending} error={stats.error} />
      ) : (
        <Stack gap="md" data-testid="stats-dashboard" style={{ opacity: stats.isFetching ? 0.6 : 1 }}>
          <VisitsBlock s={stats.data} open={setDrill} />
          <LoadBlock s={stats.data} open={setDrill} branchName={branchName} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <SourcesBlock s={stats.data} open={setDrill} />
            <ProgressBlock s={stats.data} open={setDrill} />
          </SimpleGrid>
          <RevenueBlock s={stats.data} open={setDrill} />
          {can('surveys.read') && <SurveysBlock from={from} to={to} branchId={branchId} />}
          {can('calls.manage') && (
            <Block title={t('stats.conversion.title')} testId="stats-conversion">
              <ConversionPanel from={from} to={to} />
            </Block>
          )}
        </Stack>
      )}
      <DrillModal period={period} drill={drill} onClose={() => setDrill(null)} />
    </Stack>
  );
}
