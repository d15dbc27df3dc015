import { Badge, Stack, Tabs, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useWorklistCounts } from '../../api/worklists';
import { PageHeader } from '../../components/PageHeader';
import { DayNav, useDayParam } from '../desk/DayNav';
import { GapsPage } from '../desk/GapsPage';
import { CallbackTab } from './CallbackTab';
import { ConfirmationTab } from './ConfirmationTab';
import { RecallTab } from './RecallTab';
import { SurveysTab } from './SurveysTab';
import { useSurveyWorklist } from '../../api/surveys';
import { useCan } from '../../components/session';

const TABS = ['confirmations', 'callbacks', 'recall', 'surveys', 'gaps'] as const;
type Tab = (typeof TABS)[number];

/** «Обзвон»: the desk's outgoing calls of a day, one tab per list, with what is left to call on each. */
export function WorklistsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const [date, setDate] = useDayParam('today');
  const asked = params.get('tab') ?? '';
  const tab: Tab = (TABS as readonly string[]).includes(asked) && (asked !== 'surveys' || can('calls.write')) ? (asked as Tab) : 'confirmations';
  const counts = useWorklistCounts(date);
  const surveys = useSurveyWorklist(can('calls.write'));
  const count = (n: number | undefined) => (n ? <Badge size="sm" circle={n < 10} color="orange" ml={6}>{n}</Badge> : null);
  return (
    <Stack gap="md">
      <PageHeader title={t('worklists.title')} />
      <Text size="sm" c="dimmed" mt={-12}>{t('worklists.hint')}</Text>
      {tab !== 'gaps' && tab !== 'surveys' && <DayNav date={date} onChange={setDate} />}
      <Tabs value={tab} onChange={(v) => setParams((p) => { p.set('tab', v ?? 'confirmations'); return p; })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="confirmations" data-testid="tab-confirmations">{t('worklists.tabs.confirmations')}{count(counts.data?.confirmations)}</Tabs.Tab>
          <Tabs.Tab value="callbacks" data-testid="tab-callbacks">{t('worklists.tabs.callbacks')}{count(counts.data?.callbacks)}</Tabs.Tab>
          <Tabs.Tab value="recall" data-testid="tab-recall">{t('worklists.tabs.recall')}{count(counts.data?.recall)}</Tabs.Tab>
          {can('calls.write') && <Tabs.Tab value="surveys" data-testid="tab-surveys">{t('surveys.tab')}{count(surveys.data?.items.length)}</Tabs.Tab>}
          <Tabs.Tab value="gaps" data-testid="tab-gaps">{t('worklists.tabs.gaps')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="confirmations" pt="md"><ConfirmationTab date={date} /></Tabs.Panel>
        <Tabs.Panel value="callbacks" pt="md"><CallbackTab date={date} /></Tabs.Panel>
        <Tabs.Panel value="recall" pt="md"><RecallTab date={date} /></Tabs.Panel>
        <Tabs.Panel value="surveys" pt="md"><SurveysTab /></Tabs.Panel>
        <Tabs.Panel value="gaps" pt="md"><GapsPage /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
