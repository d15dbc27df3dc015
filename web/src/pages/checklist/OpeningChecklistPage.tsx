import { SegmentedControl, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useBranches } from '../../api/clinic';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../../components/session';
import { ChecklistItemsEditor } from './ChecklistItemsEditor';
import { ChecklistReportView } from './ChecklistReportView';
import { TodayChecklist } from './TodayChecklist';

/**
 * «Открытие смены» (DESK-1): at 08:45 the administrator opens this one page and ticks the
 * morning routine in big boxes; the owner and the chief doctor also get the report of late and
 * skipped openings and the items of each branch. The tab and the branch live in the URL.
 */
export function OpeningChecklistPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const branches = (useBranches().data?.items ?? []).filter((b) => b.isActive);
  const branchId = params.get('branch') ?? branches[0]?.id ?? null;
  const manage = can('checklist.manage');
  const tab = manage ? params.get('tab') ?? 'today' : 'today';
  const set = (key: string, value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set(key, value);
      return next;
    }, { replace: true });

  const picker = branches.length > 1 && (
    <SegmentedControl
      data-testid="checklist-branch"
      value={branchId ?? ''}
      onChange={(v) => set('branch', v)}
      data={branches.map((b) => ({ value: b.id, label: b.name }))}
    />
  );
  const today = branchId && <TodayChecklist branchId={branchId} />;
  return (
    <Stack gap="md">
      <PageHeader title={t('checklist.title')}>{picker}</PageHeader>
      <Text size="sm" c="dimmed" mt={-12}>
        {t('checklist.hint')}
      </Text>
      {!manage ? (
        today
      ) : (
        <Tabs value={tab} onChange={(v) => set('tab', v ?? 'today')} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="today" data-testid="checklist-tab-today">{t('checklist.tabs.today')}</Tabs.Tab>
            <Tabs.Tab value="report" data-testid="checklist-tab-report">{t('checklist.tabs.report')}</Tabs.Tab>
            <Tabs.Tab value="items" data-testid="checklist-tab-items">{t('checklist.tabs.items')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="today">{today}</Tabs.Panel>
          <Tabs.Panel value="report"><ChecklistReportView branches={branches} /></Tabs.Panel>
          <Tabs.Panel value="items">{branchId && <ChecklistItemsEditor branchId={branchId} />}</Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
