import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../../components/session';
import { InsurersTab } from './InsurersTab';
import { JournalTab } from './JournalTab';
import { RegistersTab } from './RegistersTab';
import { TaxCertificatesTab } from './TaxCertificatesTab';

const TABS = ['journal', 'registers', 'insurers', 'tax'] as const;

/** «Страховые»: the insurance patients' journal, the monthly registers, the insurers and contracts, the issued tax certificates. */
export function InsurancePage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const tabs = TABS.filter((x) => (x === 'tax' ? can('taxcert.issue') : can('insurance.manage')));
  const tab = tabs.find((x) => x === params.get('tab')) ?? tabs[0];
  return (
    <Stack gap="md">
      <PageHeader title={t('ins.title')} />
      <Tabs value={tab} onChange={(v) => setParams(v ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {tabs.map((x) => <Tabs.Tab key={x} value={x} data-testid={`ins-tab-${x}`}>{t(`ins.tabs.${x}`)}</Tabs.Tab>)}
        </Tabs.List>
        <Tabs.Panel value="journal" pt="md"><JournalTab /></Tabs.Panel>
        <Tabs.Panel value="registers" pt="md"><RegistersTab /></Tabs.Panel>
        <Tabs.Panel value="insurers" pt="md"><InsurersTab /></Tabs.Panel>
        <Tabs.Panel value="tax" pt="md"><TaxCertificatesTab /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
