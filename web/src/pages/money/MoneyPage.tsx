import { Button, Group, Select, Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { addDays } from '../../../../src/domain/dates.js';
import { useBranches } from '../../api/clinic';
import type { Drill, Period } from '../../api/money';
import { DateField } from '../../components/DateField';
import { PageHeader } from '../../components/PageHeader';
import { useClinicTimeZone } from '../../components/session';
import { todayIn, validDate } from '../../lib/format';
import { DebtsTab } from './DebtsTab';
import { DrillModal } from './DrillModal';
import { RevenueTab } from './RevenueTab';
import { ShiftsTab } from './ShiftsTab';

const firstOfMonth = (d: string) => `${d.slice(0, 8)}01`;

/** «Деньги»: the owner's view of the clinic's money for any period of clinic days (money.report). */
export function MoneyPage() {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const today = todayIn(tz);
  const [params, setParams] = useSearchParams();
  const from = validDate(params.get('from'), firstOfMonth(today));
  const to = validDate(params.get('to'), today);
  const branchId = params.get('branch') ?? undefined;
  const tab = params.get('tab') ?? 'revenue';
  const branches = useBranches().data?.items ?? [];
  const [drill, setDrill] = useState<Drill | null>(null);
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v) next.set(k, v); else next.delete(k);
    setParams(next, { replace: true });
  };
  const period: Period = { from, to, ...(branchId ? { branchId } : {}) };
  const prevMonthEnd = addDays(firstOfMonth(today), -1);
  return (
    <Stack gap="md">
      <PageHeader title={t('money.title')} />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <DateField label={t('money.from')} value={from} onChange={(v) => v && set({ from: v })} w={150} data-testid="money-from" />
        <DateField label={t('money.to')} value={to} onChange={(v) => v && set({ to: v })} w={150} data-testid="money-to" />
        <Select
          label={t('money.branch')}
          data={[{ value: '', label: t('money.allBranches') }, ...branches.map((b) => ({ value: b.id, label: b.name }))]}
          value={branchId ?? ''}
          onChange={(v) => set({ branch: v || null })}
          w={220}
          allowDeselect={false}
        />
        <Button.Group>
          <Button variant="default" onClick={() => set({ from: today, to: today })}>{t('money.presets.today')}</Button>
          <Button variant="default" onClick={() => set({ from: addDays(today, -6), to: today })}>{t('money.presets.week')}</Button>
          <Button variant="default" onClick={() => set({ from: firstOfMonth(today), to: today })}>{t('money.presets.month')}</Button>
          <Button variant="default" onClick={() => set({ from: firstOfMonth(prevMonthEnd), to: prevMonthEnd })} data-testid="money-prev-month">{t('money.presets.prevMonth')}</Button>
        </Button.Group>
      </Group>
      <Tabs value={tab} onChange={(v) => set({ tab: v === 'revenue' ? null : v })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="revenue" data-testid="money-tab-revenue">{t('money.tabs.revenue')}</Tabs.Tab>
          <Tabs.Tab value="debts" data-testid="money-tab-debts">{t('money.tabs.debts')}</Tabs.Tab>
          <Tabs.Tab value="shifts" data-testid="money-tab-shifts">{t('money.tabs.shifts')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="revenue"><RevenueTab period={period} open={setDrill} /></Tabs.Panel>
        <Tabs.Panel value="debts"><DebtsTab period={period} /></Tabs.Panel>
        <Tabs.Panel value="shifts"><ShiftsTab period={period} open={setDrill} /></Tabs.Panel>
      </Tabs>
      <DrillModal drill={drill} onClose={() => setDrill(null)} />
    </Stack>
  );
}
