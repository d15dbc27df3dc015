import { Anchor, Badge, Paper, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DOCUMENT_KINDS } from '../../../../src/domain/document-template-format.js';
import { useTemplates, type TemplateT } from '../../api/documentTemplates';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { formatInstant } from '../../lib/format';
import { DocumentSettingsPanel } from './DocumentSettingsPanel';
import { LegalReferencesPanel } from './LegalReferencesPanel';

/**
 * Settings → «Шаблоны документов» (issue #11, documents.manage): every template of the clinic by
 * kind with its version and date; a template opens in the editor. Tabs for the legal references
 * (one editable place for the law citations) and the questionnaire's renewal period.
 */
export function DocumentTemplatesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'templates';
  return (
    <Stack gap="md" maw={1100}>
      <PageHeader title={t('tpl.title')} />
      <Text size="sm" c="dimmed" mt={-12}>{t('tpl.subtitle')}</Text>
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'templates' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="templates" data-testid="tpl-tab-templates">{t('tpl.tabs.templates')}</Tabs.Tab>
          <Tabs.Tab value="legal" data-testid="tpl-tab-legal">{t('tpl.tabs.legal')}</Tabs.Tab>
          <Tabs.Tab value="settings" data-testid="tpl-tab-settings">{t('tpl.tabs.settings')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="templates" pt="md"><TemplateList /></Tabs.Panel>
        <Tabs.Panel value="legal" pt="md"><LegalReferencesPanel /></Tabs.Panel>
        <Tabs.Panel value="settings" pt="md"><DocumentSettingsPanel /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function TemplateList() {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const q = useTemplates();
  const [search, setSearch] = useState('');
  const groups = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase('ru');
    const items = (q.data?.items ?? []).filter((x) => !needle || x.title.toLocaleLowerCase('ru').includes(needle) || x.code.includes(needle));
    return DOCUMENT_KINDS.map((kind) => ({ kind, items: items.filter((x) => x.kind === kind).sort((a, b) => a.title.localeCompare(b.title, 'ru')) })).filter((g) => g.items.length);
  }, [q.data, search]);
  if (!q.data) return <QueryState isPending={q.isPending} error={q.error} />;
  const row = (x: TemplateT) => (
    <Table.Tr key={x.code} data-testid={`tpl-row-${x.code}`}>
      <Table.Td>
        <Anchor component={Link} to={`/settings/document-templates/${x.code}`} size="sm" data-testid={`tpl-open-${x.code}`}>{x.title}</Anchor>
      </Table.Td>
      <Table.Td w={110}><Text size="sm">{t('tpl.versionN', { version: x.version })}</Text></Table.Td>
      <Table.Td w={170}><Text size="sm" c="dimmed">{x.createdBy ? formatInstant(x.createdAt, tz) : t('tpl.builtIn')}</Text></Table.Td>
      <Table.Td w={110}>{x.audience === 'staff' ? <Badge variant="light" color="gray">{t('tpl.audience.staff')}</Badge> : <Badge variant="light">{t('tpl.audience.patient')}</Badge>}</Table.Td>
    </Table.Tr>
  );
  return (
    <Stack gap="md">
      <TextInput w={320} placeholder={t('tpl.search')} aria-label={t('tpl.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} data-testid="tpl-search" />
      {!groups.length && <Text c="dimmed">{t('tpl.nothingFound')}</Text>}
      {groups.map((g) => (
        <Paper key={g.kind} withBorder p="sm" radius="sm">
          <Title order={4} size="h5" mb="xs">{t(`tpl.kind.${g.kind}`)}</Title>
          <Table verticalSpacing={6} highlightOnHover layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tpl.col.title')}</Table.Th>
                <Table.Th w={110}>{t('tpl.col.version')}</Table.Th>
                <Table.Th w={170}>{t('tpl.col.date')}</Table.Th>
                <Table.Th w={110}>{t('tpl.col.audience')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{g.items.map(row)}</Table.Tbody>
          </Table>
        </Paper>
      ))}
    </Stack>
  );
}
